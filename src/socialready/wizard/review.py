"""The review's questions for one plan: data/review.yaml, one question per channel and objective."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from socialready import answers as answers_mod
from socialready import catalog as catalog_mod
from socialready import grammar, packaged, questionnaire
from socialready.errors import AnswerError, msg
from socialready.model import Answer, Answers
from socialready.questionnaire import Choice, Question, Questionnaire, Section
from socialready.rules.context import Context
from socialready.rules.steps import metric

LANGS = questionnaire.LANGUAGES
DATE = "review.date"  # an answer of a review file or --set, but no question: the command checks it


@cache
def data() -> dict[str, Any]:
    raw: dict[str, Any] = packaged.load_data("review")
    return raw


def _fill(text: dict[str, str] | None, params: dict[str, dict[str, str]]) -> dict[str, str] | None:
    if text is None:
        return None
    return {lang: text[lang].format(**{k: v[lang] for k, v in params.items()}) for lang in LANGS}


def _same(value: object) -> dict[str, str]:
    return {lang: str(value) for lang in LANGS}


def build(
    promised: dict[str, int],
    objectives: Sequence[str],
    reply_promised: str | None,
    hours_planned: float,
    weeks: int,
    defaults: Answers,
    answers: Answers,
) -> Questionnaire:
    """The review questionnaire: `promised` posts per recommended channel id, in plan order.

    `defaults` (by answer id) are what the plan promised, so `--defaults` records "as planned";
    `answers` are the plan's, so that each measure is named in the organisation's own words.
    """
    catalog = catalog_mod.load()
    qs = questionnaire.load()
    response = qs.question("capacity.response_time")
    metrics = catalog.texts["metrics"]
    common = {
        "weeks": _same(weeks),
        "promised": {lang: grammar.count(hours_planned, "hour", lang) for lang in LANGS},
    }
    sections = []
    for raw_section in data()["sections"]:
        questions: list[Question] = []
        for raw in raw_section["questions"]:
            per = raw.get("per")
            items: list[tuple[str, dict[str, dict[str, str]], int | None]]
            if per == "channel":
                items = [
                    (
                        channel,
                        {
                            "channel": catalog.channels[channel].name,
                            "promised": _same(count),
                        },
                        count,
                    )
                    for channel, count in promised.items()
                ]
            elif per == "objective":  # each named as the plan names it in running text
                said = {lang: Context(answers, catalog, qs, lang) for lang in LANGS}
                items = [
                    (
                        objective,
                        {
                            "objective": {
                                lang: ctx.in_text("goals.objectives", [objective])
                                for lang, ctx in said.items()
                            },
                            "metric": {lang: metric(ctx, objective) for lang, ctx in said.items()}
                            if objective in metrics
                            else _same(""),
                        },
                        None,
                    )
                    for objective in objectives
                ]
            else:
                items = [("", {}, None)]
            for item, params, count in items:
                key = raw["key"].format(channel=item, objective=item)
                filled = {**common, **params}
                if key == "review.reply_time" and reply_promised:
                    filled["promised"] = {
                        lang: response.label(reply_promised, lang).lower() for lang in LANGS
                    }
                choices: tuple[Choice, ...] = ()
                if raw.get("choices_from"):
                    choices = qs.question(raw["choices_from"]).choices
                questions.append(
                    Question(
                        key=key,
                        kind=raw["kind"],
                        prompt=_fill(raw["prompt"], filled) or {},
                        help=_fill(raw.get("help"), filled),
                        default=defaults.get(key, count),
                        max_length=raw.get("max_length", 0),
                        minimum=raw.get("min", 0),
                        maximum=raw.get("max", 0),
                        choices=choices,
                    )
                )
        title = raw_section["title"]
        why = _fill(raw_section["why"], common) or {}
        sections.append(Section(raw_section["id"], title, why, tuple(questions)))
    return Questionnaire(tuple(sections))


def flatten(qs: Questionnaire, data: object, source: str) -> Answers:
    """Review answers from a file: `review: {published: {instagram: 6}, ...}`, nested or with
    dotted keys; unknown keys are errors. A measure may be a number or text. The date is no
    answer: the command reads it from the file itself."""
    if data is None:
        return {}
    if (
        not isinstance(data, dict)
        or set(data) != {"review"}
        or not isinstance(data["review"], dict)
    ):
        raise AnswerError("review", msg("review.one_mapping"), source)

    def unknown(key: str) -> AnswerError:
        return AnswerError(key, msg("review.unknown_question"), source)

    flat = dict(answers_mod.nested(data["review"], "review", {*qs.by_key, DATE}, unknown))
    return {key: validate(qs, key, value, source) for key, value in flat.items() if key != DATE}


def validate(qs: Questionnaire, key: str, value: object, source: str) -> Answer:
    if key.startswith("review.measures.") and isinstance(value, (int, float)):
        from socialready.planfile.kinds import TextOrNumber

        largest = TextOrNumber.largest  # as the plan's shape reads it back
        if isinstance(value, bool) or not (-largest <= value <= largest):  # NaN, ±inf too
            limit = qs.by_key[key].max_length
            raise AnswerError(
                key, msg("kind.number_or_text", largest=largest, length=limit), source
            )
        return grammar.number(value)
    return answers_mod.validate(qs.by_key[key], value, source)


def parse_sets(qs: Questionnaire, pairs: list[str]) -> Answers:
    """`--set review.KEY=VALUE` options as review answers; the date as text, checked later."""
    return answers_mod.parse_sets(
        qs,
        pairs,
        as_text=(DATE,),
        syntax=msg("review.set_syntax"),
        unknown=msg("review.unknown_set", ids=", ".join([DATE, *qs.by_key])),
    )
