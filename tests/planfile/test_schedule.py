"""Dates: review dates from `started`, overdue steps and reviews in show and overview."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, cast

import pytest

from socialready import progress
from socialready.model import PlanDoc, StepDoc
from socialready.planfile import schedule
from tests.conftest import ORGANISATIONS, invoke

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
    assert progress.add_months(day, months) == expected


def test_review_dates_follow_from_started_and_the_horizon() -> None:
    assert progress.review_dates(None, "3_to_12_months") == []
    assert progress.review_dates(D(2026, 1, 5), "3_to_12_months") == [
        D(2026, 4, 5), D(2026, 7, 5), D(2027, 1, 5),
    ]  # fmt: skip
    assert progress.review_dates(D(2026, 1, 5), "over_12_months")[-1] == D(2028, 1, 5)
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


def _own(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def late_plan(isolated: Path) -> Path:
    """A plan started 2026-01-05 whose first step was due 2026-02-01 and is not done."""
    path = isolated / "plans" / "bakery.yaml"
    answers = ["--answers", str(ORGANISATIONS / "bakery.yaml")]
    made = invoke("assess", str(path), *answers, "--lang", "nl", "--date", "2026-01-05")
    assert made.returncode == 0, made.stderr
    _own(path, "  due: null\n", "  due: 2026-02-01\n")
    return path


def test_show_marks_an_overdue_step_in_every_format(late_plan: Path) -> None:
    text = invoke("show", str(late_plan), env={"COLUMNS": "200"}).stdout
    assert "Uiterlijk: 1 februari 2026 · te laat]" in text
    assert "Klaar op" not in text
    markdown = invoke("show", "--format", "markdown", str(late_plan)).stdout
    assert "Uiterlijk: 1 februari 2026 (**te laat**)" in markdown
    assert "Volgende evaluatie: 5 april 2026" in markdown
    progress = json.loads(invoke("show", "--format", "json", str(late_plan)).stdout)["progress"]
    assert progress["overdue"] == [{"step": 1, "id": "audience", "due": "2026-02-01"}]
    assert progress["next_due"]["overdue"] is True
    assert progress["next_review"] == {"date": "2026-04-05", "overdue": False, "due": False}
    _own(late_plan, "  status: te doen\n", "  status: klaar\n")  # done: no longer late
    done = invoke("show", "--format", "markdown", str(late_plan)).stdout
    assert "te laat" not in done


def test_overview_due_exits_1_for_an_overdue_step_or_review(late_plan: Path) -> None:
    folder = str(late_plan.parent)
    result = invoke("overview", folder, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr  # without --due, only shown
    assert "Next review" in result.stdout and "2026-04-05" in result.stdout
    assert invoke("overview", "--due", folder).returncode == 1
    assert invoke("plan", "--check", folder).returncode == 0  # overdue is no change to a plan
    _own(late_plan, "  due: 2026-02-01\n", "  due: 2026-09-01\n")
    assert invoke("overview", "--due", folder).returncode == 0
    later = {"SOCIALREADY_TODAY": "2026-04-06", "COLUMNS": "200"}  # the 3-month review is late
    result = invoke("overview", "--due", folder, env=later)
    assert result.returncode == 1 and "2026-04-05 overdue" in result.stdout
    _own(late_plan, "reviews: []\n", "reviews:\n- date: 2026-04-06\n")
    assert invoke("overview", "--due", folder, env=later).returncode == 0


@pytest.mark.parametrize("args", [["overview", "--due"], ["overview"]], ids=" ".join)
def test_overview_exits_2_when_a_plan_cannot_be_read_and_still_shows_the_others(
    late_plan: Path, args: list[str]
) -> None:
    folder = late_plan.parent
    (folder / "broken.yaml").write_text("socialready: 2\nsteps: [\n", "utf-8")
    result = invoke(*args, str(folder), "--format", "json")
    assert result.returncode == 2, result.stderr
    rows = json.loads(result.stdout)
    by_name = {row["file"].rsplit("/", 1)[-1]: row for row in rows}
    assert "error" in by_name["broken.yaml"] and by_name[late_plan.name]["overdue"]
