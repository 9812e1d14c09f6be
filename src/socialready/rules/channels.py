"""Which channels, at which cadence: where the audience is, keeping what works, within the hours.

The order a strategist would take: channels the organisation already runs and that reach its
audience first (kept, at a lighter cadence if hours are short), then the ones it is considering,
then, only on evidence for these segments in this country, channels nobody mentioned. Hours are
filled by lowering cadence tiers before any channel is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from socialready.answers import number
from socialready.catalog import TIERS, Channel
from socialready.rules.context import Context

if TYPE_CHECKING:
    from socialready.rules.review import ReviewOutcome

MANAGEMENT_FOR = ("committed", "supportive")
NEXT_IN_LINE = 2  # evidence-backed channels nobody mentioned, listed under not_now when they miss
EPSILON = 1e-9


class Pick:
    """A recommended channel: where it came from and the cadence tier it runs at."""

    __slots__ = ("channel", "origin", "tier")

    def __init__(self, channel: Channel, origin: str, tier: str) -> None:
        self.channel = channel
        self.origin = origin  # current | considering | suggested | internal_first
        self.tier = tier


class ChannelChoice:
    """The outcome of the channel rules, before it becomes text."""

    def __init__(self) -> None:
        self.recommended: list[Pick] = []
        self.not_now: list[tuple[Channel, str, dict[str, Any]]] = []
        self.over_hours: list[Channel] = []  # mentioned, reaching the audience, no hours left
        self.lowered: list[Channel] = []  # kept below their standard cadence for want of hours
        self.nothing_reaches = False  # no channel named or on figures reaches the audience
        self.talking: list[Channel] = []  # conversational channels that reach the audience
        self.talking_named: list[Channel] = []  # those of them the organisation named
        self.lightest_needed = 0.0
        self.candidates = 0

    def channels(self) -> list[Channel]:
        return [pick.channel for pick in self.recommended]


def reply_hours(ctx: Context, channel: Channel) -> float:
    """Reading and answering reactions grows with the service load: customer service (on the
    channels that serve it) and the size of the organisation."""
    load = ctx.catalog.reply
    service = "customer_service" in ctx["goals.objectives"] and (
        "customer_service" in channel.objectives
    )
    base = load.base + (load.customer_service if service else 0)
    return round(base * load.size_factor[ctx["organisation.size"]], 2)


def hours(ctx: Context, channel: Channel, tier: str) -> float:
    """Hours a week for a channel at a tier: its posts, plus replies where people talk back."""
    total = channel.tier(tier).posts_per_week * channel.hours_per_post
    if channel.conversational:
        total += reply_hours(ctx, channel)
    return round(total, 2)


def highest_tier(ctx: Context, channel: Channel) -> str:
    """A blog follows what you can publish: monthly is its minimum, every two weeks its standard."""
    if not channel.follows_publishing:
        return TIERS[-1]
    return {"weekly": "ambitious", "biweekly": "standard"}.get(
        ctx["capacity.publish_frequency"], "minimum"
    )


def reached(ctx: Context, channel: Channel) -> dict[str, str]:
    """The organisation's segments this channel reaches in its country, each with its fact."""
    facts = channel.segment_facts(ctx["organisation.country"])
    return {segment: facts[segment] for segment in ctx["audience.segments"] if segment in facts}


def evidence(ctx: Context, channel: Channel) -> dict[str, str]:
    """Reached segments backed by a sourced figure, not an assumption."""
    return {
        segment: fact
        for segment, fact in reached(ctx, channel).items()
        if not ctx.catalog.facts[fact].assumed
    }


def replies_first(ctx: Context) -> bool:
    """Replies that take days, or nobody watching: no new channel where people talk back."""
    return bool(ctx["capacity.response_time"] in ("within_days", "unmonitored"))


def internal_first(ctx: Context) -> bool:
    """The source: when management wants it and staff are reluctant, an internal network first."""
    return (
        ctx["willingness.staff"] == "reluctant"
        and ctx["willingness.management"] in MANAGEMENT_FOR
        and ctx["willingness.internal_network"] != "none"
    )


def _reaches(ctx: Context, channel: Channel) -> bool:
    if channel.id == "internal_network" and (
        "internal_collaboration" in ctx["goals.objectives"] or internal_first(ctx)
    ):
        return True
    return bool(reached(ctx, channel))


def _rank(ctx: Context, channel: Channel, order: int) -> tuple[int, ...]:
    """Evidence before assumption; for who only broadcasts, one-way channels before all else;
    otherwise dialogue before broadcasting (the source); then broader reach (catalogue order)."""
    broadcast_only = ctx["willingness.dialogue"] == "broadcast_only"
    serves = len(set(channel.objectives) & set(ctx["goals.objectives"]))
    return (
        int(broadcast_only and channel.conversational),
        -len(evidence(ctx, channel)),
        -len(reached(ctx, channel)),
        int(not broadcast_only and not channel.conversational),
        -serves,
        order,
    )


