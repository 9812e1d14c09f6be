"""The installed command and the in-process runner most tests use (`conftest.invoke`) answer
alike: for each command, the same exit code, output, errors and files written. So what a test
finds in process is what a user of the installed command gets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ORGANISATIONS, invoke, run_cli

BAKERY = str(ORGANISATIONS / "bakery.yaml")
LATER = {"SOCIALREADY_TODAY": "2026-06-02"}
CASES: dict[str, tuple[list[str], dict[str, str]]] = {
    "assess": (["assess", "new.yaml", "--answers", BAKERY, "--set", "capacity.people=2"], {}),
    "assess-refused": (["assess", "--answers", "broken.yaml"], {}),
    "plan": (["plan", "plan.yaml"], {}),
    "plan-check": (["plan", "--check", "."], {}),
    "show": (["show", "plan.yaml"], {"COLUMNS": "60"}),
    "show-json": (["show", "--format", "json", "old.yaml"], {}),
    "show-missing": (["show", "nowhere.yaml"], {"SOCIALREADY_LANG": "nl"}),
    "diff": (["diff", "old.yaml", "plan.yaml"], {}),
    "overview": (["overview", "--due", "."], LATER),
    "questions": (["questions", "--lang", "nl"], {}),
    "schema": (["schema"], {}),
    "review": (["review", "old.yaml", "--defaults", "--date", "2026-06-01"], LATER),
    "calendar": (["calendar", "old.yaml", "--weeks", "2", "-o", "c.ics"], {}),
    "help": (["--help"], {}),
    "version": (["--version"], {}),
    "usage-error": (["show", "--format", "pdf", "old.yaml"], {}),
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan as made, one whose answers were edited since, and an answers file that is not."""
    root = tmp_path_factory.mktemp("made")
    made = invoke("assess", str(root / "old.yaml"), "--answers", BAKERY, "--lang", "en")
    assert made.returncode == 0, made.stderr
    text = (root / "old.yaml").read_text("utf-8")
    (root / "plan.yaml").write_text(text.replace("hours_per_week: 3", "hours_per_week: 8"))
    (root / "broken.yaml").write_text("organisation:\n  people: [1\n", "utf-8")
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.*"))}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_in_process_and_installed_answer_alike(
    isolated: Path,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[list[str], dict[str, str]],
) -> None:
    args, env = case
    results, trees = [], []
    for run in (run_cli, invoke):
        here = isolated / run.__name__
        shutil.copytree(folder, here)
        monkeypatch.chdir(here)
        done = run(*args, env={**env, "XDG_STATE_HOME": str(here / "state")})
        results.append((done.returncode, done.stdout, done.stderr))
        trees.append(_files(here))
    assert results[0] == results[1]
    assert trees[0] == trees[1]
    assert "Traceback" not in results[0][2]


def test_answers_from_standard_input(isolated: Path) -> None:
    text = (ORGANISATIONS / "bakery.yaml").read_text("utf-8")
    result = run_cli("assess", "--answers", "-", "plan.yaml", input=text)
    assert result.returncode == 0, result.stderr
    assert (isolated / "plan.yaml").exists()


def test_shell_completion_completes_commands_and_choices() -> None:
    env = {"_SOCIALREADY_COMPLETE": "complete_bash", "COMP_CWORD": "1"}
    command = run_cli(env={**env, "COMP_WORDS": "socialready ov"})
    assert command.returncode == 0 and command.stdout.split() == ["overview"]
    formats = run_cli(env={**env, "COMP_WORDS": "socialready show --format ", "COMP_CWORD": "3"})
    assert formats.stdout.split() == ["text", "markdown", "html", "json"]
