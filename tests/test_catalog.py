"""The catalogue's tree of data/rules.yaml holds what the rules read, in the shape the rules read
it in (catalog.RulesData): a mistake in the data is found here, not in a plan."""

from __future__ import annotations

from socialready import catalog, questionnaire
from socialready.model import DIMENSIONS, STEP_IDS
from socialready.rules.context import VERDICTS

CATALOG = catalog.load()
QS = questionnaire.load()
SECTORS = set(QS.question("organisation.sector").values)
KINDS = set(QS.question("organisation.kind").values)


def test_every_finding_costs_a_dimension_points_and_at_most_a_verdict() -> None:
    rules = CATALOG.texts
    for rule_id, rule in [*rules["findings"].items(), *rules["review"]["findings"].items()]:
        assert rule["dimension"] in DIMENSIONS, rule_id
        assert isinstance(rule["points"], int) and 0 <= rule["points"] <= 100, rule_id
        assert rule.get("cap", "ready") in VERDICTS, rule_id
        assert rule.get("step", "audience") in STEP_IDS, rule_id


def test_the_people_served_have_a_noun_in_both_languages_for_every_sector_and_kind() -> None:
    served = CATALOG.texts["served"]
    assert set(served["sectors"]) <= SECTORS
    assert set(served["kinds"]) == KINDS
    for noun in {*served["sectors"].values(), *served["kinds"].values()}:
        for lang in ("nl", "en"):
            one, many = served["nouns"][noun][lang]
            assert one and many, (noun, lang)
    assert set(served["sensitive"]) <= SECTORS and set(served["urgent_line"]) <= SECTORS


def test_the_first_actions_and_the_teams_name_what_exists() -> None:
    rules = CATALOG.texts
    first = rules["first_actions"]
    assert isinstance(first["min_points"], int)
    assert set(first["skip"]) | set(first["steps"]) <= set(rules["findings"])
    assert set(first["steps"].values()) <= set(STEP_IDS)
    assert set(first["dimensions"]) == set(DIMENSIONS)
    assert set(rules["team"]["volunteer_sectors"]) <= SECTORS
    assert set(rules["calamity_skip"]) <= set(CATALOG.channels)
    assert all(isinstance(value, float | int) for value in rules["review"]["thresholds"].values())


def test_what_goes_out_on_a_channel_is_counted_in_its_own_words() -> None:
    assert CATALOG.unit_forms("newsletter", "nl") == ("editie", "edities")
    assert CATALOG.unit_forms("youtube", "en") == ("video", "videos")
    assert CATALOG.unit_forms("a-newer-channel", "nl") == ("bericht", "berichten")
