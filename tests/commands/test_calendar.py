"""`socialready calendar`: slots from the cadence, a week-by-week table, and an .ics to import."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialready.commands import calendar
from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, run_cli

ROOT = Path(__file__).resolve().parents[2]
START = "2026-01-05"  # a Monday


@pytest.fixture
def software(isolated: Path) -> Path:
    """The B2B software firm's plan (LinkedIn, a blog and YouTube)."""
    result = run_cli(
        "assess",
        "software.yaml",
        "--answers",
        str(ORGANISATIONS / "software.yaml"),
        "--lang",
        "en",
        env={"SOCIALREADY_TODAY": START},
    )
    assert result.returncode == 0, result.stderr
    return isolated / "software.yaml"


def test_two_posts_a_week_are_tuesday_and_thursday() -> None:
    assert calendar.weekdays(1) == [2]
    assert calendar.weekdays(2) == [1, 3]
    assert calendar.weekdays(3) == [0, 2, 4]
    assert calendar.weekdays(5) == [0, 1, 2, 3, 4]
    assert calendar.weekdays(10) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]


def test_every_other_week_starts_in_the_first_week() -> None:
    assert [calendar.posts_in_week(0.5, week) for week in range(6)] == [1, 0, 1, 0, 1, 0]
    assert [calendar.posts_in_week(0.25, week) for week in range(8)] == [0, 1, 0, 0, 0, 1, 0, 0]


@given(
    per_week=st.sampled_from([0.25, 0.5, 1, 1.5, 2, 3, 4.5, 7, 14]),
    weeks=st.integers(1, 104),
)
def test_slots_add_up_to_the_cadence(per_week: float, weeks: int) -> None:
    total = sum(calendar.posts_in_week(per_week, week) for week in range(weeks))
    assert abs(total - per_week * weeks) <= 1


def test_next_monday() -> None:
    assert calendar.next_monday(dt.date(2026, 1, 5)) == dt.date(2026, 1, 5)
    assert calendar.next_monday(dt.date(2026, 1, 6)) == dt.date(2026, 1, 12)
    assert calendar.next_monday(dt.date(2026, 1, 11)) == dt.date(2026, 1, 12)


def _events(path: Path) -> list[icalendar.Component]:
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    return list(parsed.walk("VEVENT"))


def test_the_ics_has_the_cadence_and_is_the_same_every_run(software: Path, isolated: Path) -> None:
    out = isolated / "software.ics"
    args = ("calendar", str(software), "--start", START, "--weeks", "8", "-o", str(out))
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    data = out.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    events = _events(out)
    start, end = dt.date(2026, 1, 5), dt.date(2026, 3, 2)
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids))
    for event in events:
        assert event.get("UID") and event.get("DTSTAMP")
        assert start <= event.decoded("DTSTART") < end
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)
    recommended = yamlio.loads(software.read_text("utf-8"), "x")["channels"]["recommended"]
    per_channel = {entry["channel"]: entry["posts_per_week"] for entry in recommended}
    assert set(per_channel) == {"blog", "linkedin", "youtube"}
    for channel, per_week in per_channel.items():
        count = sum(1 for uid in uids if uid.startswith(f"quadrant-software-b-v-{channel}-"))
        assert abs(count - per_week * 8) <= 1, (channel, count)
    second = run_cli(*args)
    assert second.returncode == 0
    assert out.read_bytes() == data
    assert "Calendar written to" in first.stderr


def test_the_table_week_by_week_in_dutch(software: Path) -> None:
    result = run_cli("calendar", str(software), "--start", START, "--weeks", "2", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert "Week van 2026-01-05" in result.stdout
    assert "Week van 2026-01-12" in result.stdout
    assert "LinkedIn" in result.stdout and "di  6-01" in result.stdout


def test_review_dates_and_due_steps_are_events(software: Path, isolated: Path) -> None:
    text = software.read_text("utf-8").replace("due: null", "due: 2026-02-02", 1)
    software.write_text(text, "utf-8")
    out = isolated / "long.ics"
    result = run_cli("calendar", str(software), "--start", START, "--weeks", "30", "-o", str(out))
    assert result.returncode == 0, result.stderr
    summaries = {str(event["UID"]): str(event["SUMMARY"]) for event in _events(out)}
    assert summaries["quadrant-software-b-v-review-1@socialready"].startswith(
        "Social media plan review"
    )
    assert "quadrant-software-b-v-review-2@socialready" in summaries  # 6 months: 2026-07-05
    assert summaries["quadrant-software-b-v-step-audience@socialready"].startswith("Step 1 due")


def test_bad_options_are_exit_2(software: Path) -> None:
    assert run_cli("calendar", str(software), "--weeks", "0").returncode == 2
    result = run_cli("calendar", str(software), "--start", "monday")
    assert result.returncode == 2 and "--start" in result.stderr


def test_an_example_plan_has_a_calendar(isolated: Path) -> None:
    from socialready import catalog

    shutil.copy(ROOT / "plans" / "school.yaml", isolated / "school.yaml")
    result = run_cli("calendar", "school.yaml", "--start", START)
    assert result.returncode == 0, result.stderr
    document = yamlio.loads((isolated / "school.yaml").read_text("utf-8"), "school.yaml")
    for entry in document["channels"]["recommended"]:
        assert catalog.load().channels[entry["channel"]].name["en"] in result.stdout


def test_a_narrow_terminal_gets_a_list_no_wider_than_it(software: Path) -> None:
    args = ("calendar", str(software), "--start", START, "--weeks", "3", "--lang", "nl")
    result = run_cli(*args, env={"COLUMNS": "40"})
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 40
    assert "LinkedIn:" in result.stdout
