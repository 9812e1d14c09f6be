"""Answers: validating them, nesting them for files, and reading `--set KEY=VALUE`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import TypeVar

from socialready.errors import AnswerError, Msg, Text, msg
from socialready.grammar import number
from socialready.model import Answer, Answers, ChannelUse, NestedAnswers, as_choices
from socialready.questionnaire import Question, Questionnaire

FROM_LOCALE = "from_locale"
T = TypeVar("T")
K = TypeVar("K")  # a key as read: text, or whatever else YAML reads as one
ASSUMED = "answers.assumed"  # the keys nobody answered, taken from defaults: a tuple, in order
# What answers format 2 could not say. Left out of an answers file or a plan, each takes its
# default and the plan names it as an assumption (the key stays out of the file, so the
# assumption stays visible until someone answers it). `country: other` is unknown too.
ASSUMABLE = (
    "organisation.sector",
    "organisation.region",
    "audience.minors",
    "capacity.paid_promotion",
)
UNKNOWN_COUNTRY = "other"
YES = frozenset({"yes", "y", "true", "ja", "j", "1"})  # typed, or text for a yes/no answer
NO = frozenset({"no", "n", "false", "nee", "0"})
BOOLEAN_CHOICES = {True: "yes", False: "no"}  # a yes/no value given for a choice of these words


def validate(question: Question, value: object, source: str = "") -> Answer:
    """The value in its canonical form, or an AnswerError naming the key and what to do."""
    kind = question.kind
    if kind == "text":
        return _text(question, value, source)
    if kind == "one":
        return _one(question, value, source)
    if kind == "channels":
        return _channels(question, value, source)
    if kind == "many":
        return _many(question, value, source)
    if kind in ("number", "integer"):
        return _number(question, value, source)
    if kind == "yesno":
        return _yesno(question, value, source)
    raise AnswerError(question.key, msg("answer.kind", kind=repr(kind)), source)


def _text(question: Question, value: object, source: str) -> str:
    def fail(problem: Text) -> AnswerError:
        return AnswerError(question.key, problem, source)

    if value is None:
        value = ""
    if isinstance(value, dt.date):
        value = value.isoformat()  # YAML 1.2 reads 2026-01-05 as text
    if not isinstance(value, str):
        raise fail(msg("answer.text_type", value=repr(value)))
    value = value.strip()
    if question.required and not value:
        raise fail(msg("answer.required"))
    if len(value) > question.max_length:
        raise fail(msg("answer.too_long", length=len(value), max=question.max_length))
    if not value.isprintable() and any(  # printable: no control character (most text)
        (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) and ch not in "\n\t" for ch in value
    ):
        raise fail(msg("answer.control"))
    if question.one_line and len(value.splitlines()) > 1:
        raise fail(msg("answer.one_line"))
    return value


def _one(question: Question, value: object, source: str) -> str:
    if type(value) is str and value in question.value_set:
        return value  # most answers: one of the values as it is
    if isinstance(value, bool) and BOOLEAN_CHOICES[value] in question.values:
        value = BOOLEAN_CHOICES[value]  # `true` for a choice that has `yes`
    if isinstance(value, str) and value not in question.values and is_codes(question):
        value = _same_letters(question.values, value)  # `nl` or ` NL` for NL
    if not isinstance(value, str) or value not in question.values:
        if is_codes(question):  # the countries: a list of 250 codes helps nobody
            problem = msg("answer.not_country", value=repr(value))
        else:
            values = ", ".join(question.values)
            problem = msg("answer.not_one_of", value=repr(value), values=values)
        raise AnswerError(question.key, problem, source)
    return value


def _many(question: Question, value: object, source: str) -> list[str]:
    def fail(problem: Text) -> AnswerError:
        return AnswerError(question.key, problem, source)

    if value is None:
        value = []
    values = question.values
    if not isinstance(value, list):
        raise fail(msg("answer.list_of", values=", ".join(values)))
    known = question.value_set
    for item in value:  # text looked up in the set; anything else as before, in the tuple
        if (type(item) is not str or item not in known) and item not in values:
            raise fail(msg("answer.not_one_of", value=repr(item), values=", ".join(values)))
    if len(value) < question.min_selected:
        raise fail(msg("answer.at_least", n=question.min_selected))
    chosen = set(value)
    return [v for v in values if v in chosen]  # questionnaire order, no duplicates


def _number(question: Question, value: object, source: str) -> float | None:
    """A number or (for an integer question) a whole one; None where unknown is allowed."""

    def fail(problem: Text) -> AnswerError:
        return AnswerError(question.key, problem, source)

    if value is None and question.nullable:
        return None  # not known
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(msg("answer.number", min=question.minimum, max=question.maximum))
    if value != value or not question.minimum <= value <= question.maximum:  # NaN != NaN
        shown = float(value) if abs(value) < 1e15 else "…"  # 10**400 has no float
        raise fail(
            msg("answer.out_of_range", value=shown, min=question.minimum, max=question.maximum)
        )
    if question.kind == "integer" and value != int(value):
        raise fail(msg("answer.whole"))
    return int(value) if question.kind == "integer" else number(value)


def _yesno(question: Question, value: object, source: str) -> bool:
    if isinstance(value, str) and value.isascii() and value.lower() in YES | NO:
        return value.lower() in YES  # YAML 1.2 reads a bare yes as text
    if not isinstance(value, bool):
        raise AnswerError(question.key, msg("answer.yes_no"), source)
    return value


def is_codes(question: Question) -> bool:
    """A choice among codes (the countries), typed in any case: too many to list."""
    return len(question.values) > 100


def _same_letters(values: tuple[str, ...], typed: str) -> str:
    """The one value that differs from what was typed only in case, else what was typed."""
    found = [value for value in values if value.casefold() == typed.strip().casefold()]
    return found[0] if len(found) == 1 else typed


def _channels(question: Question, value: object, source: str) -> dict[str, ChannelUse]:
    """Channel id -> {posts_per_week, works}, in the questionnaire's order. A list (answers
    format 2) names the channels only: how often and how well are then unknown."""
    if value is None:
        return {}
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        value = dict.fromkeys(value)
    if not isinstance(value, dict):  # a list of mappings too: it cannot be read as channels
        raise AnswerError(question.key, msg("answer.channels"), source)
    works, posts = question.field("works"), question.field("posts_per_week")
    checked: dict[str, ChannelUse] = {}
    for channel, usage in value.items():
        if channel not in question.values:
            raise AnswerError(
                question.key,
                msg("answer.not_one_of", value=repr(channel), values=", ".join(question.values)),
                source,
            )
        where = f"{question.key}.{channel}"
        usage = {} if usage is None else usage
        if not isinstance(usage, dict):
            raise AnswerError(where, msg("answer.channel_usage"), source)
        for name in usage:
            if name not in (posts.key, works.key):
                problem = msg("answer.channel_field")
                raise AnswerError(f"{where}.{name}", problem, source)
        checked[channel] = {
            "posts_per_week": _about(
                _number, question, posts, channel, usage.get(posts.key), source
            ),
            "works": _about(
                _one, question, works, channel, usage.get(works.key, works.default), source
            ),
        }
    return {channel: checked[channel] for channel in question.values if channel in checked}


def _about(
    check: Callable[[Question, object, str], T],
    question: Question,
    field: Question,
    channel: str,
    value: object,
    source: str,
) -> T:
    """A channel's `field` checked; a problem is said of that channel's own question (its
    prompt names the channel), which is made only then: every plan read checks these."""
    try:
        return check(field, value, source)
    except AnswerError:
        check(question.about(field.key, channel), value, source)
        raise


def parse_text(question: Question, text: str, source: str = "") -> Answer:
    """Turn typed text (from --set or a prompt) into a value of the question's kind."""
    text = text.strip()
    if question.kind == "channels":  # facebook:3:well, x:0:dormant, instagram
        usage: dict[str, dict[str, Answer]] = {}
        posts, works = question.field("posts_per_week"), question.field("works")
        for item in (item.strip() for item in text.split(",")):
            if item:
                channel, *rest = (part.strip() for part in item.split(":"))
                given: dict[str, Answer] = {}
                if rest and rest[0]:
                    asked = question.about(posts.key, channel)
                    given[posts.key] = parse_text(asked, rest[0], source)
                if len(rest) > 1:
                    given[works.key] = rest[1]
                usage[channel] = given
        return validate(question, usage, source)
    if question.kind in ("number", "integer") and question.nullable and not text:
        return None
    if question.kind == "many":
        return validate(
            question, [item.strip() for item in text.split(",") if item.strip()], source
        )
    if question.kind in ("number", "integer"):
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise AnswerError(
                question.key,
                msg(
                    "answer.not_number",
                    value=repr(text),
                    min=question.minimum,
                    max=question.maximum,
                ),
                source,
            ) from None
        return validate(question, number, source)
    if question.kind == "yesno":
        if text.lower() in YES:
            return True
        if text.lower() in NO:
            return False
        problem = msg("answer.not_yes_no", value=repr(text))
        raise AnswerError(question.key, problem, source)
    return validate(question, text, source)


