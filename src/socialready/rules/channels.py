"""Which channels to recommend: only where the audience is, and only as many as the hours allow."""

from __future__ import annotations

from typing import Any

from socialready.answers import number
from socialready.catalog import Channel
from socialready.rules.context import Context

MANAGEMENT_FOR = ("committed", "supportive")
NEXT_IN_LINE = 2  # channels nobody mentioned, listed under not_now as the next to consider


class ChannelChoice:
    """The outcome of the channel rules, before it becomes text."""

    def __init__(self) -> None:
        self.recommended: list[tuple[Channel, float]] = []
        self.not_now: list[tuple[Channel, str, dict[str, Any]]] = []
        self.over_hours: list[Channel] = []
        self.lightest_needed = 0.0
        self.candidates = 0

    @property
    def hours_needed(self) -> float:
        return round(sum(hours for _, hours in self.recommended), 2)

    @property
    def conversational(self) -> list[Channel]:
        return [channel for channel, _ in self.recommended if channel.conversational]


def posts_per_week(ctx: Context, channel: Channel) -> float:
    """A blog follows what you can publish: every two weeks, or monthly at the least."""
    if channel.id == "blog" and ctx["capacity.publish_frequency"] == "monthly":
        return 0.25
    return channel.posts_per_week


def workload(ctx: Context, channel: Channel) -> float:
    hours = posts_per_week(ctx, channel) * channel.hours_per_post
    if channel.conversational:
        hours += ctx.catalog.reply_hours
    return round(hours, 2)


def _reaches(ctx: Context, channel: Channel) -> bool:
    if channel.id == "internal_network":
        return (
            "employees" in ctx["audience.segments"]
            or "internal_collaboration" in ctx["goals.objectives"]
            or (
                ctx["willingness.staff"] == "reluctant"
                and ctx["willingness.management"] in MANAGEMENT_FOR
                and ctx["willingness.internal_network"] != "none"
            )
        )
    return bool(set(channel.segments) & set(ctx["audience.segments"]))


def _rank(ctx: Context, channel: Channel, order: int) -> tuple[int, int]:
    overlap = len(set(channel.segments) & set(ctx["audience.segments"]))
    serves = len(set(channel.objectives) & set(ctx["goals.objectives"]))
    score = 3 * overlap + 2 * serves
    score += 3 * (channel.id in ctx["channels.current"])  # keeping an account beats a new one
    score += 4 * (channel.id in ctx["channels.considering"])  # what the user asks about
    if channel.id == "internal_network" and ctx["willingness.staff"] == "reluctant":
        score += 10  # the source: let reluctant staff get used to it internally first
    if ctx["willingness.dialogue"] == "broadcast_only" and channel.conversational:
        score -= 4
    return (-score, order)


def choose(ctx: Context) -> ChannelChoice:
    """Rank the channels that reach the audience, then fill the hours available in that order."""
    choice = ChannelChoice()
    mentioned = set(ctx["channels.current"]) | set(ctx["channels.considering"])
    ranked: list[tuple[tuple[int, int], Channel]] = []
    for order, channel in enumerate(ctx.catalog.channels.values()):
        if not _reaches(ctx, channel):
            if channel.id in mentioned:
                segments = ctx.labels("audience.segments", ctx["audience.segments"])
                choice.not_now.append((channel, "audience-elsewhere", {"segments": segments}))
            continue
        if channel.id == "blog" and ctx["capacity.publish_frequency"] == "less_than_monthly":
            choice.not_now.append((channel, "blog-too-rare", {}))
            continue
        ranked.append((_rank(ctx, channel, order), channel))
    ranked.sort(key=lambda item: item[0])
    choice.candidates = len(ranked)
    if ranked:
        choice.lightest_needed = min(workload(ctx, channel) for _, channel in ranked)
    if ctx["willingness.management"] == "against":
        choice.not_now.extend((channel, "management-first", {}) for _, channel in ranked)
        return choice
    left = float(ctx["capacity.hours_per_week"])
    most = max_channels(ctx)
    next_in_line = NEXT_IN_LINE
    for _, channel in ranked:
        hours = workload(ctx, channel)
        if len(choice.recommended) < most and hours <= left + 1e-9:
            choice.recommended.append((channel, hours))
            left = round(left - hours, 2)
            continue
        if channel.id not in mentioned:
            if not next_in_line:
                continue  # a channel nobody asked about, and not the next in line: leave it out
            next_in_line -= 1
        if len(choice.recommended) >= most:
            choice.not_now.append((channel, "focus", {"most": most}))
        else:
            choice.over_hours.append(channel)
            choice.not_now.append(
                (channel, "over-hours", {"needed": number(hours), "left": number(left)})
            )
    return choice


def max_channels(ctx: Context) -> int:
    """Focus: one channel more than there are people to keep them up, four at the most."""
    people: int = ctx["capacity.people"]
    return min(4, max(1, people + 1))


def _best_fact(ctx: Context, channel: Channel) -> str:
    fact = ctx.catalog.facts[channel.reach_facts[0]]
    return fact.text[ctx.lang]


def describe(ctx: Context, choice: ChannelChoice) -> dict[str, Any]:
    """The `channels` section of the plan."""
    recommended = []
    for channel, hours in choice.recommended:
        reach = [s for s in ctx["audience.segments"] if s in channel.segments] or ["employees"]
        serves = [o for o in ctx["goals.objectives"] if o in channel.objectives]
        assumed = ctx.catalog.facts[channel.reach_facts[0]].assumed
        why = ctx.text(
            "channel_why_assumed" if assumed else "channel_why",
            segments=ctx.labels("audience.segments", reach),
            fact=_best_fact(ctx, channel),
            source=ctx.cite(channel.reach_facts[0]),
        )
        if serves:
            why += " " + ctx.text(
                "channel_serves", objectives=ctx.labels("goals.objectives", serves)
            )
        recommended.append(
            {
                "channel": channel.id,
                "cadence": cadence(ctx, channel),
                "hours_per_week": number(hours),
                "why": why,
            }
        )
    not_now = [
        {"channel": channel.id, "why": ctx.text(f"not_now/{reason}", **params)}
        for channel, reason, params in sorted(
            choice.not_now, key=lambda item: list(ctx.catalog.channels).index(item[0].id)
        )
    ]
    return {
        "workload": {
            "hours_needed": number(choice.hours_needed),
            "hours_available": ctx["capacity.hours_per_week"],
        },
        "recommended": recommended,
        "not_now": not_now,
    }


def cadence(ctx: Context, channel: Channel) -> str:
    """'2 feed posts a week (Mosseri, 2021)'; '(assumption)' where no source was found."""
    if channel.id == "blog" and ctx["capacity.publish_frequency"] == "monthly":
        text = ctx.text("blog_monthly_cadence")
        return ctx.text("cadence_source", cadence=text, source=ctx.cite(channel.cadence_fact))
    return ctx.text(
        "cadence_source", cadence=channel.cadence[ctx.lang], source=ctx.cite(channel.cadence_fact)
    )
