"""When a plan is reviewed: the dates that follow from the day it started and how long it
expects results to take, and which review held covers each. Kept apart from progress.py:
making a plan needs these dates (step 8 names them), not progress's shapes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from socialready.model import ReviewDoc

# Months after `started` at which the plan is reviewed, by how long results are expected to take.
REVIEW_MONTHS = {
    "under_3_months": (3, 6, 12),
    "3_to_12_months": (3, 6, 12),
    "over_12_months": (3, 6, 12, 18, 24),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day where it is shorter (31 Jan -> 30 Apr)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, min(day.day, (following - dt.timedelta(days=1)).day))


def review_dates(started: dt.date | None, expected: str | None) -> list[dt.date]:
    """When the plan is reviewed: 3, 6 and 12 months after `started` (to 24 for a long
    horizon); none while the plan has no start date."""
    if started is None:
        return []
    months = REVIEW_MONTHS.get(str(expected), REVIEW_MONTHS["3_to_12_months"])
    return [add_months(started, number) for number in months]


def review_schedule(
    started: dt.date | None, expected: str | None, reviews: Sequence[ReviewDoc]
) -> list[tuple[dt.date, dt.date | None]]:
    """Each planned review date with the review that covers it (None while not held).

    A review counts for the first planned date not yet covered, if it was held after the one
    before (or after the start): a review at 2 months covers the one due at 3, one at 4 months
    covers 3 months (late) and leaves 6 months open."""
    held = sorted(entry["date"] for entry in reviews)
    schedule: list[tuple[dt.date, dt.date | None]] = []
    previous = started
    for planned in review_dates(started, expected):
        covering = next((day for day in held if previous is None or day >= previous), None)
        if covering is not None:
            held.remove(covering)
        schedule.append((planned, covering))
        previous = planned
    return schedule
