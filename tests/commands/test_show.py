"""`show`: the plan as a document in the plan's language (text, Markdown, HTML, JSON), its
reviews and overdue marks, `-o` to a file."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from socialready.planfile import yamlio
from tests.bad_files import PLAN, files_in, refused
from tests.conftest import (
    MARKUP,
    NL,
    ORGANISATIONS,
    assess_plan,
    edit_plan,
    invoke,
    markup_plan,
    overdue_plan,
    own_step,
    review_plan,
)

REVIEW_LINES = {
    "nl": ["Evaluatie 1: 2 maart 2026 tot 2 juni 2026 (13 weken)", "berichten geplaatst",
           "Reactietijd:", "Uren per week:", "Verloop over de evaluaties"],
    "en": ["Review 1: 2 March 2026 to 2 June 2026 (13 weeks)", "posts published",
           "Reply time:", "Hours a week:", "Trend across the reviews"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_show_renders_every_review_and_the_trend(isolated: Path, lang: str, fmt: str) -> None:
    path = review_plan(assess_plan(isolated / "p.yaml", lang), "2026-06-02", "2026-09-02")
    edit_plan(
        path, "reviews:\n- date: 2026-06-02", "reviews:\n- date: 2026-06-02\n  notes: Goed begin"
    )
    shown = invoke("show", "--format", fmt, str(path), env={"COLUMNS": "200"})
    assert shown.returncode == 0, shown.stderr
    for line in REVIEW_LINES[lang]:
        assert line in shown.stdout, (fmt, line)
    assert "Goed begin" in shown.stdout


def test_show_json_has_each_review_against_the_promise(isolated: Path) -> None:
    path = review_plan(assess_plan(isolated / "p.yaml"), "2026-06-02")
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


class _PageText(HTMLParser):
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


def test_the_html_report_is_a4_dated_without_ids_or_backticks(isolated: Path) -> None:
    path = overdue_plan(isolated)
    page = _PageText()
    page.feed(invoke("show", "--format", "html", str(path)).stdout)
    text = "".join(page.text)
    assert re.search(r"@page\s*\{\s*size:\s*A4", page.style)
    assert "Stand van 2 maart 2026" in text
    assert page.overdue == ["te laat"]
    assert ".overdue { color:" in page.style
    assert "`" not in text
    assert not RULE_ID.findall(text.replace("socialready.invalid", "")), RULE_ID.findall(text)
    detailed = _PageText()
    detailed.feed(invoke("show", "--format", "html", "--details", str(path)).stdout)
    ids = RULE_ID.findall("".join(detailed.text))
    assert "capacity.people" in ids and any(i.startswith("goals.") for i in ids)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_rule_ids_and_answer_keys_only_with_details(isolated: Path, fmt: str) -> None:
    path = assess_plan(isolated / "p.yaml")
    plain = invoke("show", "--format", fmt, str(path), env={"COLUMNS": "200"}).stdout
    detailed = invoke("show", "--format", fmt, "--details", str(path), env={"COLUMNS": "200"})
    assert "capacity.hours_per_week" not in plain and "[goals." not in plain
    if fmt == "markdown":  # the one code span is the command a step names, never an id or key
        assert set(re.findall(r"(?<!\\)`[^`]*`", plain)) == {"`socialready review`"}
    if fmt == "markdown":
        assert "(capacity.people)" in detailed.stdout
        assert "(goals." in detailed.stdout
    else:
        assert "[goals." in detailed.stdout or "[capacity." in detailed.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_show_o_writes_any_format(isolated: Path, fmt: str) -> None:
    path = assess_plan(isolated / "p.yaml")
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
    """The plan it reads is named as such, with a file to write to instead, as `calendar -o`
    does; another plan or an answers file is refused as one."""
    path = assess_plan(isolated / "p.yaml")
    answers = isolated / "answers.yaml"
    answers.write_bytes((ORGANISATIONS / "bakery.yaml").read_bytes())
    other = assess_plan(isolated / "other.yaml")
    said = {
        path: f"{path}: is het plan dat de opdracht leest; noem een nieuw bestand om in te "
        f"schrijven, bijvoorbeeld {isolated / 'p.html'}",
        answers: f"{answers}: is een plan of antwoordbestand",
        other: f"{other}: is een plan of antwoordbestand",
    }
    for target, message in said.items():
        before = target.read_bytes()
        result = invoke("show", "--format", "html", "-o", str(target), str(path), env=NL)
        assert result.returncode == 2
        assert message in " ".join(result.stderr.split()), result.stderr
        assert "Traceback" not in result.stderr
        assert target.read_bytes() == before
    earlier = isolated / "report.html"
    earlier.write_text("<html>old</html>", "utf-8")
    assert invoke("show", "--format", "html", "-o", str(earlier), str(path)).returncode == 0
    assert "Bakkerij" in earlier.read_text("utf-8")


def test_show_marks_the_next_review_due_then_overdue_until_it_is_held(isolated: Path) -> None:
    plan = isolated / "software.yaml"
    made = invoke(
        "assess",
        str(plan),
        "--answers",
        str(ORGANISATIONS / "software.yaml"),
        "--date",
        "2026-01-05",
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
    edit_plan(late_plan, "  status: te doen\n", "  status: klaar\n")  # done: no longer late
    done = invoke("show", "--format", "markdown", str(late_plan)).stdout
    assert "te laat" not in done


def _rendered(markdown: str) -> tuple[str, list[str]]:
    """The HTML markdown-it makes of the report, and the kinds of token it found."""
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    kinds = [token.type for token in parser.parse(markdown)]
    return parser.render(markdown), kinds


def test_markdown_shows_user_text_as_typed(isolated: Path, plan_text: str) -> None:
    name = "A|B *bold* _em_ <script>alert(1)</script> [x](javascript:y) `c` ~~s~~ &amp;"
    document = yamlio.loads(plan_text, "p")
    document["organisation"] = document["answers"]["organisation"]["name"] = name
    document["answers"]["audience"]["interests"] = "# not a heading\n- not a list | cell"
    document["steps"][0]["owner"] = "<img src=x onerror=alert(1)>"
    document["steps"][0]["notes"] = "1. not a list\n> not a quote\n---\n    not code\n| a | b |"
    document["channels"]["recommended"][0]["why"] = "a | b | c\nnext <b>line</b>"
    (isolated / "p.yaml").write_text(yamlio.dumps(document), "utf-8")
    result = invoke("show", "--format", "markdown", "p.yaml")
    assert result.returncode == 0, result.stderr
    html, kinds = _rendered(result.stdout)
    assert "<script" not in html and "<img" not in html and "<b>line" not in html
    assert 'href="javascript' not in html and "<em>bold" not in html and "<del>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "A|B *bold* _em_" in html
    assert kinds.count("heading_open") == result.stdout.count("\n#") + 1  # only the report's
    assert kinds.count("blockquote_open") == 0 and kinds.count("code_block") == 0
    assert kinds.count("hr") == 0 and kinds.count("ordered_list_open") == 0
    for table in html.split("<table>")[1:]:  # every row keeps its columns
        rows = table.split("</table>")[0].split("<tr>")[1:]
        assert len({row.count("<td") + row.count("<th") for row in rows}) == 1, table


def test_the_markdown_report_lists_the_answers(isolated: Path, plan_text: str) -> None:
    (isolated / "p.yaml").write_text(plan_text, "utf-8")
    for lang, heading, hours in (("en", "## Answers", "**3**"), ("nl", "## Antwoorden", "**3**")):
        result = invoke("plan", "p.yaml", "--lang", lang)
        assert result.returncode == 0, result.stderr
        report = invoke("show", "--format", "markdown", "--details", "p.yaml").stdout
        assert heading in report
        line = next(line for line in report.splitlines() if "capacity.hours\\_per\\_week" in line)
        assert hours in line
        assert "(audience.interests)" in report


def test_the_report_says_how_each_current_channel_is_used(isolated: Path) -> None:
    plans = Path(__file__).resolve().parents[2] / "plans"
    dutch = invoke("show", str(plans / "municipality.yaml"), "--format", "markdown").stdout
    assert (
        "**LinkedIn (2 berichten per week; Weet ik niet); Facebook (5 berichten per week; "
        "Goed: het levert op wat we willen); X (Twitter) (3 berichten per week; Matig)**"
    ) in dutch
    assert "organisation.region" not in dutch  # not asked outside Belgium: not shown
    club = invoke("show", str(plans / "sports-club.yaml"), "--format", "markdown").stdout
    dormant = "X (Twitter) (0 berichten per week; Het ligt stil: we doen er (bijna) niets meer mee)"
    assert dormant in club


def test_show_formats_and_progress(isolated: Path) -> None:
    path = assess_plan(isolated / "software.yaml", "en", "software")
    own_step(path, 1, status="done")
    own_step(path, 2, status="doing", due="2027-02-01")
    own_step(path, 3, due="2027-01-10")
    text = invoke("show", str(path))
    assert text.returncode == 0
    assert text.stdout.index("Verdict: Ready") < text.stdout.index("LinkedIn")
    assert "Progress: 1 of 8 steps done" in text.stdout
    assert "Next due: step 3, Organise it internally (10 January 2027)" in text.stdout
    markdown = invoke("show", "--format", "markdown", str(path)).stdout
    assert markdown.startswith("# Social media plan for Quadrant Software B.V.")
    assert "**Verdict: Ready**" in markdown and "| LinkedIn |" in markdown

    data = json.loads(invoke("show", "--format", "json", str(path)).stdout)
    assert data["progress"] == {
        "done": 1,
        "total": 8,
        "next_due": {
            "step": 3,
            "id": "organise",
            "title": "Organise it internally",
            "due": "2027-01-10",
            "overdue": False,
        },
        "overdue": [],
        "next_review": {
            "date": "2026-06-02",
            "overdue": False,
            "due": False,
        },  # started today, 2026-03-02
    }


def test_a_40_column_terminal(isolated: Path, plan_text: str) -> None:
    (isolated / "plan.yaml").write_text(plan_text)
    result = invoke("show", "plan.yaml", env={"COLUMNS": "40"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


class Page(HTMLParser):
    """Every tag, attribute and piece of text of a page, and whether its tags nest properly."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.open: list[str] = []
        self.title = ""
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:]}")
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "title":
            self.title += data
        self.text.append(data)


