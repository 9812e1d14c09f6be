"""The data the rules work from: facts with sources, channels with their reach and cadence tiers,
the thresholds of the verdict, and the tree of data/rules.yaml (its sentences left empty: text.py
says them)."""

# Annotations evaluated, not postponed: a NamedTuple or TypedDict field given as a string is
# compiled at every start (about 1M instructions a class).

import re
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from socialready import grammar, model, packaged

if TYPE_CHECKING:  # the shape the rules read data/rules.yaml in: checked by mypy, free at start
    from typing import TypedDict

    class _Scored(TypedDict):
        dimension: model.DimensionName
        points: int

    class FindingRule(_Scored, total=False):
        """What a finding costs: its dimension's points, and the verdict it caps at most (its
        sentences are the text catalogue's: rules.findings.<id>.says and .do)."""

        cap: model.Verdict
        step: str

    class ServedData(TypedDict):
        nouns: dict[str, dict[str, list[str]]]  # noun -> lang -> [one, many]
        sectors: dict[str, str]  # sector -> noun
        kinds: dict[str, str]  # kind -> noun, where the sector has none
        sensitive: list[str]  # sectors whose pages ask no questions of their readers
        urgent_line: list[str]  # sectors with a phone line for what is urgent

    class ReviewData(TypedDict):
        thresholds: dict[str, float]
        findings: dict[str, FindingRule]

    class TeamData(TypedDict):
        volunteer_sectors: list[str]

    class FirstActionsData(TypedDict):
        min_points: int
        skip: list[str]
        dimensions: dict[str, str]
        steps: dict[str, str]

    class RulesData(TypedDict):
        """What the rules read of data/rules.yaml besides its sentences, which text() says."""

        findings: dict[str, FindingRule]
        first_actions: FirstActionsData
        metrics: dict[str, object]
        review: ReviewData
        served: ServedData
        co_create_ideas: dict[str, object]
        calamity_skip: list[str]
        team: TeamData


Text = dict[str, str]
TIERS = model.TIERS  # lightest first
ANY_COUNTRY = "any"  # reach that holds in every country (mostly an assumption)


class Fact(NamedTuple):
    id: str
    text: Text
    source: str | Text  # a name, or a description in each language
    year: int | None
    country: str | None = None  # the country a usage figure is about (ISO code); None: any
    segments: tuple[str, ...] = ()  # the audience segments a usage figure may be cited for

    @property
    def assumed(self) -> bool:
        return self.source == "assumption"

    @property
    def unsourced(self) -> bool:
        """A duty of good practice: no law or study is claimed, so nothing is cited."""
        return self.source == "none"

    def cite(self, lang: str, assumption: str) -> str:
        """'Newcom, 2025', or the word for assumption where there is no source."""
        if self.assumed:
            return assumption
        if self.unsourced:
            return ""
        source = self.source if isinstance(self.source, str) else self.source[lang]
        if not self.year or (
            str(self.year) in source  # most sources do not name it: no pattern to match
            and re.search(rf"(?<![/\d]){self.year}(?![/\d])", source)
        ):
            return source  # 'wet van 30 juli 2018' says its year already
        return f"{source}, {self.year}"


class Tier(NamedTuple):
    """One cadence of a channel: minimum keeps the account alive, ambitious is what brands do."""

    name: model.TierName
    posts_per_week: float
    cadence: Text
    fact: str


class Channel(NamedTuple):
    id: str
    name: Text
    objectives: tuple[str, ...]
    conversational: bool
    hours_per_post: float
    effort_fact: str
    reach: dict[str, dict[str, str]]  # country (or `any`) -> audience segment -> fact id
    tiers: tuple[Tier, ...]  # in TIERS order
    caveat: dict[str, str]  # country -> fact id worth knowing before investing (e.g. shrinking)
    follows_publishing: bool  # its cadence is capped by capacity.publish_frequency (a blog)
    content: bool  # each post is a substantial piece: publish_frequency sets its cadence
    unit: dict[str, Text]  # lang -> {one, many, a}: what one post is called ("video", "issue")
    sane: tuple[float, float]  # posts a week: below is not kept up, above is absurd

    def tier(self, name: str) -> Tier:
        return self.tiers[TIERS.index(name)]

    def segment_facts(self, country: str) -> dict[str, str]:
        """Audience segment -> the fact that says this channel reaches it, in that country."""
        return {**self.reach.get(ANY_COUNTRY, {}), **self.reach.get(country, {})}


