"""`socialready review`: real prompts, answers files, --set, Ctrl-C and what the plan keeps."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialready.commands import assess
from socialready.commands import review as review_cmd
from socialready.errors import BadInput, Interrupted, MissingAnswers, msg
from socialready.model import Answers, PlanDoc
from socialready.planfile import yamlio
from socialready.planfile.document import load_document, read
from socialready.wizard import resume
from socialready.wizard import review as review_questions
from socialready.wizard.flow import Sources
from tests.conftest import CTRL_C, DOWN, ENTER, ORGANISATIONS, in_process, invoke, json_ready
from tests.strategies import examples

Keys = Callable[[str], None]
STARTED = "2026-01-05"  # a Monday
TWELVE_WEEKS = "2026-03-30"
BACK = "\x7f"


@pytest.fixture
def software(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The B2B software firm's plan (blog, LinkedIn, YouTube), started on STARTED."""
    monkeypatch.setenv("SOCIALREADY_TODAY", STARTED)
    assess.run(
        isolated / "software.yaml",
        Sources(ORGANISATIONS / "software.yaml", [], False, False),
        force=False,
        lang="en",
    )
    return isolated / "software.yaml"


def _review(
    path: Path | None,
    *,
    answers_file: Path | None = None,
    sets: list[str] | None = None,
    use_defaults: bool = False,
    resume_session: bool = False,
    date: str | None = TWELVE_WEEKS,
    lang: str | None = None,
) -> PlanDoc:
    sources = Sources(answers_file, sets or [], use_defaults, resume_session)
    assert review_cmd.run(path, sources, date=date, lang=lang) == 0
    return load_document(path or Path("software.yaml"))  # resumed: the plan of the session


# One keystroke string per question, in order, for the software plan over 12 weeks.
PROMPTED = [
    BACK * 2 + "10" + ENTER,  # published.linkedin: 10 of 36
    ENTER,  # published.blog: the promise, 6
    ENTER,  # published.youtube: 6
    DOWN * 2 + ENTER,  # reply_time: within_hours -> within_days
    BACK * 4 + "9" + ENTER,  # hours_spent: the planned 8.15
    "12 hires" + ENTER,  # measures.recruitment
    ENTER,  # measures.knowledge_sharing: empty
    ENTER,  # measures.leads_sales: empty
    "LinkedIn took longer than planned" + ENTER,  # notes
]


def test_a_review_through_real_prompts(keys: Keys, software: Path) -> None:
    keys("".join(PROMPTED))
    document = _review(software)
    [entry] = document["reviews"]
    assert entry == {
        "date": dt.date(2026, 3, 30),
        "published": {"linkedin": 10, "blog": 6, "youtube": 6},
        "reply_time": "within_days",
        "hours_spent": 9,
        "measures": {"recruitment": "12 hires"},
        "notes": "LinkedIn took longer than planned",
    }
    capacity = document["readiness"]["dimensions"]["capacity"]["findings"]
    said = {finding["rule"]: finding["says"] for finding in capacity}
    assert said.get("review.under-delivered") == "LinkedIn: 10 of 36 promised posts in 12 weeks."
    assert "review.reply-slower" in said
    assert read(software).reviews == [entry]


