"""Answers: every id of the contract, validation that names the key, --set parsing, skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialready import answers, catalog, model, questionnaire
from socialready.errors import AnswerError, msg
from socialready.planfile import yamlio

QS = questionnaire.load()
DESIGN = Path(__file__).resolve().parents[2] / "shared" / "DESIGN.md"


def test_questionnaire_has_every_key_of_the_contract_in_nl_and_en() -> None:
    keys = [q.key for q in QS.questions]
    assert len(keys) == 29 == len(set(keys))
    if DESIGN.exists():  # the contract sits beside the project in development and CI
        text = DESIGN.read_text("utf-8")
        answers_part = text[text.index("\n## Answers") : text.index("\n## The plan file")]
        table = [line for line in answers_part.splitlines() if line.startswith("| `")]
        ids = [line.split("`")[1] for line in table]
        contract = [key for key in ids if " " not in key and "." in key]
        assert keys == contract
    for section in QS.sections:
        assert section.title.keys() == section.why.keys() == {"nl", "en"}
        for q in section.questions:
            assert q.prompt.keys() == {"nl", "en"}
            assert all(c.label.keys() == {"nl", "en"} for c in q.choices)


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("organisation.name", "", "is required"),
        ("organisation.name", "x" * 121, "keep it to 120"),
        ("organisation.name", 1984, "put it in quotes"),
        ("organisation.kind", "shop", "'shop' is not one of"),
        ("goals.objectives", [], "choose at least 1"),
        ("goals.objectives", "awareness", "must be a list"),
        ("audience.segments", ["aliens"], "'aliens' is not one of"),
        ("capacity.hours_per_week", 81, "out of range; give 0 to 80"),
        ("capacity.hours_per_week", -1, "out of range"),
        ("capacity.hours_per_week", "four", "must be a number"),
        ("capacity.people", 1.5, "whole number"),
        ("capacity.people", 51, "out of range"),
        ("capacity.weekend_cover", "maybe", "yes or no"),
    ],
)
def test_bad_values_name_the_question_and_the_key(key: str, value: object, problem: str) -> None:
    question = QS.question(key)
    with pytest.raises(AnswerError) as caught:
        answers.validate(question, value, "a.yaml")
    assert caught.value.message.startswith(f"a.yaml: ‘{question.prompt['en']}’ ({key}): ")
    assert caught.value.render("nl").startswith(f"a.yaml: ‘{question.prompt['nl']}’ ({key}): ")
    assert problem in caught.value.message


def test_values_are_normalised() -> None:
    assert answers.validate(QS.question("capacity.hours_per_week"), 4.0) == 4
    assert answers.validate(QS.question("capacity.hours_per_week"), 2.5) == 2.5
    assert answers.validate(QS.question("willingness.guidelines"), True) == "yes"
    picked = answers.validate(
        QS.question("goals.objectives"), ["community", "awareness", "community"]
    )
    assert picked == ["awareness", "community"]
    assert answers.validate(QS.question("organisation.name"), "  שלום עולם  ") == "שלום עולם"


def test_set_options_parse_each_kind() -> None:
    parsed = answers.parse_sets(
        QS,
        [
            "capacity.hours_per_week=4,5",
            "capacity.people=2",
            "capacity.weekend_cover=ja",
            "goals.objectives=community, awareness",
            "organisation.name=De Korenschoof = bakkerij",
        ],
    )
    assert parsed == {
        "capacity.hours_per_week": 4.5,
        "capacity.people": 2,
        "capacity.weekend_cover": True,
        "goals.objectives": ["awareness", "community"],
        "organisation.name": "De Korenschoof = bakkerij",
    }


@pytest.mark.parametrize(
    ("option", "problem"),
    [
        ("capacity.people", "--set needs KEY=VALUE"),
        ("capacity.staff=2", "is not a question"),
        ("capacity.hours_per_week=lots", "'lots' is not a number"),
    ],
)
def test_bad_set_options(option: str, problem: str) -> None:
    with pytest.raises(AnswerError, match=problem):
        answers.parse_sets(QS, [option])


def test_nested_files_reject_unknown_keys_and_parts() -> None:
    with pytest.raises(AnswerError, match=r"capacity\.staff: is not a question"):
        answers.from_nested(QS, {"capacity": {"staff": 2}}, "a.yaml")
    with pytest.raises(AnswerError, match="must be a mapping"):
        answers.from_nested(QS, {"capacity": [1]}, "a.yaml")
    with pytest.raises(AnswerError, match="must be a mapping of parts"):
        answers.from_nested(QS, ["a"], "a.yaml")


def test_skipped_questions_take_their_implied_value() -> None:
    given = answers.with_defaults(QS, {"organisation.name": "Solo", "capacity.people": 0})
    assert given["capacity.response_time"] == "unmonitored"
    assert given["capacity.weekend_cover"] is False
    assert given["willingness.staff"] == "eager"  # micro: no staff to persuade
    filled, missing = answers.complete(QS, {"organisation.name": "Solo"})
    assert "capacity.people" in missing and "organisation.name" not in missing
    assert "organisation.name" in filled


def test_nested_round_trip_keeps_questionnaire_order() -> None:
    full = answers.with_defaults(QS, {"organisation.name": "Solo"})
    nested = answers.to_nested(QS, full)
    assert list(nested) == [
        "organisation",
        "goals",
        "audience",
        "channels",
        "capacity",
        "willingness",
        "persistence",
    ]
    read = answers.from_nested(QS, yamlio.loads(yamlio.dumps(nested), "x"), "x")
    assert answers.complete(QS, read) == (full, [])


ORGS3 = Path(__file__).parent / "fixtures" / "orgs3"


@pytest.mark.parametrize(
    ("key", "value", "where", "problem"),
    [
        ("organisation.sector", "bakery", "organisation.sector", "'bakery' is not one of"),
        ("organisation.country", "UK", "organisation.country", "'UK' is not a country code"),
        ("organisation.country", "NLD", "organisation.country", "ISO 3166-1"),
        ("organisation.region", "vlaanderen", "organisation.region", "is not one of"),
        ("audience.minors", "yes", "audience.minors", "is not one of: none, in_posts"),
        ("goals.objectives", ["crisis", "panic"], "goals.objectives", "'panic' is not one of"),
        ("capacity.paid_promotion", "ads", "capacity.paid_promotion", "is not one of"),
        ("channels.current", "facebook", "channels.current", "must be a mapping"),
        ("channels.current", [{"facebook": 3}], "channels.current", "must be a mapping"),
        ("channels.current", {"myspace": {}}, "channels.current", "'myspace' is not one of"),
        (
            "channels.current",
            {"facebook": {"posts_per_week": 101, "works": "well"}},
            "channels.current.facebook.posts_per_week",
            "101 is out of range; give 0 to 100",
        ),
        (
            "channels.current",
            {"facebook": {"posts_per_week": "daily"}},
            "channels.current.facebook.posts_per_week",
            "must be a number",
        ),
        (
            "channels.current",
            {"x": {"works": "great"}},
            "channels.current.x.works",
            "'great' is not one of: well, so_so, badly, dormant, unknown",
        ),
        (
            "channels.current",
            {"x": {"likes": 3}},
            "channels.current.x.likes",
            "give `posts_per_week` and `works`",
        ),
        ("channels.current", {"x": 3}, "channels.current.x", "must be a mapping with"),
    ],
)
def test_bad_format_3_values_name_the_key(
    key: str, value: object, where: str, problem: str
) -> None:
    with pytest.raises(AnswerError) as caught:
        answers.validate(QS.question(key), value, "a.yaml")
    said = caught.value.message  # the question, then the key; a key that is no question alone
    assert f"?’ ({where}): " in said or said.startswith(f"a.yaml: {where}: ")
    assert problem in caught.value.message


def test_a_channels_answer_names_the_question_about_that_channel() -> None:
    current = QS.question("channels.current")
    with pytest.raises(AnswerError) as caught:
        answers.validate(current, {"x": {"posts_per_week": -1}}, "a.yaml")
    key = "channels.current.x.posts_per_week"
    assert caught.value.render("nl").startswith(
        f"a.yaml: ‘Hoeveel berichten plaats je nu per week op X (Twitter)?’ ({key}): -1 valt buiten"
    )
    assert caught.value.render("en").startswith(
        f"a.yaml: ‘How many posts a week do you publish on X (Twitter) now?’ ({key}): -1 is out"
    )


def test_format_3_values_are_normalised() -> None:
    country = QS.question("organisation.country")
    assert answers.validate(country, " be ") == "BE"
    assert answers.validate(country, "other") == "other"  # not known
    current = answers.validate(
        QS.question("channels.current"),
        {"x": {"posts_per_week": 0, "works": "dormant"}, "facebook": {"posts_per_week": 3.0}},
    )
    assert current == {  # the questionnaire's order; what is not said is not known
        "facebook": {"posts_per_week": 3, "works": "unknown"},
        "x": {"posts_per_week": 0, "works": "dormant"},
    }
    assert list(current) == ["facebook", "x"]


def test_a_format_2_list_of_channels_becomes_a_mapping_of_unknowns() -> None:
    current = answers.validate(QS.question("channels.current"), ["x", "facebook"])
    unknown = {"posts_per_week": None, "works": "unknown"}
    assert current == {"facebook": unknown, "x": unknown}
    assert answers.parse_sets(QS, ["channels.current=facebook:3:well, x:0:dormant, blog"]) == {
        "channels.current": {
            "blog": unknown,
            "facebook": {"posts_per_week": 3, "works": "well"},
            "x": {"posts_per_week": 0, "works": "dormant"},
        }
    }


def test_sectors_are_offered_by_kind() -> None:
    sector = QS.question("organisation.sector")
    offered = [c.value for c in sector.offered({"organisation.kind": "government"})]
    assert offered == ["culture", "library", "municipality", "government_other",
                       "emergency_services", "other"]  # fmt: skip
    healthcare = [c.value for c in sector.offered({"organisation.kind": "healthcare"})]
    assert "animal_care" in healthcare and "hospital" in healthcare and "shop" not in healthcare
    assert sector.offered({"organisation.kind": "other"}) == sector.choices  # every sector
    for kind in QS.question("organisation.kind").values:  # `other` always, nothing unknown
        values = [c.value for c in sector.offered({"organisation.kind": kind})]
        assert values[-1] == "other" and set(values) <= set(sector.values)


def test_questions_that_cannot_apply_are_not_required() -> None:
    base = {
        "organisation.name": "Gemeente Zottegem",
        "organisation.kind": "government",
        "organisation.sector": "municipality",
        "audience.minors": "none",
    }
    full = answers.with_defaults(QS, base)
    outside = answers.with_defaults(QS, {**base, "organisation.country": "NL"})
    assert outside["organisation.region"] is None  # not asked, not written
    assert "region" not in answers.to_nested(QS, outside)["organisation"]
    flemish = {**base, "organisation.country": "BE", "organisation.region": "flanders"}
    assert answers.with_defaults(QS, flemish)["organisation.region"] == "flanders"
    assert full["capacity.paid_promotion"] == "none"  # no budget: nothing to promote
    single = answers.with_defaults(QS, {**base, "organisation.size": "micro"})
    assert single["willingness.staff"] == "eager"
    # `region:` left empty where it does not apply is no error either
    read = answers.from_nested(QS, {"organisation": {"country": "NL", "region": None}}, "a.yaml")
    assert read == {"organisation.country": "NL"}


def test_what_format_2_cannot_say_is_assumed_and_named() -> None:
    old = {  # answers format 2: no sector, no minors, no paid promotion, a list of channels
        "organisation.name": "Buurthuis De Linde",
        "organisation.kind": "nonprofit",
        "organisation.country": "BE",
        "capacity.budget": "small",
        "channels.current": answers.validate(QS.question("channels.current"), ["facebook"]),
    }
    given = answers.with_defaults(QS, old)  # every other question its default
    for key in answers.ASSUMABLE:
        del given[key]
    given.pop(answers.ASSUMED, None)
    filled, missing = answers.complete(QS, given)
    assert missing == []
    assert filled[answers.ASSUMED] == (
        "organisation.sector",
        "organisation.region",
        "audience.minors",
        "capacity.paid_promotion",
    )
    assert filled["organisation.sector"] == "other"
    assert filled["organisation.region"] == "flanders"
    assert filled["capacity.paid_promotion"] == "commercial"
    nested = answers.to_nested(QS, filled)  # an assumption is no answer: it stays out
    assert "sector" not in nested["organisation"] and "minors" not in nested["audience"]
    assert answers.stated(filled) == {k: v for k, v in filled.items() if k in given}
    unknown = answers.complete(QS, {**given, "organisation.country": "other"})[0]
    assumed = model.as_choices(unknown[answers.ASSUMED])
    assert "organisation.country" in assumed  # format 2's `other`: not known
    assert "organisation.region" not in assumed  # not Belgium: not asked


@pytest.mark.parametrize("path", sorted(ORGS3.glob("*.yaml")), ids=lambda path: path.stem)
def test_a_strategists_format_3_intake_is_read_whole(path: Path) -> None:
    given = answers.from_nested(QS, yamlio.loads(path.read_text("utf-8"), str(path)), str(path))
    filled, missing = answers.complete(QS, given)
    assert missing == [] and answers.ASSUMED not in filled  # everything said, nothing assumed
    assert all(
        set(usage) == {"posts_per_week", "works"}
        for usage in model.as_channels(given["channels.current"]).values()
    )


def test_the_default_country_is_a_code_the_question_knows(monkeypatch: pytest.MonkeyPatch) -> None:
    country = QS.question("organisation.country")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    for locale, lang, expected in [
        ("nl_BE.UTF-8", "nl", "BE"),
        ("en_IE.UTF-8", "en", "IE"),
        ("de_DE@euro", "en", "DE"),
        ("C.UTF-8", "nl", "NL"),  # no country: a Dutch session is most likely Dutch
        ("C.UTF-8", "en", "other"),  # else not known
        ("en_XK.UTF-8", "en", "other"),  # Kosovo: no ISO 3166-1 code yet, so not one we know
    ]:
        monkeypatch.setenv("LANG", locale)
        found = answers.default(country, lang)
        assert found == expected, locale
        assert answers.validate(country, found) == expected


def test_the_one_walk_skips_what_cannot_apply_and_leaves_out_what_is_asked_to() -> None:
    asked: list[str] = []

    def answer(
        question: questionnaire.Question, before: model.Answers
    ) -> model.Answer | answers.LeftOut:
        asked.append(question.key)
        if question.key == "capacity.people":
            return 0  # nobody: the questions that need someone cannot apply
        if question.key == "organisation.country":
            return "NL"  # not Belgium: no region
        return answers.LEFT_OUT

    walked = answers.resolve(QS, answer)
    assert walked["capacity.people"] == 0 and walked["organisation.country"] == "NL"
    assert walked["capacity.response_time"] == "unmonitored"  # its value for the skipped case
    assert walked["capacity.weekend_cover"] is False
    assert "organisation.region" in walked and "organisation.region" not in asked
    assert "capacity.response_time" not in asked
    assert "organisation.name" in asked and "organisation.name" not in walked  # left out


def test_the_one_nested_reader_takes_nested_and_dotted_keys_and_names_an_unknown_one() -> None:
    known = {"review.published.instagram", "review.published.x", "review.notes"}

    def unknown(key: str) -> Exception:
        return KeyError(key)

    tree = {"published": {"instagram": 6}, "published.x": 2, "notes": {"kept": "whole"}}
    assert list(answers.nested(tree, "review", known, unknown)) == [
        ("review.published.instagram", 6),
        ("review.published.x", 2),
        ("review.notes", {"kept": "whole"}),  # an answer's value as it is, a mapping too
    ]
    with pytest.raises(KeyError, match=r"review\.published\.tiktok"):
        list(answers.nested({"published": {"tiktok": 1}}, "review", known, unknown))
    with pytest.raises(KeyError, match=r"review\.other"):
        list(answers.nested({"other": {"a": 1}}, "review", known, unknown))


def test_one_set_parser_in_each_commands_words() -> None:
    given = answers.parse_sets(
        QS, ["review.date= 2026-04-01 ", "capacity.people=2"], as_text=("review.date",)
    )
    assert given == {"review.date": "2026-04-01", "capacity.people": 2}
    with pytest.raises(AnswerError) as raised:
        answers.parse_sets(QS, ["nope=1"], unknown=msg("review.unknown_set", ids="a, b"))
    assert raised.value.problem == msg("review.unknown_set", ids="a, b")
    with pytest.raises(AnswerError) as raised:
        answers.parse_sets(QS, ["capacity.people"], syntax=msg("review.set_syntax"))
    assert raised.value.problem == msg("review.set_syntax")


@pytest.mark.parametrize(
    ("channel", "lang", "works", "posts"),
    [
        ("newsletter", "nl", "Hoe werkt de nieuwsbrief nu voor je?",
         "Hoeveel nieuwsbrieven verstuur je nu per week?"),
        ("instagram", "nl", "Hoe werkt Instagram nu voor je?",
         "Hoeveel feedberichten plaats je nu per week op Instagram?"),
        ("blog", "nl", "Hoe werkt de blog nu voor je?",
         "Hoeveel artikelen plaats je nu per week op de blog?"),
        ("youtube", "nl", "Hoe werkt YouTube nu voor je?",
         "Hoeveel video's plaats je nu per week op YouTube?"),
        ("facebook", "nl", "Hoe werkt Facebook nu voor je?",
         "Hoeveel berichten plaats je nu per week op Facebook?"),
        ("newsletter", "en", "How well is the newsletter working for you now?",
         "How many newsletters do you send a week now?"),
    ],
)  # fmt: skip
def test_a_channels_own_question_names_it_as_running_text_does(
    channel: str, lang: str, works: str, posts: str
) -> None:
    """The wizard, the answers' checks and the errors ask about a channel with its article
    ("de nieuwsbrief"), never with the label of the list ("op Nieuwsbrief"), and count what goes
    out there by the channel's own word, as the plan counts it (a blog's articles, YouTube's
    videos); a newsletter is sent."""
    qs = questionnaire.load()
    current = qs.question("channels.current")
    assert current.about("works", channel).prompt[lang] == works
    assert current.about("posts_per_week", channel).prompt[lang] == posts
    key = f"channels.current.{channel}.posts_per_week"
    assert current.about("posts_per_week", channel).key == key
    assert qs.prompt(key, lang) == posts


def test_every_channels_count_question_names_what_goes_out_there_as_the_plan_does() -> None:
    """The word the wizard counts in is the channel's unit in the catalogue, the one the plan's
    cadence uses ('2 feedberichten per week'); only the newsletter is asked in its own words."""
    qs = questionnaire.load()
    current = qs.question("channels.current")
    for channel in catalog.load().channels.values():
        for lang in ("nl", "en"):
            prompt = current.about("posts_per_week", channel.id).prompt[lang]
            if channel.id == "newsletter":
                assert ("nieuwsbrieven" if lang == "nl" else "newsletters") in prompt
            else:
                assert f" {channel.unit[lang]['many']} " in prompt, prompt
