"""Text from a plan never acts on the terminal: escape codes and controls in a plan come out
escaped through every command that prints it (show in each format, diff, overview, plan). In
process; tests/e2e/test_terminal.py shows one in a real pseudo-terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import invoke
from tests.hostile_text import HOSTILE, active, hostile_plan


@pytest.mark.parametrize("attack", HOSTILE.values(), ids=HOSTILE.keys())
def test_escape_codes_in_a_plan_never_reach_the_terminal(
    isolated: Path, plan_text: str, attack: str
) -> None:
    hostile_plan(isolated / "p.yaml", plan_text, attack)
    (isolated / "old.yaml").write_text(plan_text, "utf-8")
    (isolated / "plans").mkdir()
    (isolated / "plans" / "p.yaml").write_bytes((isolated / "p.yaml").read_bytes())
    runs = [
        ["show", "p.yaml"],
        ["show", "--format", "markdown", "p.yaml"],
        ["show", "--format", "json", "p.yaml"],
        ["diff", "old.yaml", "p.yaml"],
        ["overview", "plans"],
        ["plan", "--check", "--force", "p.yaml"],
    ]
    for args in runs:
        result = invoke(*args, env={"COLUMNS": "200"})
        assert result.returncode in (0, 1), (args, result.stderr)
        assert not active(result.stdout + result.stderr), (args, result.stdout)
    shown = invoke("show", "p.yaml", env={"COLUMNS": "200"}).stdout
    assert "Bakery" in shown and ("\\x1b" in shown or "\\x9b" in shown or "\\x" in shown
                                  or "\\u202e" in shown)  # fmt: skip
    data = json.loads(invoke("show", "--format", "json", "p.yaml").stdout)
    assert data["organisation"] == "Bakery" + attack  # JSON keeps the data, escaped
