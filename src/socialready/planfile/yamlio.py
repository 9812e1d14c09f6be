"""The one module that talks to YAML: safe loading with clear errors, stable block-style dumping."""

from __future__ import annotations

import functools
import io
import re
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from socialready.errors import FileProblem, Msg, Text, msg
from socialready.planfile import canonical

if TYPE_CHECKING:
    import yaml

Engine = Literal["auto", "libyaml", "python"]  # auto: the plan shape without PyYAML, else libyaml
_CONFLICT_MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ")
WIDTH = 1_000_000  # never fold a line: one sentence, one line, one line of diff
_TYPE_NAMES = {  # text ids yaml.type.* (data/text.yaml)
    "timestamp": "date",
    "int": "whole_number",
    "float": "number",
    "bool": "yes_no",
    "null": "empty",
}
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
# Kept from YAML 1.1: dates (a due date is a date; with a time, it is text, as in 1.2) and the
# merge key (refused by name).
_KEPT = (
    ("timestamp", r"^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$", list("0123456789")),
    ("merge", r"^(?:<<)$", ["<"]),
)


class _PyYAML:
    """PyYAML and the strict loaders and stable dumpers built on it, made on first use (a
    plain class: a NamedTuple costs a compile at every start, for files that may need none)."""

    __slots__ = ("dumpers", "loaders", "refused", "yaml")

    def __init__(
        self,
        yaml: Any,
        refused: type[Exception],
        loaders: dict[str, Any],  # "libyaml" (when built with it) and "python"
        dumpers: dict[str, Any],
    ) -> None:
        self.yaml, self.refused, self.loaders, self.dumpers = yaml, refused, loaders, dumpers


@functools.cache
def _pyyaml() -> _PyYAML:
    """Import PyYAML (about 25 ms) only when a file is not in the shape `canonical` reads."""
    import yaml

    # Text with these is written double-quoted and escaped, so no break or control is lost.
    breaks_and_controls = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
    beyond_bmp = re.compile("[\U00010000-\U0010ffff]")  # libyaml escapes these; Python does not

    class Refused(yaml.constructor.ConstructorError):
        """Refused on purpose: the message already says what to do, so no hint is added."""

        def __init__(self, _context: None, _mark: None, problem: Msg, mark: Any) -> None:
            super().__init__(None, None, None, mark)
            self.problem = problem  # type: ignore[assignment]  # said in the reader's language

    def construct_object(self: Any, node: yaml.Node, deep: bool = False) -> Any:
        """Aliases are refused; a value its tag cannot hold (2026-02-30) is a marked error."""
        if node in self.constructed_objects or node in self.recursive_objects:
            raise Refused(
                None,
                None,
                msg("yaml.alias"),
                node.start_mark,
            )
        try:
            return yaml.constructor.SafeConstructor.construct_object(self, node, deep)
        except (ValueError, TypeError, AttributeError, KeyError, OverflowError):
            short = str(node.tag).rsplit(":", 1)[-1]
            shown = (
                repr(node.value)[:60]
                if isinstance(node, yaml.ScalarNode)
                else msg("yaml.this_value")
            )
            raise Refused(  # Python's own reason is English: the kind's name says what is valid
                None,
                None,
                msg("yaml.not_a", value=shown, kind=_type_name(short), detail=""),
                node.start_mark,
            ) from None

    def construct_mapping(self: Any, node: yaml.MappingNode, deep: bool = False) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep)
        seen: set[str] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise Refused(None, None, msg("yaml.merge_key"), key_node.start_mark)
            if not isinstance(key_node, yaml.ScalarNode):
                raise Refused(None, None, msg("yaml.key_not_text"), key_node.start_mark)
            key = key_node.value
            if key_node.tag != "tag:yaml.org,2002:str":  # 1:, yes:, 2026-01-01: are not words
                tag = str(key_node.tag).rsplit(":", 1)[-1]
                kind = msg(f"yaml.a_type.{_TYPE_NAMES.get(tag, 'value')}")
                raise Refused(
                    None,
                    None,
                    msg("yaml.key_read_as", key=repr(key), kind=kind),
                    key_node.start_mark,
                )
            if key in seen:
                raise Refused(None, None, msg("yaml.key_twice", key=repr(key)), key_node.start_mark)
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


