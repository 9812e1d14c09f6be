"""Fuzzing the loaders, structure-aware: valid answers files and plans, mutated as a person, an
editor, git or a bad disk would, load as a valid result or fail with one SocialreadyError
(a message naming the file, exit code 2), never another exception."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialready import answers, files, questionnaire, rules
from socialready.errors import SocialreadyError
from socialready.planfile import document as plan
from socialready.planfile import yamlio
from tests.strategies import languages, valid_answers

QS = questionnaire.load()
T = TypeVar("T")
BASE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

KNOWN_KEYS = sorted({part for key in QS.by_key for part in key.split(".")} | set(plan.TOP_KEYS))
KEYS = st.sampled_from(KNOWN_KEYS) | st.text(max_size=12)
TRICKY = ["yes", "no", "~", "null", "2026-02-30", "1e400", ".nan", ".inf", "0x1F", "1:30", "'"]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**18), 10**18)  # 10**400 is the known OverflowError: test_bad_input.py
    | st.floats()
    | st.text(max_size=30)
    | st.dates()
    | st.sampled_from(TRICKY)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=10,
)
GARBAGE = st.sampled_from(
    [
        "<<<<<<< HEAD",
        "=======",
        ">>>>>>> theirs",
        "\tpeople: 2",
        "a: &a [1, 2]",
        "b: *a",
        "<<: {x: 1}",
        "x: !!python/object/apply:os.system [ls]",
        "x: !!binary '@@'",
        "x: !!timestamp soon",
        "x: !!set {a}",
        "? [a, b]",
        "---",
        "...",
        "%YAML 1.2",
        "{",
        "[",
        '"',
        "- - -",
        "\x07",
        "\ufeff",
        "\u2028",
        "\x85",
        "due: 2026-13-01",
    ]
) | st.text(max_size=40)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a tree of dicts and lists: the keys and indexes that lead to it."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    found = []
    for key, value in items:
        found.append((*prefix, key))
        if isinstance(value, (dict, list)):
            found += _paths(value, (*prefix, key))
    return found


@st.composite
def mutated_tree(draw: st.DrawFn, tree: dict[str, Any]) -> dict[str, Any]:
    """Drop a key, set a value to any YAML value, or add one: as a hand edit would."""
    tree = copy.deepcopy(tree)
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(tree)
        if not paths:
            break
        *route, key = draw(st.sampled_from(paths))
        parent: Any = tree
        for step in route:
            parent = parent[step]
        action = draw(st.sampled_from(["drop", "set", "add"]))
        if action == "drop":
            del parent[key]
        elif action == "set":
            parent[key] = draw(VALUES)
        elif isinstance(parent, dict):
            parent[draw(KEYS)] = draw(VALUES)
        else:
            parent.insert(key, draw(VALUES))
    return tree


@st.composite
def mutated_bytes(draw: st.DrawFn, text: str) -> bytes:
    """Garbage lines, a cut at any point, a changed character, then flipped bytes."""
    for _ in range(draw(st.integers(0, 2))):
        action = draw(st.sampled_from(["insert", "truncate", "character"]))
        position = draw(st.integers(0, len(text)))
        if action == "insert":
            start = text.rfind("\n", 0, position) + 1
            text = text[:start] + draw(GARBAGE) + "\n" + text[start:]
        elif action == "truncate":
            text = text[:position]
        else:
            text = text[:position] + draw(st.characters()) + text[position + 1 :]
    data = bytearray(text.encode("utf-8"))
    for _ in range(draw(st.integers(0, 2))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] ^= draw(st.integers(1, 255))
    return bytes(data)


def _outcome(load: Callable[[], T], name: str) -> T | None:
    """The result, or None after a SocialreadyError that is fit to show; anything else fails."""
    try:
        return load()
    except SocialreadyError as exc:
        assert isinstance(exc.message, str) and exc.message.strip(), repr(exc.message)
        assert "\n" not in exc.message, f"one message, one line: {exc.message!r}"
        assert exc.exit_code == 2
        assert name in exc.message, f"the message names the file: {exc.message!r}"
        return None


def _through_file(folder: Path, name: str, data: bytes) -> tuple[str, str | None]:
    path = folder / name
    path.write_bytes(data)
    return str(path), _outcome(lambda: files.read_text(path), name)


def _load_answers(text: str, source: str) -> None:
    loaded = _outcome(lambda: answers.from_nested(QS, yamlio.loads(text, source), source), "a.yaml")
    if loaded is not None:
        for key, value in loaded.items():
            assert answers.validate(QS.by_key[key], value) == value


def _load_plan(text: str, source: str) -> None:
    loaded = _outcome(lambda: plan.from_text(text, source), "p.yaml")
    if loaded is not None:
        assert loaded.language in questionnaire.LANGUAGES
        assert not answers.complete(QS, loaded.answers)[1]
        assert set(loaded.owned) == set(rules.STEP_IDS)
        for owned in loaded.owned.values():
            assert owned["status"] in plan.STATUSES
            assert owned["due"] is None or type(owned["due"]) is dt.date
        _outcome(lambda: plan.hand_edits(loaded), "p.yaml")  # what `plan` does next


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(BASE, max_examples=400)
@given(st.data(), valid_answers())
def test_mutated_answers_files(scratch: Path, data: st.DataObject, valid: dict[str, Any]) -> None:
    tree = data.draw(mutated_tree(answers.to_nested(QS, valid)))
    source, text = _through_file(scratch, "a.yaml", data.draw(mutated_bytes(yamlio.dumps(tree))))
    if text is not None:
        _load_answers(text, source)


@settings(BASE, max_examples=250)
@given(st.data(), valid_answers(), languages)
def test_mutated_plan_files(
    scratch: Path, data: st.DataObject, valid: dict[str, Any], lang: str
) -> None:
    tree = data.draw(mutated_tree(plan.build(plan.Plan(valid, lang))))
    source, text = _through_file(scratch, "p.yaml", data.draw(mutated_bytes(plan.dumps(tree))))
    if text is not None:
        _load_plan(text, source)


@settings(BASE, max_examples=500)
@given(st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_arbitrary_bytes(scratch: Path, data: bytes) -> None:
    for name, load in (("a.yaml", _load_answers), ("p.yaml", _load_plan)):
        source, text = _through_file(scratch, name, data)
        if text is not None:
            load(text, source)
