"""`socialready calendar`: slots from the cadence, a week-by-week table, and an .ics to import."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialready.commands import calendar
from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, invoke

ROOT = Path(__file__).resolve().parents[2]
START = "2026-01-05"  # a Monday


@pytest.fixture
def software(isolated: Path) -> Path:
    """The B2B software firm's plan (LinkedIn, a blog and YouTube)."""
    result = invoke(
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
    first = invoke(*args)
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
    second = invoke(*args)
    assert second.returncode == 0
    assert out.read_bytes() == data
    assert "Calendar written to" in first.stderr


def test_the_table_week_by_week_in_dutch(software: Path) -> None:
    result = invoke("calendar", str(software), "--start", START, "--weeks", "2", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    assert "Week van 2026-01-05" in result.stdout
    assert "Week van 2026-01-12" in result.stdout
    assert "LinkedIn" in result.stdout and "wo  7-01" in result.stdout


def test_review_dates_and_due_steps_are_events(software: Path, isolated: Path) -> None:
    text = software.read_text("utf-8").replace("due: null", "due: 2026-02-02", 1)
    software.write_text(text, "utf-8")
    out = isolated / "long.ics"
    result = invoke("calendar", str(software), "--start", START, "--weeks", "30", "-o", str(out))
    assert result.returncode == 0, result.stderr
    summaries = {str(event["UID"]): str(event["SUMMARY"]) for event in _events(out)}
    assert summaries["quadrant-software-b-v-review-1@socialready"].startswith(
        "Social media plan review"
    )
    assert "quadrant-software-b-v-review-2@socialready" in summaries  # 6 months: 2026-07-05
    assert summaries["quadrant-software-b-v-step-audience@socialready"].startswith("Step 1 due")


def test_bad_options_are_exit_2(software: Path) -> None:
    assert invoke("calendar", str(software), "--weeks", "0").returncode == 2
    result = invoke("calendar", str(software), "--start", "monday")
    assert result.returncode == 2 and "--start" in result.stderr


def test_an_example_plan_has_a_calendar(isolated: Path) -> None:
    from socialready import catalog

    shutil.copy(ROOT / "plans" / "school.yaml", isolated / "school.yaml")
    result = invoke("calendar", "school.yaml", "--start", START)
    assert result.returncode == 0, result.stderr
    document = yamlio.loads((isolated / "school.yaml").read_text("utf-8"), "school.yaml")
    for entry in document["channels"]["recommended"]:
        assert catalog.load().channels[entry["channel"]].name["en"] in result.stdout


def test_a_narrow_terminal_gets_a_list_no_wider_than_it(software: Path) -> None:
    args = ("calendar", str(software), "--start", START, "--weeks", "3", "--lang", "nl")
    result = invoke(*args, env={"COLUMNS": "40"})
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 40
    assert "LinkedIn:" in result.stdout


def _set_owner(plan: Path, step_id: str, owner: str) -> None:
    """Step `step_id`'s owner, as a hand edit (YAML double-quoted, so escapes work)."""
    lines = plan.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {step_id}")
    mine = next(i for i in range(at, len(lines)) if lines[i].lstrip().startswith("owner:"))
    indent = lines[mine][: len(lines[mine]) - len(lines[mine].lstrip())]
    lines[mine] = f"{indent}owner: {owner}\n"
    plan.write_text("".join(lines), "utf-8")


def _set_owners(plan: Path, owners: str) -> None:
    text = plan.read_text("utf-8")
    start = text.index("\nowners:")
    end = text.index("\nreviews:")
    plan.write_text(text[:start] + "\nowners:\n" + owners.rstrip("\n") + text[end:], "utf-8")


@pytest.mark.parametrize(
    "kind",
    ["the plan", "a link to the plan", "another plan", "answers", "resume", "text", "folder"],
)
def test_the_output_is_never_a_plan_or_answers_file(
    software: Path, isolated: Path, kind: str
) -> None:
    if kind == "the plan":
        out = software
    elif kind == "a link to the plan":
        out = isolated / "calendar.ics"
        out.symlink_to(software)
    elif kind == "another plan":
        out = isolated / "other.yaml"
        shutil.copy(software, out)
    elif kind == "answers":
        out = isolated / "answers.yaml"
        shutil.copy(ORGANISATIONS / "software.yaml", out)
    elif kind == "resume":
        out = isolated / "state" / "socialready" / "resume.yaml"
        out.parent.mkdir(parents=True)
        out.write_text("target: software.yaml\nlanguage: en\nanswers: {}\n", "utf-8")
    elif kind == "folder":
        out = isolated / "calendar.ics"
        out.mkdir()
    else:
        out = isolated / "notes.ics"
        out.write_text("my notes, not a calendar\n", "utf-8")
    before = {path: path.read_bytes() for path in (software, out) if path.is_file()}
    result = invoke("calendar", str(software), "--start", START, "-o", str(out))
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "software.ics" in result.stderr  # what to do instead
    assert {path: path.read_bytes() for path in before} == before
    assert not out.is_symlink() or out.resolve() == software.resolve()


def test_an_existing_calendar_or_an_empty_file_is_replaced(software: Path, isolated: Path) -> None:
    out = isolated / "software.ics"
    out.write_bytes(b"")
    assert invoke("calendar", str(software), "--start", START, "-o", str(out)).returncode == 0
    first = out.read_bytes()
    assert first.startswith(b"BEGIN:VCALENDAR")
    result = invoke("calendar", str(software), "--start", START, "--weeks", "2", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() != first


def test_the_dutch_refusal_is_dutch(software: Path) -> None:
    result = invoke("calendar", str(software), "-o", str(software), "--lang", "nl")
    assert result.returncode == 2
    assert (
        result.stderr.startswith("Fout: ") and "is het plan dat de opdracht leest" in result.stderr
    )


CONTROL = '"\\e]52;c;aGVsbG8=\\a\\e[2J\\e[31mowner"'


@pytest.mark.parametrize("columns", ["100", "40"])
def test_no_control_sequence_from_the_plan_reaches_the_terminal(
    software: Path, isolated: Path, columns: str
) -> None:
    _set_owner(software, "be_active", CONTROL)
    _set_owner(software, "persevere", CONTROL)
    _set_owners(software, f"  linkedin: {CONTROL}\n")
    text = software.read_text("utf-8").replace("due: null", "due: 2026-01-07", 1)
    software.write_text(text, "utf-8")
    env = {"COLUMNS": columns}
    for args in (
        ("--weeks", "14"),
        ("--weeks", "14", "--lang", "nl"),
        ("-o", str(isolated / "cal\x1b[2J.ics")),
    ):
        result = invoke("calendar", str(software), "--start", START, *args, env=env)
        assert result.returncode == 0, result.stderr
        shown = result.stdout + result.stderr
        assert "\x1b" not in shown and "\x07" not in shown, args
    table = invoke("calendar", str(software), "--start", START, env=env).stdout
    assert "\\x1b]52" in table  # shown, escaped, not sent


def test_every_ics_property_is_escaped(isolated: Path) -> None:
    name = "Smith, Jones; Partners \\ Co"
    made = invoke(
        "assess",
        "firm.yaml",
        "--answers",
        str(ORGANISATIONS / "software.yaml"),
        "--set",
        f"organisation.name={name}",
        env={"SOCIALREADY_TODAY": START},
    )
    assert made.returncode == 0, made.stderr
    out = isolated / "firm.ics"
    result = invoke("calendar", "firm.yaml", "--start", START, "-o", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes().decode("utf-8")
    assert "X-WR-CALNAME:Social media: Smith\\, Jones\\; Partners \\\\ Co\r\n" in raw
    parsed = icalendar.Calendar.from_ical(out.read_bytes())
    # X-WR-CALNAME is text to the calendar apps: read back as icalendar reads text.
    escaped = str(parsed["X-WR-CALNAME"])  # unknown to icalendar: kept as written
    calname = re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], escaped)
    assert calname == f"Social media: {name}"
    for event in parsed.walk("VEVENT"):
        assert name not in str(event["SUMMARY"])  # the slot names the channel, not the firm


def test_a_name_with_a_line_break_is_refused_on_read(software: Path, isolated: Path) -> None:
    text = software.read_text("utf-8")
    broken = isolated / "broken.yaml"
    broken.write_text(
        text.replace("name: Quadrant Software B.V.", 'name: "Quadrant\\nSoftware"', 1), "utf-8"
    )
    for args in (("calendar", str(broken), "-o", "x.ics"), ("show", str(broken))):
        result = invoke(*args)
        assert result.returncode == 2, result.stderr
        assert "(organisation.name): must be one line" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not (isolated / "x.ics").exists()
    answers = isolated / "answers.yaml"
    answers.write_text(
        (ORGANISATIONS / "software.yaml")
        .read_text("utf-8")
        .replace("name: Quadrant Software B.V.", 'name: "Quadrant\\u2028Software"'),
        "utf-8",
    )
    result = invoke("assess", "new.yaml", "--answers", str(answers))
    assert result.returncode == 2 and "must be one line" in result.stderr


def _dates(path: Path) -> dict[str, dt.date]:
    return {str(event["UID"]): event.decoded("DTSTART") for event in _events(path)}


def test_no_slot_on_a_weekend_or_a_dutch_public_holiday(software: Path, isolated: Path) -> None:
    import holidays

    out = isolated / "holidays.ics"
    result = invoke(
        "calendar", str(software), "--start", "2026-03-30", "--weeks", "40", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    dutch = holidays.country_holidays("NL", years=[2026, 2027])
    posts = [
        day for uid, day in _dates(out).items() if "-review-" not in uid and "-step-" not in uid
    ]
    assert posts
    assert not [day for day in posts if day.weekday() >= 5 or day in dutch]
    for day in (dt.date(2026, 4, 6), dt.date(2026, 4, 27), dt.date(2026, 12, 25)):
        assert day not in posts
    # A slot that would fall on a holiday moves within its week: the cadence is kept.
    linkedin = sum(1 for uid in _dates(out) if "-linkedin-" in uid)
    assert abs(linkedin - 3 * 40) <= 1


def test_a_review_on_a_weekend_or_holiday_moves_to_the_next_working_day(
    software: Path, isolated: Path
) -> None:
    # Started 2026-01-05: the 3-month review falls on Easter Sunday, 2026-04-05, and Easter
    # Monday is a holiday too: Tuesday.
    out = isolated / "reviews.ics"
    result = invoke(
        "calendar", str(software), "--start", "2026-03-30", "--weeks", "2", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert _dates(out)["quadrant-software-b-v-review-1@socialready"] == dt.date(2026, 4, 7)
    table = invoke("calendar", str(software), "--start", "2026-03-30", "--weeks", "2")
    assert "Tue  7-04" in table.stdout


@pytest.mark.parametrize(
    ("country", "free", "closed"),
    [
        ("NL", dt.date(2026, 5, 5), dt.date(2026, 4, 27)),  # King's Day
        ("BE", dt.date(2026, 4, 27), dt.date(2026, 7, 21)),  # Belgian National Day
        ("DE", dt.date(2026, 4, 27), dt.date(2026, 10, 3)),  # German Unity Day
        ("SR", dt.date(2026, 4, 27), dt.date(2026, 11, 25)),  # Independence Day
        ("US", dt.date(2026, 4, 27), dt.date(2026, 7, 3)),  # Independence Day, observed
        ("us", dt.date(2026, 4, 27), dt.date(2026, 11, 26)),  # Thanksgiving
    ],
)
def test_the_public_holidays_of_any_country_the_package_knows(
    country: str, free: dt.date, closed: dt.date
) -> None:
    is_closed, known = calendar.closed_days(country, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert known
    assert is_closed(closed) and not is_closed(free)
    assert is_closed(dt.date(2026, 5, 2))  # a Saturday


@pytest.mark.parametrize("country", ["other", "XX", "", None, "NLD", "1A"])
def test_an_unknown_country_keeps_only_weekends_free(country: str | None) -> None:
    is_closed, known = calendar.closed_days(country, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert not known
    assert is_closed(dt.date(2026, 5, 2)) and not is_closed(dt.date(2026, 12, 25))


def test_an_unknown_country_is_said_once(software: Path, isolated: Path) -> None:
    text = software.read_text("utf-8").replace("country: NL", "country: other", 1)
    software.write_text(text, "utf-8")
    result = invoke("calendar", str(software), "--start", "2026-12-21", "--weeks", "3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Public holidays for country other are not known") == 1
    assert "Fri 25-12" in result.stdout  # Christmas is a working day as far as anyone knows
    dutch = invoke("calendar", str(software), "--weeks", "3", "--lang", "nl", "-o", "x.ics")
    assert dutch.stderr.count("Feestdagen voor land other zijn niet bekend") == 1


def test_who_posts_is_the_channels_owner_then_step_4s_then_to_be_agreed(
    software: Path, isolated: Path
) -> None:
    _set_owners(software, "  linkedin: Sanne\n  tiktok: Bob\n")
    _set_owner(software, "be_active", "Piet")
    out = isolated / "owners.ics"
    assert invoke("calendar", str(software), "--start", START, "-o", str(out)).returncode == 0
    for event in _events(out):
        uid, description = str(event["UID"]), str(event["DESCRIPTION"])
        if "-linkedin-" in uid:
            assert "Owner: Sanne" in description
        elif "-blog-" in uid or "-youtube-" in uid:
            assert "Owner: Piet" in description
    _set_owner(software, "be_active", "null")
    table = invoke("calendar", str(software), "--start", START, "--weeks", "1", "--lang", "nl")
    assert "Sanne" in table.stdout and "nog af te spreken" in table.stdout
    shown = invoke("show", str(software))
    assert "Sanne" in shown.stdout and "Who posts" in shown.stdout
    report = invoke("show", str(software), "--format", "markdown").stdout
    assert "| Sanne |" in report and "| to be agreed |" in report


def test_owners_are_kept_by_plan_assess_and_review(software: Path, isolated: Path) -> None:
    _set_owners(software, "  linkedin: Sanne\n  youtube: Yvonne\n  tiktok: Bob\n")
    assert invoke("plan", str(software)).returncode == 0
    document = yamlio.loads(software.read_text("utf-8"), "x")
    assert document["owners"] == {
        "linkedin": "Sanne",
        "blog": None,
        "youtube": "Yvonne",
        "tiktok": "Bob",  # not in the plan: kept for when it comes back
    }
    # YouTube leaves the plan: its owner stays.
    answers = isolated / "answers.yaml"
    answers.write_text(
        (ORGANISATIONS / "software.yaml")
        .read_text("utf-8")
        .replace("considering: [blog, youtube]", "considering: [blog]"),
        "utf-8",
    )
    again = invoke("assess", str(software), "--answers", str(answers))
    assert again.returncode == 0, again.stderr
    document = yamlio.loads(software.read_text("utf-8"), "x")
    assert "youtube" not in [entry["channel"] for entry in document["channels"]["recommended"]]
    assert document["owners"] == {
        "linkedin": "Sanne",
        "blog": None,
        "youtube": "Yvonne",
        "tiktok": "Bob",
    }
    reviewed = invoke(
        "review",
        str(software),
        "--defaults",
        "--date",
        "2026-03-30",
        env={"SOCIALREADY_TODAY": "2026-03-30"},
    )
    assert reviewed.returncode == 0, reviewed.stderr
    assert yamlio.loads(software.read_text("utf-8"), "x")["owners"]["tiktok"] == "Bob"


def test_an_owner_of_an_unknown_channel_is_refused(software: Path) -> None:
    _set_owners(software, "  myspace: Tom\n")
    result = invoke("calendar", str(software))
    assert result.returncode == 2
    assert "owners.myspace: is not a channel; the channels are:" in result.stderr


def _categories(path: Path) -> set[str]:
    lines = path.read_text("utf-8").splitlines()
    return {line.partition(":")[2] for line in lines if line.startswith("CATEGORIES:")}


def test_categories_in_the_plans_language(software: Path, isolated: Path) -> None:
    text = software.read_text("utf-8").replace("due: null", "due: 2026-02-02", 1)
    software.write_text(text, "utf-8")
    out = isolated / "nl.ics"
    args = ("calendar", str(software), "--start", START, "--weeks", "20", "-o", str(out))
    assert invoke(*args, "--lang", "nl").returncode == 0
    assert _categories(out) == {"Bericht", "Evaluatie", "Stap"}
    assert invoke(*args).returncode == 0
    assert _categories(out) == {"Post", "Review", "Step"}


def test_diff_says_who_posts_changed(software: Path, isolated: Path) -> None:
    old = isolated / "old.yaml"
    shutil.copy(software, old)
    _set_owners(software, "  linkedin: Sanne\n  blog: null\n  youtube: null\n")
    result = invoke("diff", str(old), str(software))
    assert result.returncode == 0, result.stderr
    assert "~ LinkedIn: who posts: — → Sanne" in result.stdout
    dutch = invoke("diff", str(old), str(software), env={"SOCIALREADY_LANG": "nl"})
    assert "LinkedIn: wie plaatst:" in dutch.stdout and "Sanne" in dutch.stdout


@pytest.mark.parametrize("start", ["9999-01-04", "9999-12-27", "9997-12-25"])
def test_a_start_near_the_year_9999_is_refused_not_a_traceback(software: Path, start: str) -> None:
    result = invoke("calendar", str(software), "--start", start, "--weeks", "104")
    assert result.returncode == 2, result.stderr
    assert "--start: " in result.stderr and "outside the years 1900 to 2999" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
