"""Shared fixtures: real prompts through prompt_toolkit pipe input, real files in tmp_path."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from hypothesis import settings
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from socialready.planfile import yamlio
from tests import strategies
from tests.strategies import examples

# CI (SOCIALREADY_TESTS=full) draws every property test's full count of examples, from a fixed
# seed so that a run can be repeated; a developer's run draws a tenth, at random (see
# strategies.examples, which sets the count of the tests that name one).
settings.register_profile("full", derandomize=True)
settings.register_profile("quick", max_examples=examples(settings().max_examples))
settings.load_profile("full" if strategies.FULL else "quick")

ORGANISATIONS = Path(__file__).parent / "organisations"

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
TODAY = "2026-03-02"  # "today" in every test (SOCIALREADY_TODAY), and in scripts/make_docs.py
NL = {"SOCIALREADY_LANG": "nl"}  # a Dutch session


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


_CLICK = sys.modules[CliRunner.isolation.__module__]  # the Click testing module Typer uses


def invoke(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the command in this process, through the installed command's own entry point (its
    option parsing, its exit codes, its messages), with standard input, output and error of
    its own as CliRunner gives them: no terminal. Answers as `run_cli` does, in a fraction of
    the time; `run_cli` is for what needs a real process (signals, terminals, exit, streams).
    """
    (entry,) = entry_points(group="console_scripts", name="socialready")
    return in_process(entry.load(), *args, input=input, env=env)


def in_process(
    main: Callable[[], object],
    *args: str,
    input: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`main` run as `socialready ARGS` would run it, in this process (see `invoke`)."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    argv = sys.argv
    # The installed command's __main__ is a script, not a module run with -m: Click names the
    # program after argv[0] only then (under `python -m pytest` it would say "python -m pytest").
    started_as = sys.modules["__main__"]
    package = getattr(started_as, "__package__", None)
    with CliRunner().isolation(input=input or "", env={"NO_COLOR": "1", **(env or {})}) as out:
        sys.argv = ["socialready", *args]
        started_as.__package__ = None
        _CLICK.formatting.FORCED_WIDTH = None  # help as wide as the terminal says, not 80
        try:
            main()
            code = 0
        except SystemExit as exc:
            if exc.code is None or isinstance(exc.code, int):
                code = exc.code or 0
            else:  # sys.exit("message"), as Python itself reports it
                sys.stderr.write(f"{exc.code}\n")
                code = 1
        except Exception:  # as Python reports what nothing caught: a traceback, exit 1
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            sys.argv = argv
            started_as.__package__ = package
            for number, handler in handlers.items():
                signal.signal(number, handler)
        stdout, stderr = (_text(stream.getvalue()) for stream in out[:2])
    return subprocess.CompletedProcess(["socialready", *args], code, stdout, stderr)


def _text(data: bytes) -> str:
    """Bytes as `subprocess.run(text=True)` reads them: UTF-8, universal newlines."""
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def assess_plan(path: Path, lang: str = "nl", org: str = "bakery", *more: str) -> Path:
    """A plan at `path` made by `assess` from one of our organisations' answers (`more`: more
    options, such as --date or --set)."""
    made = invoke(
        "assess", str(path), "--answers", str(ORGANISATIONS / f"{org}.yaml"), "--lang", lang, *more
    )
    assert made.returncode == 0, made.stderr
    return path


def review_plan(path: Path, *dates: str) -> Path:
    """The plan at `path` with a review held on each date, its answers the defaults."""
    for date in dates:
        done = invoke("review", str(path), "--date", date, "--defaults")
        assert done.returncode == 0, done.stderr
    return path


def edit_plan(path: Path, old: str, new: str, count: int = 1) -> None:
    """A hand edit: `old` (which must be there) replaced by `new`."""
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), "utf-8")


def editor_save(path: Path, text: str) -> None:
    """An editor's save: a whole new file in one step."""
    tmp = path.with_name(path.name + ".editor")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


def overdue_plan(folder: Path) -> Path:
    """The bakery's Dutch plan whose first step was due before today (2026-03-02)."""
    path = assess_plan(folder / "p.yaml")
    edit_plan(path, "due: null", "due: 2026-02-01")
    return path


@pytest.fixture
def late_plan(isolated: Path) -> Path:
    """A plan started 2026-01-05 whose first step was due 2026-02-01 and is not done."""
    path = assess_plan(isolated / "plans" / "bakery.yaml", "nl", "bakery", "--date", "2026-01-05")
    edit_plan(path, "  due: null\n", "  due: 2026-02-01\n")
    return path


def json_ready(value: object) -> object:
    """YAML dates as the ISO text an editor's YAML 1.2 schema validator sees."""
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_ready(item) for item in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.fixture(scope="module")
def plan_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of a real plan (the bakery's, in English), made once a module by the command."""
    path = assess_plan(tmp_path_factory.mktemp("made") / "bakery.yaml", "en")
    return path.read_text("utf-8")


@pytest.fixture(scope="module")
def stale_plan(plan_text: str) -> str:
    """`plan_text` after a hand edit of its answers: `plan` rewrites it."""
    return plan_text.replace("hours_per_week: 3", "hours_per_week: 8")


# Words that give an English screen away; none of them is Dutch (checked as whole words).
ENGLISH = [
    "done", "selections", "Yes", "No", "y/N", "Y/n", "choose", "required", "give", "number",
    "Aborted", "Error", "updated", "changes", "would", "change", "hours", "needed", "findings",
    "step", "Organisation", "Verdict", "Done", "Next", "File", "start_small", "not_yet",
    "Stopped", "kept", "plan(s)", "up to date", "the", "is not", "no such file", "Plan written",
]  # fmt: skip


def english_on(screen: str) -> list[str]:
    """The English words on a screen (escape codes removed), for a clear failure message."""
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
    return [w for w in ENGLISH if re.search(rf"(?<![\w/.-]){re.escape(w)}(?![\w/-])", plain)]


def own_step(path: Path, step: int, **fields: str) -> None:
    """Fill in user-owned fields of step N as a person would in an editor."""
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    text = path.read_text("utf-8")
    step_id = document["steps"][step - 1]["id"]
    block_start = text.index(f"- id: {step_id}\n")
    for key, value in fields.items():
        old_line = next(
            line for line in text[block_start:].splitlines() if line.startswith(f"  {key}:")
        )
        position = text.index(old_line, block_start)
        text = text[:position] + f"  {key}: {value}" + text[position + len(old_line) :]
    path.write_text(text, "utf-8")


MARKUP = '<script>alert("x")</script> & Zn'  # an organisation name that is also markup


def markup_plan(isolated: Path, lang: str) -> Path:
    """The bakery's plan named MARKUP, its first step late, with markup in its owner and notes."""
    path = assess_plan(
        isolated / "plan.yaml", lang, "bakery", "--set", f"organisation.name={MARKUP}"
    )
    document = yamlio.loads(path.read_text("utf-8"), "plan")
    first = document["steps"][0]
    first["due"] = "2026-01-15"
    first["owner"] = "<b>Anna</b>"
    first["notes"] = '<img src=x onerror="alert(1)"> [klik](javascript:alert(1))\nr2 <br>'
    path.write_text(yamlio.dumps(document), "utf-8")
    return path
