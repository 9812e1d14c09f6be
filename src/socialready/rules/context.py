"""What every rule reads: the answers, the shipped data and the language, bundled once."""

from __future__ import annotations

from typing import Any

from socialready.answers import ASSUMED, decimal
from socialready.catalog import Catalog, Channel
from socialready.questionnaire import Questionnaire


class Context:
    """What every rule reads: the answers, the catalogue, the questionnaire and the language."""

    __slots__ = ("answers", "catalog", "lang", "questionnaire")

    def __init__(
        self, answers: dict[str, Any], catalog: Catalog, questionnaire: Questionnaire, lang: str
    ) -> None:
        self.answers = answers
        self.catalog = catalog
        self.questionnaire = questionnaire
        self.lang = lang

    def __getitem__(self, key: str) -> Any:
        if key == ASSUMED:  # the keys nobody answered, whose defaults the plan assumes
            return self.answers.get(ASSUMED, ())
        return self.answers[key]

    def text(self, path: str, /, **params: Any) -> str:
        """A sentence in the plan's language; decimals written as its readers write them."""
        for key, value in params.items():
            if isinstance(value, float):
                params[key] = decimal(value, self.lang)
        return self.catalog.text(path, self.lang, **params)

    def labels(self, key: str, values: list[str] | tuple[str, ...]) -> str:
        """Choice labels joined for a sentence: 'Adults (30–64) and Seniors (65+)'."""
        question = self.questionnaire.question(key)
        names = [question.label(value, self.lang) for value in values]
        return self.join(names)

    def assumed_answers(self) -> str:
        """Each assumed answer by its name and the value assumed: 'sector: Something else'."""
        parts = []
        for key in self["answers.assumed"]:
            label = self.questionnaire.question(key).label(self[key], self.lang)
            parts.append(f"{self.text(f'assumed_answers/{key}')}: {label}")
        return "; ".join(parts)

    def join(self, names: list[str]) -> str:
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + self.text("list_and") + names[-1]

    def channel_names(self, channels: list[Channel]) -> str:
        return self.join([channel.name[self.lang] for channel in channels])

    @property
    def assumption(self) -> str:
        return self.text("assumption")

    def cite(self, fact_id: str) -> str:
        return self.catalog.facts[fact_id].cite(self.lang, self.assumption)
