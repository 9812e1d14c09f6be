"""Regenerate docs/plan.svg: the software firm's example plan as `socialready show` renders it.

Run: python scripts/make_docs.py
"""

from __future__ import annotations

import os
from pathlib import Path

from socialready.output import terminal
from socialready.planfile.document import load_document

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-03-02"  # the picture shows the plan as on this day (tests/conftest.py: the same)


def main() -> int:
    os.environ["SOCIALREADY_TODAY"] = TODAY
    document = load_document(ROOT / "plans" / "software.yaml")
    target = ROOT / "docs" / "plan.svg"
    target.parent.mkdir(exist_ok=True)
    terminal.export_svg(document, target, width=110)
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
