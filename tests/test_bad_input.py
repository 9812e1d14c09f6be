"""Bad input, through every command that reads it: each case exits 2 with one message that names
the file and the key or line and says what to do; no traceback, and no file changed or left
half-written. In process; tests/e2e/test_bad_input.py runs a case of each kind for real."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bad_files import (
    ANSWERS_ONLY,
    BAKERY,
    COMMON,
    HUGE,
    PLAN,
    PLAN_ONLY,
    ROOT_SKIP,
    Mutation,
    files_in,
    params,
    refused,
)
from tests.conftest import invoke


@pytest.mark.parametrize("mutate", [*params(COMMON, ANSWERS_ONLY), HUGE])
def test_bad_answers_file(isolated: Path, mutate: Mutation) -> None:
    data, expected = mutate(BAKERY.read_text("utf-8"))
    (isolated / "answers.yaml").write_bytes(data)
    before = files_in(isolated)
    result = invoke("assess", "--answers", "answers.yaml")
    message = refused(result, isolated, before, *expected)
    assert "answers.yaml" in message or "--answers" in message


@pytest.mark.parametrize("args", [["plan"], ["plan", "--check"], ["show"]], ids=" ".join)
@pytest.mark.parametrize("mutate", [*params(COMMON, PLAN_ONLY), HUGE])
def test_bad_plan_file(isolated: Path, plan_text: str, mutate: Mutation, args: list[str]) -> None:
    data, expected = mutate(plan_text)
    (isolated / "plans").mkdir()
    (isolated / PLAN).write_bytes(data)
    before = files_in(isolated)
    refused(invoke(*args, PLAN), isolated, before, f"{PLAN}: ", *expected)


@pytest.mark.parametrize(
    "args",
    [["assess", "--answers", "folder"], ["show", "folder"], ["assess", "folder", "--defaults"]],
    ids=["answers", "show", "assess-target"],
)
def test_a_folder_where_a_file_belongs(isolated: Path, args: list[str]) -> None:
    (isolated / "folder").mkdir()
    before = files_in(isolated)
    refused(invoke(*args), isolated, before, "folder: is a folder", "name a .yaml file")


@ROOT_SKIP
@pytest.mark.parametrize(
    "args", [["assess", "--answers", "x.yaml"], ["show", "x.yaml"]], ids=["answers", "show"]
)
def test_an_unreadable_file(isolated: Path, args: list[str]) -> None:
    (isolated / "x.yaml").write_text("organisation: {}\n")
    before = files_in(isolated)
    (isolated / "x.yaml").chmod(0)
    result = invoke(*args)
    (isolated / "x.yaml").chmod(0o644)
    refused(result, isolated, before, "x.yaml: cannot be read (permission denied)", "check its")
