"""Duties by sector and jurisdiction, the organisation's own words, and the first actions, judged as
a strategist would judge them.

Each answers file in tests/strategist/duties/ (answers format 3) opens with a note: who they are and
what a strategist would advise. The table below holds the duties (rule ids) the plan must raise,
nothing more, and the words that must not appear in it, in either language: another country's law,
a law for another kind of organisation, a warning that does not apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import pytest

from socialready import answers, catalog, questionnaire, rules
from socialready.model import Generated, PlanDoc
from socialready.planfile import yamlio
from socialready.rules import first

HERE = Path(__file__).parent / "duties"
LANGS = ("en", "nl")
HANDOVER = "kind.account-handover"  # every plan

Result = Generated

QS = questionnaire.load()
CATALOG = catalog.load()


@cache
def _answers(slug: str) -> tuple[tuple[str, Any], ...]:
    path = HERE / f"{slug}.yaml"
    data = yamlio.loads(path.read_text("utf-8"), str(path))
    filled, missing = answers.complete(QS, answers.from_nested(QS, data, str(path)))
    assert not missing, f"{path.name}: unanswered {missing}"
    return tuple(filled.items())


def given(slug: str, **overrides: Any) -> dict[str, Any]:
    found = dict(_answers(slug))
    found.update({key.replace("__", "."): value for key, value in overrides.items()})
    return found


@cache
def _plan(slug: str, lang: str) -> Result:
    result: Result = rules.generate(given(slug), CATALOG, QS, lang)
    return result


def advise(answers_given: dict[str, Any], lang: str) -> Result:
    result: Result = rules.generate(answers_given, CATALOG, QS, lang)
    return result


def rule_ids(result: Result) -> set[str]:
    return {
        finding["rule"]
        for dimension in result["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
    }


def duties_raised(result: Result) -> set[str]:
    return {rule for rule in rule_ids(result) if rule.startswith("kind.")} - {HANDOVER}


def steps_text(result: Result, *step_ids: str) -> str:
    return "\n".join(
        action
        for step in result["steps"]
        if not step_ids or step["id"] in step_ids
        for action in step["actions"]
    )


def text(result: Result) -> str:
    """Everything the plan says: findings, channels and steps."""
    findings = [
        f"{finding['says']} {finding['do']}"
        for dimension in result["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
    ]
    channels = [item["why"] for item in result["channels"]["recommended"]]
    channels += [item["why"] for item in result["channels"]["not_now"]]
    return "\n".join([*findings, *channels, steps_text(result)])


@dataclass(frozen=True)
class Row:
    slug: str
    duties: frozenset[str]  # the duties it must raise, every one, and no other
    must: tuple[str, ...] = ()  # words that must appear in both languages (law names)
    must_not: tuple[str, ...] = ()  # words that must never appear, in either language


def row(
    slug: str, duties: set[str], must: tuple[str, ...] = (), must_not: tuple[str, ...] = ()
) -> Row:
    return Row(slug, frozenset(duties), must, must_not)


NL_LAW = ("UAVG", "Archiefwet 1995", "Besluit digitale toegankelijkheid", "Woo", "WGBO", "NL-Alert")
GOVERNMENT = {"kind.government-archiving", "kind.government-accessibility"}
EUROPEAN = ("GDPR", "AVG", "TTPA", "2016/2102", "2019/6")

TABLE = (
    row("nl-primary-school", {"kind.minors-photo-consent"}, ("UAVG art. 5",), ("GDPR art. 8",)),
    row(
        "be-flemish-library",
        {"kind.minors-photo-consent", *GOVERNMENT, "kind.government-openness"},
        ("Bestuursdecreet", "III.79", "II.16", "30"),
        (*NL_LAW, "Archiefwet", "Newcom"),
    ),
    row(
        "nl-vet",
        {"kind.animal-privacy", "kind.vet-medicines"},
        ("2019/6",),
        ("WGBO", "KNMG", "Wet BIG", "patiënt", "patient"),
    ),
    row("be-theatre-tickets", set(), (), ("TTPA", "UAVG", "political", "politiek")),
    row("nl-party", {"kind.no-political-ads"}, ("2024/900",)),
    row("us-advocacy", set(), (), (*EUROPEAN, "UAVG")),
    row("nl-hospital", {"kind.health-confidentiality"}, ("WGBO",), ("Strafwetboek", "KNMG")),
    row("be-care-home", {"kind.health-confidentiality"}, ("458",), ("WGBO", "KNMG", "UAVG")),
    row(
        "nl-youth-care",
        {"kind.health-confidentiality", "kind.minors-followers"},
        ("Jeugdwet", "UAVG art. 5", "13"),
        ("WGBO", "Strafwetboek"),
    ),
    row("nl-health-insurer", {"kind.health-confidentiality"}, ("art. 9",), ("WGBO", "KNMG")),
    row("es-care", {"kind.health-confidentiality"}, (), (*NL_LAW, "Strafwetboek", "KNMG")),
    row(
        "nl-municipality-crisis",
        {*GOVERNMENT, "kind.government-openness"},
        ("Archiefwet 1995", "Besluit digitale toegankelijkheid overheid", "Woo", "NL-Alert"),
        ("Bestuursdecreet", "BE-Alert", "TTPA"),
    ),
    row(
        "be-police-zone",
        {*GOVERNMENT, "kind.government-openness"},
        ("1955", "BE-Alert"),
        (*NL_LAW, "Bestuursdecreet"),
    ),
    row(
        "be-brussels-municipality",
        {*GOVERNMENT, "kind.government-openness"},
        ("1955", "2016/2102", "Brussel"),
        (*NL_LAW, "Bestuursdecreet"),
    ),
    row(
        "ie-county-council",
        GOVERNMENT,
        ("2016/2102",),
        (*NL_LAW, "Bestuursdecreet", "Archiefwet", "1955"),
    ),
    row("us-city", GOVERNMENT, (), (*EUROPEAN, *NL_LAW, "Bestuursdecreet")),
    row("de-webshop", {"kind.impressum"}, ("§ 5 DDG",), ("UAVG", "TTPA")),
    row(
        "nl-local-paper",
        {"kind.news-moderation"},
        ("Raad voor de Journalistiek",),
        ("Conseil de déontologie",),
    ),
    row(
        "be-walloon-paper",
        {"kind.news-moderation"},
        ("Conseil de déontologie journalistique",),
        ("Leidraad", "Raad voor de Journalistiek", *NL_LAW),
    ),
    row(
        "nl-housing",
        {"kind.tenant-privacy"},
        (),
        ("Archiefwet", "kinderen", "children", "Intern sociaal netwerk"),
    ),
    row(
        "sr-school", {"kind.minors-photo-consent", "kind.minors-followers"}, (), (*EUROPEAN, "UAVG")
    ),
    row("nl-funeral", set(), (), ("TTPA", "UAVG")),
    row("nl-church", {"kind.worship-privacy"}, ("art. 9",), ("TTPA",)),
)
ROWS = {item.slug: item for item in TABLE}
CASES = [pytest.param(item, lang, id=f"{item.slug}-{lang}") for item in TABLE for lang in LANGS]


def test_every_answers_file_has_a_row_and_a_strategists_note() -> None:
    files = sorted(path.stem for path in HERE.glob("*.yaml"))
    assert files == sorted(ROWS), "each answers file needs a row in TABLE, and each row a file"
    assert len(files) >= 16
    for path in HERE.glob("*.yaml"):
        lines = path.read_text("utf-8").splitlines()
        note = [line for line in lines if line.startswith("#")]
        assert all(line.startswith("#") for line in lines[: len(note)]), f"{path.name}: note first"
        assert 2 <= len(note) <= 4, f"{path.name}: open with a note of 2–4 comment lines"


def test_the_table_covers_every_row_of_the_duty_table() -> None:
    """Every sector and country row of DESIGN's duty table has at least one organisation."""
    raised = set().union(*(item.duties for item in TABLE))
    duty_rules = {rule for rule in CATALOG.texts["findings"] if rule.startswith("kind.")}
    assert duty_rules - {HANDOVER} <= raised
    countries = {given(item.slug)["organisation.country"] for item in TABLE}
    assert {"NL", "BE", "DE", "US", "SR"} <= countries
    assert countries & (CATALOG.eu - {"NL", "BE", "DE"}), "an EU country besides NL, BE and DE"
    regions = {given(item.slug).get("organisation.region") for item in TABLE}
    assert {"flanders", "brussels", "wallonia"} <= regions


