"""Bad files, one table for every command that reads them: each mutation of a real answers file
or plan, and what its one message must say. Run in process by tests/test_bad_input.py and a case
of each kind through the installed command by tests/e2e/test_bad_input.py."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ORGANISATIONS

BAKERY = ORGANISATIONS / "bakery.yaml"
PLAN = "plans/bakery.yaml"
# `plan`'s closing line, not an error
_PART = (
    r"\d+ plans? (updated|would change|up to date|already up to date|could not be read"
    r"|could not be written|refused \(edited by hand\))"
)
SUMMARY = re.compile(rf"{_PART}(, {_PART})*\.")
MiB = 1024 * 1024
Result = subprocess.CompletedProcess[str]
Mutation = Callable[[str], tuple[bytes, list[str]]]  # base text -> bad file, message parts
ROOT_SKIP = pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes despite chmod")


def _edit(old: str, new: str, *expected: str) -> Mutation:
    """Replace the first line that reads `old` after its indent; {i} in `new` is that indent,
    {line} in `expected` its line number. The same edit fits answers files and plans."""

    def mutate(text: str) -> tuple[bytes, list[str]]:
        lines = text.splitlines(keepends=True)
        number = next(n for n, line in enumerate(lines) if line.strip() == old)
        indent = lines[number][: len(lines[number]) - len(lines[number].lstrip(" "))]
        lines[number] = new.replace("{i}", indent) + ("\n" if new else "")
        return "".join(lines).encode(), [e.format(line=number + 1) for e in expected]

    return mutate


def _whole(data: bytes | str, *expected: str) -> Mutation:
    raw = data.encode() if isinstance(data, str) else data
    return lambda text: (raw, list(expected))


def _latin1(word: str) -> Mutation:
    """The word with an ö, saved as Latin-1 rather than UTF-8."""

    def mutate(text: str) -> tuple[bytes, list[str]]:
        start = text.index(word)
        line, column = text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
        changed = text.replace(word, word.replace("o", "ö", 1), 1).encode()
        message = f"line {line}, column {column + word.index('o')}: is not UTF-8 text (byte 0xf6)"
        return changed.replace("ö".encode(), b"\xf6"), [message, "save the file as UTF-8"]

    return mutate


def files_in(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def refused(result: Result, root: Path, before: dict[str, bytes], *expected: str) -> str:
    """Exit 2, one `Error:` line holding every expected part, nothing else; no file touched."""
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    assert all(line in errors or SUMMARY.fullmatch(line) for line in lines), result.stderr
    for part in expected:
        assert part in errors[0], (part, errors[0])
    assert files_in(root) == before
    assert not list(root.rglob(".*.tmp"))
    return errors[0]


BOMB = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
)
SYNTAX = "fix the YAML there (indentation, quotes, brackets)"
NAME = "name: Bakkerij De Korenschoof"
CONFLICT = "<<<<<<< HEAD\n{i}people: 1\n=======\n{i}people: 2\n>>>>>>> theirs"
TAG = "{i}name: !!python/object/apply:os.system ['touch pwned']"
COMMON: list[tuple[str, Mutation]] = [  # apply to answers files and plan files alike
    ("malformed-yaml", _edit("people: 1", "{i}people: [1", "from line {line}, column", SYNTAX)),
    (
        "tab-indent",
        _edit(
            "people: 1",
            "\tpeople: 1",
            "column",
            "a tab is not allowed here; indent with spaces",
            SYNTAX,
        ),
    ),
    ("conflict-markers", _edit("people: 1", CONFLICT, "line {line} has a git conflict", "resolve")),
    ("empty-file", _whole("", "the file is empty; fill it in")),
    ("only-comments", _whole("# nothing here\n", "the file is empty")),
    ("binary-nul", lambda t: (t.encode()[:40] + b"\0\0" + t.encode()[40:], ["is a binary file"])),
    ("latin-1-bytes", _latin1("Korenschoof")),
    ("utf-16-bom", lambda t: (t.encode("utf-16"), ["is UTF-16 text; save it as UTF-8"])),
    ("control-character", _edit("size: micro", "{i}size: mi\x07cro", "line {line}, col", "U+0007")),
    ("over-4-MiB", lambda t: ((t + "#" + "x" * 4 * MiB + "\n").encode(), ["over 4 MiB", "name"])),
    ("billion-laughs", _whole(BOMB, "line 1, column 5: uses a YAML alias", "write the value")),
    ("python-tag", _edit(NAME, TAG, "line {line}, column", "unsupported tag", "plain values")),
    ("wrong-type", _edit("people: 1", "{i}people: many", "(capacity.people): must be a number")),
    ("text-as-number", _edit(NAME, "{i}name: 1234", "must be text")),
    ("out-of-range", _edit("people: 1", "{i}people: 77", "77 is out of range; give 0 to 50")),
    ("not-a-choice", _edit("size: micro", "{i}size: huge", "(organisation.size): 'huge' is not")),
    ("duplicate-key", _edit("size: micro", "{i}size: micro\n{i}size: small", "'size' twice")),
]
HUGE = pytest.param(
    _edit("people: 1", "{i}people: 1" + "0" * 400, "capacity.people", "out of range"),
    id="huge-integer",
)
ANSWERS_ONLY: list[tuple[str, Mutation]] = [
    ("unknown-key", _edit("size: micro", "{i}size: micro\n{i}colour: red", "organisation.colour")),
    ("unknown-part", _whole("colours:\n  x: 1\n", "colours.x: is not a question")),
    ("not-a-mapping", _whole("- awareness\n", "answers: must be a mapping of parts")),
    ("name-over-120", _edit(NAME, "{i}name: " + "x" * 121, "(organisation.name): is 121")),
    ("name-empty", _edit(NAME, "{i}name: ''", "is required")),
    (
        "missing-answers-no-terminal",
        _whole("organisation:\n  name: Solo\n", "missing answer", "--answers", "--defaults"),
    ),
]
PLAN_ONLY: list[tuple[str, Mutation]] = [
    ("newer-format", _edit("socialready: 3", "socialready: 99", "format 99", "pipx upgrade")),
    ("unknown-key", _edit("language: en", "language: en\ncolour: red", "colour: is not a plan")),
    ("missing-answer", _edit("people: 1", "", "answers: capacity.people missing", "assess")),
    ("bad-status", _edit("status: to do", "{i}status: finished", "steps[audience].status")),
    ("impossible-date", _edit("due: null", "{i}due: 2026-02-30", "{line}, column", "valid date")),
    ("not-a-plan", _whole("organisation: x\n", "not a socialready plan", "socialready assess")),
]


def params(*groups: list[tuple[str, Mutation]]) -> list[object]:
    return [pytest.param(case, id=name) for group in groups for name, case in group]


def case(group: list[tuple[str, Mutation]], name: str) -> Mutation:
    """One mutation of a table, by its name."""
    return dict(group)[name]
