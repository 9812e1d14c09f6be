"""The review rules: what the figures of a period say about the plan, as pure functions."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialready import answers, catalog, questionnaire, rules
from socialready.model import Generated, Recommended, ReviewDoc
from socialready.rules import review
from socialready.rules.context import Context

QS = questionnaire.load()
CATALOG = catalog.load()
VOLUNTEERS = {"organisation.kind": "nonprofit", "organisation.sector": "sports_club"}
FEW = {"organisation.size": "micro", "capacity.people": 1}  # as the defaults have it
STAFF = {"organisation.size": "small", "capacity.people": 4}

ANSWERS: dict[str, Any] = {
    "capacity.response_time": "same_day",
    "capacity.publish_frequency": "weekly",
}
# What the review rules read of a recommended channel and of a review: the rest is left out.
INSTAGRAM = cast(
    Recommended,
    {"channel": "instagram", "tier": "standard", "posts_per_week": 2, "hours_per_week": 2},
)
LINKEDIN = cast(
    Recommended,
    {"channel": "linkedin", "tier": "standard", "posts_per_week": 2, "hours_per_week": 1},
)
RECOMMENDED = [INSTAGRAM, LINKEDIN]


def _review(instagram: int, linkedin: int, **more: Any) -> ReviewDoc:
    entry: dict[str, Any] = {
        "published": {"instagram": instagram, "linkedin": linkedin},
        "reply_time": "same_day",
        "hours_spent": 3,
    }
    entry.update(more)
    return cast(ReviewDoc, entry)


def _plain(lang: str) -> Context:
    """A plan's context with no situation of its own: the findings in their plain words."""
    return Context({}, CATALOG, QS, lang)


def _rules(outcome: review.ReviewOutcome) -> list[str]:
    return [rule for rule, _ in outcome.findings]


def test_a_plan_kept_says_it_works() -> None:
    outcome = review.judge(_review(24, 23), RECOMMENDED, 12, ANSWERS)
    assert _rules(outcome) == ["review.plan-works"]
    assert outcome.tier_cap == {"instagram": "standard", "linkedin": "standard"}
    assert outcome.paused == set()
    assert outcome.capacity_penalty == 0
    assert outcome.verdict_cap is None


def test_under_delivered_lowers_the_tier_and_says_by_how_much() -> None:
    outcome = review.judge(_review(12, 24), RECOMMENDED, 12, ANSWERS)
    assert _rules(outcome) == ["review.under-delivered"]
    _rule, params = outcome.findings[0]
    assert params == {
        "channel": "instagram",
        "published": 12,
        "promised": 24,
        "weeks": 12,
        "tier": "minimum",
    }
    assert outcome.tier_cap["instagram"] == "minimum"
    assert outcome.tier_cap["linkedin"] == "standard"
    assert outcome.capacity_penalty > 0
    [text] = review.texts(outcome.findings, _plain("en"))
    assert text["says"] == "Instagram: 12 of 24 promised posts in 12 weeks."
    assert "minimum" in text["do"]
    [dutch] = review.texts(outcome.findings, _plain("nl"))
    assert dutch["says"] == "Instagram: 12 van 24 beloofde berichten in 12 weken."


def test_hardly_any_posts_pause_the_channel() -> None:
    outcome = review.judge(_review(2, 24), RECOMMENDED, 12, ANSWERS)
    assert _rules(outcome) == ["review.channel-paused"]
    assert outcome.paused == {"instagram"}
    assert "Pause Instagram" in review.texts(outcome.findings, _plain("en"))[0]["do"]


def test_nothing_kept_up_caps_the_verdict() -> None:
    outcome = review.judge(_review(0, 0), RECOMMENDED, 12, ANSWERS)
    assert outcome.paused == {"instagram", "linkedin"}
    assert outcome.verdict_cap == "start_small"


def test_over_delivered_may_move_up_a_tier_without_penalty() -> None:
    outcome = review.judge(_review(40, 24), RECOMMENDED, 12, ANSWERS)
    assert _rules(outcome) == ["review.over-delivered", "review.plan-works"]
    assert outcome.tier_cap["instagram"] == "ambitious"
    assert outcome.capacity_penalty == 0


def test_slower_replies_and_more_hours_than_planned() -> None:
    entry = _review(24, 24, reply_time="within_days", hours_spent=5)
    outcome = review.judge(entry, RECOMMENDED, 12, ANSWERS)
    assert _rules(outcome) == ["review.reply-slower", "review.hours-over"]
    texts = review.texts(outcome.findings, _plain("en"))
    assert texts[0]["says"] == (
        "Messages were answered within a few days, slower than promised (the same day)."
    )
    assert texts[1]["says"] == "You spent 5 hours a week, against 3 planned."
    one = review.texts([("review.hours-under", {"spent": 1, "planned": 3})], _plain("en"))
    assert one[0]["says"] == "You spent only 1 hour a week, against 3 planned."


def test_unanswered_messages_cap_the_verdict() -> None:
    outcome = review.judge(_review(24, 24, reply_time="unmonitored"), RECOMMENDED, 12, ANSWERS)
    assert "review.replies-missed" in _rules(outcome)
    assert outcome.verdict_cap == "start_small"


def test_no_figures_or_too_short_a_period_is_no_data() -> None:
    assert _rules(review.judge(cast(ReviewDoc, {}), RECOMMENDED, 12, ANSWERS)) == ["review.no-data"]
    outcome = review.judge(_review(1, 1), RECOMMENDED, 1, ANSWERS)
    assert _rules(outcome) == ["review.no-data"]
    assert outcome.tier_cap == {} and outcome.capacity_penalty == 0