@pytest.mark.parametrize(("item", "lang"), CASES)
def test_the_duties_are_the_organisations_own(item: Row, lang: str) -> None:
    result = _plan(item.slug, lang)
    said = text(result)
    problems = []
    raised = duties_raised(result)
    problems += [f"duty {rule} is missing" for rule in sorted(item.duties - raised)]
    problems += [f"duty {rule} does not apply here" for rule in sorted(raised - item.duties)]
    if HANDOVER not in rule_ids(result):
        problems.append("every plan needs the account handover")
    problems += [f"'{word}' is missing" for word in item.must if word not in said]
    problems += [
        f"'{word}' must not appear"
        for word in item.must_not
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", said)
    ]
    assert not problems, f"{item.slug} ({lang}):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize(("item", "lang"), CASES)
def test_every_duty_names_its_source_or_claims_no_law(item: Row, lang: str) -> None:
    """A duty cites '(source, year)' from the data, or, where no law is known for the country,
    says to check the local rules and cites nothing: never an empty '()'."""
    result = _plan(item.slug, lang)
    for dimension in result["readiness"]["dimensions"].values():
        for finding in dimension["findings"]:
            if finding["rule"].startswith("kind."):
                assert "()" not in finding["says"], finding["says"]
                assert "(aanname)" not in finding["says"] and "(assumption)" not in finding["says"]


