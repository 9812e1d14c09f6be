"""End to end with the installed command: assess, a review after 12 weeks, check, calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import icalendar
import pytest

from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, invoke

START = "2026-01-05"
TWELVE_WEEKS = "2026-03-30"


def _linkedin_slots(path: Path) -> int:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return sum(1 for event in calendar.walk("VEVENT") if "-linkedin-" in str(event["UID"]))


Reviewed = tuple[Path, dict[str, Any], dict[str, Any], str]
TIERS = ("minimum", "standard", "ambitious")


@pytest.fixture(params=[(4, "review.channel-paused"), (20, "review.under-delivered")])
def reviewed(isolated: Path, request: pytest.FixtureRequest) -> Reviewed:
    """The software firm's plan before and after a review with LinkedIn behind its promise of
    36 posts in 12 weeks (its own 3 a week): far behind (paused) or somewhat (a lower tier)."""
    published, rule = request.param
    env = {"SOCIALREADY_TODAY": START}
    plan = isolated / "software.yaml"
    made = invoke("assess", str(plan), "--answers", str(ORGANISATIONS / "software.yaml"), env=env)
    assert made.returncode == 0, made.stderr
    before = yamlio.loads(plan.read_text("utf-8"), str(plan))
    result = invoke(
        "review",
        str(plan),
        "--date",
        TWELVE_WEEKS,
        "--set",
        f"review.published.linkedin={published}",
        "--defaults",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert f"LinkedIn: {published} of 36 promised posts in 12 weeks" in result.stdout
    after = yamlio.loads(plan.read_text("utf-8"), str(plan))
    return plan, before, after, rule


def _linkedin(document: dict[str, Any]) -> dict[str, Any] | None:
    found = [e for e in document["channels"]["recommended"] if e["channel"] == "linkedin"]
    return found[0] if found else None


def test_a_review_changes_the_plan_as_the_rules_say_and_the_plan_stays_current(
    reviewed: Reviewed,
) -> None:
    plan, before, after, rule = reviewed
    capacity = after["readiness"]["dimensions"]["capacity"]
    assert rule in [finding["rule"] for finding in capacity["findings"]]
    assert after["readiness"]["score"] < before["readiness"]["score"]
    assert after["answers"] == before["answers"]
    assert [review["date"].isoformat() for review in after["reviews"]] == [TWELVE_WEEKS]
    was, now = _linkedin(before), _linkedin(after)
    assert was is not None and was["tier"] == "standard"  # its own 3 posts a week
    if rule == "review.channel-paused":
        assert now is None
        assert "linkedin" in [item["channel"] for item in after["channels"]["not_now"]]
    else:
        assert now is not None and TIERS.index(now["tier"]) < TIERS.index(was["tier"])
        assert now["posts_per_week"] < was["posts_per_week"]
    check = invoke("plan", "--check", str(plan), env={"SOCIALREADY_TODAY": TWELVE_WEEKS})
    assert check.returncode == 0, check.stdout + check.stderr
    persevere = after["steps"][-1]["actions"]
    assert any("5 April 2026 (done)" in action for action in persevere)


def test_the_calendar_follows_the_lower_cadence(reviewed: Reviewed, isolated: Path) -> None:
    plan, before, _after, _rule = reviewed
    old = isolated / "before.yaml"
    old.write_text(yamlio.dumps(before), "utf-8")
    for path, name in ((old, "before.ics"), (plan, "after.ics")):
        result = invoke("calendar", str(path), "--start", TWELVE_WEEKS, "--weeks", "8", "-o", name)
        assert result.returncode == 0, result.stderr
    assert _linkedin_slots(isolated / "after.ics") < _linkedin_slots(isolated / "before.ics")


def test_show_marks_the_next_review_due_then_overdue_until_it_is_held(isolated: Path) -> None:
    plan = isolated / "software.yaml"
    made = invoke(
        "assess", str(plan), "--answers", str(ORGANISATIONS / "software.yaml"), "--date", START
    )
    assert made.returncode == 0, made.stderr

    def line(today: str) -> str:
        shown = invoke("show", str(plan), env={"SOCIALREADY_TODAY": today, "COLUMNS": "200"})
        assert shown.returncode == 0, shown.stderr
        found = next(text for text in shown.stdout.splitlines() if "Next review" in text)
        return found.strip("│ ")

    assert line("2026-03-01").endswith("Next review: 5 April 2026")
    assert "Next review: 5 April 2026 (due: run socialready review)" in line("2026-03-25")
    assert "Next review: 5 April 2026 (overdue)" in line("2026-04-10")
    held = invoke("review", str(plan), "--date", "2026-04-10", "--defaults")
    assert held.returncode == 0, held.stderr
    assert "Next review: 5 July 2026" in line("2026-04-10")
    overview = invoke("overview", str(isolated), env={"SOCIALREADY_TODAY": "2026-06-25"})
    assert "2026-07-05 due" in overview.stdout
