"""Bad input, end to end: every case exits 2 with one message that names the file and the key
or line and says what to do; no traceback, and no file changed or left half-written."""

from __future__ import annotations

import os
import pty
import re
import resource
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from socialready.planfile import yamlio
from socialready.wizard import resume
from tests.conftest import ORGANISATIONS, command, invoke

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


def _stale(plan_text: str) -> str:
    """The plan after a hand edit of its answers: `plan` will rewrite it."""
    return plan_text.replace("hours_per_week: 3", "hours_per_week: 8")


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def _refused(result: Result, root: Path, before: dict[str, bytes], *expected: str) -> str:
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
    assert _files(root) == before
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


def _params(*groups: list[tuple[str, Mutation]]) -> list[object]:
    return [pytest.param(case, id=name) for group in groups for name, case in group]


@pytest.mark.parametrize("mutate", [*_params(COMMON, ANSWERS_ONLY), HUGE])
def test_bad_answers_file(isolated: Path, mutate: Mutation) -> None:
    data, expected = mutate(BAKERY.read_text("utf-8"))
    (isolated / "answers.yaml").write_bytes(data)
    before = _files(isolated)
    result = invoke("assess", "--answers", "answers.yaml")
    message = _refused(result, isolated, before, *expected)
    assert "answers.yaml" in message or "--answers" in message


@pytest.mark.parametrize("args", [["plan"], ["plan", "--check"], ["show"]], ids=" ".join)
@pytest.mark.parametrize("mutate", [*_params(COMMON, PLAN_ONLY), HUGE])
def test_bad_plan_file(isolated: Path, plan_text: str, mutate: Mutation, args: list[str]) -> None:
    data, expected = mutate(plan_text)
    (isolated / "plans").mkdir()
    (isolated / PLAN).write_bytes(data)
    before = _files(isolated)
    _refused(invoke(*args, PLAN), isolated, before, f"{PLAN}: ", *expected)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_show_a_hand_edited_verdict(isolated: Path, plan_text: str, fmt: str) -> None:
    (isolated / "plans").mkdir()
    (isolated / PLAN).write_text(plan_text.replace("verdict: ready", "verdict: maybe", 1))
    before = _files(isolated)
    _refused(invoke("show", "--format", fmt, PLAN), isolated, before, "readiness.verdict")


def test_a_plan_given_as_answers_says_so(isolated: Path, plan_text: str) -> None:
    (isolated / "a.yaml").write_text(plan_text)
    before = _files(isolated)
    message = _refused(invoke("assess", "--answers", "a.yaml"), isolated, before, "a.yaml")
    assert "plan" in message.replace("a.yaml", "")


@pytest.mark.parametrize(
    "args",
    [["assess", "--answers", "folder"], ["show", "folder"], ["assess", "folder", "--defaults"]],
    ids=["answers", "show", "assess-target"],
)
def test_a_folder_where_a_file_belongs(isolated: Path, args: list[str]) -> None:
    (isolated / "folder").mkdir()
    before = _files(isolated)
    _refused(invoke(*args), isolated, before, "folder: is a folder", "name a .yaml file")


@ROOT_SKIP
@pytest.mark.parametrize(
    "args", [["assess", "--answers", "x.yaml"], ["show", "x.yaml"]], ids=["answers", "show"]
)
def test_an_unreadable_file(isolated: Path, args: list[str]) -> None:
    (isolated / "x.yaml").write_text("organisation: {}\n")
    before = _files(isolated)
    (isolated / "x.yaml").chmod(0)
    result = invoke(*args)
    (isolated / "x.yaml").chmod(0o644)
    _refused(result, isolated, before, "x.yaml: cannot be read (permission denied)", "check its")


@ROOT_SKIP
def test_a_read_only_target_folder(isolated: Path) -> None:
    """The write fails: no plan, no temporary file, and the answers kept for --resume."""
    (isolated / "plans").mkdir(mode=0o555)
    before = _files(isolated)
    result = invoke("assess", "--answers", str(BAKERY))
    (isolated / "plans").chmod(0o755)
    before["state/socialready/resume.yaml"] = resume.ASSESS.path().read_bytes()
    _refused(result, isolated, before, "cannot be written (permission denied)", "--resume")


@pytest.fixture
def tiny_disk(isolated: Path) -> Iterator[Path]:
    """A 12 KiB tmpfs holding one plan: room for it, not for a second copy while replacing."""
    disk = isolated / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a full disk needs a tmpfs mount (root); a /dev/full symlink is replaced")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12k", "tmpfs", str(disk)])
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here to simulate a full disk")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_keeps_the_old_plan(isolated: Path, plan_text: str, tiny_disk: Path) -> None:
    (tiny_disk / "bakery.yaml").write_text(_stale(plan_text))
    before = _files(isolated)
    result = invoke("plan", "disk/bakery.yaml")
    _refused(result, isolated, before, "disk/bakery.yaml: the disk is full", "unchanged")
    assert result.stderr.splitlines()[-1] == "1 plan could not be written."