# --- The organisation's own words -----------------------------------------------------------------


@pytest.mark.parametrize("sector", sorted(CATALOG.texts["served"]["sectors"]))
@pytest.mark.parametrize("lang", LANGS)
def test_the_sector_picks_the_noun_for_the_people_served(sector: str, lang: str) -> None:
    served = CATALOG.texts["served"]
    noun = served["nouns"][served["sectors"][sector]][lang][1]
    result = advise(given("nl-housing", organisation__sector=sector), lang)
    assert noun in steps_text(result, "share"), (sector, steps_text(result, "share"))
    wrong = {"residents", "tenants", "bereaved"} & {served["sectors"][sector]}
    if wrong and lang == "nl":
        assert not re.search(r"\b(klanten|leden)\b", steps_text(result)), sector


def test_tenants_residents_and_bereaved_are_never_customers_or_members() -> None:
    for slug in ("nl-housing", "nl-municipality-crisis", "nl-funeral"):
        said = steps_text(_plan(slug, "nl"))
        assert not re.search(r"\b(klanten|leden)\b", said), slug


SENSITIVE = ("funeral", "hospital", "care", "youth_care", "medical_practice")
ASK = {
    "en": ("end one post a week with a question", "Share what followers make"),
    "nl": ("sluit één bericht per week af met een vraag", "Deel wat volgers maken"),
}


@pytest.mark.parametrize("sector", SENSITIVE)
@pytest.mark.parametrize("lang", LANGS)
def test_no_engagement_prompts_on_sensitive_pages(sector: str, lang: str) -> None:
    result = advise(
        given("nl-funeral", organisation__sector=sector, willingness__dialogue="open"), lang
    )
    live = steps_text(result, "share", "co_create")
    for prompt in ASK[lang]:
        assert prompt not in live, (sector, live)
    assert any(
        word in live for word in ("No question", "Ask no questions", "geen vraag", "Stel geen")
    )


def test_a_funeral_home_shares_notices_with_consent_and_watches_for_scams() -> None:
    result = _plan("nl-funeral", "nl")
    assert "schriftelijke toestemming van de nabestaanden" in steps_text(result, "share")
    assert "livestream" in steps_text(result, "monitor")
    weekend = text(result)
    assert "spreek af wie in het weekend" not in weekend


def test_broadcast_only_means_no_public_answering_anywhere() -> None:
    for lang in LANGS:
        result = _plan("nl-church", lang)
        said = text(result)
        for phrase in ("answer every reaction", "beantwoord elke reactie", "openbaar beantwoordt,"):
            assert phrase not in said, phrase
        assert "keywords" not in said and "zoekwoorden" not in said
        live = steps_text(result, "co_create")
        assert "followers" not in live and "volgers" not in live


