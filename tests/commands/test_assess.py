"""`assess` as a command: from an answers file, `--set`, where the plan goes, and never an
answer set replaced unasked (the wizard's own prompts are tests/wizard/test_flow.py)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from socialready.commands import assess
from socialready.errors import FileProblem
from socialready.planfile import yamlio
from socialready.planfile.document import read
from socialready.wizard import resume
from socialready.wizard.flow import Sources
from tests.bad_files import ROOT_SKIP, files_in, refused
from tests.conftest import DOWN, ENTER, ORGANISATIONS, editor_save, invoke

BAKERY = ORGANISATIONS / "bakery.yaml"


def test_assess_without_plan_and_without_terminal_refuses_to_replace(isolated: Path) -> None:
    answers = str(BAKERY)
    assert invoke("assess", "--answers", answers, "--lang", "nl").returncode == 0
    (plan,) = (isolated / "plans").iterdir()
    before = plan.read_bytes()
    result = invoke("assess", "--answers", answers, "--set", "capacity.people=3", "--lang", "nl")
    assert result.returncode == 2
    assert f"{plan.relative_to(isolated)}: deze organisatie heeft hier al een plan" in (
        result.stderr
    )
    assert f"socialready assess {plan.relative_to(isolated)}" in result.stderr
    assert plan.read_bytes() == before
    assert [p.name for p in (isolated / "plans").iterdir()] == [plan.name]


@pytest.mark.parametrize(("keys", "written"), [(ENTER, "update"), (DOWN + ENTER, "new")])
def test_assess_without_plan_asks_in_a_terminal(
    isolated: Path, keys: Any, written: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    answers = ORGANISATIONS / "bakery.yaml"
    assess.run(None, Sources(answers, [], False, False), force=False, lang="nl")
    (plan,) = (isolated / "plans").iterdir()
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        sources = Sources(answers, ["capacity.people=3"], False, False)
        assess.run(None, sources, force=False, lang="nl")
    names = {p.name for p in (isolated / "plans").iterdir()}
    updated = yamlio.loads(plan.read_text("utf-8"), "p")["answers"]["capacity"]["people"] == 3
    if written == "update":
        assert names == {plan.name} and updated
    else:
        assert names == {plan.name, f"{plan.stem}-2.yaml"} and not updated


def test_assess_with_answers_writes_the_default_plan_path(isolated: Path) -> None:
    result = invoke("assess", "--answers", str(ORGANISATIONS / "school.yaml"))
    assert result.returncode == 0, result.stderr
    path = isolated / "plans" / "het-erasmus-college.yaml"
    assert path.exists()
    assert "Plan written to plans/het-erasmus-college.yaml" in result.stdout
    assert "Verdict: Start small" in result.stdout
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    assert list(document) == [
        "socialready",
        "organisation",
        "language",
        "started",
        "rules",
        "answers",
        "readiness",
        "channels",
        "steps",
        "owners",
        "reviews",
    ]
    assert document["organisation"] == "Het Erasmus College"
    assert len(document["steps"]) == 8


def test_set_overrides_the_answers_file(isolated: Path) -> None:
    result = invoke(
        "assess",
        "out.yaml",
        "--answers",
        str(ORGANISATIONS / "software.yaml"),
        "--set",
        "willingness.management=against",
    )
    assert result.returncode == 0, result.stderr
    document = yamlio.loads((isolated / "out.yaml").read_text("utf-8"), "out.yaml")
    assert document["answers"]["willingness"]["management"] == "against"
    assert document["readiness"]["verdict"] == "not_yet"


NAMES = {
    "dot-dot-slash": ("../../etc/passwd", "etc-passwd"),
    "slashes": ("a/b\\c", "a-b-c"),
    "emoji": ("Bäckerei 🍞🥐", "backerei"),
    "only-emoji": ("🍞", "organisation"),
    "right-to-left": ("مخبز الحي", "مخبز-الحي"),
    "rtl-override": ("Bakery\u202egpj.exe", "bakery-gpj-exe"),
    "dots": ("...", "organisation"),
    "120-characters": ("é" * 120, "e" * 60),
}


@pytest.mark.parametrize(("name", "slug"), NAMES.values(), ids=NAMES.keys())
def test_organisation_names_make_a_plan_inside_plans(isolated: Path, name: str, slug: str) -> None:
    result = invoke(
        "assess",
        "--answers",
        str(BAKERY),
        "--set",
        f"organisation.name={name}",
    )
    assert result.returncode == 0, result.stderr
    written = [p.relative_to(isolated) for p in isolated.rglob("*") if p.is_file()]
    assert written == [Path("plans", f"{slug}.yaml")]
    assert re.fullmatch(r"\w[\w-]{0,59}", slug) and not slug.endswith("-")
    assert yamlio.loads((isolated / written[0]).read_text("utf-8"), "p")["organisation"] == name


def test_two_organisations_with_the_same_slug_keep_both_plans(isolated: Path) -> None:
    first = invoke("assess", "--answers", str(BAKERY), "--set", "organisation.name=🍞")
    assert first.returncode == 0, first.stderr
    before = (isolated / "plans" / "organisation.yaml").read_bytes()
    second = invoke("assess", "--answers", str(BAKERY), "--set", "organisation.name=🥐")
    assert second.returncode == 0, second.stderr
    assert (isolated / "plans" / "organisation.yaml").read_bytes() == before
    other = yamlio.loads((isolated / "plans" / "organisation-2.yaml").read_text("utf-8"), "p")
    assert other["organisation"] == "🥐"
    again = invoke("assess", "--answers", str(BAKERY), "--set", "organisation.name=🥐")
    # The same organisation finds its plan, and without a terminal does not replace it unasked.
    assert again.returncode == 2 and "plans/organisation-2.yaml: " in again.stderr
    assert not (isolated / "plans" / "organisation-3.yaml").exists()


def test_an_optional_answer_may_be_left_out_without_a_terminal(isolated: Path) -> None:
    text = BAKERY.read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.strip().startswith("interests:")]
    (isolated / "answers.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    result = invoke("assess", "--answers", "answers.yaml")
    assert result.returncode == 0, result.stderr
    plan = next((isolated / "plans").glob("*.yaml"))
    assert yamlio.loads(plan.read_text("utf-8"), "p")["answers"]["audience"]["interests"] == ""
    edited = plan.read_text("utf-8").replace("    interests: ''\n", "")
    plan.write_text(edited, "utf-8")  # left out of a plan, too
    check = invoke("plan", "--check", str(plan))
    assert check.returncode == 1 and "Traceback" not in check.stderr, check.stderr


def test_a_resume_file_of_the_wrong_shape_is_one_message(isolated: Path) -> None:
    state = isolated / "state" / "socialready"
    state.mkdir(parents=True)
    for target in ("[a, b]", "{x: 1}", "7"):
        (state / "resume.yaml").write_text(f"target: {target}\nlanguage: en\nanswers: {{}}\n")
        result = invoke("assess", "--resume")
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "resume.yaml: target: must be the path of a plan file" in result.stderr


def test_a_plan_given_as_answers_says_so(isolated: Path, plan_text: str) -> None:
    (isolated / "a.yaml").write_text(plan_text)
    before = files_in(isolated)
    message = refused(invoke("assess", "--answers", "a.yaml"), isolated, before, "a.yaml")
    assert "plan" in message.replace("a.yaml", "")


@ROOT_SKIP
def test_a_read_only_target_folder(isolated: Path) -> None:
    """The write fails: no plan, no temporary file, and the answers kept for --resume."""
    (isolated / "plans").mkdir(mode=0o555)
    before = files_in(isolated)
    result = invoke("assess", "--answers", str(BAKERY))
    (isolated / "plans").chmod(0o755)
    before["state/socialready/resume.yaml"] = resume.ASSESS.path().read_bytes()
    refused(result, isolated, before, "cannot be written (permission denied)", "--resume")


def test_assess_leaves_a_plan_edited_while_the_questions_were_asked(
    isolated: Path, stale_plan: str
) -> None:
    """`assess PLAN` reads the plan, asks for minutes, then writes: an edit made meanwhile
    is kept, and the answers wait in the resume file."""
    path = isolated / "p.yaml"
    path.write_bytes(stale_plan.encode().replace(b"\n", b"\r\n"))
    existing = read(path)
    editor_save(path, stale_plan.replace("  notes: null\n", "  notes: mine\n", 1))
    with pytest.raises(FileProblem, match="changed while socialready was working on it"):
        assess._write(existing.answers, "en", path, existing, False, None)
    assert "notes: mine" in path.read_text("utf-8")
    path.write_bytes(stale_plan.encode().replace(b"\n", b"\r\n"))
    again = read(path)
    assess._write(again.answers, "en", path, again, False, None)
    data = path.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")  # a Windows checkout stays one
    assert not resume.ASSESS.path().exists()


def test_a_new_file_for_the_second_organisation_of_a_slug_is_the_next_free_name(
    isolated: Path,
) -> None:
    """🥐's plan is organisation-2.yaml (🍞 has organisation.yaml); asked in a terminal, a new
    file for 🥐 is organisation-3.yaml, not organisation-2-2.yaml."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    for name in ("🍞", "🥐"):
        sources = Sources(BAKERY, [f"organisation.name={name}"], False, False)
        assess.run(None, sources, force=False, lang="en")
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(DOWN + ENTER)  # a new file
        sources = Sources(BAKERY, ["organisation.name=🥐", "capacity.people=3"], False, False)
        assess.run(None, sources, force=False, lang="en")
    names = sorted(p.name for p in (isolated / "plans").iterdir())
    assert names == ["organisation-2.yaml", "organisation-3.yaml", "organisation.yaml"]


