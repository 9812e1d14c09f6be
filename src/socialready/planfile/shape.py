"""The plan file's shape, declared once. The JSON Schema (`socialready schema`, written to
data/plan.schema.json by scripts/build_data.py) and the checks the commands make when they read
a plan are both made from it (with the kinds in planfile/kinds.py), so an editor's validator and
the tool accept the same files.

Plans are read as YAML 1.2 reads them (see yamlio), as editors' validators do. The answers part
comes from the questionnaire: a question that always applies is required; one with `ask_if` is
required when its condition holds, as `if`/`then` in the schema. To add a generated field, declare
it here and run `python scripts/build_data.py`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from socialready import answers as answers_mod
from socialready import catalog as catalog_mod
from socialready import questionnaire, rules
from socialready.errors import BadInput, msg
from socialready.planfile import owned
from socialready.planfile.kinds import (
    JSON,
    Check,
    Choice,
    Date,
    Field,
    ListOf,
    MapOf,
    Node,
    Number,
    Record,
    Shallow,
    Status,
    Text,
    TextOrNumber,
    any_case,
)
from socialready.planfile.kinds import named as _named


class Steps(Node):
    """Exactly the 8 steps, by id, in the source's order."""

    def __init__(self, step: Record) -> None:
        self.step = step

    def body(self, defs: JSON) -> JSON:
        step = self.step.schema(defs)
        return {
            "type": "array",
            "minItems": len(rules.STEP_IDS),
            "maxItems": len(rules.STEP_IDS),
            "prefixItems": [
                {"allOf": [step], "properties": {"id": {"const": step_id}}}
                for step_id in rules.STEP_IDS
            ],
            "items": False,
        }

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        steps = value if isinstance(value, list) else []
        ids = [step.get("id") if isinstance(step, dict) else None for step in steps]
        if ids != list(rules.STEP_IDS):
            raise run.fail(key, msg("plan.steps_order", ids=", ".join(rules.STEP_IDS)))
        return [self.step.check(step, f"{key}[{step['id']}]", run, hint) for step in value]


class Format(Node):
    def body(self, defs: JSON) -> JSON:
        return {"enum": list(range(1, FORMAT + 1))}

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 2.0 is 2, as JSON Schema has it
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise run.fail(key, msg("plan.format_whole", value=repr(value)))
        if value > FORMAT:
            raise run.fail(key, msg("plan.format_newer", version=value, supported=FORMAT))
        return value


class Answers(Node):
    """The answers, as the questionnaire declares them (answers.py reads them)."""

    def body(self, defs: JSON) -> JSON:
        return answers_schema()

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        qs = questionnaire.load()
        given = answers_mod.from_nested(qs, value, f"{run.source}: {key}")
        for answer, stored in given.items():  # as stored: `ja` is true, choices in their order
            part, _, name = answer.partition(".")
            value[part][name] = stored
        filled, missing = answers_mod.complete(qs, answers_mod.upgrade(given, run.language))
        if missing:
            raise run.fail(key, msg("plan.answers_missing", keys=", ".join(missing)))
        run.answers = filled
        return value


def answers_schema() -> JSON:
    """Each part a mapping of its questions; what the tool requires, the schema requires (not an
    optional text answer, which the tool reads as its default when it is left out)."""
    qs = questionnaire.load()
    filled_on_upgrade = set(answers_mod.upgrade({"organisation.name": "x"}, "en")) - {
        "organisation.name"
    }
    filled_on_upgrade |= set(answers_mod.ASSUMABLE)  # assumed when left out
    parts: dict[str, JSON] = {}
    conditions: list[JSON] = []
    for question in qs.questions:
        part, _, name = question.key.partition(".")
        body = parts.setdefault(
            part, {"type": "object", "additionalProperties": False, "properties": {}}
        )
        body["properties"][name] = _question_schema(question)
        if question.key in filled_on_upgrade or answers_mod.may_be_left_out(question):
            continue
        if question.ask_if is None:
            body.setdefault("required", []).append(name)
        else:
            conditions.append(
                {
                    "if": _condition(question.ask_if),
                    "then": {"required": [part], "properties": {part: {"required": [name]}}},
                }
            )
    schema: JSON = {
        "type": "object",
        "additionalProperties": False,
        "required": [part for part, body in parts.items() if body.get("required")],
        "properties": parts,
    }
    if conditions:
        schema["allOf"] = conditions
    return schema


