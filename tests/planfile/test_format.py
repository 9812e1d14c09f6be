"""Plan format 2: version-1 plans upgrade with everything owned kept, status words in either
language, the header comment beside the user's own, `started` set once, reviews kept."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from socialready.planfile import owned, yamlio
from socialready.planfile.document import TOP_KEYS, header_comment
from tests.conftest import ORGANISATIONS, invoke

V1 = Path(__file__).parents[1] / "fixtures" / "v1-software.yaml"
MODELINE = "# yaml-language-server: $schema=../plan.schema.json\n"
OWNED = ("status", "owner", "due", "notes")


def _load(path: Path) -> dict[str, Any]:
    return yamlio.loads(path.read_text("utf-8"), str(path))  # type: ignore[no-any-return]


def _assess(target: Path, *extra: str, org: str = "bakery", today: str = "2026-01-05") -> Path:
    result = invoke(
        "assess", str(target), "--answers", str(ORGANISATIONS / f"{org}.yaml"), *extra,
        env={"SOCIALREADY_TODAY": today},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return target


def test_a_version_1_plan_is_upgraded_with_everything_owned_kept(isolated: Path) -> None:
    path = isolated / "software.yaml"
    shutil.copy(V1, path)
    before = _load(path)
    assert before["socialready"] == 1 and "started" not in before

    check = invoke("plan", "--check", str(path))
    assert check.returncode == 1 and "format: 1 → 3" in check.stdout, check.stdout
    result = invoke("plan", str(path))
    assert result.returncode == 0, result.stderr

    text = path.read_text("utf-8")
    assert text.startswith(MODELINE + header_comment("en") + "socialready: 3\n")
    after = _load(path)
    assert list(after) == list(TOP_KEYS)
    assert after["started"] is None  # unknown: set by the user, or by the next `assess`
    assert after["reviews"] == []
    current = before["answers"]["channels"].pop("current")  # a list: answers format 2
    unknown = {"posts_per_week": None, "works": "unknown"}
    assert after["answers"]["channels"]["current"] == dict.fromkeys(current, unknown)
    for part, fields in before["answers"].items():  # kept; a country added from the language
        assert after["answers"][part] == {**after["answers"][part], **fields}
    for old, new in zip(before["steps"], after["steps"], strict=True):
        assert list(new) == ["id", "title", *OWNED, "why", "actions"]
        worded = {**old, "status": owned.status_word(old["status"], "en")}  # "to do"
        assert {key: new[key] for key in OWNED} == {key: worded[key] for key in OWNED}
    note = "Start with LinkedIn.\nAsk Joost for the 'Quadrant' logo files."
    assert after["steps"][3]["notes"] == note
    assert invoke("plan", "--check", str(path)).returncode == 0


def test_assess_on_an_upgraded_plan_sets_started(isolated: Path) -> None:
    path = isolated / "software.yaml"
    shutil.copy(V1, path)
    assert invoke("plan", str(path)).returncode == 0
    _assess(path, "--date", "2026-02-02", org="software")
    assert str(_load(path)["started"]) == "2026-02-02"
    assert _load(path)["steps"][0]["owner"] == "Marieke (marketing)"


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("klaar", "klaar"), ("Klaar", "klaar"), ("bezig", "bezig"), ("te doen", "te doen"),
        ("'Te Doen'", "te doen"), ("overgeslagen", "overgeslagen"), ("done", "klaar"),
        ("DOING", "bezig"), ("to do", "te doen"), ("skipped", "overgeslagen"),
        ("todo", "te doen"), ("gedaan", "klaar"),
    ],
)  # fmt: skip
def test_status_words_in_either_language_are_written_in_the_plans_language(
    isolated: Path, written: str, stored: str
) -> None:
    path = _assess(isolated / "bakery.yaml", "--lang", "nl")
    path.write_text(path.read_text("utf-8").replace("status: te doen", f"status: {written}", 1))
    shown = invoke("show", str(path))
    assert shown.returncode == 0, shown.stderr
    result = invoke("plan", str(path))
    assert result.returncode == 0, result.stderr
    assert _load(path)["steps"][0]["status"] == stored
    assert invoke("plan", "--check", str(path)).returncode == 0


def test_yes_no_and_status_words_are_layout_not_changes(isolated: Path) -> None:
    """`ja` means true: `plan --check` passes, `plan` stores true; `klaar` in a Dutch plan is
    the plan's own word and stays as the user typed it, never rewritten `done`."""
    path = _assess(isolated / "bakery.yaml", "--lang", "nl")
    text = path.read_text("utf-8")
    edited = text.replace("weekend_cover: true", "weekend_cover: Ja").replace(
        "status: te doen", "status: klaar", 1
    )
    path.write_text(edited, "utf-8")
    check = invoke("plan", "--check", str(path))
    assert check.returncode == 0 and "formatting only" in check.stderr, check.stderr
    assert invoke("plan", str(path)).returncode == 0
    assert path.read_text("utf-8") == text.replace("status: te doen", "status: klaar", 1)