def test_reluctant_staff_get_no_ambassadors_or_employee_stories() -> None:
    result = advise(
        given("nl-hospital", willingness__staff="reluctant", willingness__management="committed"),
        "nl",
    )
    co_create = steps_text(result, "co_create")
    assert "collega's die dat willen" not in co_create and "eigen netwerk" not in co_create
    assert "vrijwilligers" not in text(result)  # colleagues who are willing are not volunteers


def test_a_landlord_points_the_weekend_to_its_repair_line() -> None:
    result = _plan("nl-housing", "nl")
    finding = next(
        f
        for d in result["readiness"]["dimensions"].values()
        for f in d["findings"]
        if f["rule"] == "capacity.no-weekend-cover"
    )
    assert "telefoonnummer" in finding["do"] and "spreek af wie" not in finding["do"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_crisis_objective_gets_a_calamity_plan_naming_only_channels_in_the_plan(
    lang: str,
) -> None:
    for slug, alert in (("nl-municipality-crisis", "NL-Alert"), ("be-police-zone", "BE-Alert")):
        result = _plan(slug, lang)
        organise = steps_text(result, "organise")
        calamity = next(a for a in organise.splitlines() if alert in a)
        planned = {item["channel"] for item in result["channels"]["recommended"]}
        for channel in CATALOG.channels.values():
            if re.search(rf"(?<!\w){re.escape(channel.name[lang])}(?!\w)", calamity):
                assert channel.id in planned, (slug, channel.id, calamity)
        assert "website" in calamity
        assert "NL-Alert" not in text(result) or alert == "NL-Alert"


def test_the_director_is_answered_with_respect() -> None:
    result = advise(given("nl-hospital", willingness__management="against"), "nl")
    said = text(result)
    assert "ongegrond" not in said
    assert "zorgen" in said and "patiënten" in said


# --- Dutch as a native writes it ------------------------------------------------------------------


@pytest.mark.parametrize("item", TABLE, ids=lambda item: item.slug)
def test_dutch_without_the_errors_the_strategist_quoted(item: Row) -> None:
    said = text(_plan(item.slug, "nl"))
    for wrong in (
        "iets die",
        "samen met je een",
        "stil valt",
        "Voer op elk",
        "Dient: Naamsbekendheid",
        "Een community opbouwen",
        "Begin op Blog",
        "Ga door met Nieuwsbrief",
        "op Intern sociaal netwerk",
        "jouw vakgebied",
        "(aanname: ",
    ):
        assert wrong not in said, wrong
    volunteers = (
        given(item.slug)["organisation.sector"] in CATALOG.texts["team"]["volunteer_sectors"]
    )
    assert volunteers or "vrijwilligers" not in said  # willing staff are not volunteers (01)
    assert not re.search(r"\bDient: [^.]*\b[A-Z][a-z]+ \(\d", said)  # labels lower case


# --- The first actions --------------------------------------------------------------------------


def _first(result: Result, given_answers: dict[str, Any], lang: str) -> list[tuple[int, str]]:
    document = {  # what first_actions reads of a plan
        "language": lang,
        "answers": answers.to_nested(QS, given_answers),
        "readiness": result["readiness"],
        "steps": result["steps"],
    }
    return first.first_actions(cast(PlanDoc, document), CATALOG)


def test_first_actions_begin_with_what_caps_the_verdict() -> None:
    answers_given = given("nl-hospital", willingness__management="against")
    result = advise(answers_given, "nl")
    found = _first(result, answers_given, "nl")
    assert len(found) == 3
    assert found[0][0] == 3 and "management" in found[0][1]
    assert all(not 4 <= step <= 7 for step, _ in found)  # not_yet: nothing goes live


def test_first_actions_put_the_calamity_plan_before_points_and_end_with_a_live_action() -> None:
    answers_given = given("nl-municipality-crisis")
    result = advise(answers_given, "nl")
    found = _first(result, answers_given, "nl")
    assert any("calamiteitenplan" in action for _, action in found)
    assert found[-1][0] == 4 and "Facebook" in found[-1][1]
    assert not any(action.startswith("Beschrijf je doelgroep") for _, action in found)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("nobody", [{"capacity__people": 0}, {"capacity__hours_per_week": 0}])
def test_a_first_action_names_its_step_once(lang: str, nobody: dict[str, int]) -> None:
    """Advice that names its step in the middle ("… before you go live (step 3); until then …")
    is shown as a first action of that step without it: the list adds "(step 3)" itself."""
    answers_given = given("nl-hospital", **nobody)
    found = _first(advise(answers_given, lang), answers_given, lang)
    assert found[0][0] == 3
    assert not re.search(r"\((stap|step) 3\)", found[0][1]), found[0][1]
    assert ("accounts" in found[0][1]) and ("; " in found[0][1])


def test_a_first_action_drops_its_steps_note_before_a_colon_too() -> None:
    """ "Find out where they are first (step 2): ask …" is shown as step 2's first action."""
    answers_given = given(
        "nl-hospital", audience__segments=["members_partners"], channels__considering=[],
        channels__current={"tiktok": {"posts_per_week": 1, "works": "unknown"}},
    )  # fmt: skip
    for lang in ("en", "nl"):
        result = advise(answers_given, lang)
        found = _first(result, answers_given, lang)
        fits = [action for _, action in found if action.startswith(("Find out", "Zoek eerst"))]
        assert fits, found
        assert not re.search(r"\((stap|step) 2\)", fits[0]), fits[0]


def test_first_actions_skip_steps_that_are_done() -> None:
    answers_given = given("nl-hospital", willingness__management="against")
    result = advise(answers_given, "nl")
    cast(dict[str, Any], result["steps"][2])["status"] = "done"  # as the plan file has it
    found = _first(result, answers_given, "nl")
    assert all(step != 3 for step, _ in found)


@pytest.mark.parametrize(("item", "lang"), CASES)
def test_the_crisis_plan_names_only_public_channels_in_the_plan(item: Row, lang: str) -> None:
    result = _plan(item.slug, lang)
    planned = {entry["channel"] for entry in result["channels"]["recommended"]}
    for dimension in result["readiness"]["dimensions"].values():
        for finding in dimension["findings"]:
            if finding["rule"] != "dialogue.crisis-plan":
                continue
            for channel in CATALOG.channels.values():
                named = re.search(rf"(?<!\w){re.escape(channel.name[lang])}(?!\w)", finding["says"])
                if named:
                    assert channel.id in planned and channel.id != "internal_network", finding


def test_first_actions_of_a_ready_organisation_do_not_start_with_describing_its_audience() -> None:
    answers_given = given("be-theatre-tickets")
    result = advise(answers_given, "nl")
    found = _first(result, answers_given, "nl")
    assert len(found) == 3 and found[-1][0] == 4  # ends with the first live action
    assert not any(action.startswith("Beschrijf je doelgroep") for _, action in found), found


NO_CHANNEL = {"willingness__management": "against"}  # no account opened against management's will


def test_no_weekend_finding_for_a_business_serving_businesses_or_a_plan_without_channels() -> None:
    """A start-up recruiting engineers was told to agree who watches messages at weekends; a
    haulier whose director is against it got the finding for a plan with no channel."""
    b2b = advise(
        given(
            "nl-hospital",
            organisation__kind="business_b2b",
            organisation__sector="b2b_services",
            capacity__weekend_cover=False,
        ),
        "nl",
    )
    assert "capacity.no-weekend-cover" not in rule_ids(b2b)
    assert "weekend" not in text(b2b)
    served = advise(given("nl-hospital", capacity__weekend_cover=False), "nl")
    assert "capacity.no-weekend-cover" in rule_ids(served)
    nothing = advise(given("nl-hospital", capacity__weekend_cover=False, **NO_CHANNEL), "nl")
    assert nothing["channels"]["recommended"] == []
    assert "capacity.no-weekend-cover" not in rule_ids(nothing)


def test_a_couple_agrees_who_posts_and_who_answers_not_an_owner_per_channel() -> None:
    result = advise(given("nl-hospital", organisation__size="micro", capacity__people=2), "nl")
    organise = steps_text(result, "organise")
    assert "jullie tweeën" in organise and "eigenaar" not in organise
    team = advise(given("nl-hospital", organisation__size="small", capacity__people=2), "nl")
    assert "wijs per kanaal één eigenaar aan" in steps_text(team, "organise")
