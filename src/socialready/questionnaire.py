"""The questionnaire as typed data, read once from data/questions.yaml.

Named tuples rather than dataclasses: they are made many times faster at start.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from socialready import files

LANGUAGES = ("nl", "en")
Text = dict[str, str]


class Choice(NamedTuple):
    value: str
    label: Text


class Condition(NamedTuple):
    """When a question applies: `key op value`, evaluated on the answers given so far."""

    key: str
    op: str
    value: Any

    def holds(self, answers: dict[str, Any]) -> bool:
        actual = answers.get(self.key)
        if self.op == "eq":
            return bool(actual == self.value)
        if self.op == "ne":
            return bool(actual != self.value)
        if self.op == "gt":
            return isinstance(actual, (int, float)) and actual > self.value
        if self.op == "in":
            return actual in self.value
        if self.op == "not_in":
            return actual not in self.value
        raise ValueError(f"unknown condition operator {self.op!r}")


class Question(NamedTuple):
    key: str
    kind: str  # text | one | many | number | integer | yesno
    prompt: Text
    help: Text | None
    default: Any
    required: bool = False
    max_length: int = 0
    minimum: float = 0
    maximum: float = 0
    min_selected: int = 0
    choices: tuple[Choice, ...] = ()
    ask_if: Condition | None = None
    if_skipped: Any = None
    one_line: bool = False  # a name: no line break

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)

    def applies(self, answers: dict[str, Any]) -> bool:
        return self.ask_if is None or self.ask_if.holds(answers)

    def label(self, value: str, lang: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label[lang]
        return value


class Section(NamedTuple):
    id: str
    title: Text
    why: Text
    questions: tuple[Question, ...]


class Questionnaire:
    """The sections in order, with every question also by its key."""

    def __init__(self, sections: tuple[Section, ...]) -> None:
        self.sections = sections
        self.questions = tuple(q for section in sections for q in section.questions)
        self.by_key = {q.key: q for q in self.questions}

    def question(self, key: str) -> Question:
        return self.by_key[key]


def _question(raw: dict[str, Any]) -> Question:
    condition = raw.get("ask_if")
    return Question(
        key=raw["key"],
        kind=raw["kind"],
        prompt=raw["prompt"],
        help=raw.get("help"),
        default=raw.get("default"),
        required=raw.get("required", False),
        max_length=raw.get("max_length", 0),
        minimum=raw.get("min", 0),
        maximum=raw.get("max", 0),
        min_selected=raw.get("min_selected", 0),
        choices=tuple(Choice(c["value"], c["label"]) for c in raw.get("choices", ())),
        ask_if=Condition(**condition) if condition else None,
        if_skipped=raw.get("if_skipped"),
        one_line=raw.get("one_line", False),
    )


@cache
def load() -> Questionnaire:
    """The questionnaire shipped with the package."""
    raw = files.load_data("questions")
    return Questionnaire(
        tuple(
            Section(s["id"], s["title"], s["why"], tuple(_question(q) for q in s["questions"]))
            for s in raw["sections"]
        )
    )
