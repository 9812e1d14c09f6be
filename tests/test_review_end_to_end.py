"""End to end with the installed command: assess, a review after 12 weeks, check, calendar."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, run_cli

START = "2026-01-05"
TWELVE_WEEKS = "2026-03-30"


def _linkedin_slots(path: Path) -> int:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return sum(1 for event in calendar.walk("VEVENT") if "-linkedin-" in str(event["UID"]))


@pytest.fixture
def reviewed(isolated: Path) -> tuple[Path, dict[str, object], dict[str, object]]:
    """The software firm's plan before and after a review with LinkedIn far behind."""
    env = {"SOCIALREADY_TODAY": START}
    plan = isolated / "software.yaml"
    made = run_cli("assess", str(plan), "--answers", str(ORGANISATIONS / "software.yaml"), env=env)
    assert made.returncode == 0, made.stderr
    before = yamlio.loads(plan.read_text("utf-8"), str(plan))
    result = run_cli(
        "review",
        str(plan),
        "--date",
        TWELVE_WEEKS,
        "--set",
        "review.published.linkedin=4",
        "--defaults",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "LinkedIn: 4 of 54 promised posts in 12 weeks" in result.stdout
    after = yamlio.loads(plan.read_text("utf-8"), str(plan))
    return plan, before, after


def test_a_review_changes_the_score_as_the_rules_say_and_the_plan_stays_current(
    reviewed: tuple[Path, dict[str, object], dict[str, object]],
) -> None:
    plan, before, after = reviewed
    capacity = after["readiness"]["dimensions"]["capacity"]  # type: ignore[index]
    rules = [finding["rule"] for finding in capacity["findings"]]
    assert "review.channel-paused" in rules
    assert after["readiness"]["score"] < before["readiness"]["score"]  # type: ignore[index]
    assert after["answers"] == before["answers"]
    assert [review["date"].isoformat() for review in after["reviews"]] == [TWELVE_WEEKS]  # type: ignore[attr-defined]
    check = run_cli("plan", "--check", str(plan), env={"SOCIALREADY_TODAY": TWELVE_WEEKS})
    assert check.returncode == 0, check.stdout + check.stderr
    persevere = after["steps"][-1]["actions"]  # type: ignore[index]
    assert any("2026-04-05 (done)" in action for action in persevere)


def test_the_calendar_follows_the_lower_cadence(
    reviewed: tuple[Path, dict[str, object], dict[str, object]], isolated: Path
) -> None:
    plan, before, _after = reviewed
    old = isolated / "before.yaml"
    old.write_text(yamlio.dumps(before), "utf-8")
    for path, name in ((old, "before.ics"), (plan, "after.ics")):
        result = run_cli("calendar", str(path), "--start", TWELVE_WEEKS, "--weeks", "8", "-o", name)
        assert result.returncode == 0, result.stderr
    assert _linkedin_slots(isolated / "after.ics") < _linkedin_slots(isolated / "before.ics")


def test_show_marks_the_next_review_due_then_overdue_until_it_is_held(isolated: Path) -> None:
    plan = isolated / "software.yaml"
    made = run_cli(
        "assess", str(plan), "--answers", str(ORGANISATIONS / "software.yaml"), "--date", START
    )
    assert made.returncode == 0, made.stderr

    def line(today: str) -> str:
        shown = run_cli("show", str(plan), env={"SOCIALREADY_TODAY": today, "COLUMNS": "200"})
        assert shown.returncode == 0, shown.stderr
        found = next(text for text in shown.stdout.splitlines() if "Next review" in text)
        return found.strip("│ ")

    assert line("2026-03-01").endswith("Next review: 2026-04-05")
    assert "Next review: 2026-04-05 (due: run socialready review)" in line("2026-03-25")
    assert "Next review: 2026-04-05 (overdue)" in line("2026-04-10")
    held = run_cli("review", str(plan), "--date", "2026-04-10", "--defaults")
    assert held.returncode == 0, held.stderr
    assert "Next review: 2026-07-05" in line("2026-04-10")
    overview = run_cli("overview", str(isolated), env={"SOCIALREADY_TODAY": "2026-06-25"})
    assert "2026-07-05 due" in overview.stdout
