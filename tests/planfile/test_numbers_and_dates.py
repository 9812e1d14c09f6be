"""Any number and any date in any field a person may edit either round-trips or is refused with
exit 2 and one message, by every command: never a traceback, never `Infinity` in JSON, never a
calendar that runs for minutes. In process for the property (`SOCIALREADY_TESTS=full` draws five
times the examples); one real command per case after."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from socialready import cli
from socialready.grammar import number
from tests.conftest import ORGANISATIONS, invoke, run_cli
from tests.strategies import examples, languages, valid_answers

START = "2026-03-02"
REVIEWED = "2026-05-25"
# Where a person may write a number or a date, as a path into the plan's data.
NUMBERS: list[tuple[Any, ...]] = [
    ("reviews", 0, "published", "linkedin"),
    ("reviews", 0, "hours_spent"),
    ("reviews", 0, "measures", "recruitment"),
    ("channels", "recommended", 0, "posts_per_week"),
    ("channels", "recommended", 0, "hours_per_week"),
    ("channels", "workload", "hours_needed"),
    ("answers", "capacity", "hours_per_week"),
    ("answers", "capacity", "people"),
    ("readiness", "score"),
    ("rules", "version"),
]
DATES: list[tuple[Any, ...]] = [("started",), ("steps", 0, "due"), ("reviews", 0, "date")]
HOSTILE_NUMBERS = [
    float("inf"), float("-inf"), float("nan"), 10**400, -(10**400), 100_000, 1e300, -1, 0,
    0.5, 2**63, 168, 169,
]  # fmt: skip
HOSTILE_DATES = [
    "2026-W15-1", "20260406", "2026-04-06T10:00", "2026-02-30", "9999-12-31", "0001-01-01",
    "26-04-06", "2026-4-6", " 2026-04-06", "2026-04-06 ", 20260406,
    dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.datetime(2026, 4, 6, 10, 0),
]  # fmt: skip
numbers = (
    st.sampled_from(HOSTILE_NUMBERS)
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
)
dates = st.sampled_from(HOSTILE_DATES) | st.dates() | st.text(max_size=12)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real plan with a review holding every kind of figure."""
    folder = tmp_path_factory.mktemp("base")
    plan = folder / "software.yaml"
    env = {"SOCIALREADY_TODAY": START, "SOCIALREADY_LANG": "en"}
    answers = str(ORGANISATIONS / "software.yaml")
    made = invoke("assess", str(plan), "--answers", answers, env=env)
    assert made.returncode == 0, made.stderr
    held = invoke(
        "review", str(plan), "--date", REVIEWED, "--set", "review.published.linkedin=30",
        "--set", "review.measures.recruitment=120", "--defaults", env=env,
    )  # fmt: skip
    assert held.returncode == 0, held.stderr
    return plan.read_text("utf-8")


def _with(base: str, path: tuple[Any, ...], value: Any) -> str:
    data = yaml.safe_load(base)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _main(*argv: str) -> int:
    """The command in this process, as the installed one runs it (cli.main maps the errors)."""
    saved = sys.argv
    sys.argv = ["socialready", *argv]
    try:
        cli.main()
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.argv = saved
    return 0


def _no_constant(name: str) -> Any:
    raise AssertionError(f"{name} in JSON output")


COMMANDS = [
    ["show", "{plan}"],
    ["show", "--format", "json", "{plan}"],
    ["show", "--format", "markdown", "{plan}"],
    ["show", "--format", "html", "{plan}"],
    ["plan", "--check", "{plan}"],
    ["calendar", "{plan}", "--weeks", "2", "-o", "{folder}/out.ics"],
    ["overview", "{folder}"],
    ["diff", "{base}", "{plan}"],
    ["plan", "{plan}"],
]


def _every_command(
    root: Path, base: str, text: str, capsys: pytest.CaptureFixture[str]
) -> dict[str, int]:
    folder = root / "plans"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    plan = folder / "edited.yaml"
    plan.write_text(text, "utf-8")
    original = root / "base.yaml"
    original.write_text(base, "utf-8")
    codes = {}
    for args in COMMANDS:
        argv = [a.format(plan=plan, folder=folder, base=original) for a in args]
        capsys.readouterr()
        code = _main(*argv)
        out, err = capsys.readouterr()
        name = " ".join(args)
        assert "Traceback" not in err, (name, err)
        assert code in (0, 1, 2), (name, code, err)
        if code == 2:
            assert err.count("Error: ") == 1 or args[0] in ("plan", "overview"), (name, err)
        if code == 0 and "json" in args:
            json.loads(out, parse_constant=_no_constant)
        codes[name] = code
    return codes


