"""What each command loads: the heavy libraries only where they are used (speed, not time)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from socialready import cli

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("yaml", "rich", "questionary", "prompt_toolkit", "pydantic", "dataclasses", "icalendar")
PROBE = """\
import json, sys
sys.argv = ["socialready", *json.loads(sys.argv[1])]
from socialready.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps([code, sorted({name.split(".")[0] for name in sys.modules})]))
"""


def loaded(args: list[str], cwd: Path) -> tuple[object, set[str]]:
    """Exit code and the top-level modules a fresh interpreter had loaded after the command."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    code, modules = json.loads(result.stdout.splitlines()[-1])
    return code, set(modules) & set(HEAVY)


def test_help_loads_none_of_them(tmp_path: Path) -> None:
    assert loaded(["--help"], tmp_path) == (0, set())


def test_checking_an_unedited_plan_needs_no_yaml_library(tmp_path: Path) -> None:
    shutil.copy(ROOT / "plans" / "bakery.yaml", tmp_path / "bakery.yaml")
    assert loaded(["plan", "--check", "bakery.yaml"], tmp_path) == (0, set())


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("socialready: 2", "socialready: 2  # later", 1),  # a comment inside: moved into notes
        ("language: nl", 'language: "nl"', 0),  # other quoting: formatting only, no change
    ],
)
def test_a_plan_in_another_shape_goes_through_pyyaml(
    tmp_path: Path, old: str, new: str, expected: int
) -> None:
    text = (ROOT / "plans" / "bakery.yaml").read_text("utf-8")
    (tmp_path / "bakery.yaml").write_text(text.replace(old, new, 1), "utf-8")
    code, modules = loaded(["plan", "--check", "--force", "bakery.yaml"], tmp_path)
    assert "yaml" in modules
    assert code == expected  # read all the same


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


def test_icalendar_loads_only_to_write_an_ics_file(tmp_path: Path) -> None:
    shutil.copy(ROOT / "plans" / "school.yaml", tmp_path / "school.yaml")
    code, modules = loaded(["calendar", "school.yaml", "--start", "2026-01-05"], tmp_path)
    assert code == 0 and "icalendar" not in modules
    args = ["calendar", "school.yaml", "--start", "2026-01-05", "-o", "school.ics"]
    code, modules = loaded(args, tmp_path)
    assert code == 0 and "icalendar" in modules
