"""Bad input, end to end: the installed command exits 2 with one message on its standard error
and no traceback, for a bad file of each kind (the whole table runs in process, in
tests/test_bad_input.py), a write that the process may not finish, a plain terminal and SIGTERM;
no file changed or left half-written."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest

from socialready.planfile import yamlio
from tests.bad_files import (
    ANSWERS_ONLY,
    BAKERY,
    COMMON,
    PLAN,
    PLAN_ONLY,
    Mutation,
    case,
    files_in,
    refused,
)
from tests.conftest import command, run_cli
from tests.e2e.test_terminal import _in_terminal

KINDS = [  # a bad file of each kind, read by each command that reads one
    pytest.param(["assess", "--answers"], case(COMMON, "malformed-yaml"), id="answers-syntax"),
    pytest.param(["assess", "--answers"], case(COMMON, "latin-1-bytes"), id="answers-encoding"),
    pytest.param(["assess", "--answers"], case(ANSWERS_ONLY, "unknown-key"), id="answers-shape"),
    pytest.param(["plan"], case(COMMON, "billion-laughs"), id="plan-limit"),
    pytest.param(["plan", "--check"], case(COMMON, "out-of-range"), id="plan-check-value"),
    pytest.param(["show"], case(PLAN_ONLY, "newer-format"), id="show-format"),
]


@pytest.mark.parametrize(("args", "mutate"), KINDS)
def test_a_bad_file_is_one_message_from_the_installed_command(
    isolated: Path, plan_text: str, args: list[str], mutate: Mutation
) -> None:
    answers = args[0] == "assess"
    data, expected = mutate(BAKERY.read_text("utf-8") if answers else plan_text)
    path = "answers.yaml" if answers else PLAN
    (isolated / "plans").mkdir()
    (isolated / path).write_bytes(data)
    before = files_in(isolated)
    refused(run_cli(*args, path), isolated, before, f"{path}: ", *expected)


def test_a_file_size_limit_keeps_the_old_plan(isolated: Path, stale_plan: str) -> None:
    """ulimit -f: the write fails half-way (EFBIG), as on a disk that fills up, for any user."""
    (isolated / "plans").mkdir()
    (isolated / PLAN).write_text(stale_plan)
    before = files_in(isolated)
    result = subprocess.run(
        [*command(), "plan", PLAN],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)),
    )
    refused(result, isolated, before, f"{PLAN}: cannot be written (File too large: ", "ulimit")
    assert result.stderr.splitlines()[-1] == "1 plan could not be written."


def test_failed_writes_and_refusals_are_counted_as_such_in_dutch_too(
    isolated: Path, plan_text: str, stale_plan: str
) -> None:
    """The closing line says what happened to each plan: not written, refused, not read."""
    folder = isolated / "plans"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.yaml").write_text(stale_plan)
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
    shown = _in_terminal(["show", "plan.yaml"], env=env)
    missing = _in_terminal(["show", "x"], env=env)
    assert "\x1b" not in shown[1] + missing[1]
    assert shown[0] == 0 and "Verdict: Ready" in shown[1]
    assert missing[0] == 2 and "x: no such file" in missing[1]


@pytest.mark.serial
@pytest.mark.usefixtures("start_method")
def test_sigterm_while_writing_leaves_every_plan_whole(isolated: Path, stale_plan: str) -> None:
    folder = isolated / "plans"
    folder.mkdir()
    old = stale_plan
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
