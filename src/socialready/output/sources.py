"""Sources as numbered notes: the plan file keeps each figure's source in its sentence; what a
person reads (show as text, markdown, html) gets '[1]' there and the list of sources at the end,
and an assumption said once in that list rather than after every figure."""

from __future__ import annotations

from functools import cache

from socialready import catalog
from socialready.model import (
    DimensionDoc,
    DimensionName,
    NotNow,
    PlanDoc,
    Recommended,
    StepDoc,
    Workload,
)
from socialready.text import text


@cache
def _citations(lang: str) -> tuple[str, ...]:
    """Every citation the rules can write, longest first (so 'Mosseri (Instagram), 2021' is
    found before anything inside it)."""
    data = catalog.load()
    assumption = text("rules.assumption", lang)
    found = {fact.cite(lang, assumption) for fact in data.facts.values()} - {""}
    return tuple(sorted(found, key=len, reverse=True))


class Notes:
    """Numbers each source the first time it is cited."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.numbers: dict[str, int] = {}

    def mark(self, text: str) -> str:
        """The text with every ' (source)' it cites replaced by ' [n]'."""
        if "(" not in text:
            return text
        for citation in _citations(self.lang):
            cited = f" ({citation})"
            while cited in text:
                number = self.numbers.setdefault(citation, len(self.numbers) + 1)
                text = text.replace(cited, f" [{number}]", 1)
        return text

    def listed(self) -> list[str]:
        """'[1] Newcom, 2025', in order; an assumption says what it means."""
        assumption = text("rules.assumption", self.lang)
        return [
            f"[{number}] "
            + (text("rules.assumption_note", self.lang) if source == assumption else source)
            for source, number in self.numbers.items()
        ]


def numbered(document: PlanDoc) -> tuple[PlanDoc, list[str]]:
    """A copy of the plan with its generated texts citing numbered notes, and those notes, in the
    order a reader meets them. What the user owns (notes, answers, reviews) is left as it is."""
    notes = Notes(document["language"])
    readiness = document["readiness"]
    dimensions: dict[DimensionName, DimensionDoc] = {
        key: {
            **dimension,
            "findings": [
                {**finding, "says": notes.mark(finding["says"]), "do": notes.mark(finding["do"])}
                for finding in dimension["findings"]
            ],
        }
        for key, dimension in readiness["dimensions"].items()
    }
    channels = document["channels"]
    workload: Workload = {**channels["workload"]}
    if "summary" in workload:  # plans written before it have none
        workload["summary"] = notes.mark(workload["summary"])
    recommended: list[Recommended] = [
        {**item, "cadence": notes.mark(item["cadence"]), "why": notes.mark(item["why"])}
        for item in channels["recommended"]
    ]
    not_now: list[NotNow] = [
        {**item, "why": notes.mark(item["why"])} for item in channels["not_now"]
    ]
    steps: list[StepDoc] = [
        {
            **step,
            "why": notes.mark(step["why"]),
            "actions": [notes.mark(action) for action in step["actions"]],
        }
        for step in document["steps"]
    ]
    marked: PlanDoc = {
        **document,
        "readiness": {**readiness, "dimensions": dimensions},
        "channels": {
            **channels,
            "workload": workload,
            "recommended": recommended,
            "not_now": not_now,
        },
        "steps": steps,
    }
    return marked, notes.listed()
