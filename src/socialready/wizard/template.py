"""The questionnaire as an answers file to fill in, every question a commented key."""

from __future__ import annotations

from socialready import answers as answers_mod
from socialready.planfile import yamlio
from socialready.questionnaire import Question, Questionnaire


def _describe(question: Question, lang: str) -> list[str]:
    lines = [f"# {question.prompt[lang]}"]
    if question.help:
        lines.append(f"# {question.help[lang]}")
    if question.kind == "one":
        lines.append(f"# one of: {', '.join(question.values)}")
    elif question.kind == "many":
        least = f"at least {question.min_selected}" if question.min_selected else "may be empty"
        lines.append(f"# list ({least}) of: {', '.join(question.values)}")
    elif question.kind in ("number", "integer"):
        whole = "whole number" if question.kind == "integer" else "number"
        lines.append(f"# {whole} from {question.minimum:g} to {question.maximum:g}")
    elif question.kind == "yesno":
        lines.append("# true or false")
    elif question.required:
        lines.append(f"# required, at most {question.max_length} characters")
    if question.ask_if:
        condition = question.ask_if
        lines.append(
            f"# asked only when {condition.key} {condition.op} {yamlio.inline(condition.value)}"
        )
    return lines


def answers_template(questionnaire: Questionnaire, lang: str) -> str:
    """YAML to fill in and pass to `socialready assess --answers FILE`."""
    out = [
        "# socialready answers: fill in, then run `socialready assess --answers this-file.yaml`.",
        "# Leave a key out to be asked for it; every value below is the default.",
    ]
    part = ""
    for question in questionnaire.questions:
        section, _, name = question.key.partition(".")
        if section != part:
            part = section
            out.append(f"{section}:")
        out += [f"  {line}" for line in _describe(question, lang)]
        default = answers_mod.default(question, lang) if question.default is not None else ""
        out.append(f"  {name}: {yamlio.inline(default)}")
    return "\n".join(out) + "\n"
