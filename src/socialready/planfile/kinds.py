"""The kinds of value a plan holds, each giving its JSON Schema and the check that reads it:
planfile/shape.py reads the plan declared in model.py into them, so that the schema and the tool
agree."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any, Literal

from socialready.errors import BadInput, Msg, msg
from socialready.planfile import owned
from socialready.status import STATUSES

JSON = dict[str, Any]


class Check:
    """One reading of a plan: the file's name, how deep to look, and the flat answers found."""

    def __init__(self, source: str, *, deep: bool, language: str) -> None:
        self.source = source
        self.deep = deep  # also the generated sections, as show, diff and overview read them
        self.language = language
        self.answers: dict[str, Any] = {}

    def fail(self, key: str, problem: Msg, generated: bool = False) -> BadInput:
        """The problem at `key`; in a `generated` field, with what to do about it (restore it, or
        `plan --force`)."""
        where = f"{self.source}: {key}"
        if generated:
            problem = msg("plan.generated", what=problem)
        return BadInput(msg("where", where=where, problem=problem))


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

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        raise NotImplementedError


def _or_null(body: JSON) -> JSON:
    kind = body.get("type")
    if isinstance(kind, str) and set(body) <= {"type", "minimum", "maximum", "maxLength", "items"}:
        return {**body, "type": [kind, "null"]}
    if "enum" in body and len(body) == 1:
        return {"enum": [*body["enum"], None]}
    return {"anyOf": [body, {"type": "null"}]}


def named(node: Node, name: str = "", description: str = "", *, nullable: bool = False) -> Node:
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

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if value is None and self.nullable:
            return None
        if isinstance(value, dt.date):
            value = value.isoformat()  # text to a YAML 1.2 validator, and kept as such
        if not isinstance(value, str):
            raise run.fail(key, msg("plan.text"), generated)
        if len(value) < self.min_length:
            raise run.fail(key, msg("plan.not_empty"), generated)
        if self.max_length and len(value) > self.max_length:
            raise run.fail(
                key, msg("answer.too_long", length=len(value), max=self.max_length), generated
            )
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

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if value is None and self.nullable:
            return None
        kind = "whole_number" if self.whole else "number"
        if self.minimum is not None and self.maximum is not None:
            wrong = msg(f"kind.{kind}_range", min=float(self.minimum), max=float(self.maximum))
        elif self.minimum is not None:
            wrong = msg(f"kind.{kind}_at_least", min=float(self.minimum))
        else:
            wrong = msg(f"kind.{kind}")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
            raise run.fail(key, wrong, generated)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            raise run.fail(key, wrong, generated)
        if self.whole and value != int(value):
            raise run.fail(key, wrong, generated)
        return value


def _finite(value: float) -> bool:
    """Not NaN nor infinite, and not a whole number too long to be a float (400 digits)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


class Choice(Node):
    def __init__(self, values: Sequence[Any]) -> None:
        self.values = tuple(values)
        self.texts = frozenset(value for value in self.values if type(value) is str)

    def body(self, defs: JSON) -> JSON:
        return {"const": self.values[0]} if len(self.values) == 1 else {"enum": list(self.values)}

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if type(value) is str and value in self.texts:
            return value  # most values: as below, found faster
        if value is None and self.nullable:
            return None
        if isinstance(value, bool) or not any(
            type(value) is type(choice) and value == choice for choice in self.values
        ):
            values = ", ".join(map(str, self.values))
            if isinstance(value, str):
                wrong = msg("answer.not_one_of", value=repr(value), values=values)
            else:
                wrong = msg("plan.one_of", values=values)
            raise run.fail(key, wrong, generated)
        return value


class Date(Node):
    """YAML reads 2026-03-31 as a date, a YAML 1.2 validator as text in the date format."""

    def body(self, defs: JSON) -> JSON:
        # the years schedule.FIRST_DAY..LAST_DAY (1900 to 2999), as the plan's own check has it
        year = "(19|2[0-9])[0-9]{2}"
        iso = {"type": "string", "format": "date", "pattern": rf"^{year}-[0-9]{{2}}-[0-9]{{2}}$"}
        dutch = {"type": "string", "pattern": rf"^ *[0-9]{{1,2}}-[0-9]{{1,2}}-{year} *$"}
        return {"anyOf": [iso, dutch]}  # 31-03-2027 in a Dutch plan; written back as ISO

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if value is None and self.nullable:
            return None  # as read_date has it: most due dates are left empty
        day = owned.read_date(value, key, lambda k, p: run.fail(k, p, generated), run.language)
        if day is None and not self.nullable:
            raise run.fail(key, msg("plan.date_required"), generated)
        return day


class Status(Node):
    """A step's status: its id, or a word shown for it in either language, any case."""

    def body(self, defs: JSON) -> JSON:
        spellings = sorted(owned.status_words())  # the ids too, in any case
        return {
            "anyOf": [
                {"enum": list(STATUSES)},
                {"type": "string", "pattern": any_case(spellings)},
            ]
        }

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        return owned.read_status(value, key, lambda k, p: run.fail(k, p, generated))


