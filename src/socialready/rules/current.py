"""The channels the organisation runs now, as its answers tell: how often, how well they work.

Read by the choice of channels, the hours they take and their hand-out: which rhythm is relied
on, which account is dormant.
"""

from __future__ import annotations

from typing import NamedTuple

from socialready.catalog import Channel
from socialready.model import ChannelUse
from socialready.rules.context import Context

WORKS = ("well", "so_so")  # a current channel that works: kept at its own rhythm


class Current(NamedTuple):
    """A channel the organisation runs now: how often it posts (None: unknown) and how it works."""

    posts: float | None
    works: str


def current_channels(ctx: Context) -> dict[str, Current]:
    """`channels.current` as channel -> Current (answers format 2's list of names is read by
    answers.validate as channels whose use is unknown)."""
    return ctx.once(_current_channels)


def _current_channels(ctx: Context) -> dict[str, Current]:
    return {channel_id: _current(use) for channel_id, use in ctx.in_use().items()}


def _current(use: ChannelUse) -> Current:
    posts = use.get("posts_per_week")
    return Current(None if posts is None else float(posts), use.get("works") or "unknown")


def relied_on(ctx: Context, entry: Current) -> bool:
    """A working rhythm people rely on: the organisation informs them there (news, services,
    notices, a service streamed each week). It is kept whatever the hours say."""
    return entry.works in WORKS and "inform" in ctx.choices("goals.objectives")


def is_dormant(channel: Channel, entry: Current) -> bool:
    return entry.works == "dormant" or (
        entry.posts == 0 and channel.tier("minimum").posts_per_week > 0
    )
