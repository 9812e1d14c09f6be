"""Which channels, at which cadence: keep what works at the rhythm that works, then add.

The order a strategist would take. Channels the organisation runs and that work come first, at
its own rhythm: a rhythm people rely on (the organisation informs them there) is never cut, any
other is cut only to what the hours carry, and the plan says both figures. Then the other current
channels, the ones it considers, dormant accounts worth reviving, and last, only on evidence for
these segments in this country, channels nobody mentioned. A new channel waits while a working one
runs below its rhythm. New channels get a cadence tier that follows the answers (what the
organisation can publish, how many people share the work), never one raised because hours are left.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from socialready.catalog import TIERS, Channel
from socialready.model import ChannelUse, TierName
from socialready.rules.context import Context

if TYPE_CHECKING:
    from socialready.rules.review import ReviewOutcome

MANAGEMENT_FOR = ("committed", "supportive")
WORKS = ("well", "so_so")  # a current channel that works: kept at its own rhythm
NEW = ("considering", "suggested", "revived")  # origins of a channel the plan starts anew
NEXT_IN_LINE = 2  # evidence-backed channels nobody mentioned, listed under not_now when they miss
EPSILON = 1e-9


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


class Pick:
    """A recommended channel: where it came from, how often it posts and the hours it gets.

    `own` is the organisation's own rhythm (None for a new channel or an unknown cadence); `posts`
    is what the plan keeps, `estimate` the hours that takes by our figures, `hours` the hours it
    gets (below the estimate only for a rhythm people rely on when hours are short).
    """

    __slots__ = (
        "channel",
        "estimate",
        "hours",
        "origin",
        "own",
        "posts",
        "relied",
        "tier",
        "works",
    )

    def __init__(self, channel: Channel, origin: str, tier: TierName, posts: float) -> None:
        self.channel = channel
        self.origin = origin  # current | considering | suggested | internal_first | revived
        self.tier = tier
        self.posts = posts
        self.own: float | None = None
        self.relied = False
        self.works = ""  # how a current channel works now, by the organisation's account
        self.estimate = 0.0
        self.hours = 0.0

    @property
    def short(self) -> bool:
        """Kept below its own rhythm, or given fewer hours than that rhythm takes."""
        return self.own is not None and (
            self.posts + EPSILON < self.own or self.hours + EPSILON < self.estimate
        )


class ChannelChoice:
    """The outcome of the channel rules, before it becomes text."""

    def __init__(self) -> None:
        self.recommended: list[Pick] = []
        self.not_now: list[tuple[Channel, str, dict[str, object]]] = []
        self.over_hours: list[Channel] = []  # mentioned, reaching the audience, no hours left
        self.lowered: list[Channel] = []  # new channels below the cadence the answers allow
        self.dormant: list[Channel] = []  # dormant accounts not revived: close or hand over
        self.badly: list[Channel] = []  # current channels that work badly
        self.nothing_reaches = False  # no channel named or on figures reaches the audience
        self.talking: list[Channel] = []  # conversational channels that reach the audience
        self.talking_named: list[Channel] = []  # those of them the organisation named
        self.lightest_needed = 0.0
        self.candidates = 0
        self.works_kept = False  # a working current channel is kept, whatever the hours

    def channels(self) -> list[Channel]:
        return [pick.channel for pick in self.recommended]

    def copy(self) -> ChannelChoice:
        """A choice as far as this one goes, to go on with on its own: its lists its own."""
        other = ChannelChoice()
        for name, value in vars(self).items():  # every field, a list as a list of its own
            setattr(other, name, list(value) if isinstance(value, list) else value)
        return other

    def short(self) -> list[Pick]:
        return [pick for pick in self.recommended if pick.short]


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


def reached(ctx: Context, channel: Channel) -> dict[str, str]:
    """The organisation's segments this channel reaches in its country, each with its fact
    (from the plan's table of the catalogue's channels; `reach_in` for any other)."""
    return ctx.once(_reach)[channel.id]


def _reach(ctx: Context) -> dict[str, dict[str, str]]:
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
    return ctx.once(_evidence)[channel.id]


def _evidence(ctx: Context) -> dict[str, dict[str, str]]:
    return {channel_id: _backed(ctx, reach) for channel_id, reach in ctx.once(_reach).items()}


def _backed(ctx: Context, reach: dict[str, str]) -> dict[str, str]:
    facts = ctx.catalog.facts
    return {segment: fact for segment, fact in reach.items() if not facts[fact].assumed}


def replies_first(ctx: Context) -> bool:
    """Replies that take days, or nobody watching: no new channel where people talk back."""
    return bool(ctx.choice("capacity.response_time") in ("within_days", "unmonitored"))


def internal_first(ctx: Context) -> bool:
    """The source: when management wants it and staff are reluctant, an internal network first."""
    return (
        ctx.choice("willingness.staff") == "reluctant"
        and ctx.choice("willingness.management") in MANAGEMENT_FOR
        and ctx.choice("willingness.internal_network") != "none"
    )


def relied_on(ctx: Context, entry: Current) -> bool:
    """A working rhythm people rely on: the organisation informs them there (news, services,
    notices, a service streamed each week). It is kept whatever the hours say."""
    return entry.works in WORKS and "inform" in ctx.choices("goals.objectives")


def serves_nothing(ctx: Context, channel: Channel) -> bool:
    """A WhatsApp channel is one-way broadcast: without an objective it serves, it has no job
    (customer service is WhatsApp Business)."""
    return channel.id == "whatsapp_channel" and not _serves(ctx, channel)


def _reaches(ctx: Context, channel: Channel, reach: dict[str, str]) -> bool:
    if channel.id == "internal_network" and (
        "internal_collaboration" in ctx.choices("goals.objectives") or internal_first(ctx)
    ):
        return True
    return bool(reach)


def _ranking(ctx: Context) -> Callable[[Channel], tuple[int, ...]]:
    """How channels rank, for this plan: evidence before assumption; for who only broadcasts,
    one-way channels before all else; otherwise dialogue before broadcasting (the source); then
    broader reach (catalogue order, which a stable sort keeps among equals)."""
    broadcast_only = ctx.choice("willingness.dialogue") == "broadcast_only"
    backed, reach, objectives = ctx.once(_evidence), ctx.once(_reach), ctx.once(_objectives)

    def rank(channel: Channel) -> tuple[int, ...]:
        return (
            int(broadcast_only and channel.conversational),
            -len(backed[channel.id]),
            -len(reach[channel.id]),
            int(not broadcast_only and not channel.conversational),
            -len(objectives.intersection(channel.objectives)),
        )

    return rank


def _serves(ctx: Context, channel: Channel) -> frozenset[str]:
    """The organisation's objectives this channel serves."""
    return ctx.once(_objectives) & set(channel.objectives)