def test_the_html_report_is_one_safe_printable_page(isolated: Path) -> None:
    path = markup_plan(isolated, "nl")
    result = invoke("show", "--format", "html", str(path), env={"SOCIALREADY_TODAY": "2026-06-01"})
    assert result.returncode == 0, result.stderr
    page = Page()
    page.feed(result.stdout)
    page.close()
    assert page.problems == [] and page.open == []
    assert page.tags[:1] == ["html"] and "style" in page.tags and "table" in page.tags
    assert not {"script", "img", "iframe", "object", "link", "b"} & set(page.tags)
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert not [v for _, v in page.attributes if v and "javascript:" in v]
    assert page.title == f"Socialemediaplan voor {MARKUP}"  # escaped, so it reads as typed
    text = "".join(page.text)
    assert MARKUP in text and "<b>Anna</b>" in text and '<img src=x onerror="alert(1)">' in text
    assert page.tags.count("br") == 1 and "r2 <br>" in text  # a line break, and <br> as typed
    assert "Antwoorden" in text and "Voortgang" in text and "te laat" in text
    assert "@media print" in result.stdout and "http" not in result.stdout.split("<body>")[0]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_a_hand_edited_verdict(isolated: Path, plan_text: str, fmt: str) -> None:
    (isolated / "plans").mkdir()
    (isolated / PLAN).write_text(plan_text.replace("verdict: ready", "verdict: maybe", 1))
    before = files_in(isolated)
    refused(invoke("show", "--format", fmt, PLAN), isolated, before, "readiness.verdict")


def test_the_notice_names_no_temporary_file(isolated: Path, plan_text: str) -> None:
    """git's textconv passes a new temporary file each time: the notice must not differ
    because of it."""
    (isolated / "x.yaml").write_text(
        re.sub(r"(?m)^socialready: \d+$", "socialready: 99", plan_text)
    )
    result = invoke("show", "--format", "markdown", str(isolated / "x.yaml"))
    assert result.returncode == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("socialready cannot show this version of the plan as a report")
    assert "x.yaml" not in first and "format 99" in first


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_a_plan_without_a_workload_summary_is_shown(
    isolated: Path, plan_text: str, fmt: str
) -> None:
    """Plans written before the workload had a summary (the plan's shape allows one without):
    shown in every format, not a KeyError from the list of sources."""
    path = isolated / "p.yaml"
    workload = re.search(r"(?m)^  workload:\n(?:    .*\n)+", plan_text)
    assert workload is not None and "    summary:" in workload[0]
    kept = "".join(line for line in workload[0].splitlines(True) if "summary:" not in line)
    path.write_text(plan_text.replace(workload[0], kept), "utf-8")
    result = invoke("show", str(path), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stdout
