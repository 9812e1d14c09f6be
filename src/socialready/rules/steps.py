"""The 8 steps of the source text, each with actions tailored to the answers."""

from __future__ import annotations

from typing import Any

from socialready.answers import number
from socialready.rules.channels import ChannelChoice, cadence
from socialready.rules.context import Context

STEP_IDS = (
    "audience",
    "media",
    "organise",
    "be_active",
    "share",
    "monitor",
    "co_create",
    "persevere",
)


def steps(ctx: Context, choice: ChannelChoice, rule_ids: set[str]) -> list[dict[str, Any]]:
    """Generated fields of the 8 steps, in the source's order."""
    builders = {
        "audience": _audience,
        "media": _media,
        "organise": _organise,
        "be_active": _be_active,
        "share": _share,
        "monitor": _monitor,
        "co_create": _co_create,
        "persevere": _persevere,
    }
    return [
        {
            "id": step_id,
            "title": ctx.text(f"steps/{step_id}/title"),
            "why": ctx.text(f"steps/{step_id}/why"),
            "actions": builders[step_id](ctx, choice, rule_ids),
        }
        for step_id in STEP_IDS
    ]


def default_owner(ctx: Context, step_id: str) -> str:
    """A first owner from the answers; the user's to change, and kept once changed."""
    if step_id == "organise" or ctx["capacity.people"] == 0:
        key = "management" if step_id == "organise" else "unassigned"
    else:
        key = "team" if ctx["capacity.people"] > 1 else "lead"
    return ctx.text(f"owners/{key}")


def _a(ctx: Context, name: str, **params: Any) -> str:
    return ctx.text(f"actions/{name}", **params)


def _segments(ctx: Context) -> str:
    return ctx.labels("audience.segments", ctx["audience.segments"])


def _audience(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    actions = []
    if "goals.audience-unknown" in rules:
        actions.append(_a(ctx, "audience.research"))
    actions.append(_a(ctx, "audience.segments", segments=_segments(ctx)))
    if ctx["audience.interests"]:
        actions.append(_a(ctx, "audience.interests", interests=ctx["audience.interests"]))
    else:
        actions.append(_a(ctx, "audience.ask-interests"))
    objectives = ctx.labels("goals.objectives", ctx["goals.objectives"])
    actions.append(_a(ctx, "audience.objectives", objectives=objectives))
    return actions


def _media(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    names = ctx.channel_names([channel for channel, _ in choice.recommended])
    whereabouts = ctx["audience.whereabouts"]
    actions = []
    if whereabouts == "unknown":
        actions.append(_a(ctx, "media.research", segments=_segments(ctx)))
    if not choice.recommended:
        actions.append(_a(ctx, "media.none"))
    elif whereabouts == "researched":
        actions.append(_a(ctx, "media.confirmed", channels=names))
    else:
        actions.append(_a(ctx, "media.verify", segments=_segments(ctx), channels=names))
    return actions


def _organise(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    actions = []
    if "willingness.management-against" in rules:
        actions.append(_a(ctx, "organise.management"))
    people = ctx["capacity.people"]
    if people:
        who = ctx.text("person") if people == 1 else ctx.text("people", n=people)
        actions.append(_a(ctx, "organise.who", people=who, hours=ctx["capacity.hours_per_week"]))
    else:
        actions.append(_a(ctx, "organise.nobody"))
    if choice.recommended:
        cadences = "; ".join(
            f"{channel.name[ctx.lang]}: {cadence(ctx, channel)}"
            for channel, _ in choice.recommended
        )
        actions.append(_a(ctx, "organise.content", cadences=cadences))
    budget = ctx.text(f"budget/{ctx['capacity.budget']}")
    actions.append(_a(ctx, "organise.budget", budget=budget))
    if ctx["goals.measurable"] != "kpis":
        for objective in ctx["goals.objectives"]:
            actions.append(
                _a(
                    ctx,
                    "organise.goal",
                    objective=ctx.labels("goals.objectives", [objective]),
                    metric=ctx.text(f"metrics/{objective}"),
                )
            )
    actions.append(_a(ctx, "organise.measure"))
    if ctx["willingness.guidelines"] != "yes":
        actions.append(_a(ctx, "organise.guidelines"))
    if "dialogue.crisis-plan" in rules:
        actions.append(_a(ctx, "organise.crisis"))
    actions.append(_a(ctx, "organise.long-term"))
    return actions


def _be_active(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    actions = []
    if not choice.recommended:
        actions.append(_a(ctx, "be_active.nothing"))
    recommended = [channel.id for channel, _ in choice.recommended]
    if "internal_network" in recommended and ctx["willingness.staff"] == "reluctant":
        actions.append(_a(ctx, "be_active.internal-first"))
    elif "willingness.staff-reluctant" in rules or "willingness.management-sceptical" in rules:
        actions.append(_a(ctx, "be_active.pilot"))
    for channel, hours in choice.recommended:
        actions.append(
            _a(
                ctx,
                "be_active.channel",
                channel=channel.name[ctx.lang],
                cadence=cadence(ctx, channel),
                hours=number(hours),
            )
        )
    if "capacity.blog-monthly" in rules:
        actions.append(_a(ctx, "be_active.blog-monthly"))
    for channel in ctx.catalog.channels.values():
        if channel.id in ctx["channels.current"] and channel.id not in recommended:
            actions.append(_a(ctx, "be_active.dormant", channel=channel.name[ctx.lang]))
    return actions


def _share(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    actions = [_a(ctx, "share.knowledge")]
    if ctx["willingness.dialogue"] == "broadcast_only":
        actions.append(_a(ctx, "share.broadcast"))
    actions.append(_a(ctx, "share.ask"))
    return actions


def _monitor(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    target = ctx.text(f"response_targets/{ctx['capacity.response_time']}")
    actions = [_a(ctx, "monitor.respond", target=target)]
    if ctx["persistence.monitoring"] == "manual":
        actions.append(_a(ctx, "monitor.manual"))
    else:
        actions.append(_a(ctx, "monitor.tool"))
    actions.append(_a(ctx, "monitor.followers"))
    return actions


def _co_create(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    actions = [_a(ctx, "co_create.share-again")]
    ideas = ctx.catalog.texts["co_create_ideas"]
    for objective in ctx["goals.objectives"]:
        if objective in ideas:
            actions.append(
                _a(ctx, "co_create.objective", idea=ctx.text(f"co_create_ideas/{objective}"))
            )
    if ctx["willingness.staff"] in ("eager", "mixed") and ctx["organisation.size"] != "micro":
        actions.append(_a(ctx, "co_create.ambassadors"))
    return actions


def _persevere(ctx: Context, choice: ChannelChoice, rules: set[str]) -> list[str]:
    if (
        ctx["persistence.horizon"] == "under_3_months"
        or ctx["persistence.horizon"] == "3_to_12_months"
    ):
        review = "persevere.reviews"
    else:
        review = "persevere.review-yearly"
    return [_a(ctx, review), _a(ctx, "persevere.give")]
