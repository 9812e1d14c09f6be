"""The data the rules work from: channel facts with sources, and every generated sentence."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from socialready import files

Text = dict[str, str]


class Fact(NamedTuple):
    id: str
    text: Text
    source: str | Text  # a name, or a description in each language
    year: int | None

    @property
    def assumed(self) -> bool:
        return self.source == "assumption"

    def cite(self, lang: str, assumption: str) -> str:
        """'Pew Research Center, 2025', or the word for assumption where there is no source."""
        if self.assumed:
            return assumption
        source = self.source if isinstance(self.source, str) else self.source[lang]
        return f"{source}, {self.year}" if self.year else source


class Channel(NamedTuple):
    id: str
    name: Text
    segments: tuple[str, ...]
    reach_facts: tuple[str, ...]
    objectives: tuple[str, ...]
    conversational: bool
    posts_per_week: float
    cadence: Text
    cadence_fact: str
    hours_per_post: float
    effort_fact: str


class Catalog(NamedTuple):
    """Facts, channels and texts, as shipped; `version` is the rules version written into plans."""

    version: int
    facts: dict[str, Fact]
    channels: dict[str, Channel]
    reply_hours: float
    texts: dict[str, Any]

    def text(self, path: str, lang: str, /, **params: Any) -> str:
        """The sentence at a dotted path (`findings.goals.x.says` is written `findings`, ...)."""
        node: Any = self.texts
        for part in path.split("/"):
            node = node[part]
        template: str = node[lang]
        return template.format(**params) if params else template


@cache
def load() -> Catalog:
    """The catalog shipped with the package, read once."""
    facts_raw = files.load_data("facts")
    rules_raw = files.load_data("rules")
    facts = {
        key: Fact(key, {"en": v["en"], "nl": v["nl"]}, v["source"], v["year"])
        for key, v in facts_raw["facts"].items()
    }
    channels = {
        key: Channel(
            id=key,
            name=v["name"],
            segments=tuple(v["segments"]),
            reach_facts=tuple(v["reach_facts"]),
            objectives=tuple(v["objectives"]),
            conversational=v["conversational"],
            posts_per_week=v["posts_per_week"],
            cadence=v["cadence"],
            cadence_fact=v["cadence_fact"],
            hours_per_post=v["hours_per_post"],
            effort_fact=v["effort_fact"],
        )
        for key, v in facts_raw["channels"].items()
    }
    return Catalog(rules_raw["rules_version"], facts, channels, facts_raw["reply_hours"], rules_raw)