MAX_LINES = 50_000  # lines, and flow-style entries ({ or [): a plan is ~300, 2,000 reviews ~40k


def _check_text(text: str, source: str) -> None:
    """What no YAML reader should be left to explain: conflict markers, an empty file, and a
    file far larger than any plan (counted before it is parsed, so refused at once)."""
    if len(text) > MAX_LINES:  # a shorter text cannot hold more lines or entries than that
        entries = max(text.count("\n"), text.count("{") + text.count("["))
        if entries > MAX_LINES:
            raise FileProblem(source, msg("yaml.too_many_lines", count=entries, limit=MAX_LINES))
    if ("<" in text or "=" in text or ">" in text) and any(  # one character is found faster
        marker in text for marker in _CONFLICT_MARKERS
    ):  # else no line starts with one
        for number, line in enumerate(text.splitlines(), start=1):
            if line.startswith(_CONFLICT_MARKERS):
                raise FileProblem(source, msg("yaml.conflict", line=number, marker=line[:7]))
    if not text or text.isspace():
        raise FileProblem(source, msg("yaml.empty"))


def loads(text: str, source: str, *, engine: Engine = "auto") -> Any:
    """Parse one YAML document; any problem becomes a BadInput naming `source`, line and column."""
    text = _lf(text)
    _check_text(text, source)
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
        raise FileProblem(source, _marked_problem(exc, lib.refused, text)) from None
    except yaml.reader.ReaderError as exc:
        raise FileProblem(source, _reader_problem(text, exc)) from None
    except yaml.YAMLError as exc:
        raise FileProblem(source, msg("yaml.not_valid", detail=str(exc))) from None
    except RecursionError:
        raise FileProblem(source, msg("yaml.too_deep")) from None
    except UnicodeEncodeError:
        raise FileProblem(source, msg("yaml.not_unicode")) from None
    if data is None:
        raise FileProblem(source, msg("yaml.empty"))
    _check_depth(data, source)
    return data


MAX_DEPTH = 32  # a plan nests 6 deep; far deeper is a mistake, and would exhaust the stack later


