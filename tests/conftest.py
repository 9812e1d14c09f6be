"""Shared fixtures: real prompts through prompt_toolkit pipe input, real files in tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

# CI (SOCIALREADY_TESTS=full) draws every property test's full count of examples, from a fixed
# seed so that a run can be repeated; a developer's run draws fewer, at random (see
# strategies.examples).
settings.register_profile("full", derandomize=True)
if os.environ.get("SOCIALREADY_TESTS") == "full":
    settings.load_profile("full")

ORGANISATIONS = Path(__file__).parent / "organisations"

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
TODAY = "2026-03-02"  # "today" in every test (SOCIALREADY_TODAY), and in scripts/make_docs.py


@pytest.fixture
def keys() -> Iterator[Callable[[str], None]]:
    """Queue keystrokes for the real questionary prompts; queue every key a test needs up front."""
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        yield inp.send_text


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test in its own folder, with its own resume state, a fixed language and day."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("SOCIALREADY_LANG", "en")
    monkeypatch.setenv("LANG", "C.UTF-8")  # no country in the locale: the default is `other`
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("SOCIALREADY_PAGER", "")  # a test in a pseudo-terminal gets no pager
    monkeypatch.setenv("SOCIALREADY_TODAY", TODAY)  # overdue marks and start dates stay put
    return tmp_path


@pytest.fixture(params=["fork", "spawn"])
def start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """`plan DIR`'s worker processes started as on Linux (fork) and as on Windows and macOS
    (spawn), for the commands a test runs."""
    method: str = request.param
    monkeypatch.setenv("SOCIALREADY_START_METHOD", method)
    return method


def command() -> list[str]:
    """The installed `socialready` command next to this Python."""
    found = shutil.which("socialready", path=str(Path(sys.executable).parent))
    assert found, "socialready is not installed in this environment; pip install -e '.[test]'"
    return [found]


def run_cli(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed command in a subprocess, as a user would."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [*command(), *args],
        capture_output=True,
        text=True,
        input=input if input is not None else "",
        env=full_env,
        timeout=60,
        check=False,
    )
