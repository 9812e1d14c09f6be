"""`show --format html` as one safe, printable page; `show` through a pager only on a terminal;
the Dutch wizard in a real pseudo-terminal, its refusals and yes/no said in Dutch."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from socialready import answers as answers_mod
from socialready import questionnaire
from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, run_cli
from tests.e2e.test_dutch import english_on
from tests.e2e.test_terminal import _in_terminal

BAKERY = ORGANISATIONS / "bakery.yaml"
NAME = '<script>alert("x")</script> & Zn'


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


def _plan(isolated: Path, lang: str) -> Path:
    path = isolated / "plan.yaml"
    made = run_cli(
        "assess", str(path), "--answers", str(BAKERY), "--lang", lang,
        "--set", f"organisation.name={NAME}",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    document = yamlio.loads(path.read_text("utf-8"), "plan")
    first = document["steps"][0]
    first["due"] = "2026-01-15"
    first["owner"] = "<b>Anna</b>"
    first["notes"] = '<img src=x onerror="alert(1)"> [klik](javascript:alert(1))\nr2 <br>'
    path.write_text(yamlio.dumps(document), "utf-8")
    return path


def test_the_html_report_is_one_safe_printable_page(isolated: Path) -> None:
    path = _plan(isolated, "nl")
    result = run_cli("show", "--format", "html", str(path), env={"SOCIALREADY_TODAY": "2026-06-01"})
    assert result.returncode == 0, result.stderr
    page = Page()
    page.feed(result.stdout)
    page.close()
    assert page.problems == [] and page.open == []
    assert page.tags[:1] == ["html"] and "style" in page.tags and "table" in page.tags
    assert not {"script", "img", "iframe", "object", "link", "b"} & set(page.tags)
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert not [v for _, v in page.attributes if v and "javascript:" in v]
    assert page.title == f"Socialemediaplan voor {NAME}"  # escaped, so it reads as typed
    text = "".join(page.text)
    assert NAME in text and "<b>Anna</b>" in text and '<img src=x onerror="alert(1)">' in text
    assert page.tags.count("br") == 1 and "r2 <br>" in text  # a line break, and <br> as typed
    assert "Antwoorden" in text and "Voortgang" in text and "te laat" in text
    assert "@media print" in result.stdout and "http" not in result.stdout.split("<body>")[0]


def test_show_pages_only_a_terminal_and_only_when_taller(isolated: Path) -> None:
    path = _plan(isolated, "en")
    paged = isolated / "paged.txt"
    pager = {"SOCIALREADY_PAGER": f"cat > {paged}", "LINES": "40", "TERM": "xterm"}
    code, output = _in_terminal(["show", str(path)], env=pager)
    assert code == 0
    shown = paged.read_text("utf-8")
    assert "The 8 steps" in shown and "The 8 steps" not in output
    paged.unlink()
    piped = run_cli("show", str(path), env=pager)
    assert "The 8 steps" in piped.stdout and not paged.exists()  # never a pager on a pipe
    code, output = _in_terminal(["show", str(path)], env={**pager, "LINES": "500"})
    assert "The 8 steps" in output and not paged.exists()  # fits: no pager


def test_the_dutch_wizard_in_a_real_terminal(isolated: Path) -> None:
    qs = questionnaire.load()
    flat = answers_mod.from_nested(qs, yamlio.loads(BAKERY.read_text("utf-8"), "b"), "b")
    flat["capacity.people"] = 2
    flat["audience.interests"] = "brood van de dag"
    asked = {"organisation.name", "goals.objectives", "capacity.hours_per_week"}
    asked.add("capacity.weekend_cover")
    answers = isolated / "antwoorden.yaml"
    kept = {key: value for key, value in flat.items() if key not in asked}
    answers.write_text(yamlio.dumps(answers_mod.to_nested(qs, kept)), "utf-8")
    keys = [
        ("Hoe heet je organisatie", "\r"),
        ("vul een naam in", "Bakkerij Test\r"),
        ("Wat wil je met social media bereiken", "\x1b[B \x1b[B \r"),  # 3 ticked
        ("Hoeveel uur per week", "\x7f" * 5 + "veel\r"),
        ("is geen getal", "\x7f" * 4 + "2,5\r"),
        ("(j/N)", "j"),
    ]
    code, output = _in_terminal(
        ["assess", "--lang", "nl", "--answers", str(answers)], env={"LINES": "40"}, keys=keys
    )
    assert code == 0, output
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|<<sent>>", "", output)
    assert "3 gekozen" in plain and "weekend de berichten in de gaten? Ja" in plain
    assert "Plan geschreven naar plans/bakkerij-test.yaml" in plain
    assert english_on(plain) == []