def _ordered(ctx: Context) -> tuple[list[tuple[Channel, str]], list[Channel], list[Channel]]:
    """(mentioned channels that reach the audience with their origin, in the order they are
    kept; suggestions nobody mentioned, best evidence first; mentioned ones that do not reach)."""
    catalog = list(ctx.catalog.channels.values())
    current, considering = list(ctx["channels.current"]), list(ctx["channels.considering"])
    network = ctx["willingness.internal_network"]  # an internal network in use is one you run
    if "internal_network" not in current + considering and network != "none":
        (current if network == "in_use" else considering).append("internal_network")
    named = set(ctx["channels.current"]) | set(ctx["channels.considering"])
    groups: dict[str, list[tuple[tuple[int, ...], Channel]]] = {
        "internal_first": [],
        "current": [],
        "considering": [],
        "suggested": [],
    }
    elsewhere: list[Channel] = []
    for order, channel in enumerate(catalog):
        if not _reaches(ctx, channel):
            if channel.id in named:
                elsewhere.append(channel)
            continue
        if channel.id == "internal_network" and internal_first(ctx):
            origin = "internal_first"
        elif channel.id in current:
            origin = "current"
        elif channel.id in considering:
            origin = "considering"
        elif _may_suggest(ctx, channel):
            origin = "suggested"
        else:
            continue
        groups[origin].append((_rank(ctx, channel, order), channel))
    kept = [
        (channel, origin)
        for origin in ("internal_first", "current", "considering")
        for _, channel in sorted(groups[origin], key=lambda item: item[0])
    ]
    suggested = [channel for _, channel in sorted(groups["suggested"], key=lambda item: item[0])]
    return kept, suggested, elsewhere


def _may_suggest(ctx: Context, channel: Channel) -> bool:
    """Only on evidence, only for what the organisation wants, never a blog nobody asked for."""
    if channel.follows_publishing or channel.id == "internal_network":
        return False
    if ctx["willingness.dialogue"] == "broadcast_only" and channel.conversational:
        return False
    serves = set(channel.objectives) & set(ctx["goals.objectives"])
    return bool(evidence(ctx, channel)) and bool(serves)