def test_a_status_that_is_no_word_names_the_words(isolated: Path) -> None:
    path = _assess(isolated / "bakery.yaml", "--lang", "nl")
    path.write_text(path.read_text("utf-8").replace("status: te doen", "status: half", 1))
    result = invoke("plan", str(path))
    assert result.returncode == 2
    assert (
        "steps[audience].status: 'half' is not a status: write to do, doing, done or skipped "
        "(or te doen, bezig, klaar, overgeslagen)"
    ) in result.stderr
    dutch = invoke("plan", str(path), env={"SOCIALREADY_LANG": "nl"})
    assert "'half' is geen status: schrijf te doen, bezig, klaar of overgeslagen" in dutch.stderr


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_header_lists_the_allowed_values_in_the_plans_language(
    isolated: Path, lang: str
) -> None:
    text = _assess(isolated / "p.yaml", "--lang", lang).read_text("utf-8")
    header = header_comment(lang)
    assert text.startswith(header + "socialready: 3\n")
    words = {"nl": ("te doen", "bezig", "klaar", "overgeslagen", "JJJJ-MM-DD")}
    for word in (*words.get(lang, ("to do", "doing", "done", "skipped", "YYYY-MM-DD")), "owner"):
        assert word in header
    assert all(line.startswith("#") for line in header.splitlines())


