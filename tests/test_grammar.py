"""Words in running text: lists, counts that agree, channel names with their article, labels."""

from __future__ import annotations

import pytest

from socialready import catalog, grammar, questionnaire
from socialready.rules.context import Context


def test_a_list_reads_a_b_and_c_in_both_languages() -> None:
    assert grammar.join([], "nl") == ""
    assert grammar.join(["Facebook"], "nl") == "Facebook"
    assert grammar.join(["Facebook", "Instagram"], "nl") == "Facebook en Instagram"
    assert grammar.join(["A", "B", "C"], "nl") == "A, B en C"
    assert grammar.join(["A", "B", "C"], "en") == "A, B and C"
    assert grammar.join(["A", "B"], "nl", "or") == "A of B"


@pytest.mark.parametrize(
    ("n", "noun", "lang", "expected"),
    [
        (1, "post", "nl", "1 bericht"),
        (3, "post", "nl", "3 berichten"),
        (0, "post", "en", "0 posts"),
        (1, "post", "en", "1 post"),
        (2.5, "hour", "nl", "2,5 uur"),
        (1, "hour", "en", "1 hour"),
        (1.5, "hour", "en", "1.5 hours"),
        (2, "plan", "nl", "2 plannen"),
        (4, "video", "nl", "4 video's"),
    ],
)
def test_a_count_agrees_with_its_number(n: float, noun: str, lang: str, expected: str) -> None:
    assert grammar.count(n, noun, lang) == expected


def test_a_verb_agrees_with_the_channels_it_follows() -> None:
    assert grammar.verb("fits", 1, "nl") == "past"
    assert grammar.verb("fits", 2, "nl") == "passen"
    assert grammar.verb("reaches", 2, "en") == "reach"


@pytest.mark.parametrize(
    ("channel_id", "form", "lang", "expected"),
    [
        ("newsletter", "the", "nl", "de nieuwsbrief"),
        ("blog", "a", "nl", "een blog"),
        ("internal_network", "the", "nl", "het interne netwerk"),
        ("whatsapp_channel", "a", "nl", "een WhatsApp-kanaal"),
        ("facebook", "the", "nl", "Facebook"),
        ("facebook", "on", "nl", "op Facebook"),
        ("blog", "on", "nl", "op de blog"),
        ("newsletter", "the", "en", "the newsletter"),
        ("linkedin", "a", "en", "LinkedIn"),
    ],
)
def test_a_channel_in_running_text_has_its_article(
    channel_id: str, form: str, lang: str, expected: str
) -> None:
    name = catalog.load().channels[channel_id].name[lang]
    assert grammar.channel(channel_id, name, lang, form) == expected


def test_channels_in_running_text_say_the_preposition_once() -> None:
    named = [("facebook", "Facebook"), ("newsletter", "Nieuwsbrief")]
    assert grammar.channels(named, "nl") == "Facebook en de nieuwsbrief"
    assert grammar.channels(named, "nl", "on") == "op Facebook en de nieuwsbrief"


def test_every_channel_and_label_of_the_catalogue_has_its_running_text_form() -> None:
    """A channel without an entry is a brand (no article); a label without one is lower-cased:
    neither may come out capitalised mid-sentence, in either language."""
    questions = questionnaire.load()
    for key in ("audience.segments", "goals.objectives"):
        question = questions.question(key)
        for value in question.values:
            for lang in ("nl", "en"):
                said = grammar.label(key, value, question.label(value, lang), lang)
                assert said[:1].islower(), (key, value, lang, said)
    for channel in catalog.load().channels.values():
        for lang in ("nl", "en"):
            said = grammar.channel(channel.id, channel.name[lang], lang, "the")
            assert said == channel.name[lang] or said[:1].islower(), said


def test_lower_first_keeps_brands_and_abbreviations() -> None:
    assert grammar.lower_first("Volwassenen (30–64)") == "volwassenen (30–64)"
    assert grammar.lower_first("LinkedIn") == "LinkedIn"
    assert grammar.lower_first("KPI's") == "KPI's"
    assert grammar.capital("de blog") == "De blog"


def test_the_rules_context_speaks_the_same_grammar() -> None:
    ctx = Context({}, catalog.load(), questionnaire.load(), "nl")
    channels = catalog.load().channels
    assert ctx.in_text("audience.segments", ["adults", "seniors"]) == (
        "volwassenen (30–64) en ouderen (65+)"
    )
    assert ctx.in_text("goals.objectives", ["awareness", "community"]) == (
        "naamsbekendheid en de community"
    )
    assert ctx.channels([channels["facebook"], channels["newsletter"]]) == (
        "Facebook en de nieuwsbrief"
    )
    assert ctx.count(1, "post") == "1 bericht"
    assert ctx.verb("would", 2) == "zouden"


@pytest.mark.parametrize(
    ("value", "lang", "with_unit", "alone"),
    [(1, "en", "1 hour", "1"), (2.5, "en", "2.5 hours", "2.5"), (0.5, "en", "0.5 hours", "0.5"),
     (1, "nl", "1 uur", "1"), (2.5, "nl", "2,5 uur", "2,5"),
     (1.001, "en", "1 hour", "1")],  # the noun agrees with the number as written
)  # fmt: skip
def test_an_amount_names_its_unit_in_agreement_when_the_sentence_asks(
    value: float, lang: str, with_unit: str, alone: str
) -> None:
    amount = grammar.Amount(value, lang)
    assert f"{amount:hour}" == with_unit
    assert f"{amount}" == alone


@pytest.mark.parametrize(
    ("lang", "hours", "said"),
    [("en", 1, "about 1 hour a week"), ("en", 1.5, "about 1.5 hours a week"),
     ("nl", 1, "ongeveer 1 uur per week"), ("nl", 1.5, "ongeveer 1,5 uur per week")],
)  # fmt: skip
def test_a_rules_sentence_says_its_hours_in_agreement(lang: str, hours: float, said: str) -> None:
    """'about 1 hours a week' stood in English plans with a channel of one hour."""
    ctx = Context({}, catalog.load(), questionnaire.load(), lang)
    sentence = ctx.text("actions.be_active.keep", channel="Bluesky", cadence="1", hours=hours)
    assert sentence.endswith(f"{said}.")