def test_a_resume_file_with_an_unfinished_answer_of_the_wrong_shape_is_one_message(
    isolated: Path,
) -> None:
    state = isolated / "state" / "socialready"
    state.mkdir(parents=True)
    for unfinished in (
        "[a]",
        "{goals.objectives: {}}",  # not a question of several parts
        "{channels.current: {myspace: {}}}",
        "{channels.current: {facebook: {colour: red}}}",
        "{channels.current: {facebook: {posts_per_week: -3}}}",
        "{channels.current: {facebook: {works: brilliantly}}}",
    ):
        text = f"target: null\nlanguage: en\nanswers: {{}}\nunfinished: {unfinished}\n"
        (state / "resume.yaml").write_text(text)
        result = invoke("assess", "--resume")
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert result.stderr.count("Error: ") == 1, result.stderr
        assert "resume.yaml: " in result.stderr, (unfinished, result.stderr)


def test_without_a_terminal_a_begun_answer_is_finished_only_with_defaults(isolated: Path) -> None:
    """A channel answer begun in a session stopped half way: `--resume` without a terminal
    names its question as missing and keeps the session; with --defaults, its missing parts
    take their defaults and what was said stands."""
    state = isolated / "state" / "socialready"
    state.mkdir(parents=True)
    begun = "{channels.current: {instagram: {works: well, posts_per_week: 3}}}"
    session = (
        "target: null\nlanguage: en\nanswers: {organisation: {name: Kade}}\n"
        f"unfinished: {begun}\n"
    )
    (state / "resume.yaml").write_text(session, "utf-8")
    result = invoke("assess", "--resume")
    assert result.returncode == 2, result.stderr
    assert "channels.current" in result.stderr, result.stderr
    assert (state / "resume.yaml").read_text("utf-8") == session  # kept as it was
    result = invoke("assess", "--resume", "--defaults")
    assert result.returncode == 0, result.stderr
    plan = yamlio.loads((isolated / "plans" / "kade.yaml").read_text("utf-8"), "kade.yaml")
    used = plan["answers"]["channels"]["current"]
    assert used == {"instagram": {"posts_per_week": 3, "works": "well"}}
