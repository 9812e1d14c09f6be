"""`questions`: the questions as text or as an answers template, in either language."""

from __future__ import annotations

import re
from pathlib import Path

from socialready import answers, questionnaire
from socialready.planfile import yamlio
from tests.conftest import invoke


def test_the_answers_template_says_its_conditions_in_words() -> None:
    nl = invoke("questions", "--format", "yaml", "--lang", "nl").stdout
    en = invoke("questions", "--format", "yaml", "--lang", "en").stdout
    assert "# alleen gevraagd als er mensen mee aan de slag gaan" in nl
    assert "# asked only when people work on it" in en
    for text in (nl, en):
        assert not re.search(r"\b(gt|ne|eq)\b", text)
        assert "capacity.people gt" not in text


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
            "# the wizard does not offer what `channels.current` holds already",
        ],
        "nl": [
            "# alleen gevraagd als het antwoord op ‘In welk land werkt je organisatie vooral?’ "
            "‘België’ is",
            "# mag je weglaten: het plan gaat dan uit van ‘Nee’ en zegt dat erbij",
            "# een landcode van ISO 3166-1: twee letters, zoals `NL`, `BE`, `DE`, `GB` of `US`",
            "# de wizard biedt niet aan wat al in `channels.current` staat",
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
