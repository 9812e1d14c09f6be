"""Plans in git, with the real tools: the textconv never makes git fail, the external diff
takes what git gives it (renames too), a hand edit of an answer shows, and the shipped
pre-commit hook passes a Windows checkout that is up to date."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from socialready.planfile import yamlio
from tests.conftest import (
    ORGANISATIONS,
    assess_plan,
    command,
    edit_plan,
    invoke,
    own_step,
    review_plan,
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
ROOT = Path(__file__).resolve().parents[2]
NOTICE = "socialready cannot show this version of the plan as a report"


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_COLOR": "1", "GIT_PAGER": "cat", "SOCIALREADY_LANG": "en"},
    )  # fmt: skip
    if check:
        assert result.returncode == 0, (args, result.stderr)
    return result


def _textconv_repo(isolated: Path) -> Path:
    """A git repository whose plans git shows through socialready, as the README says."""
    root = isolated / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    socialready = command()[0]
    _git(root, "config", "diff.socialready.textconv", f"{socialready} show --format markdown")
    (root / ".gitattributes").write_text("plans/*.yaml diff=socialready\n", "utf-8")
    return root


@pytest.fixture
def repo(isolated: Path) -> Path:
    """A repository set up as the README says, with one committed plan."""
    root = _textconv_repo(isolated)
    made = invoke(
        "assess", str(root / "plans" / "bakery.yaml"), "--answers",
        str(ORGANISATIONS / "bakery.yaml"), "--lang", "en",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "A plan")
    return root


def _commit(repo: Path, text: str, message: str) -> None:
    (repo / "plans" / "bakery.yaml").write_text(text, "utf-8")
    _git(repo, "commit", "-qam", message)


def test_the_textconv_never_makes_git_fail(repo: Path) -> None:
    plan = repo / "plans" / "bakery.yaml"
    good = plan.read_text("utf-8")
    broken = {
        "conflict": good.replace("  people: 1\n", "<<<<<<< HEAD\n  people: 1\n=======\n"
                                 "  people: 2\n>>>>>>> theirs\n"),
        "hand-broken": good.replace("verdict: ready", "verdict: maybe"),
        "newer-format": re.sub(r"(?m)^socialready: \d+$", "socialready: 99", good),
        "not-yaml": good.replace("  people: 1", "  people: [1"),
        "escape-codes": good.replace("  people: 1", "  people: \x1b[2J"),
        "infinite": good.replace("  hours_per_week: 3\n", "  hours_per_week: .inf\n", 1),
        "400-digits": re.sub(r"(?m)^  score: \d+$", "  score: " + "9" * 400, good, count=1),
        "absurd-cadence": re.sub(r"posts_per_week: [\d.]+", "posts_per_week: 100000", good),
    }  # fmt: skip
    for name, text in broken.items():
        _commit(repo, text, name)
    _commit(repo, good, "Fixed")
    log = _git(repo, "log", "-p", "--", "plans/bakery.yaml")
    assert "fatal" not in log.stderr and "Traceback" not in log.stderr
    assert log.stdout.count(NOTICE) >= len(broken)
    assert "\x1b" not in log.stdout
    for revision in ("HEAD", "HEAD~1", "HEAD~3"):
        shown = _git(repo, "show", revision)
        assert shown.returncode == 0 and "fatal" not in shown.stderr
    diff = _git(repo, "diff", "HEAD~2", "HEAD")
    assert "+**Verdict: Ready**" in diff.stdout and NOTICE in diff.stdout


def test_a_hand_edit_of_an_answer_shows_in_git_diff(repo: Path) -> None:
    plan = repo / "plans" / "bakery.yaml"
    plan.write_text(plan.read_text("utf-8").replace("hours_per_week: 3", "hours_per_week: 8"))
    diff = _git(repo, "diff")
    assert "-- How many hours a week can you spend on social media? **3**" in diff.stdout
    assert "+- How many hours a week can you spend on social media? **8**" in diff.stdout


def _external(repo: Path) -> None:
    _git(repo, "config", "diff.socialready.command", f"{command()[0]} diff")


def test_the_external_diff_takes_a_rename(repo: Path) -> None:
    _external(repo)
    plan = repo / "plans" / "bakery.yaml"
    _git(repo, "mv", "plans/bakery.yaml", "plans/korenschoof.yaml")
    moved = repo / "plans" / "korenschoof.yaml"
    moved.write_text(moved.read_text("utf-8").replace("  status: to do", "  status: doing", 1))
    _git(repo, "add", "-A")
    result = _git(repo, "diff", "--cached", "--ext-diff", "-M")
    assert "plans/bakery.yaml → plans/korenschoof.yaml" in result.stdout
    assert "status: to do → doing" in result.stdout  # the words the reader sees, not ids
    assert not plan.exists()
    _git(repo, "commit", "-qm", "Renamed")
    shown = _git(repo, "show", "--ext-diff", "-M", "HEAD")
    assert "plans/bakery.yaml → plans/korenschoof.yaml" in shown.stdout


def test_the_external_diff_on_a_conflict_and_a_broken_plan(repo: Path) -> None:
    _external(repo)
    plan = repo / "plans" / "bakery.yaml"
    good = plan.read_text("utf-8")
    _git(repo, "checkout", "-qb", "other")
    _commit(repo, good.replace("  people: 1", "  people: 2"), "Two people")
    _git(repo, "checkout", "-q", "-")
    _commit(repo, good.replace("  people: 1", "  people: 3"), "Three people")
    merged = _git(repo, "merge", "other", check=False)
    assert merged.returncode != 0  # a conflict
    result = _git(repo, "diff", "--ext-diff", "HEAD")  # HEAD against the file with markers
    assert result.returncode == 0, result.stderr
    assert "plans/bakery.yaml" in result.stdout
    assert "cannot compare in plan terms: line " in result.stdout and "conflict" in result.stdout
    assert "Traceback" not in result.stderr
    one = invoke("diff", "plans/bakery.yaml", env={"GIT_DIFF_PATH_TOTAL": "1"})
    assert one.returncode == 0 and "unmerged" in one.stdout  # how git names an unmerged path
    assert invoke("diff", "plans/bakery.yaml").returncode == 2  # not from git: a usage error


def test_the_shipped_pre_commit_hook(repo: Path) -> None:
    """The hook as .pre-commit-hooks.yaml declares it, run by pre-commit itself (as a local
    hook on the installed command, so that nothing is installed): an up-to-date plan passes,
    with CRLF line ends too; a stale one fails, naming what would change."""
    pre_commit = shutil.which("pre-commit", path=str(Path(command()[0]).parent))
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    hook.update(language="system", entry=hook["entry"].replace("socialready", command()[0], 1))
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), "utf-8")

    def run() -> subprocess.CompletedProcess[str]:
        _git(repo, "add", "-A")  # pre-commit checks what is staged
        return subprocess.run(
            [pre_commit, "run", "--all-files"], cwd=repo, capture_output=True, text=True,
            timeout=300, env={**os.environ, "PRE_COMMIT_HOME": str(repo.parent / ".pc")},
        )  # fmt: skip

    plan = repo / "plans" / "bakery.yaml"
    first = run()
    assert first.returncode == 0, first.stdout + first.stderr
    assert "socialready plans are up to date" in first.stdout and "Passed" in first.stdout
    plan.write_bytes(plan.read_bytes().replace(b"\n", b"\r\n"))
    crlf = run()
    assert crlf.returncode == 0, crlf.stdout + crlf.stderr
    staged = subprocess.run(["git", "cat-file", "blob", ":plans/bakery.yaml"], cwd=repo,
                            capture_output=True, check=True).stdout  # fmt: skip
    assert staged.count(b"\r\n") == staged.count(b"\n")  # the hook saw the CRLF file
    plan.write_bytes(plan.read_bytes().replace(b"hours_per_week: 3", b"hours_per_week: 8"))
    stale = run()
    assert stale.returncode == 1 and "would change" in stale.stdout, stale.stdout


def test_a_changed_review_figure_shows_in_git_diff(repo: Path) -> None:
    """The textconv's report holds every figure of each review."""
    plan = repo / "plans" / "bakery.yaml"
    env = {"SOCIALREADY_TODAY": "2027-01-01"}
    held = invoke("review", str(plan), "--date", "2026-12-20", "--defaults", env=env)
    assert held.returncode == 0, held.stderr
    _git(repo, "commit", "-qam", "A review")
    text = plan.read_text("utf-8")
    assert "  hours_spent: " in text
    plan.write_text(re.sub(r"(?m)^  hours_spent: .*$", "  hours_spent: 17", text), "utf-8")
    shown = _git(repo, "diff")
    changed = [line for line in shown.stdout.splitlines() if line.startswith(("+- ", "-- "))]
    assert len(changed) == 2 and "17" in changed[1], shown.stdout