def _holds(key: str, schema: JSON) -> JSON:
    part, _, name = key.partition(".")
    inner = {"required": [name], "properties": {name: schema}}
    return {"required": [part], "properties": {part: inner}}


def _condition(condition: questionnaire.Condition) -> JSON:
    """When a question applies, as the tool decides it (Condition.holds)."""
    if condition.op == "gt":
        return _holds(condition.key, {"type": "number", "exclusiveMinimum": condition.value})
    if condition.op in ("eq", "ne"):
        equal = _holds(condition.key, {"const": condition.value})
        return equal if condition.op == "eq" else {"not": equal}
    if condition.op in ("in", "not_in"):
        inside = _holds(condition.key, {"enum": list(condition.value)})
        return inside if condition.op == "in" else {"not": inside}
    raise ValueError(f"unknown condition operator {condition.op!r}")


def _question_schema(question: questionnaire.Question) -> JSON:
    """The values answers.validate accepts for a question."""
    kind = question.kind
    if kind == "text":
        body: JSON = {"type": "string", "maxLength": question.max_length or 10_000}
        if question.one_line:  # a line break between two characters, as the tool strips
            body["not"] = {"pattern": "\\S\\s*[\\n\u2028\u2029]\\s*\\S"}
        if question.required:
            return {**body, "pattern": r"\S"}
        return {"type": ["string", "null"], "maxLength": body["maxLength"]}
    if kind == "one":
        values: list[Any] = list(question.values)
        values += [flag for flag, word in answers_mod.BOOLEAN_CHOICES.items() if word in values]
        if answers_mod.is_codes(question):  # `nl` is NL too
            return {"type": "string", "pattern": _codes(question.values)}
        return {"enum": values}
    if kind == "channels":
        usage = {
            "type": ["object", "null"],
            "additionalProperties": False,
            "properties": {field.key: _question_schema(field) for field in question.fields},
        }
        channels = {"enum": list(question.values)}
        return {
            "anyOf": [
                {"type": ["object", "null"], "propertyNames": channels,
                 "additionalProperties": usage},
                {"type": "array", "items": channels},  # answers format 2: the channels only
            ]
        }  # fmt: skip
    if kind == "many":
        items = {"enum": list(question.values)}
        if question.min_selected:
            return {"type": "array", "minItems": question.min_selected, "items": items}
        return {"type": ["array", "null"], "items": items}
    if kind in ("number", "integer"):
        number = "integer" if kind == "integer" else "number"
        return {
            "type": [number, "null"] if question.nullable else number,
            "minimum": question.minimum,
            "maximum": question.maximum,
        }
    if kind == "yesno":
        words = sorted(answers_mod.YES | answers_mod.NO)
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": any_case(words)}]}
    raise ValueError(f"unknown question kind {kind!r}")


def _codes(codes: Sequence[str]) -> str:
    """A pattern for these codes in any case, spaces around allowed, as answers.validate has it."""
    either = ["".join(f"[{ch.upper()}{ch.lower()}]" for ch in code) for code in codes]
    return "^ *(?:" + "|".join(either) + ") *$"


# The declaration.

# Every number has a range, so that what is read can be computed with (no 400-digit counts, no
# infinity, no 100,000 posts a week for the calendar to lay out), and the plan a size.
HOURS_IN_A_WEEK = 168
MAX_HOURS_NEEDED = 1_000  # all channels together, as the rules compute it
MAX_POSTS_PER_WEEK = 100  # the most ambitious cadence in the facts is 21
MAX_PUBLISHED = 10_000  # posts on one channel in one review's period
MAX_REVIEWS = 2_000  # a review a week for 38 years; reading 2,000 takes about a second

FORMAT = 3  # 2: status, owner, due, notes under each step's title; started; reviews.
# 3: answers format 3 (sector, region, minors, paid promotion, current channels with their use)
TOP_KEYS = (
    "socialready",
    "organisation",
    "language",
    "started",
    "rules",
    "answers",
    "readiness",
    "channels",
    "steps",
    "owners",
    "reviews",
)


