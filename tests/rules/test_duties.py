"""Duties over thousands of generated organisations: the law cited is always the organisation's
own country's, and a duty fires only for the sector, country and answers it belongs to."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from socialready import catalog, questionnaire, rules
from socialready.model import Generated
from tests.strategies import examples, languages, valid_answers

QS = questionnaire.load()
CATALOG = catalog.load()
SECTORS = sorted({*CATALOG.texts["served"]["sectors"], "other"})
COUNTRIES = ["NL", "BE", "DE", "ES", "IE", "US", "SR", "GB", "other"]

# Words that belong to one jurisdiction only: where they may appear.
OWN_LAW = {
    "UAVG": {"NL"},
    "Archiefwet 1995": {"NL"},
    "Besluit digitale toegankelijkheid": {"NL"},
    "Woo": {"NL"},
    "WGBO": {"NL"},
    "Jeugdwet": {"NL"},
    "NL-Alert": {"NL"},
    "Leidraad": {"NL"},
    "Bestuursdecreet": {"BE"},
    "Strafwetboek": {"BE"},
    "1955": {"BE"},
    "30 juli 2018": {"BE"},
    "30 July 2018": {"BE"},
    "BE-Alert": {"BE"},
    "DDG": {"DE"},
}
EU_ONLY = ("TTPA", "GDPR", "AVG", "2016/2102", "2019/6")


@st.composite
def organisations(draw: st.DrawFn) -> dict[str, Any]:
    """A valid answer set with the answers format 3 adds, drawn freely."""
    found = draw(valid_answers())
    country = draw(st.sampled_from(COUNTRIES))
    found["organisation.country"] = country
    found["organisation.sector"] = draw(st.sampled_from(SECTORS))
    if country == "BE":
        found["organisation.region"] = draw(st.sampled_from(["flanders", "brussels", "wallonia"]))
    found["audience.minors"] = draw(st.sampled_from(["none", "in_posts", "followers", "both"]))
    found["capacity.paid_promotion"] = draw(
        st.sampled_from(["none", "commercial", "political_or_social"])
    )
    if draw(st.booleans()):
        found["goals.objectives"] = sorted({*found["goals.objectives"], "crisis"})
    return found


def _said(result: Generated) -> str:
    findings = [
        f"{finding['says']} {finding['do']}"
        for dimension in result["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
    ]
    steps = [action for step in result["steps"] for action in step["actions"]]
    return "\n".join(findings + steps)


def _ids(result: Generated) -> set[str]:
    return {
        finding["rule"]
        for dimension in result["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
    }


@settings(max_examples=examples(500), deadline=None)
@given(organisations(), languages)
def test_no_law_of_one_country_is_cited_for_another(answers: dict[str, Any], lang: str) -> None:
    result = rules.generate(answers, CATALOG, QS, lang)
    said = _said(result)
    country = answers["organisation.country"]
    for word, countries in OWN_LAW.items():
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", said):
            assert country in countries, (word, country)
    if country not in CATALOG.eu:
        for word in EU_ONLY:
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", said), (word, country)


@settings(max_examples=examples(500), deadline=None)
@given(organisations(), languages)
def test_each_duty_fires_for_what_it_belongs_to(answers: dict[str, Any], lang: str) -> None:
    ids = _ids(rules.generate(answers, CATALOG, QS, lang))
    sector, minors = answers["organisation.sector"], answers["audience.minors"]
    assert "kind.account-handover" in ids
    assert ("kind.minors-photo-consent" in ids) == (minors in ("in_posts", "both"))
    assert ("kind.minors-followers" in ids) == (minors in ("followers", "both"))
    political = sector == "political" or answers["capacity.paid_promotion"] == "political_or_social"
    in_eu = answers["organisation.country"] in CATALOG.eu
    assert ("kind.no-political-ads" in ids) == (political and in_eu)
    assert ("kind.tenant-privacy" in ids) == (sector == "housing")
    if sector == "animal_care":
        assert "kind.health-confidentiality" not in ids
    assert ("kind.government-archiving" in ids) == (answers["organisation.kind"] == "government")


@settings(max_examples=examples(300), deadline=None)
@given(organisations(), languages)
def test_every_duty_cites_a_source_or_claims_none(answers: dict[str, Any], lang: str) -> None:
    result = rules.generate(answers, CATALOG, QS, lang)
    for dimension in result["readiness"]["dimensions"].values():
        for finding in dimension["findings"]:
            assert "()" not in finding["says"] and "{" not in finding["says"], finding
            assert "{" not in finding["do"], finding