def choose(
    ctx: Context, new_at_most: int | None = None, review: ReviewOutcome | None = None
) -> ChannelChoice:
    """Keep, then add, then raise cadence: every step only as far as hours and people allow.

    Channels the organisation runs come first; channels it considers only when every one it runs
    is kept; channels nobody mentioned only when every mentioned one is kept at its standard
    cadence. Within each group as many channels as fit, the best-ranked first; so more hours
    never give fewer channels. `new_at_most` limits the channels started anew (a start_small
    plan begins with one, and at no more than the standard cadence); the ones it holds back say
    so. After a `review`, its figures pause channels and cap their tiers.
    """
    choice = ChannelChoice()
    kept, suggested, elsewhere = _ordered(ctx)
    choice.nothing_reaches = not kept and not suggested
    caps = review.tier_cap if review else {}
    if review and review.paused:
        choice.not_now.extend(
            (channel, "review-paused", {}) for channel, _ in kept if channel.id in review.paused
        )
        kept = [item for item in kept if item[0].id not in review.paused]
        suggested = [channel for channel in suggested if channel.id not in review.paused]

    def ceiling(channel: Channel) -> str:
        """The highest tier: what publishing allows, and no more than a review's figures show."""
        highest = highest_tier(ctx, channel)
        return min(highest, caps.get(channel.id, highest), key=TIERS.index)

    segments = ctx.labels("audience.segments", ctx["audience.segments"])
    for channel in elsewhere:
        choice.not_now.append((channel, "audience-elsewhere", {"segments": segments}))
    if ctx["capacity.publish_frequency"] == "less_than_monthly":
        for channel, _ in [item for item in kept if item[0].follows_publishing]:
            choice.not_now.append((channel, "blog-too-rare", {}))
        kept = [item for item in kept if not item[0].follows_publishing]
    suggested = _worth_suggesting(ctx, [channel for channel, _ in kept], suggested)
    candidates = [channel for channel, _ in kept] + suggested
    choice.candidates = len(candidates)
    choice.talking = [channel for channel in candidates if channel.conversational]
    choice.talking_named = [channel for channel, _ in kept if channel.conversational]
    if candidates:
        choice.lightest_needed = min(hours(ctx, channel, "minimum") for channel in candidates)
    if ctx["willingness.management"] == "against":
        choice.not_now.extend((channel, "management-first", {}) for channel, _ in kept)
        return choice
    if ctx["capacity.people"] == 0:
        choice.not_now.extend(
            (channel, "no-people-current" if origin == "current" else "no-people", {})
            for channel, origin in kept
        )
        return choice
    most = ctx["capacity.people"] * ctx.catalog.channels_per_person
    left = float(ctx["capacity.hours_per_week"])

    def fill(group: list[tuple[Channel, str]]) -> bool:
        """Add as many of the group as fit; True when all of it did."""
        nonlocal left
        channels = [channel for channel, _ in group]
        room = most - len(choice.recommended)
        if new_at_most is not None:
            started = sum(pick.origin != "current" for pick in choice.recommended)
            fresh = [channel for channel, origin in group if origin != "current"]
            if len(fresh) > new_at_most - started:
                waiting.update((channel.id, "start-small") for channel in fresh)
                room = min(room, len(group) - len(fresh) + max(0, new_at_most - started))
        chosen = _most_that_fit(ctx, channels, left, room)
        for channel, origin in group:
            if channel in chosen:
                choice.recommended.append(Pick(channel, origin, "minimum"))
                left = round(left - hours(ctx, channel, "minimum"), 2)
        return len(chosen) == len(channels)

    def raise_all(tier: str, picks: list[Pick]) -> None:
        nonlocal left
        for pick in picks:
            if TIERS.index(tier) > TIERS.index(ceiling(pick.channel)):
                continue
            extra = hours(ctx, pick.channel, tier) - hours(ctx, pick.channel, pick.tier)
            if TIERS.index(tier) > TIERS.index(pick.tier) and extra <= left + EPSILON:
                pick.tier = tier
                left = round(left - extra, 2)

    current = [item for item in kept if item[1] != "considering"]
    considering = [item for item in kept if item[1] == "considering"]
    waiting: dict[str, str] = {}  # channel id -> why it waits for others, not for hours
    if replies_first(ctx):  # answer the people you have before inviting more reactions
        waiting.update((c.id, "replies-first") for c, _ in considering if c.conversational)
        considering = [item for item in considering if not item[0].conversational]
        suggested = [channel for channel in suggested if not channel.conversational]
    if fill(current):
        all_kept = fill(considering)
    else:
        all_kept = False
        waiting.update((channel.id, "after-current") for channel, _ in considering)
    raise_all("standard", choice.recommended)
    mentioned = list(choice.recommended)
    at_standard = all(
        TIERS.index(pick.tier) >= min(1, TIERS.index(ceiling(pick.channel))) for pick in mentioned
    )
    if all_kept and at_standard:
        fill([(channel, "suggested") for channel in suggested])
        raise_all("standard", choice.recommended[len(mentioned) :])
    else:
        waiting.update((channel.id, "after-mentioned") for channel in suggested)
    if ctx["capacity.people"] > 1 and new_at_most is None:  # what a team keeps up, not a start
        raise_all("ambitious", mentioned)
        if all(pick.tier == ceiling(pick.channel) for pick in mentioned):
            raise_all("ambitious", choice.recommended[len(mentioned) :])

    picked = {channel.id for channel in choice.channels()}
    full = len(picked) >= most
    for channel, _ in kept:
        if channel.id not in picked:
            if channel.id not in waiting:
                choice.over_hours.append(channel)
            choice.not_now.append(_miss(ctx, channel, waiting, full, most, left))
    for channel in [channel for channel in suggested if channel.id not in picked][:NEXT_IN_LINE]:
        choice.not_now.append(_miss(ctx, channel, waiting, full, most, left))
    choice.lowered = [
        pick.channel
        for pick in mentioned
        if pick.tier == "minimum" and ceiling(pick.channel) != "minimum"
    ]
    return choice


def _miss(
    ctx: Context, channel: Channel, waiting: dict[str, str], full: bool, most: int, left: float
) -> tuple[Channel, str, dict[str, Any]]:
    """Why a channel that reaches the audience is not in the plan now."""
    if channel.id in waiting:
        return (channel, waiting[channel.id], {})
    if full:
        return (channel, "focus", {"most": most})
    needed = number(hours(ctx, channel, "minimum"))
    return (channel, "over-hours", {"needed": needed, "left": number(left)})


def _most_that_fit(ctx: Context, channels: list[Channel], left: float, room: int) -> list[Channel]:
    """The largest number of channels whose minimum cadence fits, the best-ranked among them."""
    costs = [hours(ctx, channel, "minimum") for channel in channels]
    size, total = 0, 0.0
    for cost in sorted(costs):
        if size >= room or total + cost > left + EPSILON:
            break
        size, total = size + 1, total + cost
    chosen: list[Channel] = []
    spent = 0.0
    for index, channel in enumerate(channels):
        if len(chosen) == size:
            break
        rest = sorted(costs[index + 1 :])[: size - len(chosen) - 1]
        if spent + costs[index] + sum(rest) <= left + EPSILON:
            chosen.append(channel)
            spent += costs[index]
    return chosen


