"""The plan shape without PyYAML: PyYAML's bytes when writing, PyYAML's reading when reading."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialready.planfile import canonical, yamlio
from socialready.planfile.document import Plan, build, dumps
from tests.strategies import examples, languages, valid_answers

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "plans").glob("*.yaml"))
BASE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters and words at which YAML's quoting rules turn: indicators, spaces, breaks, controls,
# the YAML 1.1 implicit types, Unicode inside and beyond the BMP.
ALPHABET = st.sampled_from([*"aZ09 :#-?'\"|>!&*%@`,[]{}.~\n\t\r=<+_eE", "é", "–", "\x85"])
WORDS = st.sampled_from(
    ["yes", "No", "ON", "null", "~", "", "0", "-1", "007", "09", "-0", "0x1F", "1_000", "1:30",
     "1.5", ".5", "1e5", "1.0e+5", ".inf", "-.Inf", ".nan", "2026-11-27", "2026-1-2",
     "2026-02-30", "<<", "=",
     "---", "...", "- x", "? x", ": x", "a: b", "a:", "a #b", "a#b", " a", "a ", "\na", "a\n",
     "a\n\n", "a\nb", "a \nb", "a\n b", "\u2028", "\ufeff", "🍞", "'q'", '"q"', "#", "|", "@a",
     "Gemeente 's-Hertogenbosch # eerst Piet bellen", "order #42", "a: b # c", "x\n# y", "\x1b[2J",
     "\x1b]52;c;aGk=\x07", "\r\n", "\x7f", "\x9b", "\u2029", "\u202e"]
)  # fmt: skip
TEXT = WORDS | st.text(ALPHABET, max_size=12) | st.text(max_size=12)
KEYS = (
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
    | WORDS
    | st.integers(95, 130).map(lambda length: "k" * length)  # PyYAML's `? key` starts in here
)
SCALARS = (
    TEXT
    | st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
    max_leaves=12,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, min_size=1, max_size=4)
# The plan's own shape, which write must nearly always take: identifier keys, no list in a list.
SHAPED_TEXT = (WORDS | st.text(ALPHABET, max_size=12)).filter(
    lambda text: (
        not text.endswith(("\n", " "))
        and " \n" not in text
        and not any(ch in text for ch in "\t\r\x85\u2028\u2029\ufeff🍞\x1b\x07\x7f\x9b")
    )  # PyYAML quotes these
)
SHAPED_KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True).filter(
    lambda key: key not in ("yes", "no", "true", "false", "on", "off", "null")
)
SHAPED = st.recursive(
    SHAPED_TEXT
    | st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.dates(),
    lambda inner: (
        st.lists(inner.filter(lambda value: type(value) is not list), max_size=3)
        | st.dictionaries(SHAPED_KEYS, inner, max_size=3)
    ),
    max_leaves=12,
)


def _written(data: Any) -> str | None:
    try:
        return canonical.write(data)
    except canonical.Unsupported:
        return None


@BASE
@given(DOCUMENTS)
def test_writes_what_pyyaml_writes_or_declines(data: dict[Any, Any]) -> None:
    text = _written(data)
    if text is not None:
        assert text == yamlio.dumps(data, engine="libyaml")
        assert text == yamlio.dumps(data, engine="python")
        assert canonical.read(text) == data


@BASE
@given(st.dictionaries(SHAPED_KEYS, SHAPED, min_size=1))
def test_writes_the_plan_shape_as_pyyaml_does(data: dict[str, Any]) -> None:
    text = canonical.write(data)
    assert text == yamlio.dumps(data, engine="libyaml") == yamlio.dumps(data, engine="python")
    assert canonical.read(text) == data


@settings(BASE, max_examples=examples(300))
@given(st.data(), valid_answers(), languages)
def test_reads_what_pyyaml_reads_or_declines(
    data: st.DataObject, given_answers: dict[str, Any], lang: str
) -> None:
    """Any text, however changed: read either declines or agrees with PyYAML."""
    text = dumps(build(Plan(given_answers, lang)))
    if data.draw(st.booleans()):  # a header comment, which read skips
        text = "#" + data.draw(TEXT | st.sampled_from(["\u2028x", "\r", "\x85"])) + "\n" + text
    for _ in range(data.draw(st.integers(1, 3))):
        position = data.draw(st.integers(0, len(text)))
        insert = data.draw(TEXT | st.sampled_from(["\n", "  ", "- ", "'", "# c", "|-", "key: "]))
        cut = data.draw(st.integers(0, 3))
        text = text[:position] + insert + text[position + cut :]
    try:
        fast = canonical.read(text)
    except canonical.Unsupported:
        return
    assert fast == yamlio.loads(text, "p.yaml", engine="python")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_example_plans_take_the_fast_path(path: Path) -> None:
    text = path.read_text("utf-8")
    assert canonical.read(text) == yamlio.loads(text, str(path), engine="libyaml")


@BASE
@given(valid_answers(), languages)
def test_plans_of_ordinary_text_take_the_fast_path(
    given_answers: dict[str, Any], lang: str
) -> None:
    document = build(Plan(given_answers, lang))
    text = yamlio.dumps(document, engine="libyaml")
    if all(_ordinary(value) for value in given_answers.values() if isinstance(value, str)):
        assert canonical.write(document) == text


def _ordinary(text: str) -> bool:
    """Printable text within the BMP, no blank line and no space before a line break."""
    printable = all(ch <= "\uffff" and (ch.isprintable() or ch == "\n") for ch in text)
    return printable and " \n" not in text and "\n\n" not in text


@pytest.mark.parametrize(
    "data",
    [
        {"a": "🍞"},  # libyaml escapes it; yamlio writes it through pure-Python PyYAML
        {"a": "tab\there"},
        {"a": "line\n"},
        {"a": "ends\n\n"},
        {"a": dt.datetime(2026, 1, 1)},
        {"a": [["nested"]]},
        {"a": (1, 2)},
        {"yes": 1},
        {"x" * 130: 1},
        {"k" * 123: 1},  # PyYAML writes `? kkk…` from about 123 characters
        {"a": "ab " * 400_000},  # folded at yamlio.WIDTH
        {"a": float("nan")},
    ],
)
def test_declines_what_pyyaml_writes_differently(data: dict[str, Any]) -> None:
    with pytest.raises(canonical.Unsupported):
        canonical.write(data)


class _Key(str, enum.Enum):
    abc = "abc"


def test_declines_a_key_that_only_equals_text() -> None:
    assert canonical.write({"abc": 1}) == "abc: 1\n"  # now a key it has checked
    with pytest.raises(canonical.Unsupported):
        canonical.write({_Key.abc: 1})  # PyYAML cannot write an enum member


def test_declines_an_object_written_twice() -> None:
    shared = ["a"]
    with pytest.raises(canonical.Unsupported):
        canonical.write({"a": shared, "b": shared})  # PyYAML writes an anchor and an alias


@pytest.mark.parametrize(
    "shared",
    [dt.date(2026, 1, 1), [], {}, {"k": "v"}, ["x"]],
    ids=["date", "[]", "{}", "{k}", "[x]"],
)
def test_declines_any_object_met_twice_at_any_depth(shared: object) -> None:
    data = {"a": {"b": [shared]}, "c": [{"d": shared}]}
    assert "&id001" in yamlio.dumps(data, engine="python")
    with pytest.raises(canonical.Unsupported):
        canonical.write(data)


def test_declines_a_mapping_inside_itself() -> None:
    inside: dict[str, Any] = {"a": 1}
    inside["b"] = [inside]
    with pytest.raises(canonical.Unsupported):
        canonical.write(inside)


def test_writes_a_key_with_text_the_same_at_each_indent_and_place() -> None:
    """The same key and text at another indent, or as a sequence item's first key, is written
    with that indent, however often it was written before (the writer keeps lines it wrote)."""
    data = {"k": "v", "m": {"k": "v", "n": [{"k": "v"}, {"j": "w", "k": "v"}]}}
    expected = yamlio.dumps(data, engine="python")
    assert canonical.write(data) == expected
    assert canonical.write(data) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a: 1  # a comment\n",
        "a: {b: 1}\n",
        'a: "quoted"\n',
        "a: 'x'\n",  # PyYAML would write it plain
        "a:   1\n",
        "a: 1",
        "a: yes\n",
        "\ufeffa: 1\n",
        "a:\n- \n",
        "#\u2028.0\ny: true\n",  # YAML ends the comment at U+2028: `.0` is a broken line
        "# \x01\na: 1\n",  # a control character, even in a comment, is an error to YAML
        "#x\ra: 1\nb: 2\n",  # so is \r: `a: 1` is data
        "a: " + "1" * 5000 + "\n",  # more digits than Python converts
        "k:\n" + "".join(f"{'  ' * depth}k:\n" for depth in range(1, 994)) + "  " * 994 + "k: x\n",
        "a:\n" + "".join(f"{'  ' * depth}k:\n" for depth in range(1, 2000)),
    ],
)
def test_declines_text_written_another_way(text: str) -> None:
    with pytest.raises(canonical.Unsupported):
        canonical.read(text)


def test_keeps_the_header_out_of_the_data() -> None:
    text = "# yaml-language-server: $schema=x\n# mine\na: 1\nb:\n- c\n"
    assert canonical.read(text) == {"a": 1, "b": ["c"]}


@pytest.mark.parametrize(
    ("first", "then"), [(True, 1), (1, True), (False, 0), (0, False), ("1", 1), (None, "null")]
)
def test_writes_equal_values_of_other_types_apart(first: object, then: object) -> None:
    """Equal values of other types are written apart: True == 1, yet each is written its own
    way (and in a sequence item as in a mapping), whatever was written before."""
    for data in ({"k": first}, {"k": then}, {"s": [{"k": first}]}, {"s": [{"k": then}]}):
        assert canonical.write(data) == yamlio.dumps(data, engine="python")


def test_a_header_read_before_is_still_followed_by_checked_lines() -> None:
    header = "# yaml-language-server: $schema=x\n"
    assert canonical.read(header + "a: 1\n") == {"a": 1}
    with pytest.raises(canonical.Unsupported):
        canonical.read(header + "# \x01\na: 1\n")  # the lines after it are checked as before
    assert canonical.read(header + "# more\na: 2\n") == {"a": 2}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nr:\n- x\n-  y\n\n  z\nb: 2\nc:\n  d: 1\n", {"a": 1, "r": [], "b": 2, "c": {}}),
        ("r:\n- x\na: 1\nr:\n  k: v\n", {"r": {}, "a": 1}),  # the first line's key too
        ("a: 1\nr:\nc:\n- 1\n", {"a": 1, "r": {}, "c": []}),  # nothing under it
        ("a: 1\nr:\n  k: v\n", {"a": 1, "r": {}}),  # to the end
        ("a: 1\nr: |\n  x\n\n  y\nb: 2\n", {"a": 1, "r": "", "b": 2}),
        ("a: 1\nc:\n- 1\nr: 'x'\n", {"a": 1, "c": [], "r": ""}),
    ],
)
def test_passes_over_what_skip_names_and_reads_the_rest(
    text: str, expected: dict[str, Any]
) -> None:
    assert canonical.read(text, verify=False, skip={"r": None, "c": None}) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nr:\n  k: v\n#c\n",  # a line that is no key at column 0 ends the value passed over
        "a: 1\nr:\n  k: v\nx\nb: 2\n",
        "a: 1\nr:\n- x\n - y\n'b': 2\n",
    ],
)
def test_a_value_passed_over_ends_where_a_reading_would_fail(text: str) -> None:
    with pytest.raises(canonical.Unsupported):
        canonical.read(text, verify=False, skip={"r": None})