def _objectives(ctx: Context) -> frozenset[str]:
    return frozenset(ctx.choices("goals.objectives"))


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


def is_dormant(channel: Channel, entry: Current) -> bool:
    return entry.works == "dormant" or (
        entry.posts == 0 and channel.tier("minimum").posts_per_week > 0
    )


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
    reach_of, backed_of = ctx.once(_reach), ctx.once(_evidence)
    for channel in ctx.catalog.channels.values():  # in catalogue order
        reach, backed = reach_of[channel.id], backed_of[channel.id]
        entry = current.get(channel.id)
        if channel.id in named and serves_nothing(ctx, channel):
            found["pointless"].append(channel)
            continue
        if not _reaches(ctx, channel, reach):
            if channel.id in named:
                found["elsewhere"].append(channel)
            continue
        if (
            entry is not None
            and (entry.posts is not None or entry.works in WORKS)
            and not is_dormant(channel, entry)
        ):
            group = "working"  # it works, or its rhythm is known: kept at that rhythm
        elif channel.id == "internal_network" and internal_first(ctx):
            group = "internal"
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
    rank = _ranking(ctx)
    return Groups(*(sorted(found[name], key=rank) for name in Groups._fields))


def _may_suggest(ctx: Context, channel: Channel, backed: dict[str, str]) -> bool:
    """Only on evidence, only for what the organisation wants, never a blog nobody asked for."""
    if channel.follows_publishing or channel.id in ("internal_network", "whatsapp_channel"):
        return False
    if ctx.choice("willingness.dialogue") == "broadcast_only" and channel.conversational:
        return False
    return bool(backed) and bool(_serves(ctx, channel))


