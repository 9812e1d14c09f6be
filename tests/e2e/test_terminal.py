"""What reaches the screen, end to end: text from a plan never acts on a real terminal (every
command, in process: tests/test_hostile_text.py); output that cannot be written is one message;
Ctrl-D at a question is Ctrl-C; pipes and devices are refused. The installed command in a
subprocess (a pseudo-terminal where a person would type)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import time
from pathlib import Path

import pytest

from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, command, run_cli
from tests.hostile_text import HOSTILE, hostile_plan

BAKERY = ORGANISATIONS / "bakery.yaml"


@pytest.mark.serial
def test_escape_codes_in_a_real_terminal(isolated: Path, plan_text: str) -> None:
    """In a pseudo-terminal, with colour on: rich's own styling, and nothing of the plan's."""
    hostile_plan(isolated / "p.yaml", plan_text, HOSTILE["osc-52-clipboard"])
    code, output = _in_terminal(["show", "p.yaml"], env={"TERM": "xterm-256color"})
    assert code == 0
    assert "\x1b]52" not in output and "\x07" not in output and "Verdict" in output


SHOWN = [["show"], ["show", "--format", "markdown"], ["show", "--format", "json"], ["overview"]]


@pytest.mark.parametrize("args", SHOWN, ids=" ".join)
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_ascii_terminal_gets_plain_stand_ins(
    isolated: Path, plan_text: str, args: list[str], encoding: str
) -> None:
    (isolated / "plans").mkdir()
    (isolated / "plans" / "p.yaml").write_text(
        plan_text.replace("Bakkerij", "Bäckerei 🍞"), "utf-8"
    )
    target = "plans" if args == ["overview"] else "plans/p.yaml"
    result = subprocess.run(
        [*command(), *args, target], capture_output=True, timeout=60,
        env={**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "120"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    result.stdout.decode(encoding)  # nothing the encoding cannot hold
    if args[-1] == "json":
        import json

        assert json.loads(result.stdout)["organisation"].startswith("Bäckerei 🍞")


def test_output_to_a_full_device_is_one_message(isolated: Path, plan_text: str) -> None:
    (isolated / "p.yaml").write_text(plan_text, "utf-8")
    for args in (["show", "p.yaml"], ["show", "--format", "markdown", "p.yaml"], ["schema"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [*command(), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
            )
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr == "Error: cannot write the output (No space left on device)\n"


def test_a_closed_stdout_is_one_message(isolated: Path, plan_text: str) -> None:
    (isolated / "p.yaml").write_text(plan_text, "utf-8")
    result = subprocess.run(
        [*command(), "show", "p.yaml"], stderr=subprocess.PIPE, text=True, timeout=60,
        preexec_fn=lambda: os.close(1),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("Error: standard output is closed")
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")


@pytest.mark.serial
def test_a_reader_that_stops_early_is_no_error(isolated: Path, plan_text: str) -> None:
    (isolated / "p.yaml").write_text(plan_text, "utf-8")
    for fmt in ("text", "markdown", "json"):
        shell = (
            f"'{command()[0]}' show --format {fmt} p.yaml | (head -c 10; sleep 0.2) >/dev/null;"
            " echo ${PIPESTATUS[0]}"
        )
        result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=60)
        assert result.stderr == ""  # no traceback, no "Exception ignored", no message
        assert result.stdout.strip() in ("0", "2"), result.stdout  # never 1: "would change"


@pytest.mark.parametrize("where", ["plan", "answers", "resume", "assess-target"])
def test_a_fifo_is_refused_without_waiting(isolated: Path, where: str) -> None:
    fifo = isolated / "x.yaml"
    os.mkfifo(fifo)
    args = {
        "plan": ["plan", "x.yaml"],
        "answers": ["assess", "--answers", "x.yaml"],
        "resume": ["assess", "--resume"],
        "assess-target": ["assess", "x.yaml", "--answers", str(BAKERY)],
    }[where]
    if where == "resume":
        state = isolated / "state" / "socialready"
        state.mkdir(parents=True)
        os.mkfifo(state / "resume.yaml")
    start = time.monotonic()
    result = run_cli(*args)
    assert time.monotonic() - start < 30
    assert result.returncode == 2, result.stderr
    assert "is not a regular file (a pipe, device or socket)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("device", ["/dev/null", "/dev/stdin", "/dev/zero"])
def test_a_device_is_never_read_as_a_plan_or_replaced(isolated: Path, device: str) -> None:
    for args in (["plan", device], ["show", device], ["assess", "--answers", device]):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert f"{device}: is not a regular file" in result.stderr
    assert Path(device).exists() and not Path(device).is_file()


def _in_terminal(
    args: list[str], *, env: dict[str, str], keys: list[tuple[str, str]] | None = None
) -> tuple[int, str]:
    """Run in a pseudo-terminal; each (wait_for, send) sends keys once the output shows."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [*command(), *args], stdin=follower, stdout=follower, stderr=follower,
        env={**os.environ, "COLUMNS": "100", **env},
    )  # fmt: skip
    os.close(follower)
    output = b""
    pending = list(keys or [])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if pending and pending[0][0].encode() in output:
            os.write(leader, pending.pop(0)[1].encode())
            output += b"\n<<sent>>\n"
        if process.poll() is not None and not ready:
            break
    code = process.wait(timeout=10)
    os.close(leader)
    return code, output.decode("utf-8", "replace")


@pytest.mark.serial
@pytest.mark.parametrize(
    ("keys", "kept"),
    [
        ([("called?", "Bakery Ctrl-D\r"), ("kind of", "\x04")], 1),  # at a choice
        ([("called?", "\x04")], 0),  # at an empty text prompt
    ],
    ids=["at-a-choice", "at-a-text-prompt"],
)
def test_ctrl_d_at_a_question_keeps_the_answers_like_ctrl_c(
    isolated: Path, keys: list[tuple[str, str]], kept: int
) -> None:
    env = {"XDG_STATE_HOME": str(isolated / "state"), "SOCIALREADY_LANG": "en"}
    code, output = _in_terminal(["assess"], env=env, keys=keys)
    assert code == 130, output
    assert "Aborted" not in output and "Traceback" not in output
    said = "Your answer so far is kept in" if kept == 1 else f"Your {kept} answers so far are"
    assert said in output and "--resume" in output
    state = isolated / "state" / "socialready" / "resume.yaml"
    saved = yamlio.loads(state.read_text("utf-8"), "resume.yaml")
    if kept:
        assert saved["answers"]["organisation"]["name"] == "Bakery Ctrl-D"
