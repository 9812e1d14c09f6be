"""What the rules work out once a plan gives what working it out each time gave: the channels
kept once and started twice, the verdict from the points alone, the tables of a Context."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialready import catalog, grammar, questionnaire
from socialready.model import VERDICTS
from socialready.rules import channels, review, scoring
from socialready.rules.choice import NEW, ChannelChoice
from socialready.rules.context import Context
from socialready.rules.hours import highest_tier, reply_hours
from socialready.rules.reach import reach_in, reached
from tests.rules.test_selfcheck import with_rhythms
from tests.strategies import examples, languages, valid_answers

QS = questionnaire.load()
CATALOG = catalog.load()
MANY = settings(
    max_examples=examples(1000), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
ANSWERS = st.one_of(valid_answers(), with_rhythms())


def seen(choice: ChannelChoice) -> dict[str, Any]:
    """Everything a channel choice holds, in plain values."""
    return {
        "recommended": [
            (p.channel.id, p.origin, p.tier, p.posts, p.own, p.relied, p.works, p.estimate, p.hours)
            for p in choice.recommended
        ],
        "not_now": [(channel.id, reason, params) for channel, reason, params in choice.not_now],
        **{
            name: [channel.id for channel in getattr(choice, name)]
            for name in ("over_hours", "lowered", "dormant", "badly", "talking", "talking_named")
        },
        "figures": (
            choice.nothing_reaches,
            choice.lightest_needed,
            choice.candidates,
            choice.works_kept,
        ),
    }


@MANY
@given(ANSWERS, languages)
def test_what_is_kept_once_starts_as_a_choice_made_afresh_each_time(
    answers: dict[str, Any], lang: str
) -> None:
    kept = channels.keep(Context(answers, CATALOG, QS, lang))
    for new_at_most in (None, 1, None, 1):  # each start works on its own copies
        afresh = channels.choose(Context(answers, CATALOG, QS, lang), new_at_most=new_at_most)
        assert seen(channels.start_new(kept, new_at_most)) == seen(afresh)


@MANY
@given(ANSWERS)
def test_a_choice_that_starts_nothing_new_is_the_same_when_one_new_channel_at_most_may_start(
    answers: dict[str, Any],
) -> None:
    ctx = Context(answers, CATALOG, QS, "en")
    free = channels.choose(ctx)
    if not any(pick.origin in NEW for pick in free.recommended):
        assert seen(channels.choose(ctx, new_at_most=1)) == seen(free)


@MANY
@given(ANSWERS, st.sampled_from(["ready", "start_small"]))
def test_the_points_alone_give_the_verdict_and_scores_the_readiness_says(
    answers: dict[str, Any], best: Any
) -> None:
    ctx = Context(answers, CATALOG, QS, "en")
    fired = scoring.findings(ctx, channels.choose(ctx))
    points = scoring.scored(ctx, fired, best)
    written = scoring.readiness(ctx, fired, best)
    assert (points.verdict, points.score) == (written["verdict"], written["score"])
    assert points.dimensions == {name: d["score"] for name, d in written["dimensions"].items()}


@MANY
@given(
    ANSWERS,
    st.integers(min_value=0, max_value=120),
    st.sampled_from([None, *VERDICTS]),
)
def test_a_review_rescores_as_it_changes_the_readiness(
    answers: dict[str, Any], penalty: int, cap: Any
) -> None:
    ctx = Context(answers, CATALOG, QS, "nl")
    fired = scoring.findings(ctx, channels.choose(ctx))
    outcome = review.ReviewOutcome([], {}, set(), penalty, cap)
    points = review.rescored(scoring.scored(ctx, fired), outcome, CATALOG.thresholds)
    written = review.apply_to_readiness(scoring.readiness(ctx, fired), outcome, ctx)
    assert (points.verdict, points.score) == (written["verdict"], written["score"])
    assert points.dimensions == {name: d["score"] for name, d in written["dimensions"].items()}


@MANY
@given(ANSWERS, ANSWERS)
def test_each_plan_works_out_its_own_tables(first: dict[str, Any], second: dict[str, Any]) -> None:
    """Two plans read side by side: each channel's reach, highest tier and reply hours are what
    the plan read alone gives, the second time too (from the tables)."""
    together = [Context(first, CATALOG, QS, "en"), Context(second, CATALOG, QS, "en")]
    for _ in range(2):
        for ctx in together:
            alone = Context(ctx.answers, CATALOG, QS, "en")
            country = ctx.choice("organisation.country")
            segments = ctx.choices("audience.segments")
            for channel in CATALOG.channels.values():
                reach = reached(ctx, channel)
                assert reach == reach_in(channel, country, segments)
                assert reach == reached(alone, channel)
                assert highest_tier(ctx, channel) == highest_tier(alone, channel)
                assert reply_hours(ctx, channel) == reply_hours(alone, channel)


@given(
    st.sampled_from(["audience.segments", "goals.objectives"]).flatmap(
        lambda key: st.tuples(
            st.just(key), st.lists(st.sampled_from(QS.question(key).values), unique=True)
        )
    ),
    st.lists(st.sampled_from(list(CATALOG.channels.values())), unique_by=lambda c: c.id),
    st.sampled_from(sorted(CATALOG.facts)),
)
def test_what_is_said_for_every_plan_is_each_languages_whichever_plan_said_it_first(
    asked: tuple[str, list[str]], named: list[Any], fact: str
) -> None:
    """Labels in running text, channels named and sources cited, said once for every plan of a
    questionnaire and catalogue: in each language its own words, as when nothing is said yet."""
    key, values = asked
    # A questionnaire no plan has used for each language: nothing said yet
    fresh = {lang: Context({}, CATALOG, copy.copy(QS), lang) for lang in ("en", "nl")}
    for _ in range(2):
        for lang in ("en", "nl", "nl", "en"):
            ctx = Context({}, CATALOG, QS, lang)
            assert ctx.in_text(key, values) == fresh[lang].in_text(key, values)
            for form in grammar.FORMS:
                shown = [(channel.id, channel.name[lang]) for channel in named]
                assert ctx.channels(named, form) == grammar.channels(shown, lang, form)
            assert ctx.cite(fact) == CATALOG.facts[fact].cite(lang, ctx.assumption)
