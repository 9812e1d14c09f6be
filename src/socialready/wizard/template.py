"""The questionnaire as an answers file to fill in, every question a commented key; and the
notes on a question (when it is asked, what it offers) that `socialready questions` shows too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from socialready import answers as answers_mod
from socialready.grammar import decimal
from socialready.planfile import yamlio
from socialready.questionnaire import Choice, Condition, Question, Questionnaire
from socialready.text import known, text

if TYPE_CHECKING:
    from socialready.model import Answer

EXAMPLE_CHANNELS = "  facebook: {posts_per_week: 3, works: well}"


def _choices(choices: tuple[Choice, ...], lang: str) -> list[str]:
    return [f"  {choice.value}: {choice.label[lang]}" for choice in choices]


def values(question: Question, lang: str) -> list[str]:
    """What an answer may be: the kind of value, and the choices one by one."""
    lines: list[str] = []
    if question.kind == "one" and answers_mod.is_codes(question):
        lines.append(text("template.country", lang))  # 250 countries help nobody here
    elif question.kind == "one":
        lines += [text("template.one_of", lang), *_choices(question.choices, lang)]
    elif question.kind == "many":
        if question.min_selected:
            lines.append(text("template.list_at_least", lang, n=question.min_selected))
        else:
            lines.append(text("template.list_may_be_empty", lang))
        lines += _choices(question.choices, lang)
    elif question.kind == "channels":
        works = question.field("works")
        lines += [text("template.channels", lang), *_choices(works.choices, lang)]
        lines += [text("template.channel_ids", lang), *_choices(question.choices, lang)]
        lines += [text("template.example", lang), EXAMPLE_CHANNELS]
    elif question.kind in ("number", "integer"):
        which = "template.whole_number" if question.kind == "integer" else "template.number"
        low, high = decimal(question.minimum, lang), decimal(question.maximum, lang)
        lines.append(text(which, lang, min=low, max=high))
    elif question.kind == "yesno":
        lines.append(text("template.yes_no", lang))
    elif question.required:
        lines.append(text("template.required", lang, n=question.max_length))
    return lines


def notes(question: Question, questionnaire: Questionnaire, lang: str) -> list[str]:
    """Which choices follow an earlier answer, when the question is asked, and what is
    assumed when it is left out; in words."""
    lines: list[str] = []
    if question.choices_by:
        lines.append(text("template.sectors_by_kind", lang))
        lines += [
            f"  {kind}: {', '.join(fits)}" for kind, fits in question.choices_by.table.items()
        ]
    if question.except_in:
        lines.append(text("template.except_in", lang, key=question.except_in))
    if question.ask_if:
        condition = when(questionnaire, question.ask_if, lang)
        lines.append(text("template.asked_when", lang, condition=condition))
    if question.key in answers_mod.ASSUMABLE:
        value = _shown(question, question.default, lang)
        lines.append(text("template.assumed", lang, value=value))
    return lines


def when(questionnaire: Questionnaire, condition: Condition, lang: str) -> str:
    """A condition in words ("als er mensen mee aan de slag gaan"), never `key gt 0`."""
    own = f"template.when.{condition.key}.{condition.op}.{condition.value}"
    if known(own, lang):
        return text(own, lang)
    asked = questionnaire.by_key[condition.key]
    values = condition.value if isinstance(condition.value, (list, tuple)) else [condition.value]
    shown = ", ".join(_shown(asked, value, lang) for value in values)
    return text(f"template.when.{condition.op}", lang, question=asked.prompt[lang], value=shown)


def _shown(question: Question, value: Answer, lang: str) -> str:
    """A value as a reader knows it: ‘Belgium’; a number as its readers write it."""
    if question.choices:
        return f"‘{question.label(str(value), lang)}’"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return decimal(value, lang)
    return str(value)


def _describe(question: Question, questionnaire: Questionnaire, lang: str) -> list[str]:
    lines = [question.prompt[lang]]
    if question.help:
        lines.append(question.help[lang])
    lines += values(question, lang) + notes(question, questionnaire, lang)
    return [f"# {line}" for line in lines]


def answers_template(questionnaire: Questionnaire, lang: str) -> str:
    """YAML to fill in and pass to `socialready assess --answers FILE`."""
    out = text("template.head", lang).splitlines()
    part = ""
    for question in questionnaire.questions:
        section, _, name = question.key.partition(".")
        if section != part:
            part = section
            out.append(f"{section}:")
        out += [f"  {line}" for line in _describe(question, questionnaire, lang)]
        default = answers_mod.default(question, lang) if question.default is not None else ""
        out.append(f"  {name}: {yamlio.inline(default)}")
    return "\n".join(out) + "\n"