def _channels() -> Sequence[str]:
    return tuple(catalog_mod.load().channels)


def _objectives() -> Sequence[str]:
    return questionnaire.load().by_key["goals.objectives"].values


def _channel() -> Node:
    return _named(Choice(_channels()), "channel")


def _dimension() -> Node:
    finding = Record([Field(key, Text(), required=True) for key in ("rule", "says", "do")])
    return _named(
        Record(
            [
                Field("score", Number(0, 100, whole=True), required=True),
                Field("findings", ListOf(finding), required=True),
            ]
        ),
        "dimension",
    )


def _readiness() -> Node:
    dimension = _dimension()
    return Record(
        [
            Field("verdict", Choice(rules.VERDICTS), required=True),
            Field("score", Number(0, 100, whole=True), required=True),
            Field("summary", Text(), required=True),
            Field(
                "dimensions",
                Record([Field(name, dimension, required=True) for name in rules.DIMENSIONS]),
                required=True,
            ),
        ]
    )


def _channel_plan() -> Node:
    channel = _channel()
    hours = questionnaire.load().by_key["capacity.hours_per_week"]
    workload = Record(
        [
            Field("hours_needed", Number(0, MAX_HOURS_NEEDED), required=True),
            Field("hours_available", Number(hours.minimum, hours.maximum), required=True),
            Field("summary", Text()),
        ]
    )
    recommended = Record(
        [
            Field("channel", channel, required=True),
            Field("tier", Choice(catalog_mod.TIERS)),  # plans before tiers have none
            Field("cadence", Text(), required=True),
            Field("posts_per_week", Number(0, MAX_POSTS_PER_WEEK)),
            Field("hours_per_week", Number(0, HOURS_IN_A_WEEK), required=True),
            Field("why", Text(), required=True),
        ]
    )
    not_now = Record(
        [Field("channel", channel, required=True), Field("why", Text(), required=True)]
    )
    return Record(
        [
            Field("workload", workload, required=True),
            Field("recommended", ListOf(recommended), required=True),
            Field("not_now", ListOf(not_now), required=True),
        ]
    )


def _step() -> Record:
    yours = "Yours: "
    step = Record(
        [
            Field("id", Choice(rules.STEP_IDS), required=True),
            Field("title", Text(), required=True, generated=True),
            Field("status", _named(Status(), "", yours + "todo, doing, done or skipped, or the "
                  "word shown for it in Dutch or English (klaar, bezig, ...).", nullable=True)),
            Field("owner", _named(Text(), "", yours + "who does it.", nullable=True)),
            Field("due", _named(Date(), "", yours + "the deadline, like 2026-03-31.",
                                nullable=True)),
            Field("notes", _named(Text(), "", yours + "kept by every update.", nullable=True)),
            Field("why", Text(), required=True, generated=True),
            Field("actions", ListOf(Text()), required=True, generated=True),
        ],
        unknown=msg("plan.not_step_field"),
    )  # fmt: skip
    step.name = "step"
    return step


def _review() -> Node:
    hours = questionnaire.load().by_key["capacity.hours_per_week"]
    reply = questionnaire.load().by_key["capacity.response_time"]
    fields = ", ".join(owned.REVIEW_FIELDS)
    return _named(
        Record(
            [
                Field(
                    "date",
                    _named(Date(), "", "review.date: the day of the review; the period runs "
                           "from the review before it, or from `started`."),
                    required=True,
                ),
                Field(
                    "published",
                    _named(MapOf(_channels, "channel", Number(0, MAX_PUBLISHED, whole=True)), "",
                           "review.published.<channel>: posts published in the period, per "
                           "recommended channel.", nullable=True),
                ),
                Field("reply_time", _named(Choice(reply.values), "", "review.reply_time: the "
                      "usual reply time reached (the choices of capacity.response_time).",
                      nullable=True)),
                Field("hours_spent", _named(Number(hours.minimum, hours.maximum), "",
                      "review.hours_spent: hours really spent a week.", nullable=True)),
                Field(
                    "measures",
                    _named(
                        MapOf(_objectives, "objective", _named(TextOrNumber(), nullable=True)),
                        "",
                        "review.measures.<objective>: the measured figure per objective, "
                        "against the goal of step 3.",
                        nullable=True,
                    ),
                ),
                Field("notes", _named(Text(), "", "review.notes: what went well and what "
                      "did not.", nullable=True)),
            ],
            unknown=msg("review.unknown_field", fields=fields),
        ),
        "review",
        "Yours: one review of the period since the one before (or since `started`), written by "
        "`socialready review`; the rules judge the latest one against the plan before it.",
    )  # fmt: skip


