"""Dates in a plan: today (settable for tests and scheduled jobs), and the one date parser.
Review dates are in socialready/review_dates.py, what is overdue in socialready/progress.py."""

from __future__ import annotations

import datetime as dt
import os

from socialready.errors import BadInput, Msg, msg

TODAY_VARIABLE = "SOCIALREADY_TODAY"


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
    return _checked_date(text, TODAY_VARIABLE, "schedule.today")


def parse_date(text: str, source: str) -> dt.date:
    """A date typed on the command line (--date), or BadInput naming the option."""
    return _checked_date(text.strip(), source, "plan.not_date")


def _checked_date(text: str, source: str, not_a_date: str) -> dt.date:
    """A date in range, or BadInput naming `source` with the message `not_a_date`."""
    try:
        day = iso_date(text)
    except ValueError:
        problem = msg(not_a_date, value=repr(text))
        raise BadInput(msg("where", where=source, problem=problem)) from None
    wrong = out_of_range(day)
    if wrong:
        raise BadInput(msg("where", where=source, problem=wrong))
    return day
