"""What the user owns in a plan and how it is spelled: a step's status (its id, or a word shown
for it in either language) and dates. Any problem names the field and what to write; the rest of
the plan's shape is declared in model.py."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache

from socialready import questionnaire
from socialready.errors import BadInput, Text, msg
from socialready.model import Owned, ReviewDoc
from socialready.planfile.schedule import iso_date, out_of_range
from socialready.status import STATUSES
from socialready.text import text

STEP_FIELDS = tuple(Owned.__annotations__)  # status, owner, due, notes: in the order of the file
REVIEW_FIELDS = tuple(ReviewDoc.__annotations__)  # date, published, reply_time, ...
# More words a step's status may be given in the file (any case), besides the ids and the words
# shown for them (text ids statuses.*).
STATUS_ALSO = {
    "todo": ("to-do", "open", "nog te doen"),
    "doing": ("in progress", "busy", "begonnen", "loopt"),
    "done": ("gedaan", "af"),
    "skipped": ("skip", "niet nodig"),
}

Fail = Callable[[str, Text], BadInput]


@cache
def status_words() -> dict[str, str]:
    """Every spelling a status may have in the file, lower case, to its id: the ids, the words
    shown in either language (`klaar`, `to do`) and a few more (STATUS_ALSO)."""
    words: dict[str, str] = {status: status for status in STATUSES}
    for status in STATUSES:
        for lang in questionnaire.LANGUAGES:
            words[text(f"statuses.{status}", lang).lower()] = status
        for extra in STATUS_ALSO[status]:
            words[extra.lower()] = status
    return words


def read_status(value: object, key: str, fail: Fail) -> str:
    """The status id for an id or a word shown in either language, any case."""
    if value is None:
        return "todo"
    found = status_words().get(value.strip(" ").lower()) if isinstance(value, str) else None
    if found is None or not isinstance(value, str) or not value.isascii():
        raise fail(key, msg("plan.not_a_status", value=repr(value)))
    return found


def status_word(status: str, lang: str) -> str:
    """A status as the file writes it: the word of the plan's language (`klaar`, `done`)."""
    return text(f"statuses.{status}", lang) if status in STATUSES else status


_DUTCH_DATE = r"^\s*([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})\s*$"  # compiled on first use


def parse_day(text: str, lang: str) -> dt.date:
    """An ISO date (2027-03-31), or in Dutch also day-month-year (31-03-2027); ValueError else."""
    found = re.match(_DUTCH_DATE, text) if lang == "nl" else None
    if found:
        day, month, year = (int(part) for part in found.groups())
        return dt.date(year, month, day)
    return iso_date(text.strip())  # the one parser: YYYY-MM-DD only, on every Python


def read_date(value: object, key: str, fail: Fail, lang: str = "en") -> dt.date | None:
    """A date (YAML reads 2026-03-31 as one; quoted, it is text; in a Dutch plan 31-03-2026
    too), or None when empty."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = parse_day(value, lang)
        except ValueError:
            which = "plan.not_date_nl" if lang == "nl" else "plan.not_date"
            raise fail(key, msg(which, value=repr(value))) from None
    if isinstance(value, dt.datetime):
        raise fail(key, msg("plan.date_no_time"))
    if not isinstance(value, dt.date):
        raise fail(key, msg("plan.date"))
    problem = out_of_range(value)
    if problem:
        raise fail(key, problem)
    return value
