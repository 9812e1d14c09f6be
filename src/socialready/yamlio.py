"""The one module that talks to YAML: safe loading with clear errors, stable block-style dumping."""

from __future__ import annotations

import io
import re
from typing import Any

import yaml

from socialready.errors import BadInput

_CLoader = getattr(yaml, "CSafeLoader", None)
_CDumper = getattr(yaml, "CSafeDumper", None)
_CONFLICT_MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ")
# Text with these is written double-quoted and escaped, so no line break or control is lost.
_BREAKS_AND_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")  # libyaml escapes these; Python does not
WIDTH = 1_000_000  # never fold a line: one sentence, one line, one line of diff


class _Refused(yaml.constructor.ConstructorError):
    """Refused on purpose: the message already says what to do, so no syntax hint is added."""


_TYPE_NAMES = {"timestamp": "date", "int": "whole number", "float": "number", "bool": "yes/no"}


def _construct_object(self: Any, node: yaml.Node, deep: bool = False) -> Any:
    """Aliases are refused; a value its tag cannot hold (2026-02-30) becomes a marked error."""
    if node in self.constructed_objects or node in self.recursive_objects:
        raise _Refused(
            None, None, "uses a YAML alias (*name); write the value out in full", node.start_mark
        )
    try:
        return yaml.constructor.SafeConstructor.construct_object(self, node, deep)
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
        short = str(node.tag).rsplit(":", 1)[-1]
        shown = repr(node.value)[:60] if isinstance(node, yaml.ScalarNode) else "this value"
        detail = f" ({exc})" if isinstance(exc, ValueError) else ""
        raise _Refused(
            None,
            None,
            f"{shown} is not a valid {_TYPE_NAMES.get(short, short)}{detail}; "
            "correct it, or put it in quotes to keep it as text",
            node.start_mark,
        ) from None


def _construct_mapping(self: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    if not isinstance(node, yaml.MappingNode):
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)
    seen: set[str] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise _Refused(
                None, None, "uses a merge key (<<); write the values out", key_node.start_mark
            )
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(
                None, None, "has a key that is not text; use a plain word", key_node.start_mark
            )
        key = key_node.value
        if key in seen:
            raise _Refused(None, None, f"has the key {key!r} twice; keep one", key_node.start_mark)
        seen.add(key)
    return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)


def _loader_class(base: type[Any]) -> type[Any]:
    return type(
        "StrictLoader",
        (base,),
        {"construct_object": _construct_object, "construct_mapping": _construct_mapping},
    )


_Loaders = [_loader_class(yaml.SafeLoader)]
if _CLoader is not None:
    _Loaders.insert(0, _loader_class(_CLoader))


def _represent_str(dumper: Any, value: str) -> yaml.Node:
    if not value.isascii() and _BEYOND_BMP.search(value):
        dumper.needs_pure_python = True  # libyaml escapes characters beyond the BMP
    if _BREAKS_AND_CONTROLS.search(value):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value.rstrip("\n") else None
    node: yaml.Node = dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
    return node


def _represent_none(dumper: Any, _: None) -> yaml.Node:
    node: yaml.Node = dumper.represent_scalar("tag:yaml.org,2002:null", "null")
    return node


def _dumper_class(base: type[Any]) -> type[Any]:
    cls: Any = type("BlockDumper", (base,), {"needs_pure_python": False})
    cls.add_representer(str, _represent_str)
    cls.add_representer(type(None), _represent_none)
    dumper: type[Any] = cls
    return dumper


_PureDumper = _dumper_class(yaml.SafeDumper)
_FastDumper = _dumper_class(_CDumper) if _CDumper is not None else None


def loads(text: str, source: str, *, pure_python: bool = False) -> Any:
    """Parse one YAML document; any problem becomes a BadInput naming `source`, line and column."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(_CONFLICT_MARKERS):
            raise BadInput(
                f"{source}: line {number} has a git conflict marker ({line[:7]}); "
                "resolve the conflict, keep one version, and run again"
            )
    if not text.strip():
        raise BadInput(f"{source}: the file is empty; fill it in, or restore it from git")
    loader = _Loaders[-1] if pure_python else _Loaders[0]
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        raise BadInput(f"{source}: {_marked_problem(exc)}") from None
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


def _marked_problem(exc: yaml.MarkedYAMLError) -> str:
    """Where and what, where a construct started if that is elsewhere, and the next step."""
    mark = exc.problem_mark or exc.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    problem = exc.problem or exc.context or "is not valid YAML"
    if "could not determine a constructor" in problem:
        return f"{where}unsupported tag {problem.split('tag ')[-1]}; plain values only"
    if isinstance(exc, _Refused):
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


def dumps(data: Any, *, pure_python: bool = False) -> str:
    """Block style, keys in the given order, UTF-8 as is; same data, same text."""
    if not pure_python and _FastDumper is not None:
        text, fast = _dump_with(_FastDumper, data)
        if not fast.needs_pure_python:
            return text
    return _dump_with(_PureDumper, data)[0]


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
    text: str = yaml.dump(
        value, Dumper=_PureDumper, default_flow_style=True, allow_unicode=True, width=WIDTH
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
