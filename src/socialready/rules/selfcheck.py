"""One plan, no contradictions: the generated plan checked against itself and its answers.

Run before a plan is written. A failed check is a bug in the rules, never the user's doing: it
raises Contradiction (an internal error), so the user never sees a half-plan and the tests, which
run these checks over thousands of generated answers, find it.
"""

from __future__ import annotations

from socialready.catalog import TIERS
from socialready.model import Generated
from socialready.rules.choice import ChannelChoice
from socialready.rules.context import Context
from socialready.rules.hours import EPSILON, highest_tier
from socialready.rules.reach import reach_in, serves_nothing
from socialready.rules.steps import sensitive

# Action ids that have the organisation answer or invite reactions in public.
PUBLIC_ANSWERING = frozenset(
    {"share.ask", "share.ask-now-and-then", "monitor.respond", "co_create.share-again"}
)
# Action ids that ask staff to post or tell their story.
STAFF_STORIES = frozenset(
    {"co_create.ambassadors", "co_create.ambassadors-children", "idea:recruitment"}
)
ENGAGEMENT = frozenset({"share.ask", "share.ask-now-and-then", "idea:community"})


class Contradiction(RuntimeError):
    """The plan contradicts itself or its answers: a bug in the rules."""


def check(problems: list[str], name: str) -> None:
    """Raise Contradiction listing every invariant the plan for `name` breaks (`problems_in`)."""
    if problems:
        raise Contradiction(f"plan for {name!r} contradicts itself: " + "; ".join(problems))


def problems_in(
    ctx: Context,
    choice: ChannelChoice,
    fired: list[tuple[str, dict[str, object]]],
    plan: Generated,
    used: list[str],
    summary: str,
) -> list[str]:
    problems: list[str] = []
    picks = choice.recommended
    ids = [pick.channel.id for pick in picks]
    waiting = [channel.id for channel, _, _ in choice.not_now]
    rules = {rule: params for rule, params in fired}

    # No channel both kept and paused, closed or waiting.
    if len(ids) != len(set(ids)):
        problems.append(f"a channel is recommended twice: {ids}")
    both = set(ids) & (set(waiting) | {channel.id for channel in choice.dormant})
    if both:
        problems.append(f"kept and not now at once: {sorted(both)}")

    # Hours: never more than available; a channel never above its own rhythm or the answers' tier.
    available = float(ctx.number("capacity.hours_per_week"))
    total = sum(pick.hours for pick in picks)
    if total > available + EPSILON:
        problems.append(f"{total} hours planned, {available} available")
    for pick in picks:
        if pick.hours > pick.estimate + EPSILON:
            problems.append(f"{pick.channel.id} gets more hours than its cadence takes")
        if pick.own is not None and pick.posts > pick.own + EPSILON:
            problems.append(f"{pick.channel.id} raised above its own rhythm")
        if pick.own is None and TIERS.index(pick.tier) > TIERS.index(
            highest_tier(ctx, pick.channel)
        ):
            problems.append(f"{pick.channel.id} at {pick.tier}, above what the answers allow")
        if serves_nothing(ctx, pick.channel):
            problems.append(f"{pick.channel.id} serves none of the objectives")

    # Every list a sentence points to exists and is not empty.
    reasons = {reason for _, reason, _ in choice.not_now}
    if "over-hours" in reasons and not picks:
        problems.append("'after the channels in the plan' with no channel in the plan")
    if "capacity.channels-over-hours" in rules and not (choice.over_hours and picks):
        problems.append("channels-over-hours without channels")
    for rule in ("capacity.cadence-lowered", "capacity.works-badly"):
        if rule in rules and not rules[rule].get("channels"):
            problems.append(f"{rule} names no channel")
    if {c.id for c in choice.lowered} - set(ids):
        problems.append("a lowered channel is not in the plan")

    # The crisis plan names only channels in the plan.
    if "dialogue.crisis-plan" in rules:
        named = _channels_named(ctx, str(rules["dialogue.crisis-plan"]["channels"]))
        if not named <= set(ids):
            problems.append(f"crisis plan names {sorted(named)}, the plan has {ids}")

    # The verdict's summary matches the number of new channels.
    verdict = plan["readiness"]["verdict"]
    new = choice.started_new()
    if verdict == "start_small" and new > 1:
        problems.append(f"start_small, yet {new} new channels")
    if summary.endswith("_keep") != (verdict in ("start_small", "ready") and not choice.begins()):
        problems.append(f"summary {summary!r} does not match what the plan begins")
    live = {
        "be_active.channel",
        "be_active.keep",
        "be_active.revive",
        "be_active.internal-first",
        "be_active.internal-revive",
    }
    if verdict == "not_yet" and live & set(used):
        problems.append("not_yet, yet a live channel is started or kept in step 4")

    if "share.ask" in used and sum(pick.posts for pick in picks) < 1:
        problems.append("a question in one post a week, with fewer posts than one a week")

    empty = [step["id"] for step in plan["steps"] if not step["actions"]]
    if empty:
        problems.append(f"steps without actions: {empty}")

    # What the answers rule out.
    if ctx.choice("willingness.dialogue") == "broadcast_only" and PUBLIC_ANSWERING & set(used):
        problems.append(f"broadcast only, yet {sorted(PUBLIC_ANSWERING & set(used))}")
    if ctx.choice("willingness.staff") == "reluctant" and STAFF_STORIES & set(used):
        problems.append(f"reluctant staff, yet {sorted(STAFF_STORIES & set(used))}")
    if sensitive(ctx) and ENGAGEMENT & set(used):
        problems.append(f"engagement prompts on a sensitive page: {sorted(ENGAGEMENT & set(used))}")

    # Every figure is about the country and the segment it is cited for: worked out anew from
    # the channel as picked, not read from what the rules worked out before.
    country = ctx.choice("organisation.country")
    segments = ctx.choices("audience.segments")
    for pick in picks:
        for segment, fact_id in reach_in(pick.channel, country, segments).items():
            fact = ctx.catalog.facts[fact_id]
            if fact.assumed:  # an assumption is no figure: nothing is cited
                continue
            if fact.country not in (None, country):
                problems.append(f"{fact_id} ({fact.country}) cited for {country}")
            if segment not in fact.segments:
                problems.append(f"{fact_id} cited for {segment}, which it is not about")
        caveat = pick.channel.caveat.get(country)
        if caveat and ctx.catalog.facts[caveat].country not in (None, country):
            problems.append(f"{caveat} cited for {country}")
    return problems


def _channels_named(ctx: Context, text: str) -> set[str]:
    """The catalogue channels a sentence names."""
    return {
        channel.id
        for channel in ctx.catalog.channels.values()
        if _names(text, channel.name[ctx.lang])
    }


def _names(text: str, name: str) -> bool:
    """Whether `name` stands in `text` as a whole word: no word character (as `re` has it:
    a letter, a digit or `_`) just before or after it."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            return True
        at = text.find(name, at + 1)
    return False