def _floor_hours(value: float) -> float:
    return math.floor(value * 100 + EPSILON) / 100


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
        allocation: _Allocation | None,  # None: nothing more may start (management, people)
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
            choice.not_now.append((channel, "dormant-close", {}))
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
    if ctx.whole("capacity.people") == 0:
        choice.not_now.extend(
            (channel, "no-people-current" if channel.id in current else "no-people", {})
            for channel in mentioned
        )
        return Kept(choice, groups, current, mentioned, suggested, None)
    allocation = _Allocation(ctx, choice, caps)
    allocation.keep_working(groups.working, current)
    waiting = allocation.waiting
    if replies_first(ctx):  # answer the people you have before inviting more reactions
        for group in (groups.considering, groups.dormant, suggested):
            waiting.update((c.id, "replies-first") for c in group if c.conversational)
    allocation.add(groups.internal, "internal_first")
    badly = [c for c in groups.current if c.id in current and current[c.id].works == "badly"]
    allocation.add([c for c in groups.current if c not in badly], "current")
    # what works badly gets the hours the other channels you run leave, at its lightest
    allocation.keep_own([c for c in groups.working if current[c.id].works == "badly"], current)
    allocation.add(badly, "current")
    allocation.raise_kept()  # every channel you run is kept before any is raised
    return Kept(choice, groups, current, mentioned, suggested, allocation)


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
    cut = any(pick.posts + EPSILON < (pick.own or 0) for pick in choice.recommended)
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
    for channel in groups.dormant:
        if channel.id not in picked:
            choice.dormant.append(channel)
            choice.not_now.append((channel, "dormant-close", {}))
    for channel in [*groups.working, *groups.internal, *groups.current, *groups.considering]:
        if channel.id not in picked:
            if channel.id not in waiting:
                choice.over_hours.append(channel)
            choice.not_now.append(allocation.miss(channel))
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


