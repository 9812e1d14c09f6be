"""The one module that talks to YAML: safe loading with clear errors, stable block-style dumping."""

from __future__ import annotations

import functools
import io
import re
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from socialready.errors import BadInput
from socialready.planfile import canonical

if TYPE_CHECKING:
    import yaml

Engine = Literal["auto", "libyaml", "python"]  # auto: the plan shape without PyYAML, else libyaml
_CONFLICT_MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ")
WIDTH = 1_000_000  # never fold a line: one sentence, one line, one line of diff
_TYPE_NAMES = {"timestamp": "date", "int": "whole number", "float": "number", "bool": "yes/no"}
# Plans and answers are read as YAML 1.2 reads them (its core schema), as the editors and
# validators that check them against the JSON Schema do: `yes`, `on`, `1_000`, `1:30` are text.
# Written text is quoted where YAML 1.1 or 1.2 would read it as something else, so a file
# reads the same in either. (tag, pattern, first characters)
_DIGITS = list("-+0123456789")
YAML_12 = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", _DIGITS),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        [*_DIGITS, "."],
    ),
)
# Kept from YAML 1.1: dates (a due date is a date) and the merge key (refused by name).
_KEPT = (
    (
        "timestamp",
        r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
        r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
        r"(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
        r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
        list("0123456789"),
    ),
    ("merge", r"^(?:<<)$", ["<"]),
)


class _PyYAML(NamedTuple):
    """PyYAML and the strict loaders and stable dumpers built on it, made on first use."""

    yaml: Any
    refused: type[Exception]
    loaders: dict[str, Any]  # "libyaml" (when built with it) and "python"
    dumpers: dict[str, Any]


@functools.cache
def _pyyaml() -> _PyYAML:
    """Import PyYAML (about 25 ms) only when a file is not in the shape `canonical` reads."""
    import yaml

    # Text with these is written double-quoted and escaped, so no break or control is lost.
    breaks_and_controls = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
    beyond_bmp = re.compile("[\U00010000-\U0010ffff]")  # libyaml escapes these; Python does not

    class Refused(yaml.constructor.ConstructorError):
        """Refused on purpose: the message already says what to do, so no hint is added."""

    def construct_object(self: Any, node: yaml.Node, deep: bool = False) -> Any:
        """Aliases are refused; a value its tag cannot hold (2026-02-30) is a marked error."""
        if node in self.constructed_objects or node in self.recursive_objects:
            raise Refused(
                None,
                None,
                "uses a YAML alias (*name); write the value out in full",
                node.start_mark,
            )
        try:
            return yaml.constructor.SafeConstructor.construct_object(self, node, deep)
        except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
            short = str(node.tag).rsplit(":", 1)[-1]
            shown = repr(node.value)[:60] if isinstance(node, yaml.ScalarNode) else "this value"
            detail = f" ({exc})" if isinstance(exc, ValueError) else ""
            raise Refused(
                None,
                None,
                f"{shown} is not a valid {_TYPE_NAMES.get(short, short)}{detail}; "
                "correct it, or put it in quotes to keep it as text",
                node.start_mark,
            ) from None

    def construct_mapping(self: Any, node: yaml.MappingNode, deep: bool = False) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)
        seen: set[str] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise Refused(
                    None, None, "uses a merge key (<<); write the values out", key_node.start_mark
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise Refused(
                    None, None, "has a key that is not text; use a plain word", key_node.start_mark
                )
            key = key_node.value
            if key in seen:
                raise Refused(
                    None, None, f"has the key {key!r} twice; keep one", key_node.start_mark
                )
            seen.add(key)
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)

    def represent_str(dumper: Any, value: str) -> yaml.Node:
        if not value.isascii() and beyond_bmp.search(value):
            dumper.needs_pure_python = True  # libyaml escapes characters beyond the BMP
        if breaks_and_controls.search(value):
            style: str | None = '"'
        else:
            style = "|" if "\n" in value.rstrip("\n") else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)  # type: ignore[no-any-return]

    def represent_none(dumper: Any, _: None) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:null", "null")  # type: ignore[no-any-return]

    def construct_int(self: Any, node: yaml.ScalarNode) -> int:
        """YAML 1.2: 017 is seventeen, 0o17 octal, 0x1F hexadecimal."""
        text = str(self.construct_scalar(node))
        sign, digits = (-1, text[1:]) if text[0] == "-" else (1, text.lstrip("+"))
        if digits.startswith(("0o", "0x")):
            return sign * int(digits[2:], 8 if digits[1] == "o" else 16)
        return sign * int(digits)

    def loader(base: type[Any]) -> Any:
        methods = {"construct_object": construct_object, "construct_mapping": construct_mapping}
        cls: Any = type("StrictLoader", (base,), methods)
        cls.yaml_implicit_resolvers = {}  # YAML 1.2's core schema, as editors' validators read
        for tag, pattern, first in (*YAML_12, *_KEPT):
            cls.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), first)
        cls.add_constructor("tag:yaml.org,2002:int", construct_int)
        return cls

    def dumper(base: type[Any]) -> Any:
        cls: Any = type("BlockDumper", (base,), {"needs_pure_python": False})
        cls.add_representer(str, represent_str)
        cls.add_representer(type(None), represent_none)
        for tag, pattern, first in YAML_12:  # beside YAML 1.1's own: quoted if either reads it
            cls.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), first)
        return cls

    loaders = {"python": loader(yaml.SafeLoader)}
    dumpers = {"python": dumper(yaml.SafeDumper)}
    if hasattr(yaml, "CSafeLoader"):
        loaders["libyaml"] = loader(yaml.CSafeLoader)
        dumpers["libyaml"] = dumper(yaml.CSafeDumper)
    return _PyYAML(yaml, Refused, loaders, dumpers)


