"""The plan file's shape, declared once. The JSON Schema (`socialready schema`, written to
data/plan.schema.json by scripts/build_data.py) and the checks the commands make when they read
a plan are both made from it, so an editor's validator and the tool accept the same files.

Plans are read as YAML 1.2 reads them (see yamlio), as editors' validators do. The answers part
comes from the questionnaire: a question that always applies is required; one with `ask_if` is
required when its condition holds, as `if`/`then` in the schema.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import Any

from socialready import answers as answers_mod
from socialready import catalog as catalog_mod
from socialready import questionnaire, rules
from socialready.errors import BadInput
from socialready.planfile import owned

GENERATED = "restore it from git, or run `socialready plan --force`"
JSON = dict[str, Any]


class Check:
    """One reading of a plan: the file's name, how deep to look, and the flat answers found."""

    def __init__(self, source: str, *, deep: bool, language: str) -> None:
        self.source = source
        self.deep = deep  # also the generated sections, as show, diff and overview read them
        self.language = language
        self.answers: dict[str, Any] = {}

    def fail(self, key: str, problem: str, hint: str = "") -> BadInput:
        return BadInput(f"{self.source}: {key}: {problem}" + (f"; {hint}" if hint else ""))


class Node:
    """A value in the plan: its JSON Schema, and the check that reads it (normalised)."""

    nullable = False
    name = ""  # a named node is written once under $defs and referred to
    description = ""

    def body(self, defs: JSON) -> JSON:
        raise NotImplementedError

    def schema(self, defs: JSON) -> JSON:
        if self.name:
            if self.name not in defs:
                defs[self.name] = {}  # first, so that a recursive reference finds it
                defs[self.name] = self._full(defs)
            return {"$ref": f"#/$defs/{self.name}"}
        return self._full(defs)

    def _full(self, defs: JSON) -> JSON:
        body = self.body(defs)
        if self.nullable:
            body = _or_null(body)
        if self.description:
            body = {"description": self.description, **body}
        return body

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        raise NotImplementedError


def _or_null(body: JSON) -> JSON:
    kind = body.get("type")
    if isinstance(kind, str) and set(body) <= {"type", "minimum", "maximum", "maxLength", "items"}:
        return {**body, "type": [kind, "null"]}
    if "enum" in body and len(body) == 1:
        return {"enum": [*body["enum"], None]}
    return {"anyOf": [body, {"type": "null"}]}


def _named(node: Node, name: str = "", description: str = "", *, nullable: bool = False) -> Node:
    node.name, node.description, node.nullable = name, description, nullable
    return node


class Text(Node):
    def __init__(self, *, min_length: int = 0, max_length: int = 0) -> None:
        self.min_length, self.max_length = min_length, max_length

    def body(self, defs: JSON) -> JSON:
        body: JSON = {"type": "string"}
        if self.min_length:
            body["minLength"] = self.min_length
        if self.max_length:
            body["maxLength"] = self.max_length
        return body

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if value is None and self.nullable:
            return None
        if isinstance(value, dt.date):
            value = value.isoformat()  # text to a YAML 1.2 validator, and kept as such
        if not isinstance(value, str):
            raise run.fail(key, "must be text; put it in quotes", hint)
        if len(value) < self.min_length:
            raise run.fail(key, "must not be empty", hint)
        if self.max_length and len(value) > self.max_length:
            raise run.fail(key, f"is {len(value)} characters; keep it to {self.max_length}", hint)
        return value


class Number(Node):
    def __init__(
        self, minimum: float | None = None, maximum: float | None = None, *, whole: bool = False
    ) -> None:
        self.minimum, self.maximum, self.whole = minimum, maximum, whole

    def body(self, defs: JSON) -> JSON:
        body: JSON = {"type": "integer" if self.whole else "number"}
        if self.minimum is not None:
            body["minimum"] = self.minimum
        if self.maximum is not None:
            body["maximum"] = self.maximum
        return body

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if value is None and self.nullable:
            return None
        low = "" if self.minimum is None else f"{self.minimum:g}"
        high = "" if self.maximum is None else f"{self.maximum:g}"
        span = f" from {low} to {high}" if low and high else f" of at least {low}" if low else ""
        kind = "a whole number" if self.whole else "a number"
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise run.fail(key, f"must be {kind}{span}", hint)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            raise run.fail(key, f"must be {kind}{span}", hint)
        if self.whole and value != int(value):
            raise run.fail(key, f"must be {kind}{span}", hint)
        return value


