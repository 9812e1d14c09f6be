"""The questionnaire as an answers file to fill in, every question a commented key."""

from __future__ import annotations

from socialready import answers as answers_mod
from socialready.answers import decimal
from socialready.planfile import yamlio
from socialready.questionnaire import Condition, Question, Questionnaire
from socialready.ui import message


def _describe(
    question: Question, lang: str, questionnaire: Questionnaire | None = None
) -> list[str]:
    lines = [question.prompt[lang]]
    if question.help:
        lines.append(question.help[lang])
    choices = [f"  {choice.value}: {choice.label[lang]}" for choice in question.choices]
    if question.kind == "one":
        lines += [message("template.one_of", lang), *choices]
    elif question.kind == "many":
        if question.min_selected:
            lines.append(message("template.list_at_least", lang, n=question.min_selected))
        else:
            lines.append(message("template.list_may_be_empty", lang))
        lines += choices
    elif question.kind in ("number", "integer"):
        which = "template.whole_number" if question.kind == "integer" else "template.number"
        low, high = decimal(question.minimum, lang), decimal(question.maximum, lang)
        lines.append(message(which, lang, min=low, max=high))
    elif question.kind == "yesno":
        lines.append(message("template.yes_no", lang))
    elif question.required:
        lines.append(message("template.required", lang, n=question.max_length))
    if question.ask_if and questionnaire is not None:
        condition = when(questionnaire, question.ask_if, lang)
        lines.append(message("template.asked_when", lang, condition=condition))
    return [f"# {line}" for line in lines]


def when(questionnaire: Questionnaire, condition: Condition, lang: str) -> str:
    """A condition in words ("als er mensen mee aan de slag gaan"), never `key gt 0`."""
    from socialready.ui import _messages

    own = f"template.when.{condition.key}.{condition.op}.{condition.value}"
    if own in _messages():
        return message(own, lang)
    asked = questionnaire.by_key[condition.key]
    values = condition.value if isinstance(condition.value, (list, tuple)) else [condition.value]
    shown = ", ".join(
        f"‘{asked.label(v, lang)}’" if asked.choices else decimal(v, lang)
        if isinstance(v, (int, float)) and not isinstance(v, bool) else str(v)
        for v in values
    )  # fmt: skip
    return message(f"template.when.{condition.op}", lang, question=asked.prompt[lang], value=shown)


def answers_template(questionnaire: Questionnaire, lang: str) -> str:
    """YAML to fill in and pass to `socialready assess --answers FILE`."""
    out = message("template.head", lang).splitlines()
    part = ""
    for question in questionnaire.questions:
        section, _, name = question.key.partition(".")
        if section != part:
            part = section
            out.append(f"{section}:")
        out += [f"  {line}" for line in _describe(question, lang, questionnaire)]
        default = answers_mod.default(question, lang) if question.default is not None else ""
        out.append(f"  {name}: {yamlio.inline(default)}")
    return "\n".join(out) + "\n"
