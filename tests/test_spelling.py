"""Dutch as a native writes it: every Dutch text of generated plans, of the messages and of
README.nl.md through hunspell's Dutch dictionary, with a short reviewed list of allowed words
(tests/fixtures/spelling-nl.txt). An English word in Dutch output fails here. Skipped, saying
so, where hunspell or its Dutch dictionary is missing (scripts/check installs them)."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from socialready import answers as answers_mod
from socialready import questionnaire
from socialready import text as text_mod
from socialready.model import PlanDoc
from socialready.planfile import owned, shape
from socialready.planfile.document import Plan, build

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "socialready" / "data"
ALLOWED = Path(__file__).parent / "fixtures" / "spelling-nl.txt"
PLANS = 2000 if os.environ.get("SOCIALREADY_TESTS") == "full" else 300


def _dictionary() -> bool:
    if not shutil.which("hunspell"):
        return False
    found = subprocess.run(
        ["hunspell", "-D"], capture_output=True, text=True, input="", check=False
    )
    return bool(re.search(r"/nl(_NL)?\s*$", found.stderr, re.MULTILINE))


pytestmark = pytest.mark.skipif(
    not _dictionary(), reason="hunspell with a Dutch dictionary (hunspell-nl) is not installed"
)


def _allowed() -> set[str]:
    lines = ALLOWED.read_text("utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def _unknown(text: str) -> dict[str, int]:
    """Words hunspell's Dutch dictionary does not know, with how often each occurs, less the
    allowed ones, numbers (65+, 2024/900) and commands between backticks."""
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"(?<!\w)['‘’]|['‘’](?!\w)", " ", text)  # quotes, not the ' of kpi's
    text = re.sub(r"[\w./~<>-]+\.(?:ya?ml|md|ics|html|json)\b", " ", text)  # file names
    text = re.sub(r"[~$][\w./-]*", " ", text)  # paths: ~/.profile, $HOME/.local/bin
    found = subprocess.run(
        ["hunspell", "-i", "utf-8", "-d", "nl", "-l"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    allowed = _allowed()
    counts: dict[str, int] = {}
    for word in found:
        bare = word.strip(".,:;!?()'‘’\"")
        if bare in allowed or word in allowed or re.search(r"\d", word):
            continue
        if not re.search(r"[^\W\d_]", bare):  # no letter in it: + or /
            continue
            continue
        counts[bare] = counts.get(bare, 0) + 1
    return counts


def _answers(rng: random.Random) -> dict[str, Any]:
    """A random valid answer set; its own text (name, interests) is no part of what we check."""
    qs = questionnaire.load()
    given: dict[str, Any] = {}
    for q in qs.questions:
        if q.kind == "text":
            value: Any = "Gemeente Lindewaard" if q.required else ""
        elif q.kind == "one":
            value = rng.choice(q.values)
        elif q.kind == "many":
            low = q.min_selected or 0
            value = rng.sample(list(q.values), rng.randint(low, max(low, min(5, len(q.values)))))
        elif q.kind == "number":
            value = round(rng.uniform(q.minimum, q.maximum), 1)
        elif q.kind == "integer":
            value = rng.randint(int(q.minimum), int(min(q.maximum, 6)))
        elif q.kind == "channels":  # a few current channels, each used as it may be
            works = q.field("works").values
            value = {
                channel: {"posts_per_week": rng.choice((None, 1, 7)), "works": rng.choice(works)}
                for channel in rng.sample(list(q.values), rng.randint(0, 3))
            }
        else:
            value = rng.random() < 0.5
        given[q.key] = answers_mod.validate(q, value)
    filled, _ = answers_mod.complete(qs, given)
    return filled


def _plan_texts(document: PlanDoc) -> Iterator[str]:
    readiness = document["readiness"]
    yield readiness["summary"]
    for dimension in readiness["dimensions"].values():
        for finding in dimension["findings"]:
            yield finding["says"]
            yield finding["do"]
    channels = document["channels"]
    yield str(channels["workload"].get("summary") or "")
    for item in channels["recommended"]:
        yield item["cadence"]
        yield item["why"]
    for waiting in channels["not_now"]:
        yield waiting["why"]
    for step in document["steps"]:
        yield step["title"]
        yield step["why"]
        yield from step["actions"]


def test_the_dutch_of_generated_plans() -> None:
    rng = random.Random(16)
    texts: set[str] = set()
    for _ in range(PLANS):
        texts.update(_plan_texts(build(Plan(_answers(rng), "nl"))))
    unknown = _unknown("\n".join(sorted(texts)))
    assert not unknown, f"not Dutch, or misspelled, in {PLANS} plans: {unknown}"


def _dutch(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "nl":
                if isinstance(value, str):
                    yield value
                elif isinstance(value, dict):  # a singular and a plural form
                    yield from (text for text in value.values() if isinstance(text, str))
                elif isinstance(value, list):
                    yield from (text for text in value if isinstance(text, str))
            elif key != "en":
                yield from _dutch(value)
    elif isinstance(node, list):
        for item in node:
            yield from _dutch(item)


# Names a message may quote from the file as they are written there: the plan's keys.
FILE_KEYS = {
    *shape.TOP_KEYS, *owned.STEP_FIELDS, *owned.REVIEW_FIELDS, "steps", "why", "title", "rule",
    "says", "do", "cadence", "hours_per_week", "hours_needed", "hours_available", "channel",
    "organisation", "fingerprint", "version", "summary", "true", "false",
}  # fmt: skip


@pytest.mark.parametrize("name", ["text", "review", "questions"])
def test_the_dutch_of_the_messages(name: str) -> None:
    data = (
        json.loads((DATA / f"{name}.json").read_text("utf-8"))
        if name != "text"
        else text_mod.every()
    )
    text = "\n".join(_dutch(data))
    text = re.sub(r"\{[^}]*\}", " ", text)  # the blanks a message fills in
    text = re.sub(r"\b[a-z_]+(?:\.[a-z_{}<>]+)+\b", " ", text)  # answer keys: capacity.people
    text = re.sub(r"\b[a-z]+(?:_[a-z]+)+\b", " ", text)  # file keys: hours_per_week
    text = re.sub(r"(?<![\w-])--?[a-z][\w-]*", " ", text)  # options: --set, -o
    text = re.sub(r"\bsocialready [a-z]+\b", " ", text)  # commands: socialready assess
    unknown = {w: n for w, n in _unknown(text).items() if w not in FILE_KEYS}
    assert not unknown, f"not Dutch, or misspelled, in data/{name}.yaml: {unknown}"


def test_the_dutch_readme() -> None:
    text = (ROOT / "README.nl.md").read_text("utf-8")
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)  # commands and files, as typed
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"\*[^*\n]+\*(?=\s+in\s+\[README\.md)", " ", text)  # a heading of README.md
    text = re.sub(r"^\|?[\s|:-]+\|?$", " ", text, flags=re.MULTILINE)  # table rules
    unknown = _unknown(text)
    assert not unknown, f"not Dutch, or misspelled, in README.nl.md: {unknown}"