def _worth_suggesting(
    ctx: Context, mentioned: list[Channel], suggested: list[Channel]
) -> list[Channel]:
    """A suggestion earns its hours by reaching a segment, or serving an objective, that the
    channels before it do not cover on evidence."""
    covered: set[str] = set()
    served: set[str] = set()
    for channel in mentioned:
        covered |= set(evidence(ctx, channel))
        served |= set(channel.objectives)
    worth = []
    for channel in suggested:
        new_segments = set(evidence(ctx, channel)) - covered
        new_objectives = (set(channel.objectives) & set(ctx["goals.objectives"])) - served
        if new_segments or new_objectives:
            worth.append(channel)
            covered |= set(evidence(ctx, channel))
            served |= set(channel.objectives)
    return worth


def cadence(ctx: Context, pick: Pick) -> str:
    """'2 feed posts a week (Mosseri, 2021)'; '(assumption)' where no source was found."""
    tier = pick.channel.tier(pick.tier)
    return ctx.text("cadence_source", cadence=tier.cadence[ctx.lang], source=ctx.cite(tier.fact))


def _why(ctx: Context, pick: Pick) -> str:
    channel = pick.channel
    parts = [ctx.text(f"channel_origin/{pick.origin}")]
    if pick.origin == "current" and pick.tier == "minimum" != highest_tier(ctx, channel):
        parts.append(ctx.text("channel_lighter"))
    by_fact: dict[str, list[str]] = {}
    for segment, fact in reached(ctx, channel).items():
        by_fact.setdefault(fact, []).append(segment)
    for fact, segments in by_fact.items():
        names = ctx.labels("audience.segments", segments)
        if ctx.catalog.facts[fact].assumed:
            parts.append(ctx.text("channel_reach_assumed", segments=names, source=ctx.assumption))
        else:
            parts.append(
                ctx.text(
                    "channel_reach",
                    segments=names,
                    fact=ctx.catalog.facts[fact].text[ctx.lang],
                    source=ctx.cite(fact),
                )
            )
    caveat = channel.caveat.get(ctx["organisation.country"])
    if caveat:
        parts.append(
            ctx.text(
                "channel_caveat",
                fact=ctx.catalog.facts[caveat].text[ctx.lang],
                source=ctx.cite(caveat),
            )
        )
    serves = [o for o in ctx["goals.objectives"] if o in channel.objectives]
    if serves:
        parts.append(ctx.text("channel_serves", objectives=ctx.in_text("goals.objectives", serves)))
    if channel.id == "whatsapp_channel" and "customer_service" in ctx["goals.objectives"]:
        parts.append(ctx.text("channel_broadcast_only"))
    if channel.conversational:
        parts.append(
            ctx.text(
                "channel_replies",
                hours=reply_hours(ctx, channel),
                source=ctx.cite(ctx.catalog.reply.fact),
            )
        )
    return " ".join(parts)


def describe(ctx: Context, choice: ChannelChoice) -> dict[str, Any]:
    """The `channels` section of the plan."""
    recommended = [
        {
            "channel": pick.channel.id,
            "tier": pick.tier,
            "cadence": cadence(ctx, pick),
            "posts_per_week": number(pick.channel.tier(pick.tier).posts_per_week),
            "hours_per_week": number(hours(ctx, pick.channel, pick.tier)),
            "why": _why(ctx, pick),
        }
        for pick in choice.recommended
    ]
    order = list(ctx.catalog.channels)
    not_now = [
        {"channel": channel.id, "why": ctx.text(f"not_now/{reason}", **params)}
        for channel, reason, params in sorted(
            choice.not_now, key=lambda item: order.index(item[0].id)
        )
    ]
    needed = round(sum(hours(ctx, p.channel, p.tier) for p in choice.recommended), 2)
    available = ctx["capacity.hours_per_week"]
    return {
        "workload": {
            "hours_needed": number(needed),
            "hours_available": available,
            "summary": _workload_summary(ctx, choice, needed, float(available)),
        },
        "recommended": recommended,
        "not_now": not_now,
    }


def _workload_summary(ctx: Context, choice: ChannelChoice, needed: float, available: float) -> str:
    unused = round(available - needed, 2)
    if not choice.recommended:
        return ctx.text("workload/none", available=available)
    if choice.lowered:
        return ctx.text(
            "workload/short",
            needed=needed,
            available=available,
            channels=ctx.channel_names(choice.lowered),
        )
    if unused >= 0.5:
        room = "workload/room-more" if choice.not_now else "workload/room"
        return ctx.text(room, needed=needed, available=available, unused=unused)
    return ctx.text("workload/full", needed=needed, available=available)
