"""The `channels` section of the plan in words: cadences, why each channel, the workload."""

from __future__ import annotations

from socialready import grammar
from socialready.catalog import Channel
from socialready.grammar import decimal, number
from socialready.model import ChannelPlan, NotNow, Recommended
from socialready.rules.choice import ChannelChoice, Pick
from socialready.rules.context import Context
from socialready.rules.current import current_channels
from socialready.rules.hours import EPSILON, hours, reply_hours
from socialready.rules.reach import reached

WAITING = ("start-small", "after-current", "after-mentioned", "replies-first", "replies-first-new")


def rhythm(ctx: Context, channel: Channel, posts: float) -> str:
    """'3 posts a week', 'a video every two weeks', 'elke dag een bericht', in the plan's words."""
    unit = channel.unit[ctx.lang]
    if posts >= 7 and float(posts / 7).is_integer():
        per_day = int(posts / 7)
        if per_day == 1:
            return ctx.text("rhythm.day_one", a=unit["a"])
        return ctx.text("rhythm.day", n=per_day, unit=unit["many"])
    if posts >= 1:
        word = unit["one"] if posts == 1 else unit["many"]
        return ctx.text("rhythm.week", n=decimal(posts, ctx.lang), unit=word)
    if posts >= 0.5:
        return ctx.text("rhythm.fortnight", a=unit["a"])
    return ctx.text("rhythm.month", a=unit["a"])


def cadence(ctx: Context, pick: Pick) -> str:
    """'2 feed posts a week (Mosseri, 2021)'; the organisation's own rhythm says so."""
    channel = pick.channel
    if pick.own is not None and pick.posts == 0:  # answering messages, no posts
        tier = channel.tier(pick.tier)
        return ctx.text("cadence_own", cadence=tier.cadence[ctx.lang])
    if pick.own is not None:
        shown = rhythm(ctx, channel, pick.posts)
        if pick.cut:
            return ctx.text("cadence_carried", cadence=shown, own=rhythm(ctx, channel, pick.own))
        real = own_rhythm(ctx, channel)
        if real is not None and pick.posts + EPSILON < real:  # beyond the channel's range, or bad
            return ctx.text("cadence_lower", cadence=shown, own=rhythm(ctx, channel, real))
        return ctx.text("cadence_own", cadence=shown)
    tier = channel.tier(pick.tier)
    return ctx.text("cadence_source", cadence=tier.cadence[ctx.lang], source=ctx.cite(tier.fact))


def why(ctx: Context, pick: Pick) -> str:
    channel = pick.channel
    origin = pick.origin
    if origin == "current" and pick.own is not None:
        if pick.relied:
            origin = "relied"
        elif pick.works in ("well", "so_so"):
            origin = "answering" if pick.posts == 0 else "working"
        else:
            origin = "current-badly" if pick.works == "badly" else "current-known"
        if pick.works == "so_so":
            origin += "_so_so"  # not "it works": middling, relied on or not
        if pick.cut and origin in ("working", "working_so_so", "current-known"):
            origin += "_cut"  # not "keep your rhythm": the hours carry less
    parts = [ctx.text(f"channel_origin.{origin}")]
    if pick.origin == "current" and pick.own is None:
        parts.append(ctx.text("channel_rhythm_unknown"))
    if pick.own is None and pick.tier == "ambitious":
        parts.append(ctx.text("channel_ambitious", people=ctx.whole("capacity.people")))
    if channel.id != "internal_network":
        by_fact: dict[str, list[str]] = {}
        for segment, fact in reached(ctx, channel).items():
            by_fact.setdefault(fact, []).append(segment)
        for fact, segments in by_fact.items():
            names = grammar.capital(ctx.in_text("audience.segments", segments))
            if ctx.catalog.facts[fact].assumed:
                parts.append(ctx.text("channel_reach_assumed", segments=names))
            else:
                parts.append(
                    ctx.text(
                        "channel_reach",
                        segments=names,
                        fact=ctx.catalog.facts[fact].text[ctx.lang],
                        source=ctx.cite(fact),
                    )
                )
    else:
        parts.append(ctx.text("channel_staff_only"))
    caveat = channel.caveat.get(ctx.choice("organisation.country"))
    if caveat:
        parts.append(
            ctx.text(
                "channel_caveat",
                fact=ctx.catalog.facts[caveat].text[ctx.lang],
                source=ctx.cite(caveat),
            )
        )
    serves = [o for o in ctx.choices("goals.objectives") if o in channel.objectives]
    if serves:
        parts.append(ctx.text("channel_serves", objectives=ctx.in_text("goals.objectives", serves)))
    if channel.id == "whatsapp_channel":
        parts.append(ctx.text("channel_broadcast_only"))
    if channel.conversational:
        replies = reply_hours(ctx, channel)
        if pick.hours + EPSILON < pick.estimate:  # a rhythm kept on fewer hours than it takes
            parts.append(ctx.text("channel_replies_short", estimate=pick.estimate, hours=replies))
        else:
            parts.append(ctx.text("channel_replies", hours=replies))
    return " ".join(parts)


