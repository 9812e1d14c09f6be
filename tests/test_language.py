"""A Dutch session is Dutch from the first prompt to the last line: every message exists in both
languages, and the screens of the wizard, plan, diff, overview and errors hold no English."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output

from socialready import answers as answers_mod
from socialready import questionnaire
from socialready.commands import assess, show
from socialready.errors import AnswerError, Interrupted, msg
from socialready.planfile import yamlio
from socialready.planfile.document import load_document
from socialready.wizard import prompts
from socialready.wizard.flow import Sources
from tests.conftest import CTRL_C, DOWN, ENTER, ORGANISATIONS, SPACE, english_on, invoke

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "socialready" / "data"


def test_an_error_is_said_in_the_language_asked_for() -> None:
    error = AnswerError(
        "capacity.hours_per_week",
        msg("answer.not_number", value="'veel'", min=0.0, max=80.0),
        "--set",
    )
    assert error.render("nl") == (  # the question by its label, the key after it
        "--set: ‘Hoeveel uur per week kun je aan social media besteden?’ "
        "(capacity.hours_per_week): 'veel' is geen getal; geef 0 tot en met 80"
    )
    assert error.render("en") == (
        "--set: ‘How many hours a week can you spend on social media?’ "
        "(capacity.hours_per_week): 'veel' is not a number; give 0 to 80"
    )
    assert msg("answer.out_of_range", value=2.5, min=0.5, max=1.5).render("nl") == (
        "2,5 valt buiten het bereik; geef 0,5 tot en met 1,5"
    )  # decimal commas


@pytest.fixture
def screen() -> Iterator[tuple[io.StringIO, Any]]:
    """Real prompts from pipe input, their screen written to a buffer as a terminal would get it."""
    buffer = io.StringIO()
    output = Vt100_Output(buffer, lambda: Size(rows=40, columns=100), term="xterm")
    with create_pipe_input() as inp, create_app_session(input=inp, output=output):
        yield buffer, inp.send_text


DRIVEN = (
    "organisation.name",
    "goals.objectives",
    "capacity.hours_per_week",
    "capacity.weekend_cover",
)


def _answers_file(folder: Path) -> Path:
    """Every other answer from a file, so that only the questions under test are asked."""
    qs = questionnaire.load()
    given = yamlio.loads((ORGANISATIONS / "bakery.yaml").read_text("utf-8"), "bakery")
    flat = answers_mod.from_nested(qs, given, "bakery")
    flat["capacity.people"] = 2  # so that weekend cover is asked
    flat["audience.interests"] = "brood van de dag, taarten, openingstijden"
    flat["capacity.response_time"] = "same_day"
    kept = {key: value for key, value in flat.items() if key not in DRIVEN}
    path = folder / "answers.yaml"
    path.write_text(yamlio.dumps(answers_mod.to_nested(qs, kept)), "utf-8")
    return path


def test_the_dutch_wizard_has_no_english_on_screen(
    screen: tuple[io.StringIO, Any], isolated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buffer, keys = screen
    keys(
        ENTER  # an empty name: refused, in Dutch
        + "Bakkerij Test" + ENTER
        + SPACE + ENTER  # the ticked default unticked: refused ("kies er minstens 1")
        + SPACE + DOWN + SPACE + DOWN + SPACE + ENTER  # 3 of them
        + "\x7f" * 3 + "veel" + ENTER  # not a number: refused
        + "\x7f" * 4 + "2,5" + ENTER
        + "j"  # weekend cover: j is yes in Dutch
    )  # fmt: skip
    path = _answers_file(isolated)
    assessed = assess.run(
        None,
        Sources(path, [], False, False),
        force=False,
        lang="nl",
    )
    assert assessed == 0
    document = load_document(isolated / "plans" / "bakkerij-test.yaml")
    answers = document["answers"]
    assert answers["organisation"]["name"] == "Bakkerij Test"
    assert answers["capacity"]["hours_per_week"] == 2.5
    assert answers["capacity"]["weekend_cover"] is True
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", buffer.getvalue())
    assert "? Wat wil je met social media bereiken? 3 gekozen" in shown
    assert "in de gaten? Ja" in shown
    assert english_on(shown) == []
    out = capsys.readouterr()
    assert "Plan geschreven naar plans/bakkerij-test.yaml" in out.out
    assert "Eerste acties" in out.out and "Oordeel" in out.out
    assert english_on(out.out + out.err) == []
    assert len(out.out.splitlines()) <= 40  # the end of the wizard fits a 40-row terminal


def test_what_a_refused_answer_says_under_the_prompt_in_dutch() -> None:
    """The prompts show these reasons (keys queued at once are answered before a redraw, so
    the screen above never shows them; this asks the same function the prompts call)."""
    by_key = questionnaire.load().by_key
    parse, validate = answers_mod.parse_text, answers_mod.validate
    reason = prompts._reason
    assert reason(parse, by_key["organisation.name"], "", "nl") == "is verplicht; vul een naam in"
    assert reason(validate, by_key["goals.objectives"], [], "nl") == "kies er minstens 1"
    hours = by_key["capacity.hours_per_week"]
    assert reason(parse, hours, "veel", "nl") == "'veel' is geen getal; geef 0 tot en met 80"
    assert reason(parse, hours, "2,5", "nl") is True


@pytest.mark.parametrize("key", [CTRL_C, "\x04"], ids=["ctrl-c", "ctrl-d"])
def test_stopping_the_dutch_wizard_is_said_in_dutch(
    screen: tuple[io.StringIO, Any], isolated: Path, key: str
) -> None:
    _, keys = screen
    keys("Bakkerij Test" + ENTER + key)
    with pytest.raises(Interrupted) as caught:
        assess.run(
            None,
            Sources(None, [], False, False),
            force=False,
            lang="nl",
        )
    assert caught.value.message.startswith("Gestopt. Je antwoord tot nu toe staat in ")


def _dutch(*args: str, **env: str) -> Any:
    return invoke(*args, env={"SOCIALREADY_LANG": "nl", **env})


def test_plan_diff_overview_and_errors_in_dutch(isolated: Path) -> None:
    folder = isolated / "plannen"
    made = _dutch("assess", "--answers", str(ORGANISATIONS / "bakery.yaml"), str(folder / "a.yaml"))
    assert made.returncode == 0, made.stderr
    _dutch("assess", "--answers", str(ORGANISATIONS / "school.yaml"), str(folder / "b.yaml"))
    old = isolated / "oud.yaml"
    old.write_bytes((folder / "a.yaml").read_bytes())
    text = (folder / "a.yaml").read_text("utf-8")
    text = text.replace("hours_per_week: 3", "hours_per_week: 4.5").replace(
        "status: te doen", "status: klaar", 1
    )
    (folder / "a.yaml").write_text(text, "utf-8")

    check = _dutch("plan", "--check", str(folder))
    assert check.returncode == 1
    assert "a.yaml: zou veranderen" in check.stdout
    assert "1 plan zou veranderen, 1 plan is actueel." in check.stderr
    written = _dutch("plan", str(folder))
    assert written.returncode == 0, written.stderr
    assert "a.yaml: bijgewerkt" in written.stdout and "4,5" in written.stdout
    assert "1 plan bijgewerkt, 1 plan was al actueel." in written.stderr
    diff = _dutch("diff", "--exit-code", str(old), str(folder / "a.yaml"))
    assert diff.returncode == 1
    assert "stap 1, status: te doen → klaar" in diff.stdout
    assert "uren beschikbaar: 3 → 4,5" in diff.stdout
    same = _dutch("diff", "--exit-code", str(folder / "a.yaml"), str(folder / "a.yaml"))
    assert same.returncode == 0 and "geen veranderingen" in same.stdout
    overview = _dutch("overview", str(folder), COLUMNS="120")
    assert "Oordeel" in overview.stdout and "Begin klein" in overview.stdout
    narrow = _dutch("overview", str(folder), COLUMNS="40")
    assert "  Oordeel: Begin klein" in narrow.stdout and "…" not in narrow.stdout
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 40
    missing = _dutch("show", "nergens.yaml")
    assert missing.returncode == 2
    assert (
        missing.stderr.strip() == "Fout: nergens.yaml: dit bestand bestaat niet; controleer het pad"
    )
    bad = _dutch("assess", "--set", "capacity.hours_per_week=veel")
    assert "'veel' is geen getal; geef 0 tot en met 80" in bad.stderr
    template = _dutch("questions", "--format", "yaml")
    assert "#   business_b2c: Bedrijf" in template.stdout
    for result in (check, written, diff, same, overview, narrow, missing, bad):
        assert english_on(result.stdout + result.stderr) == [], result.stdout + result.stderr


def test_an_error_is_said_in_the_language_asked_for_else_the_plans(isolated: Path) -> None:
    """--lang before anything is read; the plan's language once it is; else the environment's."""
    english = {"SOCIALREADY_LANG": "en"}
    missing = invoke("calendar", "--lang", "nl", "geen.yaml", env=english)
    assert missing.returncode == 2
    assert missing.stderr.startswith("Fout: geen.yaml: dit bestand bestaat niet"), missing.stderr
    plan = isolated / "bakkerij.yaml"
    answers = str(ORGANISATIONS / "bakery.yaml")
    assert invoke("assess", "--lang", "nl", "--answers", answers, str(plan)).returncode == 0
    late = invoke("calendar", str(plan), "--start", "9999-01-01", env=english)
    assert late.returncode == 2
    assert late.stderr.startswith("Fout: --start: "), late.stderr
    assert english_on(late.stderr) == []
    unknown = invoke("calendar", "geen.yaml", env=english)
    assert unknown.stderr.startswith("Error: geen.yaml: no such file"), unknown.stderr


@pytest.mark.parametrize(
    ("env", "notice"),
    [
        ({"SOCIALREADY_LANG": "nl"}, "socialready kan deze versie van het plan niet als rapport"),
        ({"SOCIALREADY_LANG": "xx", "LANG": "nl_NL.UTF-8"}, "socialready cannot show this version"),
    ],
    ids=["dutch", "unusable-language"],
)
def test_the_textconv_of_a_plan_it_cannot_show_says_why_in_one_language(
    isolated: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str], notice: str
) -> None:
    """The notice and the problem in it are said in the same language, whatever the setting."""
    plan = isolated / "kapot.yaml"
    plan.write_text("socialready:\n  format: 99\n", "utf-8")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    first = show.report_or_raw(plan).splitlines()[0]
    assert first.startswith(notice), first
    dutch = notice.startswith("socialready kan")
    assert ("formaatversie" in first) == dutch and ("format version" in first) != dutch
