"""The plan file's shape, declared once in socialready/model.py (TypedDicts whose fields carry
their kinds). The JSON Schema (`socialready schema`, written to data/plan.schema.json by
scripts/build_data.py) and the checks the commands make when they read a plan are both made from
it here (with the kinds in planfile/kinds.py), so an editor's validator and the tool accept the
same files.

Plans are read as YAML 1.2 reads them (see yamlio), as editors' validators do. The answers part
comes from the questionnaire: a question that always applies is required; one with `ask_if` is
required when its condition holds, as `if`/`then` in the schema. To add a generated field, declare
it in model.py and run `python scripts/build_data.py`.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Callable, Sequence
from typing import (
    Annotated,
    Any,
    Literal,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from socialready import answers as answers_mod
from socialready import catalog as catalog_mod
from socialready import model, questionnaire, rules
from socialready.errors import BadInput, msg
from socialready.planfile.kinds import (
    JSON,
    Check,
    Choice,
    Date,
    Field,
    Later,
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

T = TypeVar("T")


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

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        steps = value if isinstance(value, list) else []
        ids = [step.get("id") if isinstance(step, dict) else None for step in steps]
        if ids != list(rules.STEP_IDS):
            raise run.fail(key, msg("plan.steps_order", ids=", ".join(rules.STEP_IDS)))
        return [self.step.check(step, f"{key}[{step['id']}]", run, generated) for step in value]


class Format(Node):
    def body(self, defs: JSON) -> JSON:
        return {"enum": list(range(1, FORMAT + 1))}

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
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

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
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
        inside = _holds(condition.key, {"enum": list(model.as_choices(condition.value))})
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


# The declaration is in socialready/model.py: TypedDicts whose fields carry their kinds.

FORMAT = model.FORMAT
TOP_KEYS = model.TOP_KEYS


def _channels() -> Sequence[str]:
    return tuple(catalog_mod.load().channels)


def _objectives() -> Sequence[str]:
    return questionnaire.load().by_key["goals.objectives"].values


_KEYS: dict[str, tuple[Callable[[], Sequence[str]], Literal["channel", "objective"]]] = {
    "channel": (_channels, "channel"),
    "objective": (_objectives, "objective"),
}


def _choices(source: str) -> Sequence[str]:
    if source in _KEYS:
        return _KEYS[source][0]()
    return questionnaire.load().by_key[source].values


def _unwrap(hint: Any) -> tuple[Any, list[Any]]:
    """The type inside `Annotated` and `NotRequired`, with the kinds it carries."""
    meta: list[Any] = []
    while True:
        origin = get_origin(hint)
        if origin is Annotated:
            hint, *extra = get_args(hint)
            meta += extra
        elif origin is model.NotRequired:
            hint = get_args(hint)[0]
        else:
            return hint, meta


def _node(hint: Any) -> Node:
    """The kind for a declared type, as its metadata says (model.py)."""
    hint, meta = _unwrap(hint)
    nullable = False
    if get_origin(hint) in (Union, types.UnionType):
        members = [arg for arg in get_args(hint) if arg is not type(None)]
        nullable = len(members) < len(get_args(hint))
        if len(members) == 1:
            hint, more = _unwrap(members[0])
            meta += more
        elif set(members) == {str, float}:
            hint = TextOrNumber
    nullable = nullable or model.FILLED in meta  # empty in the file: reading fills it in
    node = _kind(hint, meta)
    name, description = "", ""
    for item in meta:
        if isinstance(item, model.Def):
            name, description = item.name, item.description or description
        elif isinstance(item, model.Doc):
            description = item.text
    if name or description or nullable:
        _named(node, name, description, nullable=nullable)
    return node


def _kind(hint: Any, meta: list[Any]) -> Node:
    def find(kind: type[T]) -> T | None:
        return next((item for item in meta if isinstance(item, kind)), None)

    shallow = find(model.Shallow)
    if shallow is not None:
        deep = functools.partial(_kind, hint, [item for item in meta if item is not shallow])
        return Shallow(Later(deep), msg(shallow.problem))
    if model.STATUS in meta:
        return Status()
    if model.FORMAT_VERSION in meta:
        return Format()
    if model.ANSWERS in meta:
        return Answers()
    if model.IN_ORDER in meta:
        step = _node(get_args(hint)[0])
        assert isinstance(step, Record)
        return Steps(step)
    one_of = find(model.OneOf)
    if hint is TextOrNumber:
        return TextOrNumber()
    if _is_record(hint):
        unknown = find(model.Unknown)
        return _record(hint, unknown)
    if get_origin(hint) is Literal:
        return Choice(get_args(hint))
    if hint is str:
        if one_of is not None:
            return Choice(_choices(one_of.source))
        length = find(model.Length) or model.Length()
        return Text(min_length=length.minimum, max_length=length.maximum)
    if hint in (int, float):
        bounds = find(model.Range) or model.Range()
        if bounds.of:
            question = questionnaire.load().by_key[bounds.of]
            return Number(question.minimum, question.maximum, whole=hint is int)
        return Number(bounds.minimum, bounds.maximum, whole=hint is int)
    if hint is dt.date:
        return Date()
    if get_origin(hint) is list:
        most = find(model.MaxItems)
        item = get_args(hint)[0]
        if _is_record(_unwrap(item)[0]):  # a list of records (steps, reviews): made when read
            return ListOf(
                Later(functools.partial(_node, item)), max_items=most.count if most else 0
            )
        return ListOf(_node(item), max_items=most.count if most else 0)
    if get_origin(hint) is dict:
        key, value = get_args(hint)
        if get_origin(key) is Literal:  # every one of these keys
            return Record([Field(name, _node(value), required=True) for name in get_args(key)])
        source = next(item for item in _unwrap(key)[1] if isinstance(item, model.OneOf))
        keys, what = _KEYS[source.source]
        return MapOf(keys, what, _node(value))
    raise TypeError(f"no kind for {hint!r}")


def _is_record(hint: Any) -> bool:
    """A TypedDict."""
    return isinstance(hint, type) and hasattr(hint, "__required_keys__")


def _record(declared: Any, unknown: model.Unknown | None) -> Record:
    hints = get_type_hints(declared, include_extras=True)
    fields = []
    for key, hint in hints.items():
        meta = _unwrap(hint)[1]
        deep_only = model.DEEP_ONLY in meta  # made when a command that shows a plan reads it
        fields.append(
            Field(
                key,
                Later(functools.partial(_node, hint)) if deep_only else _node(hint),
                required=key in declared.__required_keys__ and model.FILLED not in meta,
                generated=model.GENERATED in meta,
                deep_only=deep_only,
            )
        )
    if unknown is None:
        return Record(fields)
    listed = {unknown.listing: ", ".join(hints)} if unknown.listing else {}
    return Record(fields, msg(unknown.id, **listed))


def plan_shape() -> Record:
    """The whole plan, in the order of the file."""
    shape = _node(model.PlanRoot)
    assert isinstance(shape, Record)
    return shape


def _review() -> Node:
    return _node(model.Review)


def check_plan(data: Any, source: str, *, deep: bool) -> tuple[model.PlanDoc, model.Answers]:
    """The plan as read, checked (deep: the generated sections too), with each owned value in
    its stored form (a status by its id, dates as dates); and its answers, flat and complete."""
    if not isinstance(data, dict) or "socialready" not in data:
        raise BadInput(msg("where", where=source, problem=msg("plan.not_a_plan")))
    language = data.get("language")
    run = Check(source, deep=deep, language=language if isinstance(language, str) else "en")
    Format().check(data["socialready"], "socialready", run, False)  # a newer plan: say so first
    data["socialready"] = int(data["socialready"])
    document: model.PlanDoc = _plan_shape().check(data, "", run, False)
    return document, run.answers


@functools.cache
def _plan_shape() -> Record:
    return plan_shape()


def check_review(entry: Any, source: str, number: int = 1) -> model.ReviewDoc:
    """One review entry, checked as `plan` will read it (for a command that adds one)."""
    run = Check(source, deep=True, language="en")
    checked: model.ReviewDoc = _review_shape().check(entry, f"reviews[{number}]", run, False)
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
        "declaration in socialready/model.py.",
        **body,
        "$defs": defs,
    }
