"""What the channel rules hand on: each channel picked, at its cadence and hours, and the whole
choice with what is not for now, before it becomes text."""

from __future__ import annotations

from socialready.catalog import Channel
from socialready.model import TierName
from socialready.rules.hours import EPSILON

NEW = ("considering", "suggested", "revived")  # origins of a channel the plan starts anew


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
    def cut(self) -> bool:
        """Kept below its own rhythm."""
        return self.own is not None and self.posts + EPSILON < self.own

    @property
    def short(self) -> bool:
        """Kept below its own rhythm, or given fewer hours than that rhythm takes."""
        return self.cut or (self.own is not None and self.hours + EPSILON < self.estimate)


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

    def started_new(self) -> int:
        """How many of the channels recommended the plan starts anew: the one new channel of
        `start_small` is not taken by an internal network begun first."""
        return sum(pick.origin in NEW for pick in self.recommended)

    def starts_internal(self) -> bool:
        """Whether the plan begins (or revives) an internal network first."""
        return any(pick.origin == "internal_first" for pick in self.recommended)

    def begins(self) -> bool:
        """Whether the plan begins anything: a new channel, or an internal network first (the
        summary says "start", else "keep what works")."""
        return any(pick.origin in (*NEW, "internal_first") for pick in self.recommended)

    def keeps(self) -> bool:
        """Whether the plan keeps a channel the organisation runs now."""
        return any(pick.origin == "current" for pick in self.recommended)

    def short(self) -> list[Pick]:
        return [pick for pick in self.recommended if pick.short]
