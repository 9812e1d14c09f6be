"""The 14 organisations of the strategist review (tests/fixtures/orgs3, answers format
3): the verdict, channels to keep, add and avoid (review/expect.yaml), the cadence bounds and
forbidden words derived from expectations.md and the judgment (review/cadence.yaml), in both
languages.

Worked examples, not the target: tests/strategist/test_organisations.py and test_cadence.py hold
organisations of our own, judged the same way.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from socialready.model import Generated
from tests.strategist.reading import LANGS, advise, given, not_now, recommended

REVIEW = Path(__file__).parent.parent / "fixtures" / "orgs3"
EXPECT = Path(__file__).parent / "review"  # expect.yaml and cadence.yaml
SLUGS = sorted(path.stem for path in REVIEW.glob("[0-9][0-9]-*.yaml"))


@cache
def _data(name: str) -> dict[str, Any]:
    from socialready.planfile import yamlio

    path = EXPECT / f"{name}.yaml"
    data: dict[str, Any] = yamlio.loads(path.read_text("utf-8"), str(path))
    return data


@cache
def _plan(slug: str, lang: str) -> Generated:
    return advise(given(slug, REVIEW), lang)


def text(result: Generated) -> str:
    findings = [
        f"{finding['says']} {finding['do']}"
        for dimension in result["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
    ]
    channels = [f"{c['cadence']} {c['why']}" for c in result["channels"]["recommended"]]
    channels += [c["why"] for c in result["channels"]["not_now"]]
    steps = [action for step in result["steps"] for action in step["actions"]]
    return "\n".join([*findings, *channels, result["channels"]["workload"]["summary"], *steps])


def test_there_are_14_organisations_each_with_its_expectations() -> None:
    assert len(SLUGS) == 14
    assert set(_data("expect")) == set(SLUGS)
    assert set(_data("cadence")) == set(SLUGS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_plan_meets_what_a_strategist_expected(slug: str, lang: str) -> None:
    result = _plan(slug, lang)
    expect = _data("expect")[slug]
    bounds = _data("cadence")[slug]
    also = bounds.get("also", {})
    channels = recommended(result)
    current = given(slug, REVIEW)["channels.current"]
    problems = []
    if result["readiness"]["verdict"] not in expect["verdict"]:
        problems.append(f"verdict {result['readiness']['verdict']}, expected {expect['verdict']}")
    if expect["empty"] and channels:
        problems.append(f"expected no channel, got {channels}")
    if not expect["empty"] and not channels:
        problems.append("expected channels, got none")
    for channel in [*expect["must"], *also.get("must", [])]:
        if channel not in channels:
            problems.append(f"{channel} not recommended: {not_now(result).get(channel)}")
    for channel in [*expect["must_not"], *also.get("must_not", [])]:
        if channel in channels:
            problems.append(f"{channel} recommended")
    for channel in expect["keep"]:
        assert channel in current, f"expect.yaml: {channel} is not current for {slug}"
        if channel not in channels:
            problems.append(f"current {channel} dropped: {not_now(result).get(channel)}")
    posts = {c["channel"]: float(c["posts_per_week"]) for c in result["channels"]["recommended"]}
    for channel, (floor, ceiling) in bounds.get("cadence", {}).items():
        value = sum(posts.values()) if channel == "total" else posts.get(channel)
        if value is not None and not floor <= value <= ceiling:
            problems.append(f"{channel} at {value} a week, expected {floor}–{ceiling}")
    said = text(result)
    problems += [f"says {word!r}" for word in bounds.get("forbidden", []) if word in said]
    assert not problems, f"{slug} ({lang}):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_hours_never_exceed_what_the_organisation_has(slug: str) -> None:
    result = _plan(slug, "nl")
    workload = result["channels"]["workload"]
    assert workload["hours_needed"] <= workload["hours_available"]
