"""YAML in and out: strict loading with clear messages, stable dumping, C and Python alike."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from socialready.errors import BadInput
from socialready.planfile import yamlio

KEYS = st.from_regex(r"[a-z][a-z_]{0,15}", fullmatch=True)  # plan and answer keys are identifiers
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=40)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(KEYS, VALUES, max_size=6))
def test_round_trip_and_same_bytes_whichever_engine(data: dict[str, object]) -> None:
    text = yamlio.dumps(data)
    assert text == yamlio.dumps(data, engine="libyaml") == yamlio.dumps(data, engine="python")
    for engine in ("auto", "libyaml", "python"):
        assert yamlio.loads(text, "x.yaml", engine=engine) == data


def test_block_style_unicode_as_is_and_multiline_as_literal() -> None:
    text = yamlio.dumps({"name": "Bakkerij Één 🍞", "items": ["a", "b"], "notes": "one\ntwo"})
    assert text == "name: Bakkerij Één 🍞\nitems:\n- a\n- b\nnotes: |-\n  one\n  two\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1\n", "x.yaml: line 2, column 1"),
        ("a: &x [1]\nb: *x\n", "alias"),
        ("a: 1\na: 2\n", "has the key 'a' twice"),
        ("a: !!python/object/apply:os.system [ls]\n", "unsupported tag"),
        ("<<<<<<< HEAD\na: 1\n=======\na: 2\n>>>>>>> other\n", "resolve the conflict"),
        ("", "the file is empty"),
        ("   \n# only a comment\n", "the file is empty"),
        ("x: {<<: {a: 1}}\n", "merge key"),
        ("? [a]\n: 1\n", "key that is not text"),
    ],
)
def test_bad_yaml_names_file_and_problem(text: str, expected: str) -> None:
    with pytest.raises(BadInput) as caught:
        yamlio.loads(text, "x.yaml")
    assert expected in caught.value.message
    assert caught.value.message.startswith("x.yaml")


def test_billion_laughs_is_refused_before_it_grows() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    with pytest.raises(BadInput, match="alias"):
        yamlio.loads("\n".join(lines), "bomb.yaml")


def test_inline_writes_one_line() -> None:
    assert yamlio.inline(["awareness", "community"]) == "[awareness, community]"
    assert yamlio.inline("yes") == "'yes'"
    assert yamlio.inline(2.5) == "2.5"


@pytest.mark.parametrize(
    ("text", "comments"),
    [
        ("owner: Gemeente 's-Hertogenbosch # eerst Piet bellen\n", [(1, "# eerst Piet bellen")]),
        ("notes: |-\n  Call the printer about order #42\n  # not a comment either\n", []),
        ("notes: |-  # about the notes\n  text\n", [(1, "# about the notes")]),
        ("notes: >\n  folded # text\n# after\n", [(3, "# after")]),
        ("a: 'x # y' # z\n", [(1, "# z")]),
        ('a: "x # y" # z\n', [(1, "# z")]),
        ("a: x#y\n", []),
        ("a: [1, # one\n  2]\n", [(1, "# one")]),
        ("a: {b: 1, # b\n  c: 2}\n", [(1, "# b")]),
        ("--- # start\na: 1\n... # end\n", [(1, "# start"), (3, "# end")]),
        ("a: 1\n  # indented\nb: 2\n", [(2, "# indented")]),
        ("a: 1\t# after a tab\n", [(1, "# after a tab")]),
        ("a: 'it''s # fine'\n", []),
        ("a: 'x: y # z'\n", []),
        ("a:\n- b # c\n- 'd #' # e\n", [(2, "# c"), (3, "# e")]),
        ("a: 1\r\nb: 2 # on line 2\r\n", [(2, "# on line 2")]),
    ],
)
def test_comments_are_what_the_scanner_leaves_outside_its_tokens(
    text: str, comments: list[tuple[int, str]]
) -> None:
    loaded = yamlio.load_with_comments(text, "x.yaml")
    assert loaded.comments == comments
    assert loaded.data == yaml.load(text, Loader=yaml.CSafeLoader)  # as the loader read it


def test_comment_lines_at_the_top_are_the_header() -> None:
    text = "# one\n# two\na: 1 # three\n# four\n"
    loaded = yamlio.load_with_comments(text, "x.yaml")
    assert loaded.header == "# one\n# two\n"
    assert loaded.comments == [(3, "# three"), (4, "# four")]
    fast = yamlio.load_with_comments("# one\n# two\na: 1\n", "x.yaml")  # no PyYAML needed
    assert fast == yamlio.Loaded({"a": 1}, "# one\n# two\n", [])


BROKEN = {
    "answers: [\n": ("a value was expected here", "hier hoort een waarde te staan"),
    "a: b: c\n": ("a colon is not allowed here", "hier mag geen dubbele punt staan"),
    "a:\n  b: 1\n c: 2\n": ("the indentation does not match", "de inspringing past niet"),
    "a: 'x\n": ("the file ends before a quote is closed", "het bestand houdt op"),
    "a: {b: 1\n": ("a closing curly bracket is missing", "een sluitende accolade"),
    "a: [1, 2\nb: 1\n": ("a ']' is missing", "hier ontbreekt een ']'"),
    "a: *x\n": ("names an anchor (&) that is not there", "verwijst naar een anker (&)"),
    'a: "\\q"\n': ("an unknown escape", "een onbekende escape"),
    "a:\n  b: 1\n\tc: 1\n": ("a tab is not allowed here", "hier mag geen tab staan"),
    "a:\n  b:\n\tc: 1\n": ("a tab is not allowed here", "hier mag geen tab staan"),
}


@pytest.mark.parametrize("text", list(BROKEN))
@pytest.mark.parametrize("engine", ["libyaml", "python"])
def test_broken_yaml_is_said_in_the_readers_language(text: str, engine: str) -> None:
    """What PyYAML finds wrong is said in the catalogue's words, in Dutch too, by either of its
    parsers, with where it is and what to do."""
    with pytest.raises(BadInput) as caught:
        yamlio.loads(text, "p.yaml", engine=engine)  # type: ignore[arg-type]
    english, dutch = BROKEN[text]
    assert english in caught.value.render("en") and "fix the YAML" in caught.value.render("en")
    said = caught.value.render("nl")
    assert dutch in said and "herstel de YAML" in said, said
    for word in ("found", "expected", "while", "parsing", "scanning", "mapping"):
        assert word not in said, said