class Choice(Node):
    def __init__(self, values: Sequence[Any]) -> None:
        self.values = tuple(values)

    def body(self, defs: JSON) -> JSON:
        return {"const": self.values[0]} if len(self.values) == 1 else {"enum": list(self.values)}

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if value is None and self.nullable:
            return None
        if isinstance(value, bool) or not any(
            type(value) is type(choice) and value == choice for choice in self.values
        ):
            shown = f"{value!r} is not one of" if isinstance(value, str) else "must be one of"
            raise run.fail(key, f"{shown}: {', '.join(map(str, self.values))}", hint)
        return value


class Date(Node):
    """YAML reads 2026-03-31 as a date, a YAML 1.2 validator as text in the date format."""

    def body(self, defs: JSON) -> JSON:
        return {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        day = owned.read_date(value, key, lambda k, p: run.fail(k, p, hint))
        if day is None and not self.nullable:
            raise run.fail(key, "is required: a date like 2026-03-31", hint)
        return day


class Status(Node):
    """A step's status: its id, or a word shown for it in either language, any case."""

    def body(self, defs: JSON) -> JSON:
        spellings = sorted(set(owned.status_words()) - set(owned.STATUSES))
        return {
            "anyOf": [
                {"enum": list(owned.STATUSES)},
                {"type": "string", "pattern": _any_case(spellings)},
            ]
        }

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        return owned.read_status(value, key, lambda k, p: run.fail(k, p, hint))


def _any_case(words: Sequence[str]) -> str:
    """A pattern for these ASCII words in any case (JSON Schema patterns have no flags)."""

    def letters(word: str) -> str:
        return "".join(
            f"[{ch}{ch.upper()}]" if ch.isalpha() else "\\" + ch if ch in ".+*?()[]{}|^$\\" else ch
            for ch in word
        )

    return "^ *(?:" + "|".join(letters(word) for word in words) + ") *$"


class Field:
    """A key of a mapping. `generated`: made by the rules (an error says how to restore it);
    `deep_only`: read only by the commands that show a plan (`plan` rebuilds it anyway)."""

    def __init__(
        self,
        name: str,
        node: Node,
        *,
        required: bool = False,
        generated: bool = False,
        deep_only: bool = False,
    ) -> None:
        self.key, self.node, self.required = name, node, required
        self.generated, self.deep_only = generated, deep_only


class Record(Node):
    """A mapping with known fields; any other key is refused with `unknown` as the message."""

    def __init__(self, fields: Sequence[Field], unknown: str = "") -> None:
        self.fields = {field.key: field for field in fields}
        self.unknown = unknown

    def body(self, defs: JSON) -> JSON:
        body: JSON = {"type": "object"}
        required = [field.key for field in self.fields.values() if field.required]
        if required:
            body["required"] = required
        body["additionalProperties"] = False
        body["properties"] = {field.key: field.node.schema(defs) for field in self.fields.values()}
        return body

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if value is None and self.nullable:
            return None
        prefix = f"{key}." if key else ""
        if not isinstance(value, dict):
            raise run.fail(key, "must be a mapping of " + ", ".join(self.fields), hint)
        for name in value:
            if name not in self.fields:
                fields = ", ".join(self.fields)
                raise run.fail(
                    f"{prefix}{name}",
                    self.unknown or f"is not a field here; the fields are: {fields}",
                )
        for field in self.fields.values():
            if field.deep_only and not run.deep:
                continue
            inner = GENERATED if field.generated else hint
            if field.key not in value:
                if field.required:
                    raise run.fail(f"{prefix}{field.key}", "is missing", inner)
                continue
            value[field.key] = field.node.check(value[field.key], prefix + field.key, run, inner)
        return value


class ListOf(Node):
    def __init__(self, item: Node, *, label: Callable[[int, Any], str] | None = None) -> None:
        self.item = item
        self.label = label or (lambda number, _: str(number))

    def body(self, defs: JSON) -> JSON:
        return {"type": "array", "items": self.item.schema(defs)}

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if value is None and self.nullable:
            return []
        if not isinstance(value, list):
            raise run.fail(key, "must be a list", hint)
        return [
            self.item.check(item, f"{key}[{self.label(number, item)}]", run, hint)
            for number, item in enumerate(value, start=1)
        ]


class MapOf(Node):
    """A mapping from known ids (channels, objectives) to values of one kind."""

    def __init__(self, keys: Callable[[], Sequence[str]], what: str, value: Node) -> None:
        self.keys, self.what, self.value = keys, what, value

    def body(self, defs: JSON) -> JSON:
        return {
            "type": "object",
            "propertyNames": {"enum": list(self.keys())},
            "additionalProperties": self.value.schema(defs),
        }

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if value is None and self.nullable:
            return None
        if not isinstance(value, dict):
            raise run.fail(key, f"must map each {self.what} to its value", hint)
        known = self.keys()
        article = "an" if self.what[0] in "aeiou" else "a"
        for name, item in value.items():
            if name not in known:
                raise run.fail(
                    f"{key}.{name}",
                    f"is not {article} {self.what}; the {self.what}s are: {', '.join(known)}",
                )
            value[name] = self.value.check(item, f"{key}.{name}", run, hint)
        return value


class TextOrNumber(Node):
    def body(self, defs: JSON) -> JSON:
        return {"type": ["string", "number"]}

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if value is None and self.nullable:
            return None
        if isinstance(value, dt.date):
            value = value.isoformat()
        ok = isinstance(value, str) or (
            isinstance(value, (int, float)) and not isinstance(value, bool) and value == value
        )
        if not ok:
            raise run.fail(key, "must be a number or text", hint)
        return value


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
            raise run.fail(key, f"must be the 8 steps in order: {', '.join(rules.STEP_IDS)}")
        return [self.step.check(step, f"{key}[{step['id']}]", run, hint) for step in value]


class Format(Node):
    def body(self, defs: JSON) -> JSON:
        return {"enum": list(range(1, FORMAT + 1))}

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 2.0 is 2, as JSON Schema has it
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise run.fail(key, f"format version must be a whole number, got {value!r}")
        if value > FORMAT:
            raise run.fail(
                key,
                f"this plan has format {value}, newer than this socialready reads ({FORMAT}); "
                "upgrade with `pip install -U socialready`",
            )
        return value


class Answers(Node):
    """The answers, as the questionnaire declares them (answers.py reads them)."""

    def body(self, defs: JSON) -> JSON:
        return answers_schema()

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        qs = questionnaire.load()
        given = answers_mod.from_nested(qs, value, f"{run.source}: {key}")
        filled, missing = answers_mod.complete(qs, answers_mod.upgrade(given, run.language))
        if missing:
            raise run.fail(
                key, f"{', '.join(missing)} missing; add them or run `socialready assess`"
            )
        run.answers = filled
        return value


class Shallow(Node):
    """Only the kind of value: how `plan` reads a section it rebuilds anyway."""

    def __init__(self, deep: Node, problem: str) -> None:
        self.deep, self.problem = deep, problem

    def body(self, defs: JSON) -> JSON:
        return self.deep.schema(defs)

    def check(self, value: Any, key: str, run: Check, hint: str) -> Any:
        if run.deep:
            return self.deep.check(value, key, run, hint)
        if not isinstance(value, dict):
            raise run.fail(key, self.problem)
        return value


def answers_schema() -> JSON:
    """Each part a mapping of its questions; what the tool requires, the schema requires."""
    qs = questionnaire.load()
    filled_on_upgrade = set(answers_mod.upgrade({"organisation.name": "x"}, "en")) - {
        "organisation.name"
    }
    parts: dict[str, JSON] = {}
    conditions: list[JSON] = []
    for question in qs.questions:
        part, _, name = question.key.partition(".")
        body = parts.setdefault(
            part, {"type": "object", "additionalProperties": False, "properties": {}}
        )
        body["properties"][name] = _question_schema(question)
        if question.key in filled_on_upgrade:
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
        if question.required:
            return {**body, "pattern": r"\S"}
        return {"type": ["string", "null"], "maxLength": body["maxLength"]}
    if kind == "one":
        values: list[Any] = list(question.values)
        values += [flag for flag, word in answers_mod.BOOLEAN_CHOICES.items() if word in values]
        return {"enum": values}
    if kind == "many":
        items = {"enum": list(question.values)}
        if question.min_selected:
            return {"type": "array", "minItems": question.min_selected, "items": items}
        return {"type": ["array", "null"], "items": items}
    if kind in ("number", "integer"):
        return {
            "type": "integer" if kind == "integer" else "number",
            "minimum": question.minimum,
            "maximum": question.maximum,
        }
    if kind == "yesno":
        words = sorted(answers_mod.YES | answers_mod.NO)
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": _any_case(words)}]}
    raise ValueError(f"unknown question kind {kind!r}")


# The declaration.

FORMAT = 2  # 2: status, owner, due, notes under each step's title; started; reviews
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
            Field("hours_needed", Number(0), required=True),
            Field("hours_available", Number(hours.minimum, hours.maximum), required=True),
            Field("summary", Text()),
        ]
    )
    recommended = Record(
        [
            Field("channel", channel, required=True),
            Field("tier", Choice(catalog_mod.TIERS)),  # plans before tiers have none
            Field("cadence", Text(), required=True),
            Field("posts_per_week", Number(0)),
            Field("hours_per_week", Number(0), required=True),
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
        unknown="is not a step field; put your own text in `notes`",
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
                Field("date", Date(), required=True),
                Field(
                    "published",
                    _named(MapOf(_channels, "channel", Number(0, whole=True)), nullable=True),
                ),
                Field("reply_time", _named(Choice(reply.values), nullable=True)),
                Field("hours_spent", _named(Number(hours.minimum, hours.maximum), nullable=True)),
                Field(
                    "measures",
                    _named(
                        MapOf(_objectives, "objective", _named(TextOrNumber(), nullable=True)),
                        nullable=True,
                    ),
                ),
                Field("notes", _named(Text(), nullable=True)),
            ],
            unknown=f"is not a review field; the fields are: {fields}",
        ),
        "review",
        "Yours: one review of the period since the one before (or since `started`).",
    )


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
                Record([Field("version", Number(1, whole=True), required=True),
                        Field("fingerprint", Text(), required=True)]),
                required=True, generated=True, deep_only=True,
            ),
            Field("answers", _named(Answers(), "", yours + "the answers the plan is made from; "
                  "change one, then run `socialready plan`."), required=True),
            Field("readiness", Shallow(_readiness(), "is missing or not a mapping; restore it "
                  "from git or run `socialready plan`"), required=True, generated=True),
            Field("channels", Shallow(_channel_plan(), "is missing or not a mapping; restore it "
                  "from git or run `socialready plan`"), required=True, generated=True),
            Field("steps", Steps(_step()), required=True),
            Field("reviews", _named(ListOf(_review()), "", yours + "one entry per review, "
                  "added by `socialready review`.", nullable=True)),
        ],
        unknown=f"is not a plan key; the keys are: {', '.join(TOP_KEYS)}",
    )  # fmt: skip


