"""Write the JSON copies of the data files that the program reads at start, and the plan's
JSON Schema (data/plan.schema.json) from its declaration in socialready/model.py. The texts
(data/text.<lang>.json, and the rules' sentences data/rules.<lang>.json) are written flat, one
file a language, every text by its id; data/rules.json keeps the rules' data without them (see
socialready/text.py).

The YAML files in src/socialready/data/ are the ones to edit (comments, readable diffs); reading
JSON at start is about 30 times faster, so each command starts sooner. A test checks the two
agree. Run after editing a data file: python scripts/build_data.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from socialready import text as text_mod
from socialready.planfile import shape, yamlio

DATA = Path(__file__).resolve().parent.parent / "src" / "socialready" / "data"
NAMES = (
    "questions",
    "countries",
    "rules",
    "facts",
    "text",
    "review",
    "grammar",
    "locales",
)


def main() -> int:
    loaded = {name: read_yaml(name) for name in NAMES}
    for lang in text_mod.LANGUAGES:
        for source in ("text", "rules"):
            loaded[f"{source}.{lang}"] = text_mod.flat(loaded[source], lang)
    del loaded["text"]
    loaded["rules"] = text_mod.without_texts(loaded["rules"])
    for name, data in loaded.items():
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        (DATA / f"{name}.json").write_text(text, "utf-8")
        print(f"wrote {name}.json")
    (DATA / "plan.schema.json").write_text(schema_text(), "utf-8")
    print("wrote plan.schema.json")
    return 0


def read_yaml(name: str) -> Any:
    source = DATA / f"{name}.yaml"
    return yamlio.loads(source.read_text("utf-8"), source.name)


def schema_text() -> str:
    return json.dumps(shape.json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