def _check_depth(data: Any, source: str) -> None:
    """Refuse lists and mappings nested beyond MAX_DEPTH (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FileProblem(source, msg("yaml.too_deep"))
        if isinstance(node, dict):
            stack.extend((value, depth + 1) for value in node.values())
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)


def _type_name(tag: str) -> Text:
    return (
        msg(f"yaml.type.{_TYPE_NAMES[tag]}") if tag in _TYPE_NAMES else msg("as_written", value=tag)
    )


# PyYAML's words for a problem (its C and Python parsers say them differently), by how they
# start, and the catalogue's sentence that says the same in the reader's language.
_SAID = (
    ("expected the node content", "yaml.said.value"),
    ("did not find expected node content", "yaml.said.value"),
    ("mapping values are not allowed", "yaml.said.colon"),
    ("could not find expected ':'", "yaml.said.colon_missing"),
    ("expected <block end>", "yaml.said.indent"),
    ("did not find expected key", "yaml.said.indent"),
    ("did not find expected '-' indicator", "yaml.said.indent"),
    ("found unexpected end of stream", "yaml.said.end"),
    ("found character '\\t'", "yaml.said.tab"),
    ("found a tab character", "yaml.said.tab"),
    ("found character", "yaml.said.start"),
    ("expected ',' or '}'", "yaml.said.brace"),
    ("did not find expected ',' or '}'", "yaml.said.brace"),
    ("expected ',' or ']'", "yaml.said.bracket"),
    ("did not find expected ',' or ']'", "yaml.said.bracket"),
    ("found undefined alias", "yaml.said.alias"),
    ("found duplicate anchor", "yaml.said.anchor"),
    ("second occurrence", "yaml.said.anchor"),
    ("found unknown escape character", "yaml.said.escape"),
)
# What was being read when it went wrong ("while parsing a block mapping"), by its last word.
_PART = {
    "mapping": "yaml.part.mapping",
    "collection": "yaml.part.list",
    "sequence": "yaml.part.list",
    "node": "yaml.part.brackets",
    "scalar": "yaml.part.quoted",
    "key": "yaml.part.key",
}


def _said(words: str) -> Msg:
    """PyYAML's description of a problem, in the catalogue's words where it has them."""
    for start, id in _SAID:
        if words.startswith(start):
            return msg(id)
    return msg("as_written", value=words)


def _at(text: str, mark: yaml.Mark) -> str:
    """The character a mark points at (line and column count from 0)."""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1]


def _part(context: str) -> Msg:
    for last, id in _PART.items():
        if context.endswith(last):
            return msg(id)
    return msg("as_written", value=context)


def _marked_problem(exc: yaml.MarkedYAMLError, refused: type[Exception], text: str) -> Text:
    """Where and what, where a construct started if that is elsewhere, and the next step.
    PyYAML's description of the problem is said in the catalogue's words where it has them."""
    mark = exc.problem_mark or exc.context_mark

    def at(problem: Text) -> Text:
        if not mark:
            return problem
        return msg("at_line", line=mark.line + 1, column=mark.column + 1, problem=problem)

    said: Any = exc.problem or exc.context  # our loader's Msg, or PyYAML's own words
    if isinstance(said, str) and "could not determine a constructor" in said:
        return at(msg("yaml.tag", tag=said.split("tag ")[-1]))
    if isinstance(said, Msg):
        problem = said
    elif said and said.startswith("found character") and mark and _at(text, mark) == "\t":
        problem = msg("yaml.said.tab")  # libyaml does not say which character it is
    elif said:
        problem = _said(said)
    else:
        problem = msg("yaml.invalid")
    if isinstance(exc, refused):
        return at(problem)
    start = exc.context_mark
    if exc.context and start and mark and start.line != mark.line:
        problem = msg(
            "yaml.started_at",
            problem=problem,
            context=_part(exc.context),
            line=start.line + 1,
            column=start.column + 1,
        )
    return at(msg("yaml.fix", problem=problem))


def _reader_problem(text: str, exc: yaml.reader.ReaderError) -> Text:
    """A character YAML refuses, found by line and column (libyaml counts bytes, not them)."""
    code = int(exc.character)
    index = text.find(chr(code))
    problem = msg("yaml.character", code=f"{code:04X}")
    if index < 0:
        return problem
    line = text.count("\n", 0, index) + 1
    column = index - text.rfind(chr(10), 0, index)
    return msg("at_line", line=line, column=column, problem=problem)


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


class Loaded(NamedTuple):
    """A document with the comments a rewrite would drop: `header`, the comment lines the file
    starts with (kept on rewrite), and `comments`, every other one as (line number, text)."""

    data: Any
    header: str
    comments: list[tuple[int, str]]
    verified: bool = True  # False: read by `load_unverified`, which may be wrong


def load_with_comments(text: str, source: str) -> Loaded:
    """`loads`, and the file's comments. In the plan's own shape only the leading lines can be
    comments; anything else is asked of PyYAML's scanner, never guessed from the lines."""
    text = _lf(text)
    _check_text(text, source)
    return verified(text) or through_pyyaml(text, source)


