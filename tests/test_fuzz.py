"""Fuzzing the loaders, structure-aware: valid answers files and plans, mutated as a person, an
editor, git or a bad disk would, load as a valid result or fail with one SocialreadyError
(a message naming the file, exit code 2), never another exception."""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from socialready import answers, files, questionnaire, rules
from socialready.commands import overview
from socialready.errors import SocialreadyError
from socialready.model import Owned, PlanDoc
from socialready.planfile import recompute, yamlio
from socialready.planfile.document import (
    OWNED,
    STATUSES,
    TOP_KEYS,
    Plan,
    build,
    dumps,
    from_text,
    hand_edits,
    load_document,
)
from tests.strategies import (
    OWNED_TEXT,
    PLAIN_TEXT,
    answer_text,
    examples,
    languages,
    valid_answers,
)

QS = questionnaire.load()
T = TypeVar("T")
BASE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

KNOWN_KEYS = sorted({part for key in QS.by_key for part in key.split(".")} | set(TOP_KEYS))
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
def mutated_tree(draw: st.DrawFn, plan: Mapping[str, Any]) -> dict[str, Any]:
    """Drop a key, set a value to any YAML value, or add one: as a hand edit would."""
    tree = copy.deepcopy(dict(plan))
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
            changed = draw(st.characters(blacklist_categories=["Cs"]))  # no lone surrogate
            text = text[:position] + changed + text[position + 1 :]
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


def _shown(source: str) -> None:
    """Every way a plan is shown: a result or one clear message; the git textconv (markdown)
    always a result, and nothing that acts on a terminal."""
    import io

    from rich.console import Console

    from socialready.commands import show
    from socialready.output import report, terminal

    report_text = show.report_or_raw(Path(source))  # never fails: the report, or raw text
    assert report.inert(report_text) == report_text  # nothing left that acts on a terminal
    document = _outcome(lambda: load_document(Path(source)), "p.yaml")
    out = Console(file=io.StringIO(), width=80, markup=False, emoji=False)
    terminal.overview(overview.plan_rows(Path(source).parent, "en"), "en", out)
    if document is not None:
        report.to_json(document)
        terminal.plan(document, out)


def _load_plan(text: str, source: str) -> None:
    loaded = _outcome(lambda: from_text(text, source), "p.yaml")
    if loaded is not None:
        assert loaded.language in questionnaire.LANGUAGES
        assert not answers.complete(QS, loaded.answers)[1]
        assert set(loaded.owned) == set(rules.STEP_IDS)
        for owned in loaded.owned.values():
            assert owned["status"] in STATUSES
            assert owned["due"] is None or type(owned["due"]) is dt.date
        _outcome(lambda: hand_edits(loaded), "p.yaml")  # what `plan` does next
        for force in (False, True):  # `plan`, and `plan --check` / `--force`: compare, move
            update = functools.partial(
                recompute.update, Path(source), {}, None, force=force, said_in="en"
            )
            _outcome(update, "p.yaml")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(BASE, max_examples=examples(400))
@given(st.data(), valid_answers())
def test_mutated_answers_files(scratch: Path, data: st.DataObject, valid: dict[str, Any]) -> None:
    tree = data.draw(mutated_tree(answers.to_nested(QS, valid)))
    source, text = _through_file(scratch, "a.yaml", data.draw(mutated_bytes(yamlio.dumps(tree))))
    if text is not None:
        _load_answers(text, source)


@settings(BASE, max_examples=examples(250))
@given(st.data(), valid_answers(), languages)
def test_mutated_plan_files(
    scratch: Path, data: st.DataObject, valid: dict[str, Any], lang: str
) -> None:
    tree = data.draw(mutated_tree(build(Plan(valid, lang))))
    source, text = _through_file(scratch, "p.yaml", data.draw(mutated_bytes(dumps(tree))))
    _shown(source)
    if text is not None:
        _load_plan(text, source)


@settings(BASE, max_examples=examples(500))
@given(st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_arbitrary_bytes(scratch: Path, data: bytes) -> None:
    for name, load in (("a.yaml", _load_answers), ("p.yaml", _load_plan)):
        source, text = _through_file(scratch, name, data)
        if name == "p.yaml":
            _shown(source)
        if text is not None:
            load(text, source)


# Owned text in every style PyYAML writes: `plan` finds no comment in it, keeps it exactly,
# and a second `plan` changes nothing.
STYLES = [None, "'", '"', "|", ">"]


class _Styled(str):
    """Text to be written in a given style (PyYAML falls back where that style cannot hold it)."""

    style: str | None = None


def _styled(text: str, style: str | None) -> _Styled:
    value = _Styled(text)
    value.style = style
    return value


class _StyleDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


_StyleDumper.add_representer(
    _Styled,
    lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), value.style),
)