def test_a_read_only_disk_keeps_the_old_plan(
    isolated: Path, plan_text: str, tiny_disk: Path
) -> None:
    """A disk or share mounted read-only (EROFS), which even root cannot write."""
    (tiny_disk / "bakery.yaml").write_text(_stale(plan_text))
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)])
    if remounted.returncode != 0:
        pytest.skip("cannot remount the tmpfs read-only here")
    before = _files(isolated)
    result = invoke("plan", "disk/bakery.yaml")
    _refused(result, isolated, before, "disk/bakery.yaml: cannot be written: the disk or share")
    assert result.stderr.splitlines()[-1] == "1 plan could not be written."


def test_a_file_size_limit_keeps_the_old_plan(isolated: Path, plan_text: str) -> None:
    """ulimit -f: the write fails half-way (EFBIG), as on a disk that fills up, for any user."""
    (isolated / "plans").mkdir()
    (isolated / PLAN).write_text(_stale(plan_text))
    before = _files(isolated)
    result = subprocess.run(
        [*command(), "plan", PLAN],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)),
    )
    _refused(result, isolated, before, f"{PLAN}: cannot be written (File too large: ", "ulimit")
    assert result.stderr.splitlines()[-1] == "1 plan could not be written."


def test_failed_writes_and_refusals_are_counted_as_such_in_dutch_too(
    isolated: Path, plan_text: str
) -> None:
    """The closing line says what happened to each plan: not written, refused, not read."""
    folder = isolated / "plans"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.yaml").write_text(_stale(plan_text))
    edited = plan_text.replace("  score: ", "  score: 1", 1)
    (folder / "c.yaml").write_text(edited)
    (folder / "d.yaml").write_text("socialready: [\n")
    result = subprocess.run(
        [*command(), "plan", "plans", "--lang", "nl"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)),
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "1 plan kon niet gelezen worden, 2 plannen konden niet geschreven worden, "
        "1 plan geweigerd (met de hand bewerkt)."
    ), result.stderr
    assert "(bestand te groot: " in result.stderr and "File too large" not in result.stderr


def _in_terminal(*args: str, env: dict[str, str]) -> tuple[int, str]:
    """Run with stdin, stdout and stderr on a pseudo-terminal, as in a real terminal."""
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [*command(), *args], stdin=follower, stdout=follower, stderr=follower,
        env={**os.environ, "COLUMNS": "100", **env},
    ) as process:  # fmt: skip
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the command closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = process.wait(timeout=60)
    os.close(leader)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.serial
@pytest.mark.parametrize(
    "env",
    [
        pytest.param({"TERM": "dumb"}, id="TERM=dumb"),
        pytest.param({"NO_COLOR": "1", "TERM": "xterm-256color"}, id="NO_COLOR=1"),
    ],
)
def test_plain_terminals_get_no_escape_codes(
    isolated: Path, plan_text: str, env: dict[str, str]
) -> None:
    (isolated / "plan.yaml").write_text(plan_text)
    shown, refused = _in_terminal("show", "plan.yaml", env=env), _in_terminal("show", "x", env=env)
    assert "\x1b" not in shown[1] + refused[1]
    assert shown[0] == 0 and "Verdict: Ready" in shown[1]
    assert refused[0] == 2 and "x: no such file" in refused[1]


@pytest.mark.serial
@pytest.mark.usefixtures("start_method")
def test_sigterm_while_writing_leaves_every_plan_whole(isolated: Path, plan_text: str) -> None:
    folder = isolated / "plans"
    folder.mkdir()
    old = _stale(plan_text)
    for number in range(120):
        (folder / f"p{number:03}.yaml").write_text(old)
    process = subprocess.Popen([*command(), "plan", "plans"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 30
    while (folder / "p000.yaml").read_text() == old and time.monotonic() < deadline:
        time.sleep(0.005)  # wait until the first plan is rewritten: writing is under way
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode in (128 + signal.SIGTERM, 0), stderr
    assert "Traceback" not in stderr
    texts = {path.read_text("utf-8") for path in folder.iterdir()}
    new = (folder / "p000.yaml").read_text("utf-8")
    assert texts <= {old, new}, "a plan is neither the old nor the new text"
    for text in texts:
        yamlio.loads(text, "p.yaml")
    assert sorted(p.name for p in folder.iterdir()) == [f"p{n:03}.yaml" for n in range(120)]