def plan_shape() -> Record:
    """The whole plan, in the order of the file."""
    yours = "Yours: "
    return Record(
        [
            Field("socialready", _named(Format(), "", "Format version of this file (older "
                  "versions are upgraded by `socialready plan`)."), required=True),
            Field("organisation", Text(min_length=1, max_length=120), required=True,
                  generated=True, deep_only=True),
            Field("language", Choice(questionnaire.LANGUAGES), required=True),
            Field("started", _named(Date(), "", yours + "the day the plan started, set once by "
                  "`socialready assess`; the review dates follow from it.", nullable=True)),
            Field(
                "rules",
                Record([Field("version", Number(1, 1000, whole=True), required=True),
                        Field("fingerprint", Text(), required=True)]),
                required=True, generated=True, deep_only=True,
            ),
            Field("answers", _named(Answers(), "", yours + "the answers the plan is made from; "
                  "change one, then run `socialready plan`."), required=True),
            Field("readiness", Shallow(_readiness(), msg("plan.not_mapping")), required=True,
                  generated=True),
            Field("channels", Shallow(_channel_plan(), msg("plan.not_mapping")), required=True,
                  generated=True),
            Field("steps", Steps(_step()), required=True),
            Field("owners", _named(MapOf(_channels, "channel", _named(Text(max_length=200),
                  nullable=True)), "", yours + "who posts on each channel (its id), e.g. "
                  "`linkedin: Sanne`; the calendar and `show` use it. Kept when a channel "
                  "leaves the plan.", nullable=True)),
            Field("reviews", _named(ListOf(_review(), max_items=MAX_REVIEWS), "", yours + "one "
                  "entry per review, added by `socialready review`.", nullable=True)),
        ],
        unknown=msg("plan.not_a_key", keys=", ".join(TOP_KEYS)),
    )  # fmt: skip


def check_plan(data: Any, source: str, *, deep: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The plan as read, checked (deep: the generated sections too), with each owned value in
    its stored form (a status by its id, dates as dates); and its answers, flat and complete."""
    if not isinstance(data, dict) or "socialready" not in data:
        raise BadInput(msg("where", where=source, problem=msg("plan.not_a_plan")))
    language = data.get("language")
    run = Check(source, deep=deep, language=language if isinstance(language, str) else "en")
    Format().check(data["socialready"], "socialready", run, "")  # a newer plan: say so first
    data["socialready"] = int(data["socialready"])
    document = _plan_shape().check(data, "", run, "")
    return document, run.answers


@functools.cache
def _plan_shape() -> Record:
    return plan_shape()


def check_review(entry: Any, source: str, number: int = 1) -> dict[str, Any]:
    """One review entry, checked as `plan` will read it (for a command that adds one)."""
    run = Check(source, deep=True, language="en")
    checked: dict[str, Any] = _review_shape().check(entry, f"reviews[{number}]", run, "")
    return checked


@functools.cache
def _review_shape() -> Node:
    return _review()


def json_schema() -> JSON:
    defs: JSON = {}
    body = plan_shape().schema(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://socialready.invalid/plan.schema.json",
        "title": "socialready plan",
        "description": "A social media readiness plan written by `socialready assess` and kept up "
        "to date by `socialready plan`. Yours to edit: `answers`, `started`, each step's status, "
        "owner, due and notes, `owners` and `reviews`; the rest is generated. Made from the "
        "declaration in socialready/planfile/shape.py.",
        **body,
        "$defs": defs,
    }
