"""`diff` (and the change list `plan --check` prints): two plans compared field by field, the
same way on every run, in the language of the session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from socialready.planfile import yamlio
from tests.conftest import (
    ORGANISATIONS,
    assess_plan,
    invoke,
    run_cli,
)

START = "2026-01-05"
REVIEWED = "2026-03-30"
ENV = {"SOCIALREADY_TODAY": START}


@pytest.fixture
def reviewed(isolated: Path) -> Path:
    """The software firm's plan with one review: LinkedIn far behind its promise."""
    plan = isolated / "software.yaml"
    made = invoke("assess", str(plan), "--answers", str(ORGANISATIONS / "software.yaml"), env=ENV)
    assert made.returncode == 0, made.stderr
    result = invoke(
        "review", str(plan), "--date", REVIEWED, "--set", "review.published.linkedin=12",
        "--set", "review.notes=on track", "--defaults", env=ENV,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return plan


def _copy(plan: Path, old: str, new: str) -> Path:
    edited = plan.with_name("edited.yaml")
    text = plan.read_text("utf-8")
    assert old in text
    edited.write_text(text.replace(old, new, 1), "utf-8")
    return edited


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("hours_spent: ", "hours_spent: 1", "review of 2026-03-30, hours spent a week: "),
        ("notes: on track", "notes: behind", "review of 2026-03-30, notes: on track → behind"),
        (
            "    linkedin: 12",
            "    linkedin: 13",
            "review of 2026-03-30, published (LinkedIn): 12 → 13",
        ),
        ("- date: 2026-03-30", "- date: 2026-03-31", "+ review of 2026-03-31"),
    ],
    ids=["hours", "notes", "published", "date"],
)
def test_diff_shows_a_changed_review_field(reviewed: Path, old: str, new: str, line: str) -> None:
    edited = _copy(reviewed, old, new)
    result = invoke("diff", "--exit-code", str(reviewed), str(edited))
    assert result.returncode == 1, result.stdout + result.stderr
    assert line in result.stdout, result.stdout


def test_diff_shows_a_changed_finding_text_in_dutch(reviewed: Path) -> None:
    document = yamlio.loads(reviewed.read_text("utf-8"), str(reviewed))
    says = next(
        finding["says"]
        for dimension in document["readiness"]["dimensions"].values()
        for finding in dimension["findings"]
    )
    edited = _copy(reviewed, says, "Een andere zin.")
    result = invoke(
        "diff", "--exit-code", str(reviewed), str(edited), env={"SOCIALREADY_LANG": "nl"}
    )
    assert result.returncode == 1, result.stderr
    assert "bevinding: " in result.stdout and "→ Een andere zin." in result.stdout
    assert "finding" not in result.stdout and "review of" not in result.stdout


def test_plan_check_shows_the_finding_a_changed_review_figure_changes(reviewed: Path) -> None:
    """A figure edited in a review (owned) changes what the rules say of it: the same rule,
    another text, and `plan --check` says which."""
    edited = _copy(reviewed, "    linkedin: 12", "    linkedin: 15")
    result = invoke("plan", "--check", str(edited), env=ENV)
    assert result.returncode == 1, result.stderr
    assert "review.under-delivered says: LinkedIn: 12 of 36" not in result.stdout
    assert "12 of 36 promised posts in 12 weeks. → LinkedIn: 15 of 36" in result.stdout, (
        result.stdout
    )


def test_diff_output_is_the_same_whatever_the_hash_seed(isolated: Path) -> None:
    """Findings, channels and answers that come and go: the lines in the same order always."""
    old = isolated / "old.yaml"
    made = invoke("assess", str(old), "--answers", str(ORGANISATIONS / "software.yaml"), env=ENV)
    assert made.returncode == 0, made.stderr
    new = isolated / "new.yaml"
    shutil.copy(old, new)
    sets = [
        "capacity.hours_per_week=1", "capacity.people=0", "willingness.management=against",
        "goals.measurable=none", "willingness.guidelines=none", "channels.current=tiktok,x",
    ]  # fmt: skip
    changed = invoke("plan", str(new), *(arg for s in sets for arg in ("--set", s)), env=ENV)
    assert changed.returncode == 0, changed.stderr
    outputs = {
        run_cli("diff", str(old), str(new), env={"PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1, outputs
    assert outputs.pop().count("\n") > 10


def test_diff_in_plan_terms_and_as_git_external_tool(isolated: Path) -> None:
    old = assess_plan(isolated / "old.yaml", "en", "bakery")
    new = isolated / "new.yaml"
    shutil.copy(old, new)
    assert invoke("plan", str(new), "--set", "willingness.management=against").returncode == 0
    result = invoke("diff", str(old), str(new))
    assert result.returncode == 0
    assert "verdict: Ready → Not yet" in result.stdout
    assert "- Facebook" in result.stdout
    assert "+ willingness.management-against" in result.stdout
    seven = invoke("diff", "plans/x.yaml", str(old), "abc", "100644", str(new), "def", "100644")
    assert "plans/x.yaml" in seven.stdout and "verdict: Ready → Not yet" in seven.stdout
    added = invoke("diff", "/dev/null", str(new))
    assert "+ plan for Bakkerij De Korenschoof" in added.stdout
