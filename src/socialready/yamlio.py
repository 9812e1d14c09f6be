"""The one module that talks to YAML: safe loading with clear errors, stable block-style dumping."""

from __future__ import annotations

import io
from typing import Any

import yaml

from socialready.errors import BadInput

_CLoader = getattr(yaml, "CSafeLoader", None)
_CDumper = getattr(yaml, "CSafeDumper", None)
_CONFLICT_MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ")
_BREAKS_AND_CONTROLS = frozenset(
    [chr(c) for c in range(32) if chr(c) not in "\n\t"]
    + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff"]
    + [chr(c) for c in range(0x80, 0xA0)]
)
WIDTH = 1_000_000  # never fold a line: one sentence, one line, one line of diff


def _construct_object(self: Any, node: yaml.Node, deep: bool = False) -> Any:
    if node in self.constructed_objects or node in self.recursive_objects:
        raise yaml.constructor.ConstructorError(
            None, None, "uses a YAML alias (*name); write the value out in full", node.start_mark
        )
    return yaml.constructor.SafeConstructor.construct_object(self, node, deep)


def _construct_mapping(self: Any, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    if not isinstance(node, yaml.MappingNode):
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)
    seen: set[str] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise yaml.constructor.ConstructorError(
                None, None, "uses a merge key (<<); write the values out", key_node.start_mark
            )
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "has a key that is not text", key_node.start_mark
            )
        key = key_node.value
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"has the key {key!r} twice; keep one", key_node.start_mark
            )
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
    if any(ch > "\uffff" for ch in value):
        dumper.needs_pure_python = True  # libyaml escapes characters beyond the BMP
    if any(ch in _BREAKS_AND_CONTROLS for ch in value):
        style: str | None = '"'  # escaped, so that no line break or control character is lost
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
        raise BadInput(f"{source}: the file is empty")
    loader = _Loaders[-1] if pure_python else _Loaders[0]
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = exc.problem or exc.context or "is not valid YAML"
        if "could not determine a constructor" in problem:
            problem = f"unsupported tag {problem.split('tag ')[-1]}; plain values only"
        raise BadInput(f"{source}: {where}{problem}") from None
    except yaml.YAMLError as exc:
        raise BadInput(f"{source}: not valid YAML ({exc})") from None
    except RecursionError:
        raise BadInput(f"{source}: nested too deeply to be an answers or plan file") from None
    if data is None:
        raise BadInput(f"{source}: the file is empty")
    return data


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
        comment = _comment_in(line)
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