PROPERTY = settings(
    max_examples=examples(60),  # each example runs every command: 12, or 60 in CI
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@PROPERTY
@given(path=st.sampled_from(NUMBERS), value=numbers)
@example(path=NUMBERS[0], value=10**400)
@example(path=NUMBERS[1], value=float("inf"))
@example(path=NUMBERS[2], value=float("nan"))
@example(path=NUMBERS[3], value=100_000)
@example(path=NUMBERS[4], value=1e300)
def test_any_number_in_an_owned_field_round_trips_or_is_refused(
    isolated: Path, base: str, capsys: pytest.CaptureFixture[str], path: tuple[Any, ...], value: Any
) -> None:
    text = _with(base, path, value)
    codes = _every_command(isolated, base, text, capsys)
    if codes["plan {plan}"] == 0 and path[0] in ("reviews", "answers"):
        written = yaml.safe_load((isolated / "plans" / "edited.yaml").read_text("utf-8"))
        node = written
        for key in path:
            node = node[key]
        if path[0] == "answers":
            value = number(value)  # an answer is kept to two decimals (README: answers)
        assert node == value or str(node) == str(value), (path, value, node)


@PROPERTY
@given(path=st.sampled_from(DATES), value=dates)
@example(path=DATES[0], value="9999-12-31")
@example(path=DATES[0], value="2026-W15-1")
@example(path=DATES[1], value=20260406)
@example(path=DATES[1], value="20260406")
@example(path=DATES[2], value=dt.date(9999, 12, 31))
def test_any_date_in_an_owned_field_round_trips_or_is_refused(
    isolated: Path, base: str, capsys: pytest.CaptureFixture[str], path: tuple[Any, ...], value: Any
) -> None:
    text = _with(base, path, value)
    codes = _every_command(isolated, base, text, capsys)
    if codes["plan {plan}"] == 0 and value is not None:
        written = yaml.safe_load((isolated / "plans" / "edited.yaml").read_text("utf-8"))
        node = written
        for key in path:
            node = node[key]
        assert isinstance(node, dt.date), (path, value, node)
        assert node.isoformat() == str(value).strip()[:10] or path[0] == "reviews"


REAL = {
    "show --format json": (NUMBERS[1], float("inf"), ["show", "--format", "json", "{plan}"]),
    "show": (DATES[1], "2026-W15-1", ["show", "{plan}"]),
    "plan": (NUMBERS[0], 10**400, ["plan", "{plan}"]),
    "calendar": (NUMBERS[3], 100_000, ["calendar", "{plan}", "--weeks", "104"]),
    "overview --due": (DATES[0], "9999-12-31", ["overview", "--due", "{folder}"]),
    "diff": (NUMBERS[2], float("nan"), ["diff", "{base}", "{plan}"]),
    "review": (DATES[2], "20260406", ["review", "{plan}", "--defaults"]),
    "assess": (NUMBERS[6], float("inf"), ["assess", "{plan}", "--defaults"]),
}


@pytest.mark.parametrize("name", REAL)
def test_the_installed_command_refuses_a_hostile_number_or_date(
    isolated: Path, base: str, name: str
) -> None:
    path, value, args = REAL[name]
    folder = isolated / "plans"
    folder.mkdir()
    plan = folder / "edited.yaml"
    plan.write_text(_with(base, path, value), "utf-8")
    (isolated / "base.yaml").write_text(base, "utf-8")
    before = plan.read_bytes()
    argv = [a.format(plan=plan, folder=folder, base=isolated / "base.yaml") for a in args]
    result = run_cli(*argv, env={"SOCIALREADY_TODAY": "2026-06-01"}, input="")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "Infinity" not in result.stdout
    assert result.stderr.count("Error: ") == 1 or name.startswith("overview"), result.stderr
    where = ".".join(str(key) for key in path[-2:])
    if not name.startswith("overview"):
        assert where.split(".")[-1] in result.stderr, result.stderr
    assert plan.read_bytes() == before


@pytest.mark.parametrize("text", ["2026-W15-1", "20260406", "2026-04-06T10:00", "9999-12-31"])
@pytest.mark.parametrize(
    "args",
    [
        ["review", "{plan}", "--defaults", "--date"],
        ["calendar", "{plan}", "--start"],
        ["assess", "{folder}/new.yaml", "--defaults", "--date"],
    ],
    ids=lambda args: args[0],
)
def test_a_date_option_is_yyyy_mm_dd_in_the_plan_years(
    isolated: Path, base: str, args: list[str], text: str
) -> None:
    """The one parser on every Python: 3.11's date.fromisoformat reads 2026-W15-1 too."""
    plan = isolated / "p.yaml"
    plan.write_text(base, "utf-8")
    argv = [a.format(plan=plan, folder=isolated) for a in args]
    result = invoke(*argv, text, env={"SOCIALREADY_TODAY": "2026-06-01"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("Error: ") == 1 and "Traceback" not in result.stderr
    assert "2026-03-31" in result.stderr or "1900 to 2999" in result.stderr, result.stderr
    assert plan.read_text("utf-8") == base


def _reviews(base: str, count: int, figures: str = "  hours_spent: 2\n") -> str:
    first = dt.date(2026, 6, 1)
    entries = "".join(
        f"- date: {first + dt.timedelta(days=n % 300_000)}\n{figures}" for n in range(count)
    )
    head, _, _ = base.partition("\nreviews:\n")
    return f"{head}\nreviews:\n{entries}"


def test_a_thousand_reviews_are_read_and_written_without_recursion(
    isolated: Path, base: str
) -> None:
    plan = isolated / "p.yaml"
    plan.write_text(_reviews(base, 1000), "utf-8")
    env = {"SOCIALREADY_TODAY": "2046-01-01"}
    for args in (["plan", str(plan)], ["show", str(plan)], ["plan", "--check", str(plan)]):
        result = invoke(*args, env=env)
        assert result.returncode == 0, (args, result.stderr[-2000:])
    assert plan.read_text("utf-8").count("- date: ") == 1000


def test_a_plan_over_the_size_limit_is_refused_at_once(isolated: Path, base: str) -> None:
    """150,000 reviews: refused in about the time the command takes to start, not 30 s."""
    import time

    plan = isolated / "p.yaml"
    for limit, text in (("50000 an answers or plan file", _reviews(base, 150_000, "")),
                        ("more than the 2000 a plan may hold", _reviews(base, 2001))):  # fmt: skip
        plan.write_text(text, "utf-8")
        started = time.monotonic()
        result = invoke("show", str(plan))
        took = time.monotonic() - started
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("Error: ") == 1 and limit in result.stderr, result.stderr
        assert took < 5, took


def test_a_review_date_from_an_answers_file_is_held_to_the_same_years(
    isolated: Path, base: str
) -> None:
    plan = isolated / "p.yaml"
    plan.write_text(base, "utf-8")
    answers = isolated / "review.yaml"
    answers.write_text("review:\n  date: 9999-12-31\n", "utf-8")
    result = invoke("review", str(plan), "--answers", str(answers), "--defaults")
    assert result.returncode == 2, result.stderr
    assert "9999-12-31 is outside the years 1900 to 2999" in result.stderr
    assert plan.read_text("utf-8") == base


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    valid_answers(),
    languages,
    st.integers(0, 10_000),
    st.floats(0, 80),
    st.one_of(st.integers(-(10**12), 10**12), st.text(max_size=200)),
)
def test_what_socialready_writes_every_command_reads_back(
    given_answers: dict[str, Any], lang: str, published: int, hours: float, measure: Any
) -> None:
    """Any answers and any review the review questions accept: the plan written is within
    every range of the shape, so `show` reads what `plan` and `review` write."""
    from socialready.planfile import document, shape

    objective = given_answers["goals.objectives"][0]
    review = {
        "date": dt.date(2026, 6, 1),
        "published": dict.fromkeys(given_answers["channels.current"] or ["blog"], published),
        "reply_time": "same_day",
        "hours_spent": number(hours),
        "measures": {objective: measure},
        "notes": None,
    }
    checked = shape.check_review(review, "review")
    built = document.build(
        document.Plan(given_answers, lang, started=dt.date(2026, 3, 2), reviews=[checked])
    )
    data = yaml.safe_load(document.dumps(built))
    shape.check_plan(data, "p.yaml", deep=True)


@pytest.mark.parametrize("figure", [".inf", ".nan", "1e400", "9" * 400, "10000000000000"])
def test_review_refuses_a_figure_the_plan_could_not_read_back(
    isolated: Path, base: str, figure: str
) -> None:
    plan = isolated / "p.yaml"
    plan.write_text(base, "utf-8")
    answers = isolated / "review.yaml"
    answers.write_text(f"review:\n  measures:\n    recruitment: {figure}\n", "utf-8")
    result = invoke("review", str(plan), "--answers", str(answers), "--date", "2026-08-01",
                     "--defaults", env={"SOCIALREADY_TODAY": "2026-08-01"})  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "review.measures.recruitment: must be a number" in result.stderr
    assert plan.read_text("utf-8") == base
    assert invoke("show", str(plan)).returncode == 0


def test_the_most_posts_a_week_make_a_calendar_in_seconds_or_a_message(
    isolated: Path, base: str
) -> None:
    """100 posts a week on every channel (the top of the range) for 104 weeks is 31,000
    entries: refused at once, not made for half a minute; eight weeks are made."""
    import re
    import time

    plan = isolated / "p.yaml"
    plan.write_text(re.sub(r"posts_per_week: [\d.]+", "posts_per_week: 100", base), "utf-8")
    started = time.monotonic()
    refused = invoke("calendar", str(plan), "--weeks", "104", "-o", str(isolated / "c.ics"))
    assert refused.returncode == 2, refused.stderr
    assert "more than the 10000 it makes at once; give fewer --weeks" in refused.stderr
    assert time.monotonic() - started < 5
    assert not (isolated / "c.ics").exists()
    made = invoke("calendar", str(plan), "--weeks", "8", "-o", str(isolated / "c.ics"))
    assert made.returncode == 0, made.stderr