def through_pyyaml(text: str, source: str) -> Loaded:
    """What `load_with_comments` reads in a text that is not in the plan's own shape, or that
    has passed its checks already: PyYAML's reading, and the comments its scanner finds."""
    text = _lf(text)
    data = loads(text, source, engine="libyaml")
    found = _comments(text)
    lines = text.split("\n")
    leading = 0
    for index, (_, number, comment) in enumerate(found):
        if number != index + 1 or lines[index].rstrip(" \t") != comment:
            break
        leading = index + 1
    top = "".join(line + "\n" for line in lines[:leading])
    return Loaded(data, top, [(number, comment) for _, number, comment in found[leading:]])


Skip = canonical.Skip  # key -> None (not read), or what to pass over inside it


def load_unverified(text: str, source: str, skip: Skip) -> Loaded:
    """`load_with_comments`, cheaper when the file is in the plan's own shape: what is read is
    not written back to check it, and what `skip` names is not read (see canonical.read).
    For a caller that can tell a wrong reading by other means, or else calls `verified`."""
    text = _lf(text)
    _check_text(text, source)
    try:
        data = canonical.read(text, verify=False, skip=skip)
    except canonical.Unsupported:  # not the plan's own shape: the verified reading fails too
        return through_pyyaml(text, source)
    return Loaded(data, header(text), [], verified=False)


def verified(text: str) -> Loaded | None:
    """What `load_with_comments` reads in `text` when the file is in the plan's own shape, and
    None when it is not (then only PyYAML can say)."""
    text = _lf(text)
    try:
        return Loaded(canonical.read(text), header(text), [])
    except canonical.Unsupported:
        return None


def header(text: str) -> str:
    """The comment lines a file in the plan's own shape starts with (an editor modeline)."""
    text = _lf(text)
    end = 0  # only the lines up to the first that starts otherwise need splitting
    while text.startswith("#", end):
        end = text.find("\n", end) + 1 or len(text)
    lines = []
    for line in text[:end].splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line if line.endswith("\n") else line + "\n")
    return "".join(lines)


@functools.cache
def _breaks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where YAML (1.1, as PyYAML reads it) ends a line, and where editors end one (not at
    U+2028 or NEL in a note): compiled only for a file read through PyYAML."""
    return re.compile("[\n\r\x85\u2028\u2029]"), re.compile("\r\n?|\n")


def _line_end(text: str, start: int, end: int) -> int:
    found = _breaks()[0].search(text, start, end)
    return found.start() if found else end


def _comments(text: str) -> list[tuple[int, int, str]]:
    """Every comment in valid YAML, as (index, line number, text): a `#` outside all of the
    scanner's tokens, or after a block scalar's `|` or `>` on its first line."""
    lib = _pyyaml()
    loader = (lib.loaders.get("libyaml") or lib.loaders["python"])(text)
    spans: list[tuple[int, int]] = []  # stretches of text that hold no token
    position = 0
    try:
        while (token := loader.get_token()) is not None:
            start, end = token.start_mark.index, token.end_mark.index
            if start > position:
                spans.append((position, start))
            if getattr(token, "style", None) in ("|", ">"):  # the header line: `|-  # note`
                line_end = _line_end(text, start, end)
                hash_at = text.find("#", start, line_end)
                if hash_at >= 0:
                    spans.append((hash_at, line_end))
            position = max(position, end)
    except lib.yaml.YAMLError:  # loads() read it, so this is not expected; keep what was found
        pass
    finally:
        loader.dispose()
    if position < len(text):
        spans.append((position, len(text)))
    found = []
    for start, end in spans:
        at = text.find("#", start, end)
        while at >= 0:
            stop = _line_end(text, at, end)
            line = len(_breaks()[1].findall(text, 0, at)) + 1  # as an editor numbers lines
            found.append((at, line, text[at:stop].rstrip(" \t")))
            at = text.find("#", stop, end)
    return found


def _lf(text: str) -> str:
    """CRLF line ends as LF: YAML reads them alike, and the plan's shape is written with LF."""
    if "\r" in text and text.count("\r") == text.count("\r\n"):
        return text.replace("\r\n", "\n")
    return text
