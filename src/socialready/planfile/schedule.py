"""Dates in a plan: today (settable for tests and scheduled jobs), review dates, what is overdue."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from socialready.errors import BadInput, Msg, msg
from socialready.status import settled

TODAY_VARIABLE = "SOCIALREADY_TODAY"
# Months after `started` at which the plan is reviewed, by how long results are expected to take.
REVIEW_MONTHS = {
    "under_3_months": (3, 6, 12),
    "3_to_12_months": (3, 6, 12),
    "over_12_months": (3, 6, 12, 18, 24),
}
DUE_WITHIN_DAYS = 14  # a review this close is marked due: time to gather the figures


def iso_date(text: str) -> dt.date:
    """The one date parser: YYYY-MM-DD and nothing else, as the schema says, on every Python
    (from 3.11 on, date.fromisoformat also reads 2026-W15-1 and 20260406). ValueError if not."""
    digits = text[:4] + text[5:7] + text[8:]
    if not (len(text) == 10 and text[4] == text[7] == "-" and digits.isdigit() and text.isascii()):
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    return dt.date.fromisoformat(text)


# The years a plan's dates may lie in: every date made from one (reviews up to 24 months on,
# a calendar of up to two years, a review's period) then exists; a typo like 9999 or 0202 is
# refused with its own message rather than clamped, as a clamped date would be a wrong one.
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)


def out_of_range(day: dt.date) -> Msg | None:
    """The problem with a date outside FIRST_DAY..LAST_DAY (a Msg), or None."""
    if FIRST_DAY <= day <= LAST_DAY:
        return None
    return msg("plan.date_range", value=day.isoformat(), first=FIRST_DAY.year, last=LAST_DAY.year)


def today() -> dt.date:
    """The date today, or SOCIALREADY_TODAY (YYYY-MM-DD) so that runs can be repeated exactly."""
    text = os.environ.get(TODAY_VARIABLE, "").strip()
    if not text:
        return dt.date.today()
    try:
        day = iso_date(text)
    except ValueError:
        problem = msg("schedule.today", value=repr(text))
        raise BadInput(msg("where", where=TODAY_VARIABLE, problem=problem)) from None
    wrong = out_of_range(day)
    if wrong:
        raise BadInput(msg("where", where=TODAY_VARIABLE, problem=wrong))
    return day


def parse_date(text: str, source: str) -> dt.date:
    """A date typed on the command line (--date), or BadInput naming the option."""
    try:
        day = iso_date(text.strip())
    except ValueError:
        problem = msg("plan.not_date", value=repr(text))
        raise BadInput(msg("where", where=source, problem=problem)) from None
    wrong = out_of_range(day)
    if wrong:
        raise BadInput(msg("where", where=source, problem=wrong))
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day where it is shorter (31 Jan -> 30 Apr)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return iso_date(value)
        except ValueError:
            return None
    return None


def review_dates(document: dict[str, Any]) -> list[dt.date]:
    """When the plan is reviewed: 3, 6 and 12 months after `started` (to 24 for a long
    horizon); none while the plan has no start date."""
    started = _date(document.get("started"))
    if started is None:
        return []
    answers = document.get("answers") or {}
    persistence = answers.get("persistence") if isinstance(answers, dict) else None
    horizon = persistence.get("horizon") if isinstance(persistence, dict) else None
    months = REVIEW_MONTHS.get(str(horizon), REVIEW_MONTHS["3_to_12_months"])
    return [add_months(started, number) for number in months]


def reviews_held(document: dict[str, Any]) -> list[dt.date]:
    """The dates of the reviews recorded in the plan, oldest first."""
    found = (
        _date(entry.get("date"))
        for entry in document.get("reviews") or []
        if isinstance(entry, dict)
    )
    return sorted(day for day in found if day is not None)


def review_schedule(document: dict[str, Any]) -> list[tuple[dt.date, dt.date | None]]:
    """Each planned review date with the review that covers it (None while not held).

    A review counts for the first planned date not yet covered, if it was held after the one
    before (or after the start): a review at 2 months covers the one due at 3, one at 4 months
    covers 3 months (late) and leaves 6 months open."""
    held = reviews_held(document)
    schedule: list[tuple[dt.date, dt.date | None]] = []
    previous = _date(document.get("started"))
    for planned in review_dates(document):
        covering = next((day for day in held if previous is None or day >= previous), None)
        if covering is not None:
            held.remove(covering)
        schedule.append((planned, covering))
        previous = planned
    return schedule


def next_review(document: dict[str, Any], on: dt.date | None = None) -> dict[str, Any] | None:
    """The first planned review not yet held: its date, whether it is overdue on `on`, and
    whether it is due (within DUE_WITHIN_DAYS)."""
    day = on or today()
    for planned, held in review_schedule(document):
        if held is None:
            soon = day <= planned <= day + dt.timedelta(days=DUE_WITHIN_DAYS)
            return {"date": planned.isoformat(), "overdue": planned < day, "due": soon}
    return None


def overdue_steps(document: dict[str, Any], on: dt.date | None = None) -> list[dict[str, Any]]:
    """Steps whose due date has passed and that are neither done nor skipped."""
    day = on or today()
    found = []
    for number, step in enumerate(document.get("steps") or [], start=1):
        due = _date(step.get("due")) if isinstance(step, dict) else None
        if due is not None and due < day and not settled(step):
            found.append({"step": number, "id": step["id"], "due": due.isoformat()})
    return found


def is_overdue(step: dict[str, Any], on: dt.date) -> bool:
    due = _date(step.get("due"))
    return due is not None and due < on and not settled(step)
