"""The plan as a document a communications lead hands to her director: in the plan's language,
reviews on every page, no developer notation, hashtags kept, and no answers replaced unasked."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from socialready.planfile import yamlio
from socialready.wizard.flow import Sources
from tests.conftest import DOWN, ENTER, ORGANISATIONS, command, invoke

NL = {"SOCIALREADY_LANG": "nl"}


def _assess(path: Path, lang: str = "nl", org: str = "bakery") -> Path:
    made = invoke(
        "assess", str(path), "--answers", str(ORGANISATIONS / f"{org}.yaml"), "--lang", lang
    )
    assert made.returncode == 0, made.stderr
    return path


def _reviewed(path: Path, *dates: str) -> Path:
    for date in dates:
        done = invoke("review", str(path), "--date", date, "--defaults")
        assert done.returncode == 0, done.stderr
    return path


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")


# --- the file in the plan's language -------------------------------------------------------


def test_a_dutch_plan_writes_dutch_status_words_and_keeps_klaar(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml")
    text = path.read_text("utf-8")
    assert text.count("status: te doen") == 8 and "status: todo" not in text
    _edit(path, "status: te doen", "status: klaar")
    _edit(path, "status: te doen", "status: done")  # the other language: the plan's word
    assert invoke("plan", str(path)).returncode == 0
    after = path.read_text("utf-8")
    assert after.count("status: klaar") == 2 and "status: done" not in after


def test_an_english_plan_writes_english_status_words(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml", "en")
    _edit(path, "status: to do", "status: klaar")
    assert invoke("plan", str(path)).returncode == 0
    text = path.read_text("utf-8")
    assert "status: done" in text and "status: klaar" not in text


def test_a_dutch_date_is_read_written_as_iso_and_shown_in_words(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml")
    _edit(path, "due: null", "due: 31-03-2027")
    shown = invoke("show", "--format", "markdown", str(path))
    assert shown.returncode == 0, shown.stderr
    assert "Uiterlijk: 31 maart 2027" in shown.stdout
    assert invoke("plan", str(path)).returncode == 0
    assert "due: 2027-03-31" in path.read_text("utf-8")


def test_a_dutch_date_in_an_english_plan_is_refused_naming_the_field(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml", "en")
    _edit(path, "due: null", "due: 31-03-2027")
    result = invoke("plan", str(path))
    assert result.returncode == 2
    assert "steps[audience].due: '31-03-2027' is not a date; write it as 2026-03-31" in (
        result.stderr
    )


# --- every word through the catalogue ------------------------------------------------------


def test_counts_agree_in_both_languages(isolated: Path) -> None:
    folder = isolated / "plans"
    for name in ("a", "b", "c"):
        _assess(folder / f"{name}.yaml")
    for name in ("a", "b", "c"):
        _edit(folder / f"{name}.yaml", "hours_per_week: 3", "hours_per_week: 6")
    one = invoke("plan", str(folder / "a.yaml"), env=NL)
    assert "1 plan bijgewerkt." in one.stderr, one.stderr
    more = invoke("plan", str(folder / "b.yaml"), str(folder / "c.yaml"), env=NL)
    assert "2 plannen bijgewerkt." in more.stderr, more.stderr
    _edit(folder / "a.yaml", "hours_per_week: 6", "hours_per_week: 3")
    english = invoke("plan", "--check", str(folder), env={"SOCIALREADY_LANG": "en"}).stderr
    assert "1 plan would change, 2 plans up to date." in english, english


def test_the_answers_template_says_its_conditions_in_words() -> None:
    nl = invoke("questions", "--format", "yaml", "--lang", "nl").stdout
    en = invoke("questions", "--format", "yaml", "--lang", "en").stdout
    assert "# alleen gevraagd als er mensen mee aan de slag gaan" in nl
    assert "# asked only when people work on it" in en
    for text in (nl, en):
        assert not re.search(r"\b(gt|ne|eq)\b", text)
        assert "capacity.people gt" not in text


def test_force_notes_in_a_dutch_plan_are_dutch(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml")
    _edit(path, "\nlanguage: nl\n", "\n# even overleggen met Sanne\nlanguage: nl\n")
    text = path.read_text("utf-8")
    title = re.search(r"title: (Zoek uit .*)", text)
    assert title
    _edit(path, title.group(0), "title: Zoek uit waar onze inwoners zitten")
    result = invoke("plan", "--force", str(path), env=NL)
    assert result.returncode == 0, result.stderr
    notes = yamlio.loads(path.read_text("utf-8"), "p")["steps"]
    organise = next(step for step in notes if step["id"] == "organise")["notes"]
    media = next(step for step in notes if step["id"] == "media")["notes"]
    assert organise.startswith("Opmerkingen uit het bestand:\nregel ")
    assert "even overleggen met Sanne" in organise
    assert media.startswith("Met de hand aangepast in stap 2, titel:\n")
    assert "stap 2, titel" in result.stderr and "opmerkingen" in result.stderr
    for english in ("Comments from the file", "Edited by hand", "line ", "steps["):
        assert english not in organise + media + result.stderr


# --- reviews on every page ------------------------------------------------------------------


REVIEW_LINES = {
    "nl": ["Evaluatie 1: 2 maart 2026 tot 2 juni 2026 (13 weken)", "berichten geplaatst",
           "Reactietijd:", "Uren per week:", "Verloop over de evaluaties"],
    "en": ["Review 1: 2 March 2026 to 2 June 2026 (13 weeks)", "posts published",
           "Reply time:", "Hours a week:", "Trend across the reviews"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_show_renders_every_review_and_the_trend(isolated: Path, lang: str, fmt: str) -> None:
    path = _reviewed(_assess(isolated / "p.yaml", lang), "2026-06-02", "2026-09-02")
    _edit(path, "reviews:\n- date: 2026-06-02", "reviews:\n- date: 2026-06-02\n  notes: Goed begin")
    shown = invoke("show", "--format", fmt, str(path), env={"COLUMNS": "200"})
    assert shown.returncode == 0, shown.stderr
    for line in REVIEW_LINES[lang]:
        assert line in shown.stdout, (fmt, line)
    assert "Goed begin" in shown.stdout


def test_show_json_has_each_review_against_the_promise(isolated: Path) -> None:
    path = _reviewed(_assess(isolated / "p.yaml"), "2026-06-02")
    data = json.loads(invoke("show", "--format", "json", str(path)).stdout)
    (review,) = data["review_figures"]
    assert review["date"] == "2026-06-02" and review["weeks"] == 13.14
    channel = review["channels"][0]
    assert channel["promised"] is not None and channel["published"] == channel["promised"]
    assert review["reply_time"] and review["hours_planned"] > 0


def test_a_review_that_lowers_a_cadence_is_shown_against_what_was_promised_before_it(
    isolated: Path,
) -> None:
    """The municipality posts 5 times a week on Facebook; a review finds 30 posts in 13 weeks
    and lowers the cadence for the next period. That review is shown against the 65 promised
    for its own period, not against the lower cadence that follows from it."""
    path = isolated / "p.yaml"
    env = {"SOCIALREADY_TODAY": "2026-12-07"}
    made = invoke("assess", str(path), "--answers", str(ORGANISATIONS / "municipality.yaml"),
                   "--defaults", env=env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    reviewed = invoke("review", str(path), "--date", "2027-03-08", "--defaults",
                       "--set", "review.published.facebook=30", env=env)  # fmt: skip
    assert reviewed.returncode == 0, reviewed.stderr
    data = json.loads(invoke("show", "--format", "json", str(path), env=env).stdout)
    now = {item["channel"]: item["posts_per_week"] for item in data["channels"]["recommended"]}
    assert now["facebook"] < 5  # the review lowered it
    (review,) = data["review_figures"]
    facebook = next(item for item in review["channels"] if item["channel"] == "facebook")
    assert (facebook["published"], facebook["promised"]) == (30, 65)


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def test_the_textconv_diff_of_a_commit_that_only_adds_a_review_shows_it(isolated: Path) -> None:
    repo = isolated / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.name", "Test")
    _git(repo, "config", "user.email", "test@example.invalid")
    socialready = command()[0]
    _git(repo, "config", "diff.socialready.textconv", f"{socialready} show --format markdown")
    (repo / ".gitattributes").write_text("*.yaml diff=socialready\n", "utf-8")
    path = _assess(repo / "p.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "plan")
    _reviewed(path, "2026-06-02")
    _git(repo, "commit", "-qam", "review")
    shown = _git(repo, "show", "--format=", "HEAD")
    added = [line[1:] for line in shown.splitlines() if line.startswith("+")]
    assert "### Evaluatie 1: 2 maart 2026 tot 2 juni 2026 (13 weken)" in added
    assert any("berichten geplaatst" in line and "beloofd" in line for line in added)
    assert any(line.startswith("- Uren per week:") for line in added)


# --- no developer notation ------------------------------------------------------------------


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.style = ""
        self.overdue: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in.append("overdue" if ("class", "overdue") in attrs else tag)

    def handle_endtag(self, tag: str) -> None:
        if self._in:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        where = self._in[-1] if self._in else ""
        if where == "style":
            self.style += data
        else:
            self.text.append(data)
        if where == "overdue":
            self.overdue.append(data)


RULE_ID = re.compile(r"\b[a-z]+\.[a-z][\w-]*\b")  # goals.audience-assumed, capacity.people


def _late_plan(isolated: Path) -> Path:
    path = _assess(isolated / "p.yaml")
    _edit(path, "due: null", "due: 2026-02-01")  # before SOCIALREADY_TODAY (2026-03-02)
    return path


def test_the_html_report_is_a4_dated_without_ids_or_backticks(isolated: Path) -> None:
    path = _late_plan(isolated)
    page = _Page()
    page.feed(invoke("show", "--format", "html", str(path)).stdout)
    text = "".join(page.text)
    assert re.search(r"@page\s*\{\s*size:\s*A4", page.style)
    assert "Stand van 2 maart 2026" in text
    assert page.overdue == ["te laat"]
    assert ".overdue { color:" in page.style
    assert "`" not in text
    assert not RULE_ID.findall(text.replace("socialready.invalid", "")), RULE_ID.findall(text)
    detailed = _Page()
    detailed.feed(invoke("show", "--format", "html", "--details", str(path)).stdout)
    ids = RULE_ID.findall("".join(detailed.text))
    assert "capacity.people" in ids and any(i.startswith("goals.") for i in ids)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_rule_ids_and_answer_keys_only_with_details(isolated: Path, fmt: str) -> None:
    path = _assess(isolated / "p.yaml")
    plain = invoke("show", "--format", fmt, str(path), env={"COLUMNS": "200"}).stdout
    detailed = invoke("show", "--format", fmt, "--details", str(path), env={"COLUMNS": "200"})
    assert "capacity.hours_per_week" not in plain and "[goals." not in plain
    assert "`" not in plain.replace("\\`", "") or fmt == "text"
    if fmt == "markdown":
        assert "(capacity.people)" in detailed.stdout
        assert "(goals." in detailed.stdout
    else:
        assert "[goals." in detailed.stdout or "[capacity." in detailed.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_show_o_writes_any_format(isolated: Path, fmt: str) -> None:
    path = _assess(isolated / "p.yaml")
    target = isolated / f"report.{fmt}"
    result = invoke("show", "--format", fmt, "-o", str(target), str(path), env=NL)
    assert result.returncode == 0, result.stderr
    assert f"Geschreven naar {target}" in result.stderr
    written = target.read_text("utf-8")
    assert "Bakkerij" in written
    assert "\x1b[" not in written  # no terminal codes in a file
    if fmt == "json":
        assert json.loads(written)["organisation"]


def test_show_o_never_writes_over_a_plan_or_answers_file(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml")
    answers = isolated / "answers.yaml"
    answers.write_bytes((ORGANISATIONS / "bakery.yaml").read_bytes())
    for target in (path, answers):
        before = target.read_bytes()
        result = invoke("show", "--format", "html", "-o", str(target), str(path), env=NL)
        assert result.returncode == 2
        assert f"{target}: is een plan of antwoordbestand" in result.stderr
        assert "Traceback" not in result.stderr
        assert target.read_bytes() == before
    earlier = isolated / "report.html"
    earlier.write_text("<html>old</html>", "utf-8")
    assert invoke("show", "--format", "html", "-o", str(earlier), str(path)).returncode == 0
    assert "Bakkerij" in earlier.read_text("utf-8")


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not installed")
def test_the_printed_report_as_a_browser_renders_it(isolated: Path) -> None:
    """Headless Chromium prints the page to PDF: A4 (595 x 842 points), more than one page."""
    path = _late_plan(isolated)
    page = isolated / "report.html"
    assert invoke("show", "--format", "html", "-o", str(page), str(path)).returncode == 0
    pdf = isolated / "report.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert pdf.is_file(), "chromium wrote no PDF"
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no page in the PDF"
    for width, height in boxes:
        assert abs(float(width) - 595) < 2 and abs(float(height) - 842) < 2, (width, height)
    shot = isolated / "report.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=900,1400",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert shot.is_file() and shot.stat().st_size > 10_000


# --- hashtags -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  notes: null", "  notes: Meedoen met #LindewaardPeilt"),
        ("  notes: null", "  notes: #LindewaardPeilt"),
        ("  owner: jij", "  owner: Sanne #LindewaardPeilt"),
    ],
)
def test_a_hashtag_in_a_field_never_makes_plan_refuse_and_is_never_cut(
    isolated: Path, old: str, new: str
) -> None:
    path = _assess(isolated / "p.yaml")
    _edit(path, old, new)
    before = path.read_text("utf-8")
    result = invoke("plan", str(path), env=NL)
    assert result.returncode == 0, result.stderr
    assert path.read_text("utf-8") == before  # it stays where it is
    assert result.stderr.count("#LindewaardPeilt") == 2  # said once, with the quoted value
    assert "tussen aanhalingstekens" in result.stderr
    assert invoke("plan", "--check", str(path)).returncode == 0
    shown = invoke("show", str(path), env=NL)
    assert shown.returncode == 0 and "tussen aanhalingstekens" in shown.stderr
    assert invoke("show", "--format", "markdown", str(path)).stderr == ""  # git's textconv
    # Quoted as the hint says, it is part of the text and the hint goes.
    field = new.split(":")[0]
    value = new.split(": ", 1)[1]
    _edit(path, new, f"{field}: '{value}'")
    quiet = invoke("plan", str(path))
    assert quiet.returncode == 0 and "#" not in quiet.stderr
    steps = yamlio.loads(path.read_text("utf-8"), "p")["steps"]
    assert value in [step[field.strip()] for step in steps]


def test_the_hint_in_a_hashtag_plan_gives_the_value_to_write(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml")
    _edit(path, "  notes: null", "  notes: Meedoen met #LindewaardPeilt")
    result = invoke("plan", str(path), env=NL)
    assert "stap 1, notities (steps[audience].notes)" in result.stderr
    assert "notes: 'Meedoen met #LindewaardPeilt'" in result.stderr


# --- assess never silently replaces an answer set -------------------------------------------


def test_assess_without_plan_and_without_terminal_refuses_to_replace(isolated: Path) -> None:
    answers = str(ORGANISATIONS / "bakery.yaml")
    assert invoke("assess", "--answers", answers, "--lang", "nl").returncode == 0
    (plan,) = (isolated / "plans").iterdir()
    before = plan.read_bytes()
    result = invoke("assess", "--answers", answers, "--set", "capacity.people=3", "--lang", "nl")
    assert result.returncode == 2
    assert f"{plan.relative_to(isolated)}: deze organisatie heeft hier al een plan" in (
        result.stderr
    )
    assert f"socialready assess {plan.relative_to(isolated)}" in result.stderr
    assert plan.read_bytes() == before
    assert [p.name for p in (isolated / "plans").iterdir()] == [plan.name]


@pytest.mark.parametrize(("keys", "written"), [(ENTER, "update"), (DOWN + ENTER, "new")])
def test_assess_without_plan_asks_in_a_terminal(
    isolated: Path, keys: Any, written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from socialready.commands import assess

    answers = ORGANISATIONS / "bakery.yaml"
    assess.run(None, Sources(answers, [], False, False), force=False, lang="nl")
    (plan,) = (isolated / "plans").iterdir()
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        sources = Sources(answers, ["capacity.people=3"], False, False)
        assess.run(None, sources, force=False, lang="nl")
    names = {p.name for p in (isolated / "plans").iterdir()}
    updated = yamlio.loads(plan.read_text("utf-8"), "p")["answers"]["capacity"]["people"] == 3
    if written == "update":
        assert names == {plan.name} and updated
    else:
        assert names == {plan.name, f"{plan.stem}-2.yaml"} and not updated


# --- no English in a Dutch session ----------------------------------------------------------


def _catalogue_english() -> set[str]:
    """Words of the English texts of the catalogue that no Dutch text uses: a Dutch screen that
    shows one of them shows English. Names (capitalised in both) and ids are left out."""

    data = Path(__file__).resolve().parents[2] / "src" / "socialready" / "data"
    words: dict[str, set[str]] = {"en": set(), "nl": set()}

    def walk(node: Any, lang: str | None = None) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, key if key in words else lang)
        elif isinstance(node, list):
            for item in node:
                walk(item, lang)
        elif isinstance(node, str) and lang:
            text = re.sub(r"`[^`]*`|\{[^}]*\}|\b\w+[._]\w+\b", " ", node)
            words[lang].update(re.findall(r"\b[a-z]{4,}\b", text.lower()))

    for name in ("text", "review", "questions", "rules", "facts"):
        walk(json.loads((data / f"{name}.json").read_text("utf-8")))
    from socialready import questionnaire

    ids = set()  # the file's own words (answer ids and keys), shown where a file is explained
    for question in questionnaire.load().questions:
        for asked in (question, *question.fields):  # a channel's posts_per_week and works too
            ids.update(re.findall(r"[a-z]+", asked.key))
            for choice in asked.choices:
                ids.update(re.findall(r"[a-z]+", choice.value))
    return words["en"] - words["nl"] - ids


INTERESTS = {
    name: yamlio.loads((ORGANISATIONS / f"{name}.yaml").read_text("utf-8"), name)["audience"][
        "interests"
    ]
    for name in ("bakery", "school")
}


def test_a_dutch_session_shows_no_english_word_of_the_catalogue(isolated: Path) -> None:
    english = _catalogue_english()
    assert {"would", "comments", "edited", "overdue", "promised"} <= english
    path = _reviewed(_late_plan(isolated), "2026-06-02", "2026-09-02")
    _edit(path, "\nlanguage: nl\n", "\n# nog overleggen\nlanguage: nl\n")
    _edit(path, "  notes: null", "  notes: Meedoen met #LindewaardPeilt")
    screens = [
        invoke("plan", "--force", str(path), env=NL),
        invoke("show", str(path), env={**NL, "COLUMNS": "120"}),
        invoke("show", "--format", "markdown", str(path), env=NL),
        invoke("show", "--format", "html", str(path), env=NL),
        invoke("overview", str(isolated), env=NL),
        invoke("questions", env=NL),
        invoke("questions", "--format", "yaml", env=NL),
        invoke("assess", "--answers", str(ORGANISATIONS / "school.yaml"), env=NL),
        invoke("assess", "--answers", str(ORGANISATIONS / "school.yaml"), env=NL),  # refused
    ]
    found: dict[str, set[str]] = {}
    for screen in screens:
        said = screen.stdout + screen.stderr
        said = re.sub(r"<style>.*?</style>", " ", said, flags=re.DOTALL)
        said = re.sub(r"[\w\[\]]+[._]\w+|[\w./-]+\.ya?ml|--?\w[\w-]*|<[^>]+>|`[^`]*`", " ", said)
        for own in ("Meedoen met #LindewaardPeilt", "Erasmus College", *INTERESTS.values()):
            said = said.replace(own, "")  # what the user typed is theirs
        for word in set(re.findall(r"\b[a-z]{4,}\b", said.lower())) & english:
            found.setdefault(word, set()).add(" ".join(screen.args[1:3]))
    assert not found, f"English in a Dutch session: {found}"


def test_a_comment_after_a_status_is_kept_and_pointed_to_the_notes(isolated: Path) -> None:
    path = _assess(isolated / "p.yaml")
    _edit(path, "  status: te doen", "  status: bezig #later")
    before = path.read_text("utf-8")
    result = invoke("plan", str(path), env=NL)
    assert result.returncode == 0, result.stderr
    assert path.read_text("utf-8") == before
    assert "zet het dan in de notities van de stap" in result.stderr
    assert "aanhalingstekens" not in result.stderr  # a quoted status would be no status
