"""A command built alone behaves as in the whole app; what each loads, the benchmark measures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from socialready import cli

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = [
    "assess",
    "plan",
    "show",
    "diff",
    "questions",
    "overview",
    "schema",
    "review",
    "calendar",
]
RUN = "import sys; sys.argv[0] = 'socialready'; from socialready.cli import {}; {}()"


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_loaded_alone_behaves_as_in_the_whole_app(tmp_path: Path, name: str) -> None:
    """main() builds only the command asked for; its help and its errors stay the same."""
    for args in ([name, "--help"], [name, "--no-such-option"]):
        alone = subprocess.run(
            [sys.executable, "-c", RUN.format("main", "main"), *args],
            cwd=tmp_path,
            capture_output=True,
        )
        whole = subprocess.run(
            [sys.executable, "-c", RUN.format("app", "app"), *args],
            cwd=tmp_path,
            capture_output=True,
        )
        assert (alone.returncode, alone.stdout, alone.stderr) == (
            whole.returncode,
            whole.stdout,
            whole.stderr,
        )
    loaded = cli._app_for(["socialready", name]).registered_commands
    assert [info.name or getattr(info.callback, "__name__", "") for info in loaded] == [name]
