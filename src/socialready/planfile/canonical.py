"""The block YAML that plans are written in, written and read back without PyYAML.

Loading PyYAML costs about 25 ms and each plan about 2 ms each way, which is most of what
`plan --check` does. Plans have one fixed shape: block mappings and sequences, two-space indent,
text plain, single-quoted or literal. `write` gives exactly PyYAML's bytes for that shape (tests
compare the two on generated data) and raises Unsupported for anything else. `read` trusts its
result only when writing it gives the text back byte for byte, so a file it accepts is one that
PyYAML reads the same way; anything else (a comment inside, flow style, other quoting) is left
to PyYAML by `yamlio`, which is the only module that uses this one. (`plan` reads without that
check, passing over what it rebuilds, when it can tell a wrong reading otherwise: recompute.)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

from socialready.planfile.schedule import iso_date


class Unsupported(Exception):
    """Outside the fixed shape: use PyYAML instead."""


INDENT = 2
_KEY = re.compile(r"([a-z][a-z0-9_]*):(?: |$)")  # a key line: the key, then its value or nothing
_KEY_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_LONGEST_KEY = 100  # PyYAML writes long keys (~123+) as `? key`
# YAML 1.1 implicit types as PyYAML's resolver has them: plain text like these reads back as
# something else, so it is quoted.
_BOOL = frozenset(
    spelling
    for word in ("yes", "no", "true", "false", "on", "off")
    for spelling in (word, word.title(), word.upper())
)
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_OTHER = frozenset(("<<", "=", "!", "&", "*"))  # merge and value keys; ! & * are documented too
_NUMBER_CHARACTERS = frozenset("0123456789+-._:eExXbBaAcCdDfFiInNoOtTzZ \t")  # all _number() takes
_MARKS = frozenset(".:x-+eE")
_HEX_LETTERS = frozenset("acdfACDF")  # in the patterns only after 0x, or in .inf and .nan
_INDICATOR_FIRST = frozenset("#,[]{}&*!|>'\"%@`")


@functools.cache
def _special() -> re.Pattern[str]:
    """Characters PyYAML writes only double-quoted or escaped (beyond the BMP: see below)."""
    return re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


@functools.cache
def _beyond_bmp() -> re.Pattern[str]:
    """Characters beyond the BMP: text with one is left to PyYAML (found faster than max())."""
    return re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _number() -> re.Pattern[str]:
    """PyYAML's float, int and timestamp patterns (YAML 1.1), with YAML 1.2's ints and floats
    (yamlio reads plans as 1.2 does): compiled only when text starts like one."""
    return re.compile(
        r"""^(?:[-+]?[0-9]+|0o[0-7]+
        |[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
        |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN)
        |[-+]?0b[0-1_]+
        |[-+]?0[0-7_]+
        |[-+]?(?:0|[1-9][0-9_]*)
        |[-+]?0x[0-9a-fA-F_]+
        |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
         (?:[Tt]|[ \t]+)[0-9][0-9]?
         :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
         (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
        re.X,
    )


def _reads_as_other(text: str) -> bool:
    """Whether YAML 1.1 or 1.2 would read this text, written plain, as something other than
    text: PyYAML's dumper in yamlio quotes it then."""
    if text in _BOOL or text in _NULL or text in _OTHER:
        return True
    if text[0] not in "-+0123456789." or not _NUMBER_CHARACTERS.issuperset(text):
        return False  # most text: no need for the patterns
    digits = text.lstrip("-+")
    if not (
        digits.replace("_", "").isdigit() or digits.startswith(("0b", "0o")) or _MARKS & set(text)
    ):
        return False  # every pattern but those of plain digits needs one of these (a hex digest)
    if "x" not in text and "." not in text and not _HEX_LETTERS.isdisjoint(text):
        return False  # a digest such as 1a2b3c4d-5e6f7a8b: no pattern can take its letters
    return _number().match(text) is not None


# Writing


# Plans repeat the same sentences and keys: each is checked once. Bounded, for long runs.
_LINES: dict[str, str] = {}  # one line of text -> how it is written
_LINES_KEPT = 20_000
_KEY_LINES: dict[int, dict[str, str]] = {}  # indent -> key -> its line up to the colon
_KEY_LINES_KEPT = 1_000
_LONGEST = 900_000  # PyYAML folds a line at 1,000,000 characters (yamlio.WIDTH)


_PADS = [" " * width for width in range(0, 64, INDENT)]


def _pad(indent: int) -> str:
    return _PADS[indent // INDENT] if indent < len(_PADS) * INDENT else " " * indent


def write(data: Any) -> str:
    """A mapping as PyYAML's block style writes it (see yamlio.dumps), or Unsupported."""
    if type(data) is not dict or not data:
        raise Unsupported
    out: list[str] = []
    try:
        _mapping(out, data, 0, inline_first=False, seen=set())
    except RecursionError:
        raise Unsupported from None
    return "".join(out)


def _key_name(key: str) -> bool:
    """[a-z][a-z0-9_]{0,99}: a key PyYAML writes plain, as it is."""
    return 0 < len(key) <= _LONGEST_KEY and "a" <= key[0] <= "z" and _KEY_CHARACTERS.issuperset(key)


def _mapping(
    out: list[str], data: dict[Any, Any], indent: int, *, inline_first: bool, seen: set[int]
) -> None:
    if id(data) in seen:  # as _once does (here for speed: most values are in a mapping)
        raise Unsupported
    seen.add(id(data))
    pad = _pad(indent)
    inner = indent + INDENT
    append = out.append
    key_lines = _KEY_LINES.get(indent)
    if key_lines is None or len(key_lines) > _KEY_LINES_KEPT:
        key_lines = _KEY_LINES[indent] = {}
    for key, value in data.items():
        if type(key) is not str:  # before the cache: an enum member may equal a cached key
            raise Unsupported
        key_line = key_lines.get(key)
        if key_line is None:
            if not _key_name(key) or _reads_as_other(key):
                raise Unsupported
            key_line = key_lines[key] = pad + key + ":"
        if inline_first:  # the first key follows the `- ` of its sequence item
            append(key + ":")
            inline_first = False
        else:
            append(key_line)
        kind = type(value)
        if kind is str:  # most values: a sentence written before
            append(_LINES.get(value) or _text(value, inner))
        elif kind is dict and value:
            append("\n")
            _mapping(out, value, inner, inline_first=False, seen=seen)
        elif kind is list and value:
            append("\n")
            _sequence(out, value, indent, seen)  # PyYAML does not indent a sequence in a mapping
        else:
            append(_scalar(value, inner, seen))


def _sequence(out: list[str], data: list[Any], indent: int, seen: set[int]) -> None:
    _once(data, seen)
    dash = _pad(indent) + "-"
    inner = indent + INDENT
    append = out.append
    for item in data:
        kind = type(item)
        if kind is str:
            append(dash)
            append(_LINES.get(item) or _text(item, inner))
        elif kind is dict and item:
            append(dash + " ")
            _mapping(out, item, inner, inline_first=True, seen=seen)
        elif kind is list and item:
            raise Unsupported
        else:
            append(dash)
            append(_scalar(item, inner, seen))


def _once(value: object, seen: set[int]) -> None:
    """PyYAML writes an object met twice as an anchor and alias: not this shape."""
    if id(value) in seen:
        raise Unsupported
    seen.add(id(value))


def _scalar(value: Any, indent: int, seen: set[int]) -> str:
    """What follows `key:` or `-`, up to and including the line break."""
    kind = type(value)
    if kind is str:
        return _text(value, indent)
    if value is None:
        return " null\n"
    if kind is bool:
        return " true\n" if value else " false\n"
    if kind is int:
        return f" {value}\n"
    if kind is float:
        return f" {_float(value)}\n"
    if kind is dt.date:
        _once(value, seen)
        return f" {value.isoformat()}\n"
    if kind is dict and not value:
        _once(value, seen)
        return " {}\n"
    if kind is list and not value:
        _once(value, seen)
        return " []\n"
    raise Unsupported


def _float(value: float) -> str:
    """As PyYAML writes a float: 1.5, 1.0e+17 (its pattern needs the point)."""
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    if "n" in text:  # inf and nan have spellings of their own
        raise Unsupported
    return text


def _text(text: str, indent: int) -> str:
    """Plain when it reads back as the same text, else single-quoted, else a literal block."""
    written = _LINES.get(text)
    if written is not None:
        return written
    if not text.isprintable() and _special().search(text):  # printable: none of them
        raise Unsupported
    if not text.isascii() and _beyond_bmp().search(text):
        raise Unsupported
    if "\n" in text.rstrip("\n"):
        return _literal(text, indent)
    if "\n" in text or len(text) > _LONGEST:
        raise Unsupported
    written = f" {text}\n" if _plain_ok(text) else " '" + text.replace("'", "''") + "'\n"
    if len(_LINES) >= _LINES_KEPT:
        _LINES.clear()
    _LINES[text] = written
    return written


def _plain_ok(text: str) -> bool:
    """PyYAML's test for a plain scalar in block context, for one line of printable text."""
    if not text or text[0] == " " or text[-1] == " " or _reads_as_other(text):
        return False
    if text.startswith(("---", "...")) or text[0] in _INDICATOR_FIRST:
        return False
    if text[0] in "?:-" and (len(text) == 1 or text[1] == " "):
        return False
    return ": " not in text and not text.endswith(":") and " #" not in text


def _literal(text: str, indent: int) -> str:
    """A `|` block; PyYAML quotes text with a space before a break or at the end instead."""
    if " \n" in text or text.endswith(" "):
        raise Unsupported
    if text.endswith("\n\n"):
        raise Unsupported  # `|+`, after which PyYAML may end the document with `...`
    hints = str(INDENT) if text[0] in " \n" else ""
    if not text.endswith("\n"):
        hints += "-"
    pad = " " * indent
    body = "\n".join(pad + line if line else "" for line in text.split("\n"))
    return f" |{hints}\n{body}" + ("" if text.endswith("\n") else "\n")


# Reading


# What a reading passes over: key -> None (its value is not read: {}, [] or "" instead, by how
# it is written), or what to pass over inside it (in each item, for a sequence).
Skip = Mapping[str, "Skip | None"]


def read(text: str, *, verify: bool = True, skip: Skip | None = None) -> dict[str, Any]:
    """The mapping in `text` (after its leading comment lines), or Unsupported.

    Without `verify`, what is read is not written back to check it, and what `skip` names is
    passed over: such a reading may be wrong, and is for a caller that can tell by other means
    (see recompute), or reads the text again verified. The lines passed over are those a
    reading that succeeds would take for the value, no more and no fewer."""
    start = 0
    while text.startswith("#", start):
        end = text.find("\n", start) + 1
        if end == 0 or not text[start : end - 1].isprintable():
            raise Unsupported  # YAML also breaks lines at \r, \x85, \u2028; controls are errors
        start = end
    body = text[start:]
    if not body.endswith("\n"):
        raise Unsupported
    lines = body.split("\n")
    lines.pop()  # after the last line break
    try:
        data, index = _read_mapping(lines, 0, 0, None, skip)
    except RecursionError:  # PyYAML says how deep is too deep
        raise Unsupported from None
    if index != len(lines) or not data:
        raise Unsupported
    if verify and write(data) != body:
        raise Unsupported
    return data


# The reader reads the lines `write` makes and gives up (Unsupported) at much else; what it
# reads is trusted only once written back to the same text (see `read`). One call per mapping
# or sequence, the lines of each walked in a loop: plans are read far more often than written.


def _read_mapping(
    lines: list[str], index: int, indent: int, first: str | None, skip: Skip | None = None
) -> tuple[dict[str, Any], int]:
    """The mapping whose keys start at `indent` from line `index` on (or from `first`, the
    rest of a `- key: value` line), and the index of the line after it."""
    data: dict[str, Any] = {}
    pad = _pad(indent)
    count = len(lines)
    key_at = _KEY.match
    while True:
        if first is not None:
            line, first = first, None
            match = key_at(line)
        elif index < count and lines[index].startswith(pad):
            line = lines[index]
            match = key_at(line, indent)
            if match is None:  # a sequence item or a deeper line: the mapping ends before it
                return data, index
            index += 1
        else:
            return data, index
        if match is None:
            raise Unsupported
        end = match.end()
        key = match[1]
        inner: Skip | None = None
        if skip is not None and key in skip:
            inner = skip[key]
            if inner is None:
                if end < len(line) and line[end] != "|":  # nothing on the lines after it
                    data[key] = ""
                else:
                    data[key], index = _pass_over(lines, index, indent, end < len(line))
                continue
        if end < len(line):
            rest = line[end:]
            if rest[0] == "|":
                data[key], index = _read_literal(lines, index, indent + INDENT, rest[1:])
            elif rest[0] in _NOT_ONLY_TEXT:
                data[key] = _scalar_text(rest)
            else:
                data[key] = rest
        elif index < count and lines[index].startswith(pad + "- "):
            data[key], index = _read_sequence(lines, index, indent, inner)
        else:
            data[key], index = _read_mapping(lines, index, indent + INDENT, None, inner)


def _pass_over(lines: list[str], index: int, indent: int, on_the_line: bool) -> tuple[Any, int]:
    """A value not read: "" for one on its key's line (the lines of a `|` block after it), else
    [] or {}, after every line that is empty, deeper than its key or an item at its key's
    indent (a reading that succeeds takes exactly those: the next line is a key)."""
    count = len(lines)
    deeper = _pad(indent + INDENT) if on_the_line else _pad(indent) + " "
    item = deeper if on_the_line else _pad(indent) + "-"
    found: Any = "" if on_the_line else []
    if not on_the_line and not (index < count and lines[index].startswith(item)):
        found = {}
    taken = (deeper, item)
    while index < count and (not lines[index] or lines[index].startswith(taken)):
        index += 1
    return found, index


def _read_sequence(
    lines: list[str], index: int, indent: int, skip: Skip | None = None
) -> tuple[list[Any], int]:
    """The items of the sequence whose `- ` start at `indent` from line `index` on."""
    items: list[Any] = []
    item_pad = _pad(indent) + "- "
    inner = indent + INDENT
    count = len(lines)
    while index < count and lines[index].startswith(item_pad):
        rest = lines[index][inner:]
        index += 1
        if _KEY.match(rest):
            item, index = _read_mapping(lines, index, inner, rest, skip)
            items.append(item)
        elif rest[:1] == "|":
            literal, index = _read_literal(lines, index, inner, rest[1:])
            items.append(literal)
        elif rest and rest[0] not in _NOT_ONLY_TEXT:
            items.append(rest)
        else:
            items.append(_scalar_text(rest))
    return items, index


# How a plain scalar that is not text can start (or a quoted one, or an empty collection):
# what starts otherwise is the text it spells (_scalar_text would say so, more slowly).
_NOT_ONLY_TEXT = frozenset("'[{ntf-0123456789")


def _scalar_text(text: str) -> Any:
    """A one-line scalar: single-quoted, an empty collection, or plain."""
    if text[:1] == "'":
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != "'" or "'" in inner.replace("''", ""):
            raise Unsupported
        return inner.replace("''", "'")
    if text == "[]":
        return []
    if text == "{}":
        return {}
    return _plain(text)


def _read_literal(lines: list[str], index: int, indent: int, hints: str) -> tuple[str, int]:
    """A `|` block's text: its lines at `indent` or deeper, and empty ones."""
    if hints not in ("", "-", "2", "2-"):
        raise Unsupported
    pad = _pad(indent)
    start = index
    count = len(lines)
    while index < count and (not lines[index] or lines[index].startswith(pad)):
        index += 1
    text = "\n".join(line[indent:] for line in lines[start:index])
    return text + ("" if hints.endswith("-") else "\n"), index


def _plain(text: str) -> Any:
    """A plain scalar as PyYAML reads the ones `write` makes; `read` checks the rest."""
    if not text:
        raise Unsupported  # `- ` with nothing after it
    if text == "null":
        return None
    if text in ("true", "false"):
        return text == "true"
    if text[0] in "-0123456789" and text.isascii():
        digits = text[1:] if text[0] == "-" else text
        try:
            if digits.isdigit() and (digits == "0" or digits[0] != "0"):  # 09 is written '09'
                return int(text)
            if len(text) == 10 and text[4] == text[7] == "-":
                return iso_date(text)
            if "." in text:
                number = float(text)
                if _float(number) == text:  # else text, as YAML 1.1 reads -.5 or 1.0e5
                    return number
        except (ValueError, Unsupported):
            pass  # a number too long, a date that is not one: writing back will not match
    return text
