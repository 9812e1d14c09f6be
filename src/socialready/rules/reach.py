"""Where the audience is: the segments each channel reaches in the organisation's country, on
evidence or assumption, the objectives it serves, whether an internal network or the replies
come first, and how channels rank for this plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from socialready.catalog import Channel
from socialready.rules.context import SLOW_REPLIES, Context

MANAGEMENT_FOR = ("committed", "supportive")  # willingness.management that backs the work


def reached(ctx: Context, channel: Channel) -> dict[str, str]:
    """The organisation's segments this channel reaches in its country, each with its fact
    (from the plan's table of the catalogue's channels; `reach_in` for any other)."""
    return ctx.once(reach_by_channel)[channel.id]


def reach_by_channel(ctx: Context) -> dict[str, dict[str, str]]:
    """`reached` for every catalogue channel, by id: worked out once a plan (`ctx.once`)."""
    country = ctx.choice("organisation.country")
    segments = ctx.choices("audience.segments")
    return {
        channel.id: reach_in(channel, country, segments)
        for channel in ctx.catalog.channels.values()
    }


def reach_in(channel: Channel, country: str, segments: Sequence[str]) -> dict[str, str]:
    """Of `segments`, those this channel reaches in `country`, each with its fact."""
    facts = channel.segment_facts(country)
    return {segment: facts[segment] for segment in segments if segment in facts}


def evidence(ctx: Context, channel: Channel) -> dict[str, str]:
    """Reached segments backed by a sourced figure, not an assumption (a catalogue channel)."""
    return ctx.once(evidence_by_channel)[channel.id]


def evidence_by_channel(ctx: Context) -> dict[str, dict[str, str]]:
    """`evidence` for every catalogue channel, by id: worked out once a plan (`ctx.once`)."""
    return {
        channel_id: _backed(ctx, reach) for channel_id, reach in ctx.once(reach_by_channel).items()
    }


def _backed(ctx: Context, reach: dict[str, str]) -> dict[str, str]:
    facts = ctx.catalog.facts
    return {segment: fact for segment, fact in reach.items() if not facts[fact].assumed}


def replies_first(ctx: Context) -> bool:
    """Replies that take days, or nobody watching: no new channel where people talk back."""
    return ctx.choice("capacity.response_time") in SLOW_REPLIES


def internal_first(ctx: Context) -> bool:
    """The source: when management wants it and staff are reluctant, an internal network first."""
    return (
        ctx.choice("willingness.staff") == "reluctant"
        and ctx.choice("willingness.management") in MANAGEMENT_FOR
        and ctx.choice("willingness.internal_network") != "none"
    )


def serves_nothing(ctx: Context, channel: Channel) -> bool:
    """A WhatsApp channel is one-way broadcast: without an objective it serves, it has no job
    (customer service is WhatsApp Business)."""
    return channel.id == "whatsapp_channel" and not serves(ctx, channel)


def reaches(ctx: Context, channel: Channel, reach: dict[str, str]) -> bool:
    if channel.id == "internal_network" and (
        "internal_collaboration" in ctx.choices("goals.objectives") or internal_first(ctx)
    ):
        return True
    return bool(reach)


def ranking(ctx: Context) -> Callable[[Channel], tuple[int, ...]]:
    """How channels rank, for this plan: evidence before assumption; for who only broadcasts,
    one-way channels before all else; otherwise dialogue before broadcasting (the source); then
    broader reach (catalogue order, which a stable sort keeps among equals)."""
    broadcast_only = ctx.choice("willingness.dialogue") == "broadcast_only"
    backed, reach, objectives = (
        ctx.once(evidence_by_channel),
        ctx.once(reach_by_channel),
        ctx.once(_objectives),
    )

    def rank(channel: Channel) -> tuple[int, ...]:
        return (
            int(broadcast_only and channel.conversational),
            -len(backed[channel.id]),
            -len(reach[channel.id]),
            int(not broadcast_only and not channel.conversational),
            -len(objectives.intersection(channel.objectives)),
        )

    return rank


def serves(ctx: Context, channel: Channel) -> frozenset[str]:
    """The organisation's objectives this channel serves."""
    return ctx.once(_objectives) & set(channel.objectives)


def _objectives(ctx: Context) -> frozenset[str]:
    return frozenset(ctx.choices("goals.objectives"))
