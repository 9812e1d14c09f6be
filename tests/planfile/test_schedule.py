"""Dates: review dates from `started`, months added, overdue steps, the day taken as today
(`show` and `overview` mark them: tests/commands/test_show.py, test_overview.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pytest

from socialready import progress, review_dates
from socialready.model import PlanDoc, StepDoc
from socialready.planfile import schedule

D = dt.date


def _plan(started: str | None, horizon: str = "3_to_12_months", **extra: Any) -> PlanDoc:
    """What the review dates are made from: the start, the horizon and the reviews held."""
    plan = {
        "started": D.fromisoformat(started) if started else None,
        "answers": {"persistence": {"horizon": horizon}},
        "steps": [],
        **extra,
    }
    return cast(PlanDoc, plan)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2027, 11, 30), 3, D(2028, 2, 29)),
        (D(2026, 1, 5), 12, D(2027, 1, 5)),
        (D(2026, 10, 15), 3, D(2027, 1, 15)),
    ],
)
def test_add_months_keeps_the_day_where_the_month_has_it(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert review_dates.add_months(day, months) == expected


def test_review_dates_follow_from_started_and_the_horizon() -> None:
    assert review_dates.review_dates(None, "3_to_12_months") == []
    assert review_dates.review_dates(D(2026, 1, 5), "3_to_12_months") == [
        D(2026, 4, 5), D(2026, 7, 5), D(2027, 1, 5),
    ]  # fmt: skip
    assert review_dates.review_dates(D(2026, 1, 5), "over_12_months")[-1] == D(2028, 1, 5)
    assert progress.horizon(_plan("2026-01-05", "over_12_months")) == "over_12_months"


def test_a_review_held_covers_the_next_planned_date() -> None:
    early = [{"date": D(2026, 3, 1)}]  # before the 3-month date: it counts for it
    plan = _plan("2026-01-05", reviews=early)
    assert progress.next_review(plan, D(2026, 5, 1)) == {
        "date": "2026-07-05",
        "overdue": False,
        "due": False,
    }
    late = [{"date": D(2026, 5, 20)}]  # after the 3-month date: late, but held
    plan = _plan("2026-01-05", reviews=late)
    assert progress.next_review(plan, D(2026, 8, 1)) == {
        "date": "2026-07-05",
        "overdue": True,
        "due": False,
    }
    every = [{"date": D(2026, 4, 5)}, {"date": D(2026, 7, 5)}, {"date": D(2027, 1, 6)}]
    assert progress.next_review(_plan("2026-01-05", reviews=every), D(2027, 2, 1)) is None
    assert progress.next_review(_plan(None), D(2027, 2, 1)) is None


def test_overdue_steps_are_open_steps_past_their_due_date() -> None:
    steps = [
        {"id": "a", "status": "todo", "due": D(2026, 3, 1)},
        {"id": "b", "status": "done", "due": D(2026, 1, 1)},
        {"id": "c", "status": "skipped", "due": D(2026, 1, 1)},
        {"id": "d", "status": "doing", "due": D(2026, 3, 2)},  # due today: not yet late
        {"id": "e", "status": "doing", "due": None},
    ]
    late = progress.overdue_steps(cast(list[StepDoc], steps), D(2026, 3, 2))
    assert late == [{"step": 1, "id": "a", "due": "2026-03-01"}]


def test_today_can_be_set_and_a_bad_value_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOCIALREADY_TODAY", "2030-12-31")
    assert schedule.today() == D(2030, 12, 31)
    monkeypatch.setenv("SOCIALREADY_TODAY", "tomorrow")
    with pytest.raises(Exception, match="SOCIALREADY_TODAY: 'tomorrow' is not a date"):
        schedule.today()
    monkeypatch.delenv("SOCIALREADY_TODAY")
    assert schedule.today() == D.today()
