"""The rules: pure functions from answers (and the shipped data) to the generated plan.

No I/O, no prompts: the same answers, data and language always give the same result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from socialready.catalog import Catalog
from socialready.model import Answers, Generated, Readiness, Recommended, ReviewDoc, Verdict
from socialready.questionnaire import Questionnaire
from socialready.rules import channel_text, channels, review, scoring, selfcheck, steps
from socialready.rules.choice import ChannelChoice
from socialready.rules.context import VERDICTS, Context
from socialready.rules.scoring import DIMENSIONS
from socialready.rules.steps import STEP_IDS

__all__ = ["DIMENSIONS", "STEP_IDS", "VERDICTS", "Generated", "generate"]


def generate(
    answers: Answers,
    catalog: Catalog,
    questionnaire: Questionnaire,
    lang: str,
    *,
    reviews: Sequence[ReviewDoc] = (),
    started: dt.date | None = None,
    scheduled: Sequence[tuple[dt.date, bool]] = (),
) -> Generated:
    """Score the answers and write the plan's generated sections in `lang`.

    `reviews` (oldest first) are the figures recorded since `started`; the latest one is judged
    against the plan as it stood before it. `scheduled` are the review dates, done or not.
    """
    ctx = Context(answers, catalog, questionnaire, lang)
    judged = list(_each_review(ctx, reviews, started))
    outcome = judged[-1][1] if judged else None
    choice, fired, best = _chosen(ctx, outcome)
    readiness = _judged(scoring.readiness(ctx, fired, best), outcome, ctx)
    rule_ids = {rule for rule, _ in fired}
    summary = scoring.summary_key(
        readiness["verdict"],
        begins=choice.begins(),
        internal_and_new=choice.starts_internal() and choice.started_new() > 0,
        keeps=choice.keeps(),
    )
    readiness["summary"] = ctx.text(f"verdicts.{summary}")
    used: list[str] = []
    generated_steps = steps.steps(ctx, choice, rule_ids, readiness["verdict"], used)
    dates = review.schedule_action(list(scheduled), lang)
    if dates:
        generated_steps[-1]["actions"].append(dates)
    generated: Generated = {
        "readiness": readiness,
        "channels": channel_text.describe(ctx, choice),
        "steps": generated_steps,
        "owners": steps.default_owners(ctx),
    }
    problems = selfcheck.problems_in(ctx, choice, fired, generated, used, summary)
    selfcheck.check(problems, ctx.choice("organisation.name"))
    return generated


def recommended_before_each(
    answers: Answers,
    catalog: Catalog,
    questionnaire: Questionnaire,
    lang: str,
    reviews: Sequence[ReviewDoc],
    started: dt.date | None,
) -> list[list[Recommended]]:
    """The channels the plan recommended for the period of each review (oldest first): the
    plan as it stood before that review, against which the review itself was judged."""
    ctx = Context(answers, catalog, questionnaire, lang)
    return [recommended for recommended, _ in _each_review(ctx, reviews, started)]


def _each_review(
    ctx: Context, reviews: Sequence[ReviewDoc], started: dt.date | None
) -> Iterator[tuple[list[Recommended], review.ReviewOutcome | None]]:
    """For each review, oldest first: the channels recommended before it, and its outcome."""
    outcome = None
    ordered = sorted(reviews, key=lambda entry: entry["date"])
    for count in range(1, len(ordered) + 1):  # each review judged against the plan before it
        choice = _chosen(ctx, outcome)[0]
        recommended = channel_text.describe(ctx, choice)["recommended"]
        outcome = review.latest(ordered[:count], started, recommended, ctx.answers)
        yield recommended, outcome


def _chosen(
    ctx: Context, outcome: review.ReviewOutcome | None
) -> tuple[ChannelChoice, scoring.Fired, Verdict]:
    """The channels chosen and the findings fired after the review `outcome`, and the best
    verdict the plan may have: start_small where the verdict says to begin with one channel."""
    kept = channels.keep(ctx, review=outcome)  # the same whatever may start anew
    choice = channels.start_new(kept)
    fired = scoring.findings(ctx, choice)
    if _verdict(ctx, fired, outcome) != "start_small":
        return choice, fired, "ready"
    if choice.started_new():
        # A choice that starts nothing new is one channel at most already: chosen the same.
        choice = channels.start_new(kept, new_at_most=1)
        fired = scoring.findings(ctx, choice)
    return choice, fired, "start_small"


def _verdict(ctx: Context, fired: scoring.Fired, outcome: review.ReviewOutcome | None) -> Verdict:
    """The verdict the findings and the review give, without writing their sentences."""
    points = scoring.scored(ctx, fired)
    if outcome is not None:
        points = review.rescored(points, outcome, ctx.catalog.thresholds)
    return points.verdict


def _judged(readiness: Readiness, outcome: review.ReviewOutcome | None, ctx: Context) -> Readiness:
    """The readiness with the latest review's findings, score and verdict cap, if there is one."""
    if outcome is None:
        return readiness
    return review.apply_to_readiness(readiness, outcome, ctx)
