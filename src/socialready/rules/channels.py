"""Which channels, at which cadence: keep what works at the rhythm that works, then add.

The order a strategist would take. Channels the organisation runs and that work come first, at
its own rhythm: a rhythm people rely on (the organisation informs them there) is never cut, any
other is cut only to what the hours carry, and the plan says both figures. Then the other current
channels, the ones it considers, dormant accounts worth reviving, and last, only on evidence for
these segments in this country, channels nobody mentioned. A new channel waits while a working one
runs below its rhythm. New channels get a cadence tier that follows the answers (what the
organisation can publish, how many people share the work), never one raised because hours are left.

Where the audience is (`reach`), what a channel costs (`hours`) and the hand-out of the hours
(`allocation`) are modules of their own; this one takes the steps in order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from socialready.catalog import Channel
from socialready.rules.allocation import Allocation
from socialready.rules.choice import ChannelChoice
from socialready.rules.context import Context
from socialready.rules.current import WORKS, Current, current_channels, is_dormant
from socialready.rules.hours import hours
from socialready.rules.reach import (
    evidence,
    evidence_by_channel,
    internal_first,
    ranking,
    reach_by_channel,
    reaches,
    replies_first,
    serves,
    serves_nothing,
)

if TYPE_CHECKING:
    from socialready.rules.review import ReviewOutcome


NEXT_IN_LINE = 2  # evidence-backed channels nobody mentioned, listed under not_now when they miss


class Groups(NamedTuple):
    """The channels that reach the audience, by where they come from, each in rank order."""

    working: list[Channel]  # current, working or with a known rhythm (not dormant)
    internal: list[Channel]  # the internal network, first when staff are reluctant
    current: list[Channel]  # current, rhythm or result unknown, or working badly
    considering: list[Channel]
    dormant: list[Channel]  # current but dormant: revived only on reach and hours
    suggested: list[Channel]  # nobody mentioned them; evidence only
    elsewhere: list[Channel]  # mentioned, but the audience is not known to be there
    pointless: list[Channel]  # mentioned, but it serves none of the objectives


def _groups(ctx: Context) -> Groups:
    current = current_channels(ctx)
    considering = list(ctx.choices("channels.considering"))
    # An internal network in use is one you run.
    network = ctx.choice("willingness.internal_network")
    in_use = False
    if "internal_network" not in [*current, *considering] and network != "none":
        if network == "in_use":
            in_use = True
        else:
            considering.append("internal_network")
    named = set(current) | set(ctx.choices("channels.considering"))
    found: dict[str, list[Channel]] = {name: [] for name in Groups._fields}
    reach_of, backed_of = ctx.once(reach_by_channel), ctx.once(evidence_by_channel)
    for channel in ctx.catalog.channels.values():  # in catalogue order
        reach, backed = reach_of[channel.id], backed_of[channel.id]
        entry = current.get(channel.id)
        if channel.id in named and serves_nothing(ctx, channel):
            found["pointless"].append(channel)
            continue
        if not reaches(ctx, channel, reach):
            if channel.id in named:
                found["elsewhere"].append(channel)
            continue
        if (
            entry is not None
            and (entry.posts is not None or entry.works in WORKS)
            and not is_dormant(channel, entry)
        ):
            group = "working"  # it works, or its rhythm is known: kept at that rhythm
        elif (
            channel.id == "internal_network"
            and internal_first(ctx)
            and not in_use
            and (entry is None or is_dormant(channel, entry))
        ):
            group = "internal"  # begun (or revived) first; one in use is kept as any other
        elif entry is not None and is_dormant(channel, entry):
            group = "dormant"
        elif entry is not None or (channel.id == "internal_network" and in_use):
            group = "current"
        elif channel.id in considering:
            group = "considering"
        elif _may_suggest(ctx, channel, backed):
            group = "suggested"
        else:
            continue
        found[group].append(channel)
    rank = ranking(ctx)
    return Groups(*(sorted(found[name], key=rank) for name in Groups._fields))


def _may_suggest(ctx: Context, channel: Channel, backed: dict[str, str]) -> bool:
    """Only on evidence, only for what the organisation wants, never a blog nobody asked for."""
    if channel.follows_publishing or channel.id in ("internal_network", "whatsapp_channel"):
        return False
    if ctx.choice("willingness.dialogue") == "broadcast_only" and channel.conversational:
        return False
    return bool(backed) and bool(serves(ctx, channel))


def choose(
    ctx: Context, new_at_most: int | None = None, review: ReviewOutcome | None = None
) -> ChannelChoice:
    """Keep, then add: every step only as far as hours and people allow.

    `new_at_most` limits the channels started anew (a start_small plan begins with one); the
    ones it holds back say so. After a `review`, its figures pause channels and cap their tiers.
    """
    return start_new(keep(ctx, review), new_at_most)


class Kept:
    """What `choose` settles before any channel starts anew: the channels the organisation runs,
    kept and raised, what is not for now and what waits. It is the same however many new
    channels may start, so a plan that is to start small settles it once."""

    __slots__ = ("allocation", "choice", "current", "groups", "mentioned", "suggested")

    def __init__(
        self,
        choice: ChannelChoice,
        groups: Groups,
        current: dict[str, Current],
        mentioned: list[Channel],
        suggested: list[Channel],
        allocation: Allocation | None,  # None: nothing more may start (management, people)
    ) -> None:
        self.choice, self.groups, self.current = choice, groups, current
        self.mentioned, self.suggested, self.allocation = mentioned, suggested, allocation


def keep(ctx: Context, review: ReviewOutcome | None = None) -> Kept:
    """The channels that reach the audience by where they come from, then the ones the
    organisation runs kept at their own rhythm as far as hours allow: `choose` up to the first
    channel it would start anew. After a `review`, its figures pause channels and cap tiers."""
    choice = ChannelChoice()
    groups = Groups(*(list(group) for group in ctx.once(_groups)))  # its own lists: cut below
    current = current_channels(ctx)
    caps = review.tier_cap if review else {}
    paused = set(review.paused) if review else set()
    for group in groups[:6]:
        for channel in [c for c in group if c.id in paused]:
            choice.not_now.append((channel, "review-paused", {}))
            group.remove(channel)
    segments = ctx.in_text("audience.segments", ctx.choices("audience.segments"))
    for channel in groups.elsewhere:
        entry = current.get(channel.id)
        if entry is not None and is_dormant(channel, entry):
            choice.dormant.append(channel)
            choice.not_now.append((channel, "dormant-close", _not_revived(ctx, "elsewhere")))
        else:
            choice.not_now.append((channel, "audience-elsewhere", {"segments": segments}))
    for channel in groups.pointless:
        choice.not_now.append((channel, "broadcast-no-objective", {}))
    if ctx.choice("capacity.publish_frequency") == "less_than_monthly":
        for group in groups[:6]:
            for channel in [c for c in group if c.follows_publishing]:
                choice.not_now.append((channel, "blog-too-rare", {}))
                group.remove(channel)
    suggested = _worth_suggesting(
        ctx, [*groups.working, *groups.current, *groups.considering], groups.suggested
    )
    mentioned = [
        *groups.working,
        *groups.internal,
        *groups.current,
        *groups.considering,
        *groups.dormant,
    ]
    candidates = mentioned + suggested
    choice.candidates = len(candidates)
    choice.nothing_reaches = not candidates
    choice.talking = [channel for channel in candidates if channel.conversational]
    choice.talking_named = [channel for channel in mentioned if channel.conversational]
    if candidates:
        choice.lightest_needed = min(hours(ctx, channel, "minimum") for channel in candidates)
    if ctx.choice("willingness.management") == "against":
        choice.not_now.extend((channel, "management-first", {}) for channel in mentioned)
        return Kept(choice, groups, current, mentioned, suggested, None)
    if why := ctx.no_time:
        choice.not_now.extend(
            (channel, f"{why}-current" if channel.id in current else why, {})
            for channel in mentioned
        )
        return Kept(choice, groups, current, mentioned, suggested, None)
    allocation = Allocation(ctx, choice, caps)
    allocation.keep_working(groups.working, current)
    waiting = allocation.waiting
    if replies_first(ctx):  # answer the people you have before inviting more reactions
        why = "replies-first" if _answering(ctx, current) else "replies-first-new"
        for group in (groups.considering, groups.dormant, suggested):
            waiting.update((c.id, why) for c in group if c.conversational)
    allocation.add(groups.internal, "internal_first")
    badly = [c for c in groups.current if c.id in current and current[c.id].works == "badly"]
    allocation.add([c for c in groups.current if c not in badly], "current")
    # what works badly gets the hours the other channels you run leave, at its lightest
    allocation.keep_own([c for c in groups.working if current[c.id].works == "badly"], current)
    allocation.add(badly, "current")
    allocation.raise_kept()  # every channel you run is kept before any is raised
    return Kept(choice, groups, current, mentioned, suggested, allocation)


# Why a dormant account is not revived, by why it would miss the plan (allocation.miss)
NOT_REVIVED = {
    "replies-first": "replies",
    "replies-first-new": "replies",
    "start-small": "start-small",
    "focus": "focus",
    "focus-current": "focus",
    "elsewhere": "elsewhere",
}


def _not_revived(ctx: Context, reason: str) -> dict[str, object]:
    """The `because` of a dormant account's `dormant-close`: what in this plan keeps it quiet.
    Replies that take days, or that nobody watches: said as the answer is."""
    because = NOT_REVIVED.get(reason, "hours")
    if because == "replies":
        because = f"replies-{ctx.choice('capacity.response_time')}"
    return {"because": ctx.text(f"not_revived.{because}")}


def _answering(ctx: Context, current: dict[str, Current]) -> bool:
    """Whether people already react to the organisation somewhere: a channel it runs where
    people talk back, not dormant, and open to the public (an internal network is not)."""
    channels = ctx.catalog.channels
    return any(
        channels[name].conversational
        and name != "internal_network"
        and not is_dormant(channels[name], entry)
        for name, entry in current.items()
        if name in channels
    )


def start_new(kept: Kept, new_at_most: int | None = None) -> ChannelChoice:
    """The rest of `choose`, on copies of what was `kept`: the channels started anew (no more
    than `new_at_most`), what is not for now and why."""
    choice = kept.choice.copy()
    if kept.allocation is None:
        return choice
    allocation = kept.allocation.copy(choice, new_at_most)
    ctx, waiting = allocation.ctx, allocation.waiting
    groups, current, suggested = kept.groups, kept.current, kept.suggested
    mentioned = kept.mentioned
    cut = any(pick.cut for pick in choice.recommended)
    if cut:  # no new channel while a working one runs below its own rhythm
        for group in (groups.considering, groups.dormant, suggested):
            waiting.update((c.id, "after-current") for c in group if c.id not in waiting)
    allocation.add(groups.considering, "considering")
    allocation.add(groups.dormant, "revived")
    at_ceiling = all(
        pick.own is not None or pick.tier == allocation.ceiling(pick.channel)
        for pick in choice.recommended
    )
    picked = {channel.id for channel in choice.channels()}
    left_out = [c for c in mentioned if c.id not in picked and c.id not in waiting]
    if left_out:  # never a channel nobody mentioned ahead of one they did
        suggested = []
        # so the lightest start is one of theirs: a suggestion held back needs no hours
        choice.lightest_needed = min(
            [hours(ctx, channel, "minimum") for channel in left_out]
            + [pick.hours for pick in choice.recommended]
        )
    elif not at_ceiling:
        waiting.update((c.id, "after-mentioned") for c in suggested if c.id not in waiting)
    allocation.add(suggested, "suggested")

    picked = {channel.id for channel in choice.channels()}
    # a dormant internal network that was to come first, but is not in the plan either: as
    # quiet as any other account nobody revives
    quiet = [c for c in groups.internal if c.id in current]
    for channel in [*groups.dormant, *quiet]:
        if channel.id not in picked:
            choice.dormant.append(channel)
            why = _not_revived(ctx, allocation.miss(channel)[1])
            choice.not_now.append((channel, "dormant-close", why))
    for channel in [*groups.working, *groups.internal, *groups.current, *groups.considering]:
        if channel.id not in picked and channel not in quiet:
            missed = allocation.miss(channel)
            if missed[1] in ("over-hours", "over-hours-alone"):  # not for want of people
                choice.over_hours.append(channel)
            choice.not_now.append(missed)
    for channel in [channel for channel in suggested if channel.id not in picked][:NEXT_IN_LINE]:
        choice.not_now.append(allocation.miss(channel))
    choice.lowered = [
        pick.channel
        for pick in choice.recommended
        if pick.own is None
        and pick.tier == "minimum"
        and allocation.ceiling(pick.channel) != "minimum"
    ]
    choice.badly = [
        choice_pick.channel
        for choice_pick in choice.recommended
        if current.get(choice_pick.channel.id, Current(None, "")).works == "badly"
    ]
    # Show the internal network first when it comes first; hours went to working channels first.
    choice.recommended.sort(key=lambda pick: pick.origin != "internal_first")
    return choice


def _worth_suggesting(
    ctx: Context, mentioned: list[Channel], suggested: list[Channel]
) -> list[Channel]:
    """A suggestion earns its hours by reaching a segment, or serving an objective, that the
    channels before it do not cover on evidence."""
    if not suggested:
        return []
    covered: set[str] = set()
    served: set[str] = set()
    for channel in mentioned:
        covered |= set(evidence(ctx, channel))
        served |= set(channel.objectives)
    worth = []
    for channel in suggested:
        new_segments = set(evidence(ctx, channel)) - covered
        new_objectives = serves(ctx, channel) - served
        if new_segments or new_objectives:
            worth.append(channel)
            covered |= set(evidence(ctx, channel))
            served |= set(channel.objectives)
    return worth