def test_without_channels_a_review_does_not_say_the_plan_works() -> None:
    outcome = review.judge(_review(0, 0), [], 12, ANSWERS)
    assert outcome.findings == [] and outcome.verdict_cap is None
    slow = review.judge(_review(0, 0, reply_time="within_days"), [], 12, ANSWERS)
    assert [rule for rule, _ in slow.findings] == ["review.reply-slower"]


def test_posts_per_week_from_the_entry_else_from_the_catalogue() -> None:
    def entry(**fields: Any) -> Recommended:
        return cast(Recommended, fields)

    assert review.posts_per_week(entry(channel="instagram", posts_per_week=3)) == 3
    assert review.posts_per_week(entry(channel="instagram")) == 2
    assert review.posts_per_week(entry(channel="blog", tier="minimum")) == 0.25


def test_a_review_of_half_a_period_promises_half() -> None:
    outcome = review.judge(_review(11, 12), RECOMMENDED, 6, ANSWERS)
    assert _rules(outcome) == ["review.plan-works"]


counts = st.integers(min_value=0, max_value=80)
weeks = st.floats(min_value=0.5, max_value=60, allow_nan=False)


@given(low=counts, more=counts, other=counts, period=weeks)
def test_more_published_posts_never_worsen_the_capacity_finding(
    low: int, more: int, other: int, period: float
) -> None:
    before = review.judge(_review(low, other), RECOMMENDED, period, ANSWERS)
    after = review.judge(_review(low + more, other), RECOMMENDED, period, ANSWERS)
    assert after.capacity_penalty <= before.capacity_penalty
    assert after.paused <= before.paused
    order = ("not_yet", "start_small", "ready", None)
    assert order.index(after.verdict_cap) >= order.index(before.verdict_cap)
    for channel, tier in before.tier_cap.items():
        assert review.TIERS.index(after.tier_cap[channel]) >= review.TIERS.index(tier)


@given(first=counts, second=counts, period=weeks)
def test_judging_leaves_the_review_the_plan_and_the_answers_as_they_were(
    first: int, second: int, period: float
) -> None:
    entry = _review(first, second)
    before = copy.deepcopy((entry, RECOMMENDED, ANSWERS))
    review.judge(entry, RECOMMENDED, period, ANSWERS)
    assert (entry, RECOMMENDED, ANSWERS) == before


def _software() -> dict[str, Any]:
    from socialready import answers, questionnaire
    from socialready.planfile import yamlio
    from tests.conftest import ORGANISATIONS

    qs = questionnaire.load()
    path = ORGANISATIONS / "software.yaml"
    given_ = answers.from_nested(qs, yamlio.loads(path.read_text("utf-8"), str(path)), "x")
    return answers.complete(qs, given_)[0]


SOFTWARE = _software()


def _plan_after(linkedin: int) -> Generated:
    import datetime as dt

    from socialready import catalog, questionnaire, rules

    entry: ReviewDoc = {
        "date": dt.date(2026, 3, 30),
        "published": {"linkedin": linkedin, "blog": 6, "youtube": 6},
        "reply_time": "within_hours",
        "hours_spent": 8,
    }
    return rules.generate(
        SOFTWARE,
        catalog.load(),
        questionnaire.load(),
        "en",
        reviews=[entry],
        started=dt.date(2026, 1, 5),
    )


@given(low=st.integers(0, 60), more=st.integers(0, 60))
def test_in_the_plan_more_posts_never_lower_capacity_score_or_cadence(low: int, more: int) -> None:
    before, after = _plan_after(low), _plan_after(low + more)
    capacity = [plan["readiness"]["dimensions"]["capacity"]["score"] for plan in (before, after)]
    assert capacity[1] >= capacity[0]
    order = ("not_yet", "start_small", "ready")
    verdicts = [order.index(plan["readiness"]["verdict"]) for plan in (before, after)]
    assert verdicts[1] >= verdicts[0]

    def posts(plan: Generated) -> float:
        return sum(
            float(entry["posts_per_week"])
            for entry in plan["channels"]["recommended"]
            if entry["channel"] == "linkedin"
        )

    assert posts(after) >= posts(before)


@pytest.mark.parametrize(
    ("who", "lang", "share"),
    [
        (STAFF, "en", "share the inbox with a colleague"),
        (FEW, "en", "answer at fixed moments and say when"),
        (VOLUNTEERS, "en", "share the inbox with another volunteer"),
        (VOLUNTEERS, "nl", "deel de inbox met een andere vrijwilliger"),
    ],
)
def test_slower_replies_are_mended_by_the_people_the_organisation_has(
    who: dict[str, Any], lang: str, share: str
) -> None:
    """Reviewed in the plan itself: a club shares the inbox among its volunteers, a couple
    answers at fixed moments; only an organisation with staff is told of a colleague."""
    given_answers = {"organisation.name": "Test", "organisation.country": "NL", **who}
    filled = answers.with_defaults(QS, given_answers)
    started = dt.date(2026, 1, 5)
    entry = {**_review(0, 0, reply_time="within_days"), "date": dt.date(2026, 4, 6)}
    plan = rules.generate(
        filled, CATALOG, QS, lang, reviews=[cast(ReviewDoc, entry)], started=started
    )
    found = [
        finding
        for dimension in plan["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
        if finding["rule"] == "review.reply-slower"
    ]
    assert [share in finding["do"] for finding in found] == [True]