def test_ctrl_c_keeps_the_review_answers_and_resume_continues(
    keys: Keys, software: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCIALREADY_TODAY", TWELVE_WEEKS)
    keys("".join(PROMPTED[:3]) + CTRL_C)
    with pytest.raises(Interrupted) as caught:
        _review(software)
    assert caught.value.exit_code == 130
    assert "review --resume" in caught.value.message
    assert "reviews" not in read(software).as_read or not read(software).reviews
    keys("".join(PROMPTED[3:]))
    document = _review(None, resume_session=True, date=None)
    [entry] = document["reviews"]
    assert entry["date"] == dt.date(2026, 3, 30)  # the date of the interrupted review
    assert (entry.get("published") or {})["linkedin"] == 10
    assert not resume.REVIEW.path().exists()


def test_a_review_from_an_answers_file(
    software: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCIALREADY_TODAY", TWELVE_WEEKS)
    answers = isolated / "review.yaml"
    answers.write_text(
        "review:\n"
        "  date: 2026-03-30\n"
        "  published: {blog: 6, linkedin: 36, youtube: 6}\n"
        "  reply_time: within_hours\n"
        "  hours_spent: 8\n"
        "  measures: {leads_sales: 14}\n",
        "utf-8",
    )
    document = _review(software, answers_file=answers, date=None)
    [entry] = document["reviews"]
    assert entry["measures"] == {"leads_sales": 14}
    rules = [f["rule"] for f in document["readiness"]["dimensions"]["capacity"]["findings"]]
    assert "review.plan-works" in rules


def test_review_answers_from_standard_input(
    software: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--answers -` reads the review from standard input, as it does for `assess`."""
    from socialready.cli import main

    monkeypatch.setenv("SOCIALREADY_TODAY", TWELVE_WEEKS)
    review = "review:\n  published: {blog: 6, linkedin: 36, youtube: 6}\n  hours_spent: 8\n"
    done = in_process(main, "review", str(software), "--answers", "-", "--defaults", input=review)
    assert done.returncode == 0, done.stderr
    [entry] = load_document(software)["reviews"]
    assert entry["published"] == {"blog": 6, "linkedin": 36, "youtube": 6}
    assert entry["hours_spent"] == 8


@pytest.mark.parametrize("content", ["[]\n", "{}\n", "false\n", "0\n"])
def test_a_review_answers_file_of_the_wrong_shape_is_refused(
    software: Path, isolated: Path, content: str
) -> None:
    """Not silently taken as no answers: one message that says what the file must hold."""
    from socialready.errors import AnswerError

    answers = isolated / "review.yaml"
    answers.write_text(content, "utf-8")
    before = software.read_text("utf-8")
    with pytest.raises(AnswerError) as caught:
        _review(software, answers_file=answers, use_defaults=True)
    assert caught.value.render("en") == AnswerError(
        "review", msg("review.one_mapping"), str(answers)
    ).render("en")
    assert software.read_text("utf-8") == before


def test_without_a_terminal_missing_review_answers_are_named(software: Path) -> None:
    with pytest.raises(MissingAnswers) as caught:
        _review(software, sets=["review.published.blog=3"])
    message = caught.value.message
    assert "review.published.linkedin" in message and "review.hours_spent" in message
    assert "review.published.blog," not in message
    assert "review.notes" not in message  # optional


def test_defaults_record_the_plan_as_promised(software: Path) -> None:
    document = _review(software, use_defaults=True)
    [entry] = document["reviews"]
    assert entry["published"] == {"linkedin": 36, "blog": 6, "youtube": 6}
    rules = [f["rule"] for f in document["readiness"]["dimensions"]["capacity"]["findings"]]
    assert "review.plan-works" in rules


def test_a_promise_of_under_one_post_is_one_post_asked_recorded_and_shown(
    software: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """YouTube at half a post a week, reviewed after one week: the promise is one post (not
    round(0.5) = 0) in the question's default, in the recorded review and in `show`."""
    monkeypatch.setenv("SOCIALREADY_TODAY", "2026-01-12")
    document = _review(software, use_defaults=True, date="2026-01-12")
    [entry] = document["reviews"]
    assert (entry["published"] or {}).get("youtube") == 1
    shown = json.loads(invoke("show", "--format", "json", str(software)).stdout)
    [figures] = shown["review_figures"]
    youtube = next(item for item in figures["channels"] if item["channel"] == "youtube")
    assert (youtube["published"], youtube["promised"]) == (1, 1)


def test_unknown_ids_and_early_dates_are_refused(software: Path) -> None:
    with pytest.raises(BadInput, match=r"review\.published\.tiktok: is not a review question"):
        _review(software, sets=["review.published.tiktok=3"], use_defaults=True)
    with pytest.raises(BadInput, match="is not after 2026-01-05"):
        _review(software, use_defaults=True, date="2026-01-01")
    with pytest.raises(BadInput, match="'soon' is not a date"):
        _review(software, use_defaults=True, date="soon")


@settings(
    max_examples=examples(10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(linkedin=st.integers(0, 60), hours=st.integers(0, 20))
def test_the_same_review_twice_gives_the_same_plan(
    software: Path, linkedin: int, hours: int
) -> None:
    text = software.read_bytes()
    sets = [f"review.published.linkedin={linkedin}", f"review.hours_spent={hours}"]
    try:
        _review(software, sets=sets, use_defaults=True)
        first = software.read_bytes()
        _review(software, sets=sets, use_defaults=True)
        assert software.read_bytes() == first
    finally:
        software.write_bytes(text)


def test_a_later_review_covers_the_period_since_the_one_before(software: Path) -> None:
    _review(software, use_defaults=True)
    document = _review(
        software, use_defaults=True, date="2026-06-22", sets=["review.published.linkedin=12"]
    )
    assert [entry["date"] for entry in document["reviews"]] == [
        dt.date(2026, 3, 30),
        dt.date(2026, 6, 22),
    ]
    said = [f["says"] for f in document["readiness"]["dimensions"]["capacity"]["findings"]]
    assert any(text.startswith("LinkedIn: 12 of 36 promised posts in 12 weeks") for text in said)


reviews = st.fixed_dictionaries(
    {
        "blog": st.integers(0, 30),
        "linkedin": st.integers(0, 60),
        "reply": st.sampled_from(["within_hours", "same_day", "within_days", "unmonitored"]),
        "hours": st.integers(0, 80),
    }
)


@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(figures=reviews)
def test_a_review_never_changes_what_the_user_owns(software: Path, figures: dict[str, Any]) -> None:
    before = read(software)
    text = software.read_bytes()
    try:
        _review(
            software,
            use_defaults=True,
            sets=[
                f"review.published.blog={figures['blog']}",
                f"review.published.linkedin={figures['linkedin']}",
                f"review.reply_time={figures['reply']}",
                f"review.hours_spent={figures['hours']}",
            ],
        )
        after = read(software)
        assert after.answers == before.answers
        assert after.owned == before.owned
        assert after.started == before.started
        assert after.language == before.language
        assert len(after.reviews) == 1
    finally:
        software.write_bytes(text)


def test_a_reviewed_plan_is_valid_against_the_schema(software: Path) -> None:
    import json
    from importlib import resources

    import jsonschema

    from socialready.planfile import yamlio

    _review(software, use_defaults=True, sets=["review.measures.leads_sales=14", "review.notes=ok"])
    schema = json.loads(
        resources.files("socialready").joinpath("data/plan.schema.json").read_text()
    )
    document = yamlio.loads(software.read_text("utf-8"), str(software))
    assert document["reviews"][0]["measures"] == {"leads_sales": "14"}
    jsonschema.validate(json_ready(document), schema)


def test_usage_errors_are_one_line_and_exit_2(software: Path) -> None:
    from tests.conftest import invoke

    cases = [
        ((), "Error: name the plan to review: socialready review PLAN"),
        (("--resume",), "Error: nothing to resume: no interrupted `socialready review`"),
        ((str(software), "--date", TWELVE_WEEKS), "add --defaults to take the defaults (what"),
        ((str(software), "--answers", str(software), "--date", TWELVE_WEEKS), "one mapping"),
        ((str(software),), "is not after 2026-01-05, the plan's start (`started`)"),
    ]
    for args, said in cases:
        result = invoke("review", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_the_users_own_header_lines_are_kept(software: Path) -> None:
    text = software.read_text("utf-8")
    body = text.index("socialready: 3\n")
    software.write_text(
        "# Quadrant's plan, kept by Anna\n"
        + text[:body]
        + "# reviewed each quarter\n"
        + text[body:],
        "utf-8",
    )
    _review(software, use_defaults=True)
    kept = software.read_text("utf-8")
    assert kept.startswith("# Quadrant's plan, kept by Anna\n# socialready plan.")
    assert "# reviewed each quarter\nsocialready: 3\n" in kept


def test_a_plan_with_windows_line_ends_keeps_them(software: Path) -> None:
    software.write_bytes(software.read_bytes().replace(b"\n", b"\r\n"))
    _review(software, use_defaults=True)
    data = software.read_bytes()
    assert b"reviews:\r\n- date: 2026-03-30\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")


CTRL_D = "\x04"


def test_ctrl_d_at_a_pre_filled_question_stops_like_ctrl_c(
    keys: Keys, software: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The published count comes filled in with the promise: Ctrl-D there stops the review."""
    monkeypatch.setenv("SOCIALREADY_TODAY", TWELVE_WEEKS)
    # Every key up front: where Ctrl-D did not stop, the review would run to its end.
    keys(PROMPTED[0] + CTRL_D + "".join(PROMPTED[1:]))
    with pytest.raises(Interrupted) as caught:
        _review(software)
    assert caught.value.exit_code == 130
    assert "review --resume" in caught.value.message
    assert not read(software).reviews
    [entry] = _review(None, resume_session=True, date=None)["reviews"]
    published = entry.get("published") or {}
    assert published["linkedin"] == 10  # the answer given before Ctrl-D was kept


def _recorded(software: Path, *dates: str) -> None:
    for date in dates:
        _review(software, use_defaults=True, date=date)


@pytest.mark.parametrize(
    ("date", "said"),
    [
        ("2026-02-02", "is before 2026-03-30, the date of the last review"),
        ("2026-01-05", "is before 2026-03-30, the date of the last review"),
        ("2025-12-01", "is before 2026-03-30, the date of the last review"),
    ],
)
def test_a_review_dated_before_the_last_one_is_refused(
    software: Path, date: str, said: str
) -> None:
    _recorded(software, TWELVE_WEEKS)
    before = software.read_bytes()
    with pytest.raises(BadInput, match=said):
        _review(software, use_defaults=True, date=date)
    assert software.read_bytes() == before


def test_the_last_review_may_be_recorded_again(software: Path) -> None:
    _recorded(software, "2026-02-16", TWELVE_WEEKS, TWELVE_WEEKS)
    assert [r["date"] for r in read(software).reviews] == [
        dt.date(2026, 2, 16),
        dt.date(2026, 3, 30),
    ]


def test_a_review_dated_after_today_is_refused(
    software: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOCIALREADY_TODAY", "2026-03-02")
    answers = isolated / "review.yaml"
    answers.write_text("review:\n  date: 2026-03-30\n", "utf-8")
    before = software.read_bytes()
    for options in (
        {"answers_file": answers, "date": None},
        {"sets": ["review.date=2026-03-30"], "date": None},
    ):
        with pytest.raises(BadInput, match=r"review\.date: 2026-03-30 is after 2026-03-"):
            _review(software, use_defaults=True, **options)
    assert software.read_bytes() == before
    # --date says which day it is: a review on that day is recorded.
    assert _review(software, use_defaults=True, date=TWELVE_WEEKS)["reviews"]


def test_the_review_dates_refused_through_the_command(software: Path) -> None:
    from tests.conftest import invoke

    _recorded(software, TWELVE_WEEKS)
    before = software.read_bytes()
    env = {"SOCIALREADY_TODAY": "2026-04-06"}
    for args, said in [
        (("--date", "2026-03-02"), "is before 2026-03-30, the date of the last review"),
        (("--set", "review.date=2026-05-04"), "2026-05-04 is after 2026-04-06, today"),
    ]:
        result = invoke("review", str(software), "--defaults", *args, env=env)
        assert result.returncode == 2, result.stderr
        assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert software.read_bytes() == before


@pytest.mark.parametrize(
    "resume_text",
    [
        "target: 42\nlanguage: en\nanswers: {}\n",
        "target: [a, b]\nlanguage: en\nanswers: {}\n",
        "target: {plan: x}\nlanguage: en\nanswers: {}\n",
        "target: true\nlanguage: en\nanswers: {}\n",
        "target: ''\nlanguage: en\nanswers: {}\n",
        "target: software.yaml\nlanguage: en\nanswers: [1, 2]\n",
        "target: software.yaml\nlanguage: en\nanswers: {1: 2}\n",
        "target: software.yaml\nlanguage: en\nanswers: {review.hours_spent: [1]}\n",
        "target: software.yaml\nlanguage: en\nanswers: {review.published.blog: {a: 1}}\n",
        "target: software.yaml\nlanguage: en\nanswers: {review.notes: 12}\n",
        "target: software.yaml\nlanguage: en\nanswers: {review.reply_time: 3}\n",
    ],
)
def test_a_hand_edited_review_resume_file_gives_one_message(
    software: Path, resume_text: str
) -> None:
    from tests.conftest import invoke

    state = resume.REVIEW.path()
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(resume_text, "utf-8")
    before = software.read_bytes()
    result = invoke("review", "--resume", "--defaults", "--date", TWELVE_WEEKS)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "TypeError" not in result.stderr
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
    assert software.read_bytes() == before


ENGLISH = (
    "is not after",
    "the plan's start",
    "the last review",
    "is not a review field",
    "is not a review question",
    "the ids are",
    "Your review answers are kept",
    "the plan has no start date",
    "is after",
    "today",
    "is not a channel",
    "must map each",
)


def test_a_dutch_review_says_nothing_in_english(software: Path, isolated: Path) -> None:
    from tests.conftest import invoke

    dutch = isolated / "dutch.yaml"
    dutch.write_text(software.read_text("utf-8").replace("language: en", "language: nl"), "utf-8")
    made = invoke("plan", str(dutch), env={"SOCIALREADY_LANG": "nl"})
    assert made.returncode == 0, made.stderr
    env = {"SOCIALREADY_LANG": "nl", "SOCIALREADY_TODAY": "2026-06-01"}
    base = ("review", str(dutch), "--defaults")
    answers = isolated / "answers.yaml"
    answers.write_text("review:\n  date: 2026-03-30\n  published: {tiktok: 3}\n", "utf-8")
    future = isolated / "future.yaml"
    future.write_text("review:\n  date: 2026-07-06\n", "utf-8")
    no_start = isolated / "no-start.yaml"
    no_start.write_text(dutch.read_text("utf-8").replace("started: 2026-01-05", "started:"))
    hand_review = isolated / "hand.yaml"
    hand_review.write_text(
        dutch.read_text("utf-8").replace("reviews: []", "reviews:\n- date: 2026-02-02\n  mood: ok"),
        "utf-8",
    )
    hand_channel = isolated / "hand-channel.yaml"
    hand_channel.write_text(
        dutch.read_text("utf-8").replace(
            "reviews: []", "reviews:\n- date: 2026-02-02\n  published: {myspace: 2}"
        ),
        "utf-8",
    )
    cases = [
        (*base, "--date", "2026-01-01"),
        (*base, "--set", "review.published.tiktok=3"),
        (*base, "--answers", str(answers)),
        (*base, "--answers", str(future)),
        ("review", str(no_start), "--defaults", "--date", "2026-03-30"),
        ("review", str(hand_review), "--defaults", "--date", "2026-03-30"),
        ("review", str(hand_channel), "--defaults", "--date", "2026-03-30"),
    ]
    for args in cases:
        result = invoke(*args, env=env)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith("Fout: "), (args, result.stderr)
        for english in ENGLISH:
            assert english not in result.stderr, (args, english, result.stderr)
    # The plan's language is the session's when nothing else says which.
    env["SOCIALREADY_LANG"] = "en"
    recorded = invoke(*base, "--date", "2026-03-30", env=env)
    assert recorded.returncode == 0, recorded.stderr
    for english in ("reviews:", "Can you?", "step 4", "Review of", "recorded in"):
        assert english not in recorded.stdout + recorded.stderr, english  # the change list too
    assert "  evaluaties\n    + evaluatie van 2026-03-30" in recorded.stdout
    again = invoke(*base, "--date", "2026-02-02", env=env)
    assert again.returncode == 2 and "ligt vóór 2026-03-30" in again.stderr, again.stderr


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
    env = {"SOCIALREADY_TODAY": STARTED}
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


def test_a_review_of_a_dutch_plan_lists_its_changes_in_dutch(isolated: Path) -> None:
    plan = isolated / "bakery.yaml"
    answers = str(ORGANISATIONS / "bakery.yaml")
    started = {"SOCIALREADY_TODAY": STARTED}
    made = invoke("assess", str(plan), "--answers", answers, "--lang", "nl", env=started)
    assert made.returncode == 0, made.stderr
    env = {**started, "SOCIALREADY_LANG": ""}
    result = invoke("review", str(plan), "--date", TWELVE_WEEKS, "--defaults", env=env)
    assert result.returncode == 0, result.stderr
    assert "  evaluaties\n    + evaluatie van 2026-03-30" in result.stdout, result.stdout
    assert "stap 8" in result.stdout
    for english in ("step 8", "findings", "channels", "summary", "review of"):
        assert english not in result.stdout, english


def test_a_clubs_review_measures_recruitment_in_new_members_and_volunteers(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The club set its recruitment goal in new members and volunteers (step 3): the review asks
    for that figure and its page shows it, not job applications."""
    monkeypatch.setenv("SOCIALREADY_TODAY", STARTED)
    club = isolated / "club.yaml"
    sources = Sources(ORGANISATIONS / "sports-club.yaml", [], False, False)
    assess.run(club, sources, force=False, lang="en")
    measures = ["review.measures.recruitment=4 new members", "review.measures.community=12"]
    _review(club, use_defaults=True, sets=measures)
    result = invoke("show", str(club), "--format", "markdown")
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert "4 new members (measure: new members and volunteers who came through" in page
    assert "applications" not in page
    assert "12 (measure: members who react or post each month)" in page  # its own {served}
    club_answers: Answers = {"organisation.kind": "nonprofit", "organisation.sector": "sports_club"}
    qs = review_questions.build({}, ["recruitment", "community"], None, 1.0, 12, {}, club_answers)
    asked = qs.question("review.measures.recruitment")
    assert "new members and volunteers" in str(asked.help)
    assert "{served}" not in str(qs.question("review.measures.community").help)
    prompt = str(asked.prompt)  # the objective as the plan names it in a sentence
    assert "measured figure for recruiting members?" in prompt, prompt


def test_a_clubs_review_shares_slow_replies_with_another_volunteer(isolated: Path) -> None:
    """What `review` prints of slower replies is what the plan then says: a club shares the
    inbox with another volunteer, not with a colleague it does not have."""
    answers = isolated / "club-answers.yaml"
    text = (ORGANISATIONS / "sports-club.yaml").read_text("utf-8")
    answers.write_text(text.replace("response_time: within_days", "response_time: same_day"))
    club = isolated / "club.yaml"
    started = {"SOCIALREADY_TODAY": STARTED}
    made = invoke("assess", str(club), "--answers", str(answers), "--lang", "en", env=started)
    assert made.returncode == 0, made.stderr
    slower = ("--set", "review.reply_time=within_days")
    result = invoke("review", str(club), "--date", TWELVE_WEEKS, "--defaults", *slower, env=started)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "share the inbox with another volunteer" in said, said
    assert "colleague" not in said
    plan = " ".join(club.read_text("utf-8").split())
    assert "share the inbox with another volunteer" in plan