def test_the_textconv_diff_of_a_commit_that_only_adds_a_review_shows_it(isolated: Path) -> None:
    repo = isolated / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.name", "Test")
    _git(repo, "config", "user.email", "test@example.invalid")
    socialready = command()[0]
    _git(repo, "config", "diff.socialready.textconv", f"{socialready} show --format markdown")
    (repo / ".gitattributes").write_text("*.yaml diff=socialready\n", "utf-8")
    path = assess_plan(repo / "p.yaml")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "plan")
    review_plan(path, "2026-06-02")
    _git(repo, "commit", "-qam", "review")
    shown = _git(repo, "show", "--format=", "HEAD").stdout
    added = [line[1:] for line in shown.splitlines() if line.startswith("+")]
    assert "### Evaluatie 1: 2 maart 2026 tot 2 juni 2026 (13 weken)" in added
    assert any("berichten geplaatst" in line and "beloofd" in line for line in added)
    assert any(line.startswith("- Uren per week:") for line in added)


def test_plans_in_a_real_git_repository(isolated: Path) -> None:
    repo = _textconv_repo(isolated)
    path = assess_plan(repo / "plans" / "gemeente.yaml", "en", "municipality")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "First plan")

    own_step(path, 3, owner="Team communicatie", status="doing")
    edit_plan(path, "response_time: within_days", "response_time: within_hours")
    assert invoke("plan", "--check", str(path)).returncode == 1
    assert invoke("plan", str(path)).returncode == 0
    assert invoke("plan", "--check", str(path)).returncode == 0
    _git(repo, "commit", "-qam", "Faster replies, owner for step 3")

    shown = _git(repo, "log", "-p", "-1", "--", "plans/gemeente.yaml").stdout
    assert "-**Verdict: Ready** · Score 82/100" in shown or "Score" in shown
    assert "-- **Can you? (capacity)** — Replies take days" in shown  # the finding that went
    assert "capacity.slow-response" not in shown  # away, in plan terms, without its rule id
    assert "+Owner: Team communicatie · Status: doing" in shown
    assert "response_time" not in shown.replace("capacity.response_time", "")  # no raw YAML lines
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    assert document["steps"][2]["owner"] == "Team communicatie"

    _git(repo, "config", "diff.socialready.command", f"{command()[0]} diff")
    edit_plan(path, "hours_per_week: 12", "hours_per_week: 2")
    invoke("plan", str(path))
    external = _git(repo, "diff", "--ext-diff").stdout
    assert "plans/gemeente.yaml" in external and "hours available: 12 → 2" in external
