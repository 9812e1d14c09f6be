"""The hand-out of the hours and people: channel by channel, in the order `channels.keep` and
`channels.start_new` call, each at its lightest first, then raised while the hours hold."""

from __future__ import annotations

import math

from socialready.catalog import TIERS, Channel
from socialready.grammar import number
from socialready.model import TierName
from socialready.rules.choice import NEW, ChannelChoice, Pick
from socialready.rules.context import Context
from socialready.rules.current import WORKS, Current, current_channels, relied_on
from socialready.rules.hours import EPSILON, cost, floor_hours, highest_tier, hours, tier_of


class Allocation:
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

    def copy(self, choice: ChannelChoice, new_at_most: int | None) -> Allocation:
        """The hours and people left as they stand, handed out from here to `choice` (a copy of
        this one's), starting no more than `new_at_most` channels anew."""
        other = Allocation(self.ctx, choice, self.caps, new_at_most)
        other.left, other.most = self.left, self.most
        other.waiting, other.to_raise = dict(self.waiting), list(self.to_raise)
        return other

    def ceiling(self, channel: Channel) -> str:
        """The highest tier: what the answers allow, and no more than a review's figures show."""
        highest = highest_tier(self.ctx, channel)
        return min(highest, self.caps.get(channel.id, highest), key=TIERS.index)

    def keep_working(self, channels: list[Channel], current: dict[str, Current]) -> None:
        """Current channels whose rhythm is known, at that rhythm (within the channel's sane
        range, and a review's cap). Those that work come first, well before so-so, and are never
        dropped: a rhythm people rely on keeps its posts even when the hours fall short, any other
        is cut to what the hours carry, never below its lightest; the plan says both figures.
        Those whose result is unknown get what hours are left; those that work badly (at their
        lightest, at most) what the other channels you run leave (keep_own, from `choose`)."""
        works = [c for c in channels if current[c.id].works == "well"]
        works += [c for c in channels if current[c.id].works == "so_so"]  # after what works well
        works = works[: self.most]
        rest = [c for c in channels if current[c.id].works not in (*WORKS, "badly")]
        picks = [self._own(channel, current[channel.id]) for channel in works]
        needed = sum(pick.estimate for pick in picks)
        if needed > self.left + EPSILON:  # even the lightest rhythms do not fit: share the hours
            share = self.left / needed
            for pick in picks:
                pick.hours = floor_hours(pick.estimate * share)
            self.left = 0.0
        else:
            self.left = round(self.left - needed, 2)
            self._raise_together([pick for pick in picks if pick.own is not None])
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
        """The channels the organisation runs, all kept at their lightest, raised together (see
        _raise_together): one whose result is not known up to its own rhythm, one whose rhythm
        is not known up to the tier the answers allow."""
        self._raise_together(self.to_raise)
        for pick in self.to_raise:
            if pick.own is not None and pick.short:
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

    def _raise_together(self, picks: list[Pick]) -> None:
        """Channels the organisation runs raised a step at a time, towards their own rhythm (or,
        where it is not known, up a tier), the step that costs the fewest hours first (the first
        channel's on a tie), until even that one does not fit. So every hour a step can use is
        used, and more hours never leave a channel with fewer posts: the order of the steps does
        not depend on the hours. (Raising one channel in full, then the next with what is left,
        would give the first an extra hour and the next less.)"""
        ladders = [self._steps(pick) for pick in picks]
        while True:
            steps = [
                (ladder[0][2] - pick.estimate, order, pick, ladder)
                for order, (pick, ladder) in enumerate(zip(picks, ladders, strict=True))
                if ladder
            ]
            if not steps:
                return
            extra, _, pick, ladder = min(steps, key=lambda step: step[:2])
            if extra > self.left + EPSILON:
                return
            tier, posts, needed = ladder.pop(0)
            self.left = round(self.left - extra, 2)
            pick.tier, pick.posts, pick.estimate, pick.hours = tier, posts, needed, needed

    def _steps(self, pick: Pick) -> list[tuple[TierName, float, float]]:
        """A channel's raises, lowest first, as (tier, posts a week, hours): up to its own rhythm,
        or where that is not known, a tier at a time up to what the answers allow."""
        ctx, channel = self.ctx, pick.channel
        if pick.own is None:
            tiers = TIERS[TIERS.index(pick.tier) + 1 : TIERS.index(self.ceiling(channel)) + 1]
            return [
                (tier, float(channel.tier(tier).posts_per_week), hours(ctx, channel, tier))
                for tier in tiers
            ]
        return [
            (tier_of(channel, posts), posts, cost(ctx, channel, posts))
            for posts in self._ladder(pick)
        ]

    def _ladder(self, pick: Pick) -> list[float]:
        """The rhythms above a pick's, up to its own, lowest first: monthly, every two weeks,
        whole posts a week, its own."""
        own = pick.own or 0.0
        steps = {0.25, 0.5, *map(float, range(1, math.floor(own) + 1)), own}
        return sorted(posts for posts in steps if pick.posts < posts <= own)

    def _new_allowed(self) -> bool:
        if self.new_at_most is None:
            return True
        started = self.choice.started_new()
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
        if channel.id in self.waiting:
            return (channel, self.waiting[channel.id], {})
        if len(self.choice.recommended) >= self.most:  # one they run: paused, said where
            running = channel.id in current_channels(self.ctx)
            return (channel, "focus-current" if running else "focus", {"most": self.most})
        needed = number(hours(self.ctx, channel, "minimum"))
        if not self.choice.recommended:
            return (channel, "over-hours-alone", {"needed": needed, "left": number(self.left)})
        return (channel, "over-hours", {"needed": needed, "left": number(self.left)})