def loads(text: str, source: str, *, engine: Engine = "auto") -> Any:
    """Parse one YAML document; any problem becomes a BadInput naming `source`, line and column."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(_CONFLICT_MARKERS):
            raise BadInput(
                f"{source}: line {number} has a git conflict marker ({line[:7]}); "
                "resolve the conflict, keep one version, and run again"
            )
    if not text.strip():
        raise BadInput(f"{source}: the file is empty; fill it in, or restore it from git")
    if engine == "auto":
        try:
            return canonical.read(text)
        except canonical.Unsupported:
            pass
    lib = _pyyaml()
    yaml = lib.yaml
    loader = lib.loaders.get(engine) or lib.loaders.get("libyaml") or lib.loaders["python"]
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        raise BadInput(f"{source}: {_marked_problem(exc, lib.refused)}") from None
    except yaml.reader.ReaderError as exc:
        raise BadInput(f"{source}: {_reader_problem(text, exc)}") from None
    except yaml.YAMLError as exc:
        raise BadInput(f"{source}: not valid YAML ({exc})") from None
    except RecursionError:
        raise BadInput(f"{source}: nested too deeply to be an answers or plan file") from None
    except UnicodeEncodeError:
        raise BadInput(f"{source}: is not valid Unicode text; save it as UTF-8") from None
    if data is None:
        raise BadInput(f"{source}: the file is empty; fill it in, or restore it from git")
    return data


def _marked_problem(exc: yaml.MarkedYAMLError, refused: type[Exception]) -> str:
    """Where and what, where a construct started if that is elsewhere, and the next step."""
    mark = exc.problem_mark or exc.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    problem = exc.problem or exc.context or "is not valid YAML"
    if "could not determine a constructor" in problem:
        return f"{where}unsupported tag {problem.split('tag ')[-1]}; plain values only"
    if isinstance(exc, refused):
        return f"{where}{problem}"
    start = exc.context_mark
    if exc.context and start and mark and start.line != mark.line:
        problem += f" ({exc.context} from line {start.line + 1}, column {start.column + 1})"
    return f"{where}{problem}; fix the YAML there (indentation, quotes, brackets) and run again"


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> str:
    """A character YAML refuses, found by line and column (libyaml counts bytes, not them)."""
    code = int(exc.character)
    index = text.find(chr(code))
    where = ""
    if index >= 0:
        line = text.count("\n", 0, index) + 1
        where = f"line {line}, column {index - text.rfind(chr(10), 0, index)}: "
    return (
        f"{where}has the character U+{code:04X}, which YAML does not allow; "
        "delete it, or write it as an escape in double quotes"
    )


def dumps(data: Any, *, engine: Engine = "auto") -> str:
    """Block style, keys in the given order, UTF-8 as is; same data, same text, whichever engine."""
    if engine == "auto":
        try:
            return canonical.write(data)
        except canonical.Unsupported:
            pass
    dumpers = _pyyaml().dumpers
    if engine != "python" and "libyaml" in dumpers:
        text, fast = _dump_with(dumpers["libyaml"], data)
        if not fast.needs_pure_python:
            return text
    return _dump_with(dumpers["python"], data)[0]


def _dump_with(cls: type[Any], data: Any) -> tuple[str, Any]:
    stream = io.StringIO()
    dumper = cls(
        stream,
        default_flow_style=False,
        allow_unicode=True,
        sort_keys=False,
        width=WIDTH,
        indent=2,
    )
    try:
        dumper.open()
        dumper.represent(data)
        dumper.close()
    finally:
        dumper.dispose()
    return stream.getvalue(), dumper


def inline(value: Any) -> str:
    """One value on one line (lists in flow style), for templates and messages."""
    lib = _pyyaml()
    text: str = lib.yaml.dump(
        value,
        Dumper=lib.dumpers["python"],
        default_flow_style=True,
        allow_unicode=True,
        width=WIDTH,
    )
    return text.removesuffix("\n").removesuffix("\n...").strip()


def header(text: str) -> str:
    """The comment lines a file starts with (an editor modeline, a note): kept on rewrite."""
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line if line.endswith("\n") else line + "\n")
    return "".join(lines)


def comments(text: str) -> list[tuple[int, str]]:
    """Comments after the header, as (line number, comment): a rewrite would drop them."""
    found = []
    in_header = True
    for number, line in enumerate(text.splitlines(), start=1):
        if in_header and line.startswith("#"):
            continue
        in_header = False
        comment = _comment_in(line) if "#" in line else ""
        if comment:
            found.append((number, comment))
    return found


def _comment_in(line: str) -> str:
    """The comment on one line, if any: a # at the start or after a space, outside quotes."""
    quote = ""
    previous = " "
    for index, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"" and previous in " :-[{,":
            quote = ch
        elif ch == "#" and previous in " \t":
            return line[index:].strip()
        previous = ch
    return ""