def parse_sets(
    questionnaire: Questionnaire,
    pairs: list[str],
    *,
    as_text: tuple[str, ...] = (),
    syntax: Msg | None = None,
    unknown: Msg | None = None,
) -> Answers:
    """`--set KEY=VALUE` options as answers, each read as its question's kind (`assess`,
    `plan` and `review`). A key in `as_text` is kept as text for the command to check (the
    review's date); `syntax` and `unknown` say what is wrong in the command's own words."""
    answers: Answers = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep:
            raise AnswerError(key or pair, syntax or msg("answer.set_syntax"))
        if key in as_text:
            answers[key] = text.strip()
        elif key in questionnaire.by_key:
            answers[key] = parse_text(questionnaire.by_key[key], text, "--set")
        else:
            raise AnswerError(key, unknown or msg("answer.not_question"), "--set")
    return answers


def nested(
    node: Mapping[K, object],
    prefix: str,
    known: Collection[str],
    unknown: Callable[[str], Exception],
) -> Iterator[tuple[str, object]]:
    """The one reader of nested answers: (key, value) for each answer under `prefix`, in file
    order. A key that is an answer takes its value as it is (a mapping too); one that leads to
    answers (`published:` to `review.published.instagram`) is read further, written nested or
    with its dots; any other raises `unknown(key)`."""
    for name, value in node.items():
        key = f"{prefix}.{name}"
        if key in known:
            yield key, value
        elif isinstance(value, dict) and any(k.startswith(key + ".") for k in known):
            yield from nested(value, key, known, unknown)
        else:
            raise unknown(key)