def check_plan(data: Any, source: str, *, deep: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The plan as read, checked (deep: the generated sections too), with each owned value in
    its stored form (a status by its id, dates as dates); and its answers, flat and complete."""
    if not isinstance(data, dict) or "socialready" not in data:
        raise BadInput(
            f"{source}: not a socialready plan (it has no `socialready:` format version); "
            "make one with `socialready assess`"
        )
    language = data.get("language")
    run = Check(source, deep=deep, language=language if isinstance(language, str) else "en")
    Format().check(data["socialready"], "socialready", run, "")  # a newer plan: say so first
    data["socialready"] = int(data["socialready"])
    document = _plan_shape().check(data, "", run, "")
    return document, run.answers


@functools.cache
def _plan_shape() -> Record:
    return plan_shape()


def json_schema() -> JSON:
    defs: JSON = {}
    body = plan_shape().schema(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://socialready.invalid/plan.schema.json",
        "title": "socialready plan",
        "description": "A social media readiness plan written by `socialready assess` and kept up "
        "to date by `socialready plan`. Yours to edit: `answers`, `started`, each step's status, "
        "owner, due and notes, and `reviews`; the rest is generated. Made from the declaration "
        "in socialready/planfile/shape.py.",
        **body,
        "$defs": defs,
    }