class _Allocation:
    """Hours and people handed out channel by channel, in the order `choose` calls."""

    def __init__(
        self,
        ctx: Context,
        choice: ChannelChoice,
        caps: dict[str, str],
        new_at_most: int | None = None,
    ) -> None:
        self.ctx = ctx
        self.choice = choice
        self.caps = caps
        self.new_at_most = new_at_most
        self.left = float(ctx.number("capacity.hours_per_week"))
        self.most = ctx.whole("capacity.people") * ctx.catalog.channels_per_person
        self.waiting: dict[str, str] = {}  # channel id -> why it waits for others, not for hours
        self.to_raise: list[Pick] = []  # channels you run, kept at their lightest, raised later

    def copy(self, choice: ChannelChoice, new_at_most: int | None) -> _Allocation:
        """The hours and people left as they stand, handed out from here to `choice` (a copy of
        this one's), starting no more than `new_at_most` channels anew."""
        other = _Allocation(self.ctx, choice, self.caps, new_at_most)
        other.left, other.most = self.left, self.most
        other.waiting, other.to_raise = dict(self.waiting), list(self.to_raise)
        return other

    def ceiling(self, channel: Channel) -> str:
        """The highest tier: what the answers allow, and no more than a review's figures show."""
        highest = highest_tier(self.ctx, channel)
        return min(highest, self.caps.get(channel.id, highest), key=TIERS.index)

    def keep_working(self, channels: list[Channel], current: dict[str, Current]) -> None:
        """Current channels whose rhythm is known, at that rhythm (within the channel's sane
        range, and a review's cap). Those that work come first and are never dropped: a rhythm
        people rely on keeps its posts even when the hours fall short, any other is cut to what
        the hours carry, never below its lightest; the plan says both figures. Those whose result
        is unknown get what hours are left; those that work badly (at their lightest, at most)
        what the other channels you run leave (keep_own, from `choose`)."""
        works = [c for c in channels if current[c.id].works in WORKS][: self.most]
        rest = [c for c in channels if current[c.id].works not in (*WORKS, "badly")]
        picks = [self._own(channel, current[channel.id]) for channel in works]
        needed = sum(pick.estimate for pick in picks)
        if needed > self.left + EPSILON:  # even the lightest rhythms do not fit: share the hours
            share = self.left / needed
            for pick in picks:
                pick.hours = _floor_hours(pick.estimate * share)
            self.left = 0.0
        else:
            self.left = round(self.left - needed, 2)
            for pick in picks:
                self._raise_to_own(pick)
            # works, rhythm not given: the tier the answers allow, once the others are kept
            self.to_raise.extend(pick for pick in picks if pick.own is None)
        for pick in picks:
            if pick.short:
                pick.estimate = cost(self.ctx, pick.channel, pick.own or 0)
        self.choice.recommended.extend(picks)
        self.choice.works_kept = bool(picks)
        self.keep_own(rest, current)

    def keep_own(self, channels: list[Channel], current: dict[str, Current]) -> None:
        """Current channels whose rhythm is known but that are not known to work, each at its
        lightest while the hours allow; raised to their own rhythm later (raise_kept)."""
        for channel in channels:
            if len(self.choice.recommended) >= self.most:
                break
            pick = self._own(channel, current[channel.id])
            if pick.estimate > self.left + EPSILON:
                continue
            self.left = round(self.left - pick.estimate, 2)
            self.to_raise.append(pick)  # up to its own rhythm once the others are kept
            self.choice.recommended.append(pick)

    def raise_kept(self) -> None:
        """The channels the organisation runs, all kept at their lightest, each raised in turn:
        one whose result is not known up to its own rhythm, one whose rhythm is not known up to
        the tier the answers allow."""
        for pick in self.to_raise:
            if pick.own is None:
                self._raise(pick)
                continue
            self._raise_to_own(pick)
            if pick.short:
                pick.estimate = cost(self.ctx, pick.channel, pick.own or 0)
        self.to_raise = []

    def _own(self, channel: Channel, entry: Current) -> Pick:
        """A current channel at the lightest rhythm it may run at, with its own rhythm noted."""
        ctx = self.ctx
        if entry.posts is None:  # it works, but how often you post is not known: a tier
            lightest_tier = Pick(
                channel, "current", "minimum", channel.tier("minimum").posts_per_week
            )
            lightest_tier.works = entry.works
            lightest_tier.estimate = lightest_tier.hours = hours(ctx, channel, "minimum")
            return lightest_tier
        low, high = channel.sane
        own = min(max(float(entry.posts or 0), low), high)
        lightest = float(channel.tier("minimum").posts_per_week)
        if entry.works == "badly":  # no more of what does not work: its lightest, at most
            own = min(own, lightest)
        cap = self.caps.get(channel.id)  # a review that found fewer posts than this rhythm
        if cap is not None and TIERS.index(cap) < TIERS.index(tier_of(channel, own)):
            own = min(own, float(channel.tier(cap).posts_per_week))
        floor = own if relied_on(ctx, entry) else min(own, lightest)
        pick = Pick(channel, "current", tier_of(channel, floor), floor)
        pick.own, pick.relied, pick.works = own, relied_on(ctx, entry), entry.works
        pick.estimate = pick.hours = cost(ctx, channel, floor)
        return pick

    def _raise_to_own(self, pick: Pick) -> None:
        if pick.own is None or pick.posts >= pick.own:
            return
        posts = self._most_posts(pick)
        extra = cost(self.ctx, pick.channel, posts) - pick.estimate
        if posts > pick.posts and extra <= self.left + EPSILON:
            self.left = round(self.left - extra, 2)
            pick.posts, pick.tier = posts, tier_of(pick.channel, posts)
            pick.estimate = pick.hours = cost(self.ctx, pick.channel, posts)

    def _most_posts(self, pick: Pick) -> float:
        """The most posts, up to its own rhythm, that the hours left carry: its own rhythm, else
        whole posts a week, else every two weeks or monthly."""
        own = pick.own or 0.0
        steps = [own, *range(math.floor(own), 0, -1), 0.5, 0.25]
        for posts in steps:
            posts = float(posts)
            if pick.posts < posts <= own and (
                cost(self.ctx, pick.channel, posts) - pick.estimate <= self.left + EPSILON
            ):
                return posts
        return pick.posts

    def _new_allowed(self) -> bool:
        if self.new_at_most is None:
            return True
        started = sum(pick.origin in NEW for pick in self.choice.recommended)
        return started < self.new_at_most

    def add(self, channels: list[Channel], origin: str) -> None:
        """Each channel in rank order: in at its lightest tier if hours and people allow. A new
        channel then goes up to the cadence the answers allow while the hours hold, before the
        next one starts; channels the organisation runs are all kept before any is raised."""
        new = origin in NEW
        for channel in channels:
            if channel.id in self.waiting or len(self.choice.recommended) >= self.most:
                continue
            if new and not self._new_allowed():
                self.waiting[channel.id] = "start-small"
                continue
            needed = hours(self.ctx, channel, "minimum")
            if needed > self.left + EPSILON:
                continue
            pick = Pick(channel, origin, "minimum", channel.tier("minimum").posts_per_week)
            self.left = round(self.left - needed, 2)
            pick.estimate = pick.hours = needed
            self.choice.recommended.append(pick)
            if new:
                self._raise(pick)
            else:  # a channel you run: raised once all of them are kept (raise_kept)
                self.to_raise.append(pick)

    def _raise(self, pick: Pick) -> None:
        """Up to the cadence the answers allow, a tier at a time, while the hours hold."""
        ctx, channel = self.ctx, pick.channel
        top = TIERS.index(self.ceiling(channel))
        if self.new_at_most is not None and pick.origin in NEW:
            top = min(top, TIERS.index("standard"))
        for tier in TIERS[1 : top + 1]:
            extra = hours(ctx, channel, tier) - hours(ctx, channel, pick.tier)
            if extra > self.left + EPSILON:
                break
            self.left = round(self.left - extra, 2)
            pick.tier, pick.posts = tier, channel.tier(tier).posts_per_week
        pick.estimate = pick.hours = hours(ctx, channel, pick.tier)

    def miss(self, channel: Channel) -> tuple[Channel, str, dict[str, object]]:
        """Why a channel that reaches the audience is not in the plan now."""
        from socialready.grammar import number

        if channel.id in self.waiting:
            return (channel, self.waiting[channel.id], {})
        if len(self.choice.recommended) >= self.most:
            return (channel, "focus", {"most": self.most})
        needed = number(hours(self.ctx, channel, "minimum"))
        if not self.choice.recommended:
            return (channel, "over-hours-alone", {"needed": needed, "left": number(self.left)})
        return (channel, "over-hours", {"needed": needed, "left": number(self.left)})


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
        new_objectives = (set(channel.objectives) & set(ctx.choices("goals.objectives"))) - served
        if new_segments or new_objectives:
            worth.append(channel)
            covered |= set(evidence(ctx, channel))
            served |= set(channel.objectives)
    return worth