def from_nested(questionnaire: Questionnaire, data: object, source: str) -> Answers:
    """Answers from the nested file form (`capacity: {people: 2}`); unknown keys are errors."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise AnswerError("answers", msg("answer.parts"), source)
    if "socialready" in data:
        raise AnswerError("socialready", msg("answer.is_plan"), source)
    answers: Answers = {}

    def unknown(key: str) -> AnswerError:
        return AnswerError(key, msg("answer.not_question"), source)

    by_key = questionnaire.by_key
    for part, fields in data.items():
        if not isinstance(fields, dict):
            raise AnswerError(str(part), msg("answer.part"), source)
        if not fields:  # an empty part that does not exist: say so too
            parts = dict.fromkeys(
                question.key.partition(".")[0] for question in questionnaire.questions
            )
            if part not in parts:
                problem = msg("answer.no_part", parts=", ".join(parts))
                raise AnswerError(str(part), problem, source)
        for name, value in fields.items():
            question = by_key.get(f"{part}.{name}")  # most keys: a question, as nested() finds
            if question is not None:
                _from_nested(answers, question, value, source)
                continue
            for key, found in nested({name: value}, str(part), by_key, unknown):
                _from_nested(answers, by_key[key], found, source)
    return answers


def _from_nested(answers: Answers, question: Question, value: object, source: str) -> None:
    if value is None and question.ask_if is not None and question.kind == "one":
        return  # `region:` left empty where it does not apply
    answers[question.key] = validate(question, value, source)


def to_nested(questionnaire: Questionnaire, answers: Answers) -> NestedAnswers:
    """The nested file form, in questionnaire order; an assumption stays out of it (it is no
    answer), as does a question that does not apply and has no value for that case."""
    nested: NestedAnswers = {}
    assumed = as_choices(answers.get(ASSUMED))
    for question in questionnaire.questions:
        if question.key in assumed and question.key in ASSUMABLE:
            continue
        if question.key in answers and answers[question.key] is not None:
            part, _, name = question.key.partition(".")
            nested.setdefault(part, {})[name] = answers[question.key]
    return nested


def may_be_left_out(question: Question) -> bool:
    """An optional text answer may be absent (from an answers file or a plan): it is its default."""
    return not question.required and question.kind == "text"


class LeftOut:
    """What an answering function gives for a question that stays out of the answers."""


LEFT_OUT = LeftOut()


def resolve(
    questionnaire: Questionnaire, answer: Callable[[Question, Answers], Answer | LeftOut]
) -> Answers:
    """The one walk over the questions, in order. A question that does not apply (judged by
    the answers before it) takes its value for that case; any other, what `answer` gives for it
    (given, asked, a default; or LEFT_OUT). The wizard, `complete` and `with_defaults` differ
    only in their `answer`."""
    filled: Answers = {}
    for question in questionnaire.questions:
        if not question.applies(filled):
            filled[question.key] = question.if_skipped
            continue
        value = answer(question, filled)
        if not isinstance(value, LeftOut):
            filled[question.key] = value
    return filled


def complete(questionnaire: Questionnaire, answers: Answers) -> tuple[Answers, list[str]]:
    """Fill in each question that does not apply and each optional one left out, and assume
    the default of each that answers format 2 could not give; return the missing keys too."""
    missing: list[str] = []
    assumed: list[str] = []

    def answer(question: Question, filled: Answers) -> Answer | LeftOut:
        if question.key in answers:
            return answers[question.key]
        if may_be_left_out(question):
            return validate(question, question.default)
        if question.key in ASSUMABLE:
            assumed.append(question.key)
            return validate(question, question.default)
        missing.append(question.key)
        return LEFT_OUT

    filled = resolve(questionnaire, answer)
    return _with_assumptions(filled, assumed), missing


def _with_assumptions(filled: Answers, assumed: list[str]) -> Answers:
    """The answers with the keys they assume (ASSUMED), when there are any."""
    if filled.get("organisation.country") == UNKNOWN_COUNTRY:
        assumed = sorted([*assumed, "organisation.country"], key=list(filled).index)
    if assumed:
        filled[ASSUMED] = tuple(assumed)
    return filled


def stated(answers: Answers) -> Answers:
    """The answers as given: without the defaults assumed for what nobody answered."""
    assumed = set(as_choices(answers.get(ASSUMED))) & set(ASSUMABLE)
    return {key: value for key, value in answers.items() if key not in assumed and key != ASSUMED}


def default(question: Question, lang: str) -> Answer:
    """A question's default; `from_locale` (the country) follows the locale and the language."""
    if question.default == FROM_LOCALE:
        from socialready import locales

        country = locales.default_country(lang)
        if question.values and country not in question.values and "other" in question.values:
            return "other"  # a country the question does not list by name
        return country
    return question.default


def upgrade(answers: Answers, lang: str) -> Answers:
    """Answers of a plan made before `organisation.country` existed: the country from its language.

    Not from the locale: the same plan must give the same bytes on every machine. (What else
    answers format 2 lacks is read by `validate`, a list of current channels, and assumed by
    `complete`.)
    """
    if "organisation.country" in answers or "organisation.name" not in answers:
        return answers
    return {**answers, "organisation.country": "NL" if lang == "nl" else "other"}


def with_defaults(
    questionnaire: Questionnaire, answers: Mapping[str, object], lang: str = "en"
) -> Answers:
    """Every question answered: given answers first, then each question's default."""

    def answer(question: Question, filled: Answers) -> Answer | LeftOut:
        if question.key in answers:
            return validate(question, answers[question.key])
        if question.default is not None:
            return validate(question, default(question, lang))
        raise AnswerError(question.key, msg("answer.no_default"))

    return _with_assumptions(resolve(questionnaire, answer), [])