def test_the_users_header_lines_are_kept_around_the_generated_one(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml", "--lang", "en")
    generated = header_comment("en")
    text = path.read_text("utf-8")
    mine = "# Kept by Anna; ask her first\n"
    path.write_text(MODELINE + text.replace(generated, generated + mine, 1))
    expected = path.read_text("utf-8")
    assert invoke("plan", "--check", str(path)).returncode == 0
    # Another language: the generated header changes language, the user's lines stay put.
    assert invoke("plan", "--lang", "nl", str(path)).returncode == 0
    dutch = path.read_text("utf-8")
    assert dutch.startswith(MODELINE + header_comment("nl") + mine + "socialready: 3\n")
    assert invoke("plan", "--lang", "en", str(path)).returncode == 0
    assert path.read_text("utf-8") == expected


def test_an_older_wording_of_the_header_is_replaced_not_added_to(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml", "--lang", "en")
    text = path.read_text("utf-8")
    generated = header_comment("en")
    older = generated.replace("any text", "free text").replace("the deadline", "due date")
    path.write_text(MODELINE + text.replace(generated, older + "# mine\n", 1))
    assert invoke("plan", str(path)).returncode == 0
    assert path.read_text("utf-8") == MODELINE + text.replace(generated, generated + "# mine\n")


def test_started_is_set_once_and_kept(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml", today="2026-03-02")
    assert str(_load(path)["started"]) == "2026-03-02"
    assert invoke("plan", str(path), "--set", "capacity.people=2").returncode == 0
    _assess(path, "--date", "2027-01-01", today="2027-05-05")
    assert str(_load(path)["started"]) == "2026-03-02"
    path.write_text(path.read_text("utf-8").replace("started: 2026-03-02", "started: 2026-02-01"))
    assert invoke("plan", str(path)).returncode == 0
    assert str(_load(path)["started"]) == "2026-02-01"  # the user's to change


def test_a_new_plan_starts_on_the_date_given(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml", "--date", "2025-12-24", today="2026-03-02")
    assert str(_load(path)["started"]) == "2025-12-24"
    answers = str(ORGANISATIONS / "bakery.yaml")
    bad = invoke("assess", "q.yaml", "--answers", answers, "--date", "2025-13-01")
    assert bad.returncode == 2 and "--date: '2025-13-01' is not a date" in bad.stderr


REVIEWS = """\
reviews:
- date: 2026-04-06
  published:
    facebook: 30
  reply_time: same_day
  hours_spent: 2.5
  measures:
    awareness: 120 followers
    leads_sales: 4
  notes: |-
    Photos of the bread did best.
    Order 42 came through Facebook.
- date: 2026-07-06
  published: {facebook: 12}
  reply_time: within_days
  hours_spent: 1
"""


def test_reviews_are_kept_by_plan(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml")
    text = path.read_text("utf-8")
    assert text.endswith("reviews: []\n")
    canonical = REVIEWS.replace("  published: {facebook: 12}\n", "  published:\n    facebook: 12\n")
    path.write_text(text.removesuffix("reviews: []\n") + canonical)
    assert invoke("plan", str(path)).returncode == 0  # the rules read the latest review
    assert path.read_text("utf-8").endswith(canonical)  # kept byte for byte
    assert invoke("plan", "--check", str(path)).returncode == 0
    assert invoke("plan", str(path), "--set", "capacity.hours_per_week=5").returncode == 0
    assert path.read_text("utf-8").endswith(canonical)
    # In another style (flow), kept value for value.
    path.write_text(text.removesuffix("reviews: []\n") + REVIEWS)
    before = _load(path)["reviews"]
    assert invoke("plan", str(path)).returncode == 0
    assert _load(path)["reviews"] == before and len(before) == 2
    assert path.read_text("utf-8").endswith(canonical)


@pytest.mark.parametrize(
    ("review", "message"),
    [
        ("- date: soon\n", "reviews[1].date: 'soon' is not a date"),
        ("- published: {facebook: 3}\n", "reviews[1].date: is missing"),
        ("- date: 2026-04-06\n  reply_time: fast\n", "reviews[1].reply_time: 'fast' is not"),
        ("- date: 2026-04-06\n  published: {myspace: 3}\n", "published.myspace: is not a channel"),
        ("- date: 2026-04-06\n  published: {facebook: -1}\n", "facebook: must be a whole number"),
        ("- date: 2026-04-06\n  hours_spent: lots\n", "reviews[1].hours_spent: must be a number"),
        ("- date: 2026-04-06\n  measures: {fame: 3}\n", "measures.fame: is not an objective"),
        ("- date: 2026-04-06\n  mood: good\n", "reviews[1].mood: is not a review field"),
        ("  date: 2026-04-06\n", "reviews: must be a list"),
    ],
)
def test_a_bad_review_is_refused_naming_it(isolated: Path, review: str, message: str) -> None:
    path = _assess(isolated / "p.yaml")
    path.write_text(path.read_text("utf-8").removesuffix(" []\n") + "\n" + review)
    before = path.read_bytes()
    for args in (["plan"], ["show"]):
        result = invoke(*args, str(path))
        assert result.returncode == 2, result.stderr
        assert message in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_review_entry_is_checked_as_plan_reads_it() -> None:
    from socialready.errors import BadInput
    from socialready.planfile import shape

    entry = {"date": "2026-04-06", "published": {"instagram": 6}, "reply_time": "same_day"}
    assert str(shape.check_review(entry, "review")["date"]) == "2026-04-06"
    with pytest.raises(BadInput, match=r"review: reviews\[3\].hours_spent: must be a number"):
        shape.check_review({"date": "2026-04-06", "hours_spent": -2}, "review", 3)


V2 = Path(__file__).parents[1] / "fixtures" / "v2-bakery.yaml"


def test_a_format_2_plan_is_upgraded_and_names_what_it_assumes(isolated: Path) -> None:
    path = isolated / "bakery.yaml"
    shutil.copy(V2, path)
    before = _load(path)
    check = invoke("plan", "--check", str(path))
    assert check.returncode == 1 and "format: 2 → 3" in check.stdout, check.stdout
    assert "goals.answers-assumed" in check.stdout  # what moved, and why
    assert invoke("plan", str(path)).returncode == 0
    after = _load(path)
    assert after["socialready"] == 3
    unknown = {"posts_per_week": None, "works": "unknown"}
    assert after["answers"]["channels"]["current"] == {"facebook": unknown}
    assert "sector" not in after["answers"]["organisation"]  # assumed, so not written as said
    assert "minors" not in after["answers"]["audience"]
    findings = after["readiness"]["dimensions"]["goals_audience"]["findings"]
    assumed = next(f for f in findings if f["rule"] == "goals.answers-assumed")
    assert "sector: iets anders" in assumed["says"] and "kinderen onder de 16" in assumed["says"]
    for old, new in zip(before["steps"], after["steps"], strict=True):
        assert {key: new[key] for key in OWNED if key != "status"} == {
            key: old[key] for key in OWNED if key != "status"
        }
    assert after["steps"][3]["status"] == "bezig"  # written in the plan's language
    assert after["steps"][3]["notes"] == "Eerst de zaterdagbroden #vers"
    assert after["reviews"] == before["reviews"] and after["started"] == before["started"]
    assert invoke("plan", "--check", str(path)).returncode == 0  # the assumption stays put
    # Answered later: the assumption goes, and the answer is written.
    set_sector = invoke("plan", "--set", "organisation.sector=shop", str(path))
    assert set_sector.returncode == 0, set_sector.stderr
    answered = _load(path)
    assert answered["answers"]["organisation"]["sector"] == "shop"
    findings = answered["readiness"]["dimensions"]["goals_audience"]["findings"]
    assumed = next(f for f in findings if f["rule"] == "goals.answers-assumed")
    assert "sector" not in assumed["says"] and "kinderen onder de 16" in assumed["says"]


def test_a_strategists_format_3_intake_makes_a_plan(isolated: Path) -> None:
    answers = Path(__file__).parents[1] / "fixtures" / "orgs3" / "01-woningcorporatie.yaml"
    result = invoke("assess", "out.yaml", "--answers", str(answers), "--defaults")
    assert result.returncode == 0, result.stderr
    written = _load(isolated / "out.yaml")
    assert written["answers"]["organisation"]["sector"] == "housing"
    assert written["answers"]["channels"]["current"] == {
        "facebook": {"posts_per_week": 3, "works": "well"}
    }
    everything = [
        f["rule"] for d in written["readiness"]["dimensions"].values() for f in d["findings"]
    ]
    assert "goals.answers-assumed" not in everything
