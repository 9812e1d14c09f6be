"""What a channel costs: hours a week at a rhythm or a cadence tier, replies included, and the
highest tier the answers allow a channel."""

from __future__ import annotations

import math

from socialready.catalog import TIERS, Channel
from socialready.model import TierName
from socialready.rules.context import Context
from socialready.rules.current import current_channels

EPSILON = 1e-9  # slack for comparing hours and posts worked out in floats


def reply_hours(ctx: Context, channel: Channel) -> float:
    """Reading and answering reactions grows with the service load: customer service (on the
    channels that serve it) and the size of the organisation."""
    other, serving = ctx.once(_reply_loads)
    return serving if "customer_service" in channel.objectives else other


def _reply_loads(ctx: Context) -> tuple[float, float]:
    """Reply hours a week on a channel that does not serve customer service, and on one that
    does (more only where customer service is an objective)."""
    load = ctx.catalog.reply
    factor = load.size_factor[ctx.choice("organisation.size")]
    service = load.customer_service if "customer_service" in ctx.choices("goals.objectives") else 0
    return round(load.base * factor, 2), round((load.base + service) * factor, 2)


def cost(ctx: Context, channel: Channel, posts: float) -> float:
    """Hours a week for a channel at `posts` a week: its posts, plus replies where people talk."""
    total = posts * channel.hours_per_post
    if channel.conversational:
        total += reply_hours(ctx, channel)
    return round(total, 2)


def hours(ctx: Context, channel: Channel, tier: str) -> float:
    """Hours a week for a channel at a cadence tier."""
    return cost(ctx, channel, channel.tier(tier).posts_per_week)


def highest_tier(ctx: Context, channel: Channel) -> str:
    """The cadence the answers allow a new channel. A channel of substantial pieces (blog,
    newsletter, video) follows what the organisation can publish; weekly is its ambitious tier,
    and only when more than one person shares the work. Any other channel goes no higher than its
    standard tier, and only for who can publish every week (or already runs it); never higher
    for spare hours. A channel that works badly stays at its lightest."""
    return ctx.once(_highest_tiers)[channel.id]


def _highest_tiers(ctx: Context) -> dict[str, str]:
    return {channel.id: _highest(ctx, channel) for channel in ctx.catalog.channels.values()}


def _highest(ctx: Context, channel: Channel) -> str:
    frequency = ctx.choice("capacity.publish_frequency")
    entry = current_channels(ctx).get(channel.id)
    if entry is not None and entry.works == "badly":
        return "minimum"
    if entry is not None and not channel.content:  # one you run: its standard is no stretch
        return "standard"
    if channel.content:
        if frequency == "weekly":
            return "ambitious" if ctx.whole("capacity.people") > 1 else "standard"
        return "standard" if frequency == "biweekly" else "minimum"
    return "standard" if frequency == "weekly" else "minimum"


def tier_of(channel: Channel, posts: float) -> TierName:
    """The highest tier a rhythm reaches (minimum below it)."""
    reached_tiers = [t.name for t in channel.tiers if t.posts_per_week <= posts + EPSILON]
    return reached_tiers[-1] if reached_tiers else TIERS[0]


def floor_hours(value: float) -> float:
    """Hours rounded down to the hundredth: shares of the hours never add up to more than all."""
    return math.floor(value * 100 + EPSILON) / 100