class ReplyLoad(NamedTuple):
    """Hours a week to read and answer reactions on one conversational channel."""

    base: float
    customer_service: float  # added when customer service is an objective
    size_factor: dict[str, float]  # by organisation.size
    fact: str


class Catalog(NamedTuple):
    """Facts, channels, thresholds and texts, as shipped; `version` is written into plans."""

    version: int
    facts: dict[str, Fact]
    channels: dict[str, Channel]
    reply: ReplyLoad
    channels_per_person: int
    thresholds: dict[str, float]
    tree: dict[str, Any]  # data/rules.yaml, each sentence left empty: text() says it
    eu: frozenset[str] = frozenset()  # member states of the EU, for duties that hold there
    figures_for: tuple[str, ...] = ()  # countries the data holds usage figures for

    @property
    def texts(self) -> "RulesData":
        """The tree of data/rules.yaml as the rules read it (typed; as loaded, unchecked)."""
        return cast("RulesData", self.tree)

    def has_figures(self, country: str) -> bool:
        return country in self.figures_for

    def channel_name(self, channel_id: str, lang: str) -> str:
        """A channel's name in `lang`; one the catalogue does not know (a newer plan's) by id."""
        channel = self.channels.get(channel_id)
        return channel.name[lang] if channel else channel_id

    def unit_forms(self, channel_id: str, lang: str) -> tuple[str, str]:
        """What goes out on a channel, one and many ('editie', 'edities'), the words the plan
        counts it in; for one the catalogue does not know (a newer plan's), posts."""
        channel = self.channels.get(channel_id)
        if channel is None:
            return grammar.noun("post", 1, lang), grammar.noun("post", 2, lang)
        return channel.unit[lang]["one"], channel.unit[lang]["many"]


def _channel(key: str, raw: dict[str, Any]) -> Channel:
    return Channel(
        id=key,
        name=raw["name"],
        objectives=tuple(raw["objectives"]),
        conversational=raw["conversational"],
        hours_per_post=raw["hours_per_post"],
        effort_fact=raw["effort_fact"],
        reach={country: dict(segments) for country, segments in raw["reach"].items()},
        tiers=tuple(
            Tier(
                name,
                raw["tiers"][name]["posts_per_week"],
                raw["tiers"][name]["cadence"],
                raw["tiers"][name]["fact"],
            )
            for name in TIERS
        ),
        caveat=dict(raw.get("caveat", {})),
        follows_publishing=raw.get("follows_publishing", False),
        content=raw.get("content", False) or raw.get("follows_publishing", False),
        unit=raw["unit"],
        sane=(float(raw["sane"][0]), float(raw["sane"][1])),
    )


@cache
def load() -> Catalog:
    """The catalog shipped with the package, read once."""
    facts_raw = packaged.load_data("facts")
    rules_raw = packaged.load_data("rules")
    facts = {
        key: Fact(
            key,
            {"en": v["en"], "nl": v["nl"]},
            v["source"],
            v["year"],
            v.get("country"),
            tuple(v.get("segments", ())),
        )
        for key, v in facts_raw["facts"].items()
    }
    channels = {key: _channel(key, v) for key, v in facts_raw["channels"].items()}
    reply = facts_raw["reply_hours"]
    return Catalog(
        rules_raw["rules_version"],
        facts,
        channels,
        ReplyLoad(reply["base"], reply["customer_service"], reply["size_factor"], reply["fact"]),
        facts_raw["channels_per_person"],
        rules_raw["thresholds"],
        rules_raw,
        frozenset(facts_raw["eu_member_states"]),
        tuple(facts_raw["figures_for"]),
    )