def describe(ctx: Context, choice: ChannelChoice) -> ChannelPlan:
    """The `channels` section of the plan."""
    recommended: list[Recommended] = [
        {
            "channel": pick.channel.id,
            "tier": pick.tier,
            "cadence": cadence(ctx, pick),
            "posts_per_week": number(pick.posts),
            "hours_per_week": number(pick.hours),
            "why": why(ctx, pick),
        }
        for pick in choice.recommended
    ]
    order = list(ctx.catalog.channels)
    not_now: list[NotNow] = [
        {"channel": channel.id, "why": ctx.text(f"not_now.{reason}", **params)}
        for channel, reason, params in sorted(
            choice.not_now, key=lambda item: order.index(item[0].id)
        )
    ]
    needed = round(sum(pick.hours for pick in choice.recommended), 2)
    available = ctx.number("capacity.hours_per_week")
    return {
        "workload": {
            "hours_needed": number(needed),
            "hours_available": available,
            "summary": workload_summary(ctx, choice, needed, float(available)),
        },
        "recommended": recommended,
        "not_now": not_now,
    }


def workload_summary(ctx: Context, choice: ChannelChoice, needed: float, available: float) -> str:
    """Hours used against hours available; what the hours left are for; the reply assumption."""
    unused = round(available - needed, 2)
    if not choice.recommended:
        return ctx.text("workload.none", available=available)
    parts = []
    if choice.short():
        parts.append(ctx.text("workload.short", needed=needed, available=available))
    elif unused >= 0.25:
        purposes = [ctx.text("workload.for-replies"), ctx.text("workload.for-monitoring")]
        if "crisis" in ctx.choices("goals.objectives"):
            purposes.append(ctx.text("workload.for-crisis"))
        if ctx.choice("willingness.dialogue") != "broadcast_only":
            purposes.append(ctx.text("workload.for-co-creation"))
        later = [  # a channel that waits for a reason other than hours, and fits in them
            channel
            for channel, reason, _ in choice.not_now
            if reason in WAITING and hours(ctx, channel, "minimum") <= unused
        ]
        if later:
            purposes.append(ctx.text("workload.for-next", channel=ctx.channel(later[0])))
        parts.append(
            ctx.text(
                "workload.room",
                needed=needed,
                available=available,
                unused=unused,
                purposes=ctx.join(purposes),
            )
        )
    else:
        parts.append(ctx.text("workload.full", needed=needed, available=available))
    if any(pick.channel.conversational for pick in choice.recommended):
        parts.append(ctx.text("workload.reply-assumption", source=ctx.cite(ctx.catalog.reply.fact)))
    return " ".join(parts)


def own_rhythm(ctx: Context, channel: Channel) -> float | None:
    """The organisation's own posts a week on a current channel, if it said."""
    entry = current_channels(ctx).get(channel.id)
    return None if entry is None else entry.posts


WEAKER = ("badly", "so_so")  # how a channel in the plan works, the worst first


def _choose(ctx: Context, cut: list[Pick], choice: ChannelChoice) -> str:
    """Add hours or accept the lower cadence; and where a channel that works well is cut while
    one in the plan works worse (not one people rely on, not the internal network, which
    reaches other people), whose hours would carry at least one more post: pause that one."""
    channels = ctx.channels([pick.channel for pick in cut])
    well = [pick.channel for pick in cut if pick.works == "well"]
    weaker = sorted(
        (
            pick
            for pick in choice.recommended
            if pick.works in WEAKER
            and not pick.relied
            and not pick.short
            and pick.channel.id != "internal_network"
        ),
        key=lambda pick: WEAKER.index(pick.works),
    )
    if well and weaker and weaker[0].hours + EPSILON >= well[0].hours_per_post:
        return ctx.text(
            "rhythm_short.choose_or_move",
            channels=channels,
            weaker=ctx.channel(weaker[0].channel),
            result=ctx.text(f"rhythm_short.result.{weaker[0].works}"),
            well=ctx.channels(well),
        )
    return ctx.text("rhythm_short.choose", channels=channels)


def rhythm_short(ctx: Context, choice: ChannelChoice) -> dict[str, str]:
    """The figures of each working channel the hours do not carry: its rhythm now, the hours that
    takes by our estimate, the hours the plan has, and what those carry; and the choice it leaves
    (with, where one that works well is cut, the hours of one in the plan that works worse)."""
    picks = choice.short()
    details = []
    for pick in picks:
        channel = pick.channel
        own = rhythm(ctx, channel, pick.own or 0)
        params = {
            "channel": channel.name[ctx.lang],
            "own": own,
            "needed": pick.estimate,
            "hours": pick.hours,
        }
        if pick.cut:
            posts = rhythm(ctx, channel, pick.posts)
            details.append(ctx.text("rhythm_short.cut", posts=posts, **params))
        else:
            details.append(ctx.text("rhythm_short.kept", **params))
    relied = [pick.channel for pick in picks if pick.relied]
    cut = [pick for pick in picks if not pick.relied]
    advice = []
    if cut:
        advice.append(_choose(ctx, cut, choice))
    if relied:
        video = any(channel.id == "youtube" for channel in relied)
        lighter = ctx.text(f"rhythm_short.lighter.{'video' if video else 'other'}")
        advice.append(
            ctx.text("rhythm_short.relied", channels=ctx.channels(relied), lighter=lighter)
        )
    return {"details": " ".join(details), "advice": " ".join(advice)}