def any_case(words: Sequence[str]) -> str:
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
        # Text of any length: its check would give any text back as it is (most fields)
        self.any_text = type(node) is Text and not (node.min_length or node.max_length)


class Record(Node):
    """A mapping with known fields; any other key is refused with `unknown` as the message."""

    def __init__(self, fields: Sequence[Field], unknown: Msg | None = None) -> None:
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

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if value is None and self.nullable:
            return None
        prefix = f"{key}." if key else ""
        if not isinstance(value, dict):
            raise run.fail(key, msg("plan.mapping_of", fields=", ".join(self.fields)), generated)
        for name in value:
            if name not in self.fields:
                fields = ", ".join(self.fields)
                raise run.fail(
                    f"{prefix}{name}",
                    self.unknown or msg("plan.not_a_field", fields=fields),
                )
        deep = run.deep
        for field in self.fields.values():
            if field.deep_only and not deep:
                continue
            name = field.key
            if name not in value:
                if field.required:
                    inner = field.generated or generated
                    raise run.fail(f"{prefix}{name}", msg("plan.missing"), inner)
                continue
            item = value[name]
            if field.any_text and (type(item) is str or (item is None and field.node.nullable)):
                continue  # as Text.check would have it
            inner = field.generated or generated
            value[name] = field.node.check(item, prefix + name, run, inner)
        return value


class ListOf(Node):
    def __init__(
        self,
        item: Node,
        *,
        label: Callable[[int, Any], str] | None = None,
        max_items: int = 0,
    ) -> None:
        self.item = item
        self.label = label or (lambda number, _: str(number))
        self.max_items = max_items

    def body(self, defs: JSON) -> JSON:
        body: JSON = {"type": "array", "items": self.item.schema(defs)}
        if self.max_items:
            body["maxItems"] = self.max_items
        return body

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if value is None and self.nullable:
            return []
        if not isinstance(value, list):
            raise run.fail(key, msg("plan.list"), generated)
        if self.max_items and len(value) > self.max_items:
            problem = msg("plan.too_many", count=len(value), max=self.max_items)
            raise run.fail(key, problem, generated)
        return [
            self.item.check(item, f"{key}[{self.label(number, item)}]", run, generated)
            for number, item in enumerate(value, start=1)
        ]


class MapOf(Node):
    """A mapping from known ids (channels, objectives) to values of one kind."""

    def __init__(
        self, keys: Callable[[], Sequence[str]], what: Literal["channel", "objective"], value: Node
    ) -> None:
        self.keys, self.what, self.value = keys, what, value

    def body(self, defs: JSON) -> JSON:
        return {
            "type": "object",
            "propertyNames": {"enum": list(self.keys())},
            "additionalProperties": self.value.schema(defs),
        }

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if value is None and self.nullable:
            return None
        if not isinstance(value, dict):
            raise run.fail(key, msg(f"plan.map_of_{self.what}"), generated)
        known = self.keys()
        for name, item in value.items():
            if name not in known:
                raise run.fail(
                    f"{key}.{name}", msg(f"plan.not_{self.what}", known=", ".join(known))
                )
            value[name] = self.value.check(item, f"{key}.{name}", run, generated)
        return value


class TextOrNumber(Node):
    """A measured figure: a number up to `largest` either way, or a short text (`12%`)."""

    largest = 10**12
    max_length = 500

    def body(self, defs: JSON) -> JSON:
        return {
            "anyOf": [
                {"type": "string", "maxLength": self.max_length},
                {"type": "number", "minimum": -self.largest, "maximum": self.largest},
            ]
        }

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if value is None and self.nullable:
            return None
        if isinstance(value, dt.date):
            value = value.isoformat()
        ok = (isinstance(value, str) and len(value) <= self.max_length) or (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            and _finite(value)
            and abs(value) <= self.largest
        )
        if not ok:
            problem = msg("kind.number_or_text", largest=self.largest, length=self.max_length)
            raise run.fail(key, problem, generated)
        return value


class Later(Node):
    """A node made on its first use: a section that a reading may never look at (a generated
    one that `plan` only checks the kind of, the reviews of a plan that has none) costs
    nothing to declare until then."""

    def __init__(self, make: Callable[[], Node]) -> None:
        self.make: Callable[[], Node] | None = make
        self.made: Node | None = None

    def node(self) -> Node:
        if self.made is None:
            assert self.make is not None
            self.made, self.make = self.make(), None
        return self.made

    def schema(self, defs: JSON) -> JSON:
        return self.node().schema(defs)

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        return self.node().check(value, key, run, generated)


class Shallow(Node):
    """Only the kind of value: how `plan` reads a section it rebuilds anyway."""

    def __init__(self, deep: Node, problem: Msg) -> None:
        self.deep, self.problem = deep, problem

    def body(self, defs: JSON) -> JSON:
        return self.deep.schema(defs)

    def check(self, value: Any, key: str, run: Check, generated: bool) -> Any:
        if run.deep:
            return self.deep.check(value, key, run, generated)
        if not isinstance(value, dict):
            raise run.fail(key, self.problem)
        return value
