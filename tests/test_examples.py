"""The example plans in plans/ are real, current, valid against the schema, and documented."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from socialready import answers, cli, questionnaire, text
from socialready.planfile import yamlio
from tests.conftest import ORGANISATIONS, invoke, json_ready

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
SCHEMA = json.loads(resources.files("socialready").joinpath("data/plan.schema.json").read_text())


def test_there_is_an_example_plan_for_every_example_organisation() -> None:
    assert [p.stem for p in PLANS] == sorted(p.stem for p in ORGANISATIONS.glob("*.yaml"))
    assert len(PLANS) >= 6


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_example_plan_is_made_from_its_answers_and_valid(path: Path) -> None:
    qs = questionnaire.load()
    plan = yamlio.loads(path.read_text("utf-8"), str(path))
    source = ORGANISATIONS / path.name
    given = answers.from_nested(qs, yamlio.loads(source.read_text("utf-8"), str(source)), "x")
    expected, _ = answers.complete(qs, given)
    assert answers.to_nested(qs, expected) == plan["answers"], "run python scripts/make_plans.py"
    jsonschema.validate(json_ready(plan), SCHEMA)


def test_example_plans_are_up_to_date() -> None:
    result = invoke("plan", "--check", str(ROOT / "plans"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    names = [command.name or command.callback.__name__ for command in cli.app.registered_commands]  # type: ignore[union-attr]
    assert len(names) == 9
    for name in names:
        result = invoke(name, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout
        assert f"`socialready {name}" in readme, f"{name} is not in the README"


def test_readme_names_every_exit_code() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for code in ("0", "1", "2", "130"):
        assert re.search(rf"^\| {code} \|", readme, re.MULTILINE)


def test_the_readme_picture_is_current(tmp_path: Path) -> None:
    from socialready.output import terminal
    from socialready.planfile.document import load_document

    target = tmp_path / "plan.svg"
    terminal.export_svg(load_document(ROOT / "plans" / "software.yaml"), target, width=110)
    assert target.read_text("utf-8") == (ROOT / "docs" / "plan.svg").read_text("utf-8"), (
        "run python scripts/make_docs.py"
    )


@pytest.mark.parametrize(
    "name",
    ["questions", "countries", "rules", "facts", "review", "grammar", "locales"],
)
def test_data_json_copies_match_the_yaml(name: str) -> None:
    data = ROOT / "src" / "socialready" / "data"
    source = yamlio.loads((data / f"{name}.yaml").read_text("utf-8"), name)
    if name == "rules":  # its sentences are in data/rules.<lang>.json (tests/test_text.py)
        source = text.without_texts(source)
    assert json.loads((data / f"{name}.json").read_text("utf-8")) == source, (
        "run python scripts/build_data.py"
    )