@st.composite
def owned_plans(draw: st.DrawFn) -> tuple[PlanDoc, dict[str, Owned], str]:
    """A plan with tricky owned text, written in the styles drawn, as a person or tool might."""
    valid = draw(valid_answers())
    valid["organisation.name"] = draw(answer_text(QS.by_key["organisation.name"]))
    valid["audience.interests"] = draw(answer_text(QS.by_key["audience.interests"]))
    owned: dict[str, Owned] = {
        step: {
            "owner": draw(st.none() | OWNED_TEXT),
            "status": draw(st.sampled_from(STATUSES)),
            "due": None,
            "notes": draw(st.none() | OWNED_TEXT),
        }
        for step in rules.STEP_IDS
    }
    document = build(Plan(valid, draw(languages), owned))
    styled: dict[str, Any] = copy.deepcopy(dict(document))
    organisation = styled["answers"]["organisation"]
    organisation["name"] = _styled(organisation["name"], draw(st.sampled_from(STYLES)))
    audience = styled["answers"]["audience"]
    audience["interests"] = _styled(audience["interests"], draw(st.sampled_from(STYLES)))
    for step in styled["steps"]:
        for key in ("owner", "notes"):
            if isinstance(step[key], str):
                step[key] = _styled(step[key], draw(st.sampled_from(STYLES)))
    text = yaml.dump(
        styled, Dumper=_StyleDumper, allow_unicode=True, sort_keys=False, width=10**6,
        default_flow_style=False, indent=draw(st.sampled_from([2, 4])),
    )  # fmt: skip
    return document, owned, text


def _status(value: Any) -> Any:
    """A status by its id, whichever word the file writes for it (`te doen` is `todo`)."""
    from socialready.planfile import owned

    return (
        owned.status_words().get(value.strip().lower(), value) if isinstance(value, str) else value
    )


def _owned_in(document: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name": document["answers"]["organisation"]["name"],
        "interests": document["answers"]["audience"]["interests"],
        "steps": [
            {key: _status(step[key]) if key == "status" else step[key] for key in OWNED}
            for step in document["steps"]
        ],
    }


@settings(BASE, max_examples=examples(120))
@given(owned_plans())
def test_owned_text_in_any_style_is_no_comment_and_survives_plan_twice(
    scratch: Path, drawn: tuple[PlanDoc, dict[str, Owned], str]
) -> None:
    document, _, text = drawn
    assume(yaml.safe_load(text) == document)  # PyYAML loses a NEL it writes single-quoted
    # PyYAML writes as YAML 1.1 sees it: `0E0` plain is text there, a number in YAML 1.2, as
    # plans are read (and as editors read them); such a name is refused with a message instead.
    assume(yamlio.loads(text, "p.yaml") == document)
    read = from_text(text, "p.yaml")
    assert read.file.comments == [] and read.file.header == ""
    path = scratch / "p.yaml"
    path.write_text(text, "utf-8")
    first = recompute.update(path, {}, None, force=False, said_in="en")
    assert not first.changed  # the same plan, perhaps laid out otherwise
    written = first.new_text if first.formatting else text
    assert _owned_in(yaml.safe_load(written)) == _owned_in(document)
    path.write_text(written, "utf-8")
    second = recompute.update(path, {}, None, force=False, said_in="en")
    assert not second.changed and second.new_text == written  # plan twice: a no-op


@settings(BASE, max_examples=examples(60))
@given(owned_plans(), st.data())
def test_a_real_comment_next_to_owned_text_is_always_found(
    drawn: tuple[PlanDoc, dict[str, Owned], str], data: st.DataObject
) -> None:
    """A comment line anywhere between the plan's keys is found, with its line number."""
    _, _, text = drawn
    lines = text.split("\n")
    starts = [n for n, line in enumerate(lines) if line[:1].isalpha()]  # a top-level key
    at = data.draw(st.sampled_from(starts[1:]))
    comment = "# " + data.draw(
        PLAIN_TEXT.map(lambda t: t.replace("\n", " ")).filter(str.isprintable)
    )
    lines.insert(at, comment)
    expected = [(at + 1, comment.rstrip(" \t"))]
    document, _, _ = drawn
    name = next(n for n, line in enumerate(lines) if line.startswith("organisation: "))
    if _one_line(lines[name]) == {"organisation": document["organisation"]}:
        lines[name] += " # eerst Piet bellen"  # after the name as written, on its own line
        expected.append((name + 1, "# eerst Piet bellen"))
    read = from_text("\n".join(lines), "p.yaml")
    assert sorted(read.file.comments) == sorted(expected)


@settings(BASE, max_examples=examples(200))
@given(st.data(), valid_answers(), languages)
def test_mutated_resume_files(
    scratch: Path, data: st.DataObject, valid: dict[str, Any], lang: str
) -> None:
    """`assess --resume` on a resume file edited by hand: a session or one clear message."""
    import os

    from socialready.wizard import resume

    tree = {"target": "plans/x.yaml", "language": lang, "answers": answers.to_nested(QS, valid)}
    tree = data.draw(mutated_tree(tree))
    os.environ["XDG_STATE_HOME"] = str(scratch / "state")
    path = resume.ASSESS.path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.draw(mutated_bytes(yamlio.dumps(tree) if tree else "")))
    session = _outcome(resume.ASSESS.load, "resume.yaml")
    if session is not None:
        assert session.language in questionnaire.LANGUAGES
        assert session.target is None or isinstance(session.target, Path)


def _one_line(line: str) -> Any:
    """The line read as YAML on its own, or None when the value goes on below it."""
    try:
        return yaml.safe_load(line)
    except yaml.YAMLError:
        return None
