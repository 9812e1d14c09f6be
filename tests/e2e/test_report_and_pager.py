"""`show` through a pager only on a terminal; the printed report as a browser renders it; the
Dutch wizard in a real pseudo-terminal, its refusals and yes/no said in Dutch."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import termios
import time
from pathlib import Path

import pytest

from socialready import answers as answers_mod
from socialready import questionnaire
from socialready.planfile import yamlio
from tests.conftest import (
    ORGANISATIONS,
    command,
    english_on,
    invoke,
    markup_plan,
    overdue_plan,
    run_cli,
)
from tests.e2e.test_terminal import _in_terminal

BAKERY = ORGANISATIONS / "bakery.yaml"


@pytest.mark.serial
def test_show_pages_only_a_terminal_and_only_when_taller(isolated: Path) -> None:
    path = markup_plan(isolated, "en")
    paged = isolated / "paged.txt"
    pager = {"SOCIALREADY_PAGER": f"cat > {paged}", "LINES": "40", "TERM": "xterm"}
    code, output = _in_terminal(["show", str(path)], env=pager)
    assert code == 0
    shown = paged.read_text("utf-8")
    assert "The 8 steps" in shown and "The 8 steps" not in output
    paged.unlink()
    piped = run_cli("show", str(path), env=pager)
    assert "The 8 steps" in piped.stdout and not paged.exists()  # never a pager on a pipe
    code, output = _in_terminal(["show", str(path)], env={**pager, "LINES": "500"})
    assert "The 8 steps" in output and not paged.exists()  # fits: no pager


@pytest.mark.serial
def test_the_dutch_wizard_in_a_real_terminal(isolated: Path) -> None:
    qs = questionnaire.load()
    flat = answers_mod.from_nested(qs, yamlio.loads(BAKERY.read_text("utf-8"), "b"), "b")
    flat["capacity.people"] = 2
    flat["audience.interests"] = "brood van de dag"
    asked = {"organisation.name", "goals.objectives", "capacity.hours_per_week"}
    asked.add("capacity.weekend_cover")
    answers = isolated / "antwoorden.yaml"
    kept = {key: value for key, value in flat.items() if key not in asked}
    answers.write_text(yamlio.dumps(answers_mod.to_nested(qs, kept)), "utf-8")
    keys = [
        ("Hoe heet je organisatie", "\r"),
        ("vul een naam in", "Bakkerij Test\r"),
        ("Wat wil je met social media bereiken", "\x1b[B \x1b[B \r"),  # 3 ticked
        ("Hoeveel uur per week", "\x7f" * 5 + "veel\r"),
        ("is geen getal", "\x7f" * 4 + "2,5\r"),
        ("(j/N)", "j"),
    ]
    code, output = _in_terminal(
        ["assess", "--lang", "nl", "--answers", str(answers)], env={"LINES": "40"}, keys=keys
    )
    assert code == 0, output
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|<<sent>>", "", output)
    assert "3 gekozen" in plain and "weekend de berichten in de gaten? Ja" in plain
    assert "Plan geschreven naar plans/bakkerij-test.yaml" in plain
    assert english_on(plain) == []


@pytest.mark.serial
def test_show_without_less_on_the_path_shows_the_plan(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = markup_plan(isolated, "en")
    monkeypatch.delenv("SOCIALREADY_PAGER")
    monkeypatch.delenv("PAGER", raising=False)
    empty = isolated / "bin"
    empty.mkdir()
    code, output = _in_terminal(
        ["show", str(path)], env={"PATH": str(empty), "LINES": "30", "TERM": "xterm"}
    )
    assert code == 0
    assert "The 8 steps" in output and "not found" not in output


@pytest.mark.serial
@pytest.mark.skipif(not shutil.which("less"), reason="less is not installed")
def test_ctrl_c_while_less_pages_leaves_the_terminal_as_it_was(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C reaches socialready and less (one process group in the foreground, as in a
    shell): less keeps the terminal until q, then socialready stops with 130, and echo and
    line editing are back."""
    path = markup_plan(isolated, "en")
    monkeypatch.delenv("SOCIALREADY_PAGER")
    monkeypatch.delenv("PAGER", raising=False)
    monkeypatch.delenv("LESS", raising=False)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    before = termios.tcgetattr(follower)

    def controlling_terminal() -> None:  # the pty becomes the session's terminal, as a login's
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(
        [*command(), "show", str(path)], stdin=follower, stdout=follower, stderr=follower,
        start_new_session=True, preexec_fn=controlling_terminal,
        env={**os.environ, "TERM": "xterm", "LINES": "24", "COLUMNS": "100"},
    )  # fmt: skip
    output = _read_until(leader, b"Verdict", process)
    assert process.poll() is None, output[-300:]  # less shows the first screen and waits
    os.write(leader, b"\x03")  # Ctrl-C, through the terminal's own line discipline
    output += _read_until(leader, b"\x00never", process, seconds=1.0)
    assert process.poll() is None, f"less was stopped under the reader's eyes: {output[-300:]!r}"
    code = None
    deadline = time.monotonic() + 20
    while code is None and time.monotonic() < deadline:  # a key may come before less reads
        os.write(leader, b"q")  # keys again (a busy machine); less quits on the first it reads
        output += _read_until(leader, b"\x00never", process, seconds=0.5)
        code = process.poll()
    output += _read_until(leader, b"\x00never", process, seconds=0.3)
    after = termios.tcgetattr(follower)
    os.close(leader)
    os.close(follower)
    assert code == 130, output
    assert "Stopped (Ctrl-C)" in output.decode("utf-8", "replace")
    assert "Traceback" not in output.decode("utf-8", "replace")
    modes = termios.ECHO | termios.ICANON | termios.ISIG  # echo, line editing, Ctrl-C
    assert after[3] & modes == before[3] & modes
    assert after == before


def _read_until(
    leader: int, wanted: bytes, process: subprocess.Popen[bytes], seconds: float = 20.0
) -> bytes:
    output = b""
    deadline = time.monotonic() + seconds
    while wanted not in output and time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.05)
        if ready:
            try:
                output += os.read(leader, 65536)
            except OSError:
                break
        elif process.poll() is not None:
            break
    return output


@pytest.mark.skipif(not shutil.which("chromium"), reason="chromium is not installed")
def test_the_printed_report_as_a_browser_renders_it(isolated: Path) -> None:
    """Headless Chromium prints the page to PDF: A4 (595 x 842 points), more than one page."""
    path = overdue_plan(isolated)
    page = isolated / "report.html"
    assert invoke("show", "--format", "html", "-o", str(page), str(path)).returncode == 0
    pdf = isolated / "report.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert pdf.is_file(), "chromium wrote no PDF"
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no page in the PDF"
    for width, height in boxes:
        assert abs(float(width) - 595) < 2 and abs(float(height) - 842) < 2, (width, height)
    shot = isolated / "report.png"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=900,1400",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert shot.is_file() and shot.stat().st_size > 10_000
