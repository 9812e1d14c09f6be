"""The command end to end (in process; `python -m` in a real one): assess from an answers file,
templates, language, help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from socialready import answers, questionnaire
from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, invoke


def test_assess_with_answers_writes_the_default_plan_path(isolated: Path) -> None:
    result = invoke("assess", "--answers", str(ORGANISATIONS / "school.yaml"))
    assert result.returncode == 0, result.stderr
    path = isolated / "plans" / "het-erasmus-college.yaml"
    assert path.exists()
    assert "Plan written to plans/het-erasmus-college.yaml" in result.stdout
    assert "Verdict: Start small" in result.stdout
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    assert list(document) == [
        "socialready",
        "organisation",
        "language",
        "started",
        "rules",
        "answers",
        "readiness",
        "channels",
        "steps",
        "owners",
        "reviews",
    ]
    assert document["organisation"] == "Het Erasmus College"
    assert len(document["steps"]) == 8


def test_set_overrides_the_answers_file(isolated: Path) -> None:
    result = invoke(
        "assess",
        "out.yaml",
        "--answers",
        str(ORGANISATIONS / "software.yaml"),
        "--set",
        "willingness.management=against",
    )
    assert result.returncode == 0, result.stderr
    document = yamlio.loads((isolated / "out.yaml").read_text("utf-8"), "out.yaml")
    assert document["answers"]["willingness"]["management"] == "against"
    assert document["readiness"]["verdict"] == "not_yet"


def test_the_answers_template_is_a_valid_answers_file(isolated: Path) -> None:
    template = invoke("questions", "--format", "yaml").stdout
    assert "# one of:\n  #   micro: Micro (1–9 people)\n" in template
    filled = template.replace("  name: ''", "  name: Test BV")
    qs = questionnaire.load()
    parsed = answers.from_nested(qs, yamlio.loads(filled, "t.yaml"), "t.yaml")
    completed, missing = answers.complete(qs, parsed)
    assert not missing
    assert completed == answers.with_defaults(qs, {"organisation.name": "Test BV"})
    (isolated / "t.yaml").write_text(template, "utf-8")
    unfilled = invoke("assess", "--answers", "t.yaml")
    assert unfilled.returncode == 2 and "(organisation.name): is required" in unfilled.stderr


def test_language_follows_option_then_environment_then_locale(isolated: Path) -> None:
    def first_line(*args: str, **env: str) -> str:
        result = invoke("questions", *args, env={"SOCIALREADY_LANG": "", **env})
        return result.stdout.splitlines()[0]

    assert first_line(LANG="nl_NL.UTF-8", LC_ALL="") == "Deel 1 van 5 · Je organisatie"
    assert first_line(LANG="en_GB.UTF-8", LC_ALL="") == "Part 1 of 5 · Your organisation"
    assert first_line(LANG="nl_BE.UTF-8", LC_ALL="", SOCIALREADY_LANG="en").startswith("Part 1")
    assert first_line("--lang", "nl", SOCIALREADY_LANG="en").startswith("Deel 1")
    bad = invoke("questions", env={"SOCIALREADY_LANG": "fr"})
    assert bad.returncode == 2 and "SOCIALREADY_LANG: 'fr' is not one of: nl, en" in bad.stderr


def test_python_dash_m_and_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "socialready", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for name in ("assess", "plan", "show", "diff", "questions", "overview", "schema"):
        assert name in result.stdout


def test_usage_errors_exit_2_without_a_traceback(isolated: Path) -> None:
    for args in (["plan"], ["show", "--format", "pdf", "x.yaml"], ["assess", "--lang", "de"]):
        result = invoke(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
    missing = invoke("show", "nowhere.yaml")
    assert missing.returncode == 2 and "nowhere.yaml: no such file" in missing.stderr
    empty = invoke("plan", str(isolated))
    assert empty.returncode == 2 and "no plans" in empty.stderr
    resume = invoke("assess", "--resume")
    assert resume.returncode == 2 and "nothing to resume" in resume.stderr


def test_the_questions_say_when_each_is_asked_in_words(isolated: Path) -> None:
    for lang, words in {
        "en": [
            "# asked only when the answer to ‘In which country does your organisation mainly "
            "work?’ is ‘Belgium’",
            "# asked only when the answer to ‘Is there a budget for social media?’ is not "
            "‘No budget’",
            "# may be left out: the plan then assumes ‘Something else’ and says so",
            "#   government: municipality, government_other, emergency_services, library, culture",
            "#   facebook: {posts_per_week: 3, works: well}",
            "  current: {}",
        ],
        "nl": [
            "# alleen gevraagd als het antwoord op ‘In welk land werkt je organisatie vooral?’ "
            "‘België’ is",
            "# mag je weglaten: het plan gaat dan uit van ‘Nee’ en zegt dat erbij",
            "# een landcode van ISO 3166-1: twee letters, zoals `NL`, `BE`, `DE`, `GB` of `US`",
        ],
    }.items():
        template = invoke("questions", "--format", "yaml", "--lang", lang).stdout
        for line in words:
            assert line in template, line
        assert "#   SR:" not in template  # the countries as a rule, not 250 lines
    text = invoke("questions", "--lang", "nl", env={"COLUMNS": "200"}).stdout
    assert "  organisation.region  In welk gewest is je organisatie gevestigd?" in text
    assert "alleen gevraagd als het antwoord op ‘In welk land werkt je organisatie vooral?’" in text
    assert "dormant: Het ligt stil" in text and "Suriname" not in text
