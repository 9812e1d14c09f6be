"""The questionnaire as typed data, read once from data/questions.yaml.

Named tuples rather than dataclasses: they are made many times faster at start; with their
annotations evaluated, not postponed, as a field given as a string is compiled at every start.
"""

from collections.abc import Mapping
from functools import cache
from typing import Any, NamedTuple

from socialready import grammar, model, packaged
from socialready.model import Answer, Answers

LANGUAGES: tuple[str, ...] = model.LANGUAGES  # the languages every text is in
Text = dict[str, str]


class Choice(NamedTuple):
    value: str
    label: Text


class Condition(NamedTuple):
    """When a question applies: `key op value`, evaluated on the answers given so far."""

    key: str
    op: str
    value: Answer  # a number for `gt`, a list of values for `in` and `not_in`

    def holds(self, answers: Answers) -> bool:
        actual, value = answers.get(self.key), self.value
        if self.op == "eq":
            return actual == value
        if self.op == "ne":
            return actual != value
        if self.op == "gt":
            return (
                isinstance(actual, (int, float))
                and isinstance(value, (int, float))
                and (actual > value)
            )
        if self.op in ("in", "not_in") and isinstance(value, (list, tuple)):
            return (actual in value) == (self.op == "in")
        raise ValueError(f"unknown condition operator {self.op!r}")


class ChoicesBy(NamedTuple):
    """Choices offered after another answer: `organisation.kind` -> the sectors that fit it."""

    key: str
    table: dict[str, tuple[str, ...]]
    always: tuple[str, ...]  # offered whatever the other answer (`other`)


# A tuple of choices' values, and the same as a set, made once per tuple of choices (a country
# question has ~250, and some 50 answers are checked against them on every plan read); the
# entry holds the choices, so that their id stays theirs.
_VALUES: dict[int, tuple[tuple[Choice, ...], tuple[str, ...], frozenset[str]]] = {}


class Question(NamedTuple):
    key: str
    kind: str  # text | one | many | number | integer | yesno | channels
    prompt: Text
    help: Text | None
    default: Answer
    required: bool = False
    max_length: int = 0
    minimum: float = 0
    maximum: float = 0
    min_selected: int = 0
    choices: tuple[Choice, ...] = ()
    ask_if: Condition | None = None
    if_skipped: Answer = None
    fields: tuple["Question", ...] = ()  # per item of a `channels` mapping: posts_per_week, works
    choices_by: ChoicesBy | None = None
    nullable: bool = False  # may be left empty: the answer is unknown (null)
    one_line: bool = False  # a name: no line break
    prompt_for: Mapping[str, Text] | None = None  # a per-channel field's own prompt for a channel
    except_in: str | None = None  # an answer whose choices are not offered (the channels in use)

    @property
    def values(self) -> tuple[str, ...]:
        """The choices' values, in order."""
        return self._values()[1]

    @property
    def value_set(self) -> frozenset[str]:
        """The choices' values, to look an answer up in."""
        return self._values()[2]

    def _values(self) -> tuple[tuple[Choice, ...], tuple[str, ...], frozenset[str]]:
        known = _VALUES.get(id(self.choices))
        if known is None or known[0] is not self.choices:
            values = tuple(choice.value for choice in self.choices)
            known = _VALUES[id(self.choices)] = (self.choices, values, frozenset(values))
        return known

    def field(self, name: str) -> "Question":
        return next(field for field in self.fields if field.key == name)

    def offered(self, answers: Answers) -> tuple[Choice, ...]:
        """The choices that fit the answers so far, in order: the sectors of the kind chosen;
        the channels considering, but those already in use."""
        offered = self.choices
        if self.except_in is not None:
            taken = answers.get(self.except_in) or ()
            if isinstance(taken, (dict, list, tuple)):
                offered = tuple(choice for choice in offered if choice.value not in taken)
        if self.choices_by is None:
            return offered
        chosen = answers.get(self.choices_by.key, "")
        fits = self.choices_by.table.get(chosen) if isinstance(chosen, str) else None
        if fits is None:
            return offered
        wanted = set(fits) | set(self.choices_by.always)
        return tuple(choice for choice in offered if choice.value in wanted)

    def applies(self, answers: Answers) -> bool:
        return self.ask_if is None or self.ask_if.holds(answers)

    def label(self, value: str, lang: str) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label[lang]
        return value

    def about(self, field: str, channel: str) -> "Question":
        """The per-channel question `field` (works, posts_per_week) about one channel: the
        channel named in its prompt as running text says it ('Hoe werkt de nieuwsbrief …',
        '… per week in de nieuwsbrief'), its key the full path (channels.current.facebook.works)."""
        asked = self.field(field)
        own = (asked.prompt_for or {}).get(channel, asked.prompt)  # the newsletter's own
        units = _units(channel) if any("{units}" in text for text in own.values()) else {}
        prompt = {
            lang: text.format(
                channel=grammar.channel(channel, self.label(channel, lang), lang),
                on_channel=grammar.channel(channel, self.label(channel, lang), lang, "on"),
                units=units.get(lang, ""),
            )
            for lang, text in own.items()
        }
        return asked._replace(key=f"{self.key}.{channel}.{field}", prompt=prompt)


def _units(channel: str) -> dict[str, str]:
    """What goes out on a channel, many of it, in each language ('feedberichten', "video's"),
    in the words the plan counts it in."""
    from socialready import catalog

    known = catalog.load()
    return {lang: known.unit_forms(channel, lang)[1] for lang in LANGUAGES}


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

    def prompt(self, key: str, lang: str) -> str | None:
        """The question a key names, as asked in `lang`; a channel's own question for
        `channels.current.facebook.works` (How well is Facebook working …); None if none."""
        if key in self.by_key:
            return self.by_key[key].prompt[lang]
        base, _, rest = key.rpartition(".")
        base, _, channel = base.rpartition(".")
        question = self.by_key.get(base)
        if question is None or channel not in question.values:
            return None
        if rest not in (field.key for field in question.fields):
            return None
        return question.about(rest, channel).prompt[lang]


def _question(raw: dict[str, Any], countries: list[dict[str, str]]) -> Question:
    condition = raw.get("ask_if")
    by = raw.get("choices_by")
    choices = [Choice(c["value"], c["label"]) for c in raw.get("choices", ())]
    if raw.get("choices_from") == "countries":  # every ISO 3166-1 code, then the file's own
        choices = [Choice(c["code"], {"nl": c["nl"], "en": c["en"]}) for c in countries] + choices
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
        choices=tuple(choices),
        ask_if=Condition(**condition) if condition else None,
        if_skipped=raw.get("if_skipped"),
        fields=tuple(_question(field, countries) for field in raw.get("fields", ())),
        choices_by=ChoicesBy(
            by["key"], {k: tuple(v) for k, v in by["table"].items()}, tuple(by["always"])
        )
        if by
        else None,
        nullable=raw.get("nullable", False),
        one_line=raw.get("one_line", False),
        prompt_for=raw.get("prompt_for"),
        except_in=raw.get("except_in"),
    )


@cache
def load() -> Questionnaire:
    """The questionnaire shipped with the package."""
    raw = packaged.load_data("questions")
    countries = packaged.load_data("countries")["countries"]
    return Questionnaire(
        tuple(
            Section(
                s["id"],
                s["title"],
                s["why"],
                tuple(_question(q, countries) for q in s["questions"]),
            )
            for s in raw["sections"]
        )
    )
