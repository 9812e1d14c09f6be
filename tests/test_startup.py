"""A command built alone behaves as in the whole app; what each loads, the benchmark measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialready import cli
from tests.conftest import in_process

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


@pytest.mark.parametrize("name", COMMANDS)
def test_a_command_loaded_alone_behaves_as_in_the_whole_app(isolated: Path, name: str) -> None:
    """main() builds only the command asked for; its help and its errors stay the same."""
    for args in ([name, "--help"], [name, "--no-such-option"]):
        alone = in_process(cli.main, *args)
        whole = in_process(cli.app, *args)
        assert (alone.returncode, alone.stdout, alone.stderr) == (
            whole.returncode,
            whole.stdout,
            whole.stderr,
        )
    loaded = cli._app_for(["socialready", name]).registered_commands
    assert [info.name or getattr(info.callback, "__name__", "") for info in loaded] == [name]
