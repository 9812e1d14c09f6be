"""A `#` typed in a step's own field: YAML reads ` #LindewaardPeilt` as a comment, so the note
loses it. Such a comment is never a reason to refuse and never cut: it is kept on its line when
the plan is rewritten, and the reader is told once how to quote it if it belongs to the text."""

# Annotations evaluated, not postponed: a NamedTuple or TypedDict field given as a string is
# compiled at every start (about 1M instructions a class).

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from socialready.planfile.owned import STEP_FIELDS

# Compiled (by `re`) only for a plan with comments.
_STEP = r"^- id: *['\"]?([\w-]+)['\"]? *$"
_FIELD = r"^  (" + "|".join(STEP_FIELDS) + r"):(.*)$"


class Kept(NamedTuple):
    """A comment after a step's own field, where a hashtag was meant as part of the text."""

    step: str
    field: str
    comment: str  # as typed, from its `#`


def _places(lines: list[str]) -> dict[int, tuple[str, str, str]]:
    """Line number (from 1) -> the step id, field and text after the colon, for each owned
    field of a step in the plan's own layout (`steps:` then `- id: x` and two-space keys)."""
    found: dict[int, tuple[str, str, str]] = {}
    in_steps = False
    step = ""
    for number, line in enumerate(lines, start=1):
        if line and not line[0].isspace() and not line.startswith("-"):
            in_steps = line.startswith("steps:")
            step = ""
            continue
        if not in_steps:
            continue
        started = re.match(_STEP, line.rstrip())
        if started:
            step = started.group(1)
            continue
        field = re.match(_FIELD, line)
        if step and field:
            found[number] = (step, field.group(1), field.group(2))
    return found


def split(comments: list[tuple[int, str]], text: str) -> tuple[list[Kept], list[tuple[int, str]]]:
    """The comments that follow a step's own field (kept where they are), and the others."""
    if not comments:
        return [], []
    places = _places(text.replace("\r\n", "\n").split("\n"))
    kept: list[Kept] = []
    other: list[tuple[int, str]] = []
    for number, comment in comments:
        place = places.get(number)
        if place is None:
            other.append((number, comment))
            continue
        step, field, _ = place
        kept.append(Kept(step, field, comment))
    return kept, other


def attach(text: str, kept: list[Kept]) -> str:
    """The plan's text with each kept comment back on its field's line, as it was typed."""
    if not kept:
        return text
    lines = text.split("\n")
    wanted = {(item.step, item.field): item.comment for item in kept}
    for number, (step, field, after) in _places(lines).items():
        comment = wanted.get((step, field))
        if comment is None:
            continue
        value = after.strip()
        shown = "" if value in ("", "null", "~") else f" {value}"
        lines[number - 1] = f"  {field}:{shown} {comment}"
    return "\n".join(lines)


def hint(kept: list[Kept], lang: str, source: str, steps: Sequence[Mapping[str, object]]) -> str:
    """One sentence: which field has a `#` read as a comment, and how to quote the value with
    it (`steps`: the plan's steps as read, for the value YAML found before the `#`)."""
    from socialready import rules
    from socialready.text import text

    item = kept[0]
    number = rules.STEP_IDS.index(item.step) + 1 if item.step in rules.STEP_IDS else item.step
    where = f"{text('step_n', lang, n=number)}, {text('fields.' + item.field, lang)}"
    found = next((s.get(item.field) for s in steps if s.get("id") == item.step), None)
    before = "" if found is None else str(found)
    whole = f"{before} {item.comment}".strip()
    quoted = "'" + whole.replace("'", "''") + "'"
    which = "plan.hashtag" if item.field in ("owner", "notes") else "plan.hashtag_notes"
    return text(
        which,
        lang,
        path=source,
        where=where,
        key=f"steps[{item.step}].{item.field}",
        comment=item.comment,
        field=item.field,
        quoted=quoted,
        more=text("plan.hashtag_more", lang, n=len(kept) - 1) if len(kept) > 1 else "",
    )
