"""`overview`: every plan in a folder in one table, `--due` for overdue steps and reviews."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assess_plan, edit_plan, invoke, own_step


def test_overview_due_exits_1_for_an_overdue_step_or_review(late_plan: Path) -> None:
    folder = str(late_plan.parent)
    result = invoke("overview", folder, env={"COLUMNS": "200"})
    assert result.returncode == 0, result.stderr  # without --due, only shown
    assert "Next review" in result.stdout and "2026-04-05" in result.stdout
    assert invoke("overview", "--due", folder).returncode == 1
    assert invoke("plan", "--check", folder).returncode == 0  # overdue is no change to a plan
    edit_plan(late_plan, "  due: 2026-02-01\n", "  due: 2026-09-01\n")
    assert invoke("overview", "--due", folder).returncode == 0
    later = {"SOCIALREADY_TODAY": "2026-04-06", "COLUMNS": "200"}  # the 3-month review is late
    result = invoke("overview", "--due", folder, env=later)
    assert result.returncode == 1 and "2026-04-05 overdue" in result.stdout
    edit_plan(late_plan, "reviews: []\n", "reviews:\n- date: 2026-04-06\n")
    assert invoke("overview", "--due", folder, env=later).returncode == 0


@pytest.mark.parametrize("args", [["overview", "--due"], ["overview"]], ids=" ".join)
def test_overview_exits_2_when_a_plan_cannot_be_read_and_still_shows_the_others(
    late_plan: Path, args: list[str]
) -> None:
    folder = late_plan.parent
    (folder / "broken.yaml").write_text("socialready: 2\nsteps: [\n", "utf-8")
    result = invoke(*args, str(folder), "--format", "json")
    assert result.returncode == 2, result.stderr
    rows = json.loads(result.stdout)
    by_name = {row["file"].rsplit("/", 1)[-1]: row for row in rows}
    assert "error" in by_name["broken.yaml"] and by_name[late_plan.name]["overdue"]


def test_overview_of_many_plans(isolated: Path) -> None:
    folder = isolated / "plans"
    for org in ("bakery", "hospital", "software"):
        assess_plan(folder / f"{org}.yaml", "en", org)
    own_step(folder / "software.yaml", 1, status="done", due="2027-01-01")
    own_step(folder / "software.yaml", 2, due="2027-03-01")
    result = invoke("overview", str(folder), env={"COLUMNS": "160"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    software = next(line for line in lines if "Quadrant" in line)
    assert "Ready" in software and "1/8" in software and "2027-03-01 (step 2)" in software
    assert "Not yet" in next(line for line in lines if "Rivierenland" in line)
