"""The plan's shape declared once (model.py): the schema and the checks follow the TypedDicts,
and a plan read from a file keeps the file's state apart from the plan."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, TypedDict

import pytest

from socialready import model
from socialready.planfile import document, shape

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = shape.json_schema()
RECORDS: list[tuple[type, dict[str, Any]]] = [
    (model.PlanDoc, SCHEMA),
    (model.StepDoc, SCHEMA["$defs"]["step"]),
    (model.ReviewDoc, SCHEMA["$defs"]["review"]),
    (model.DimensionDoc, SCHEMA["$defs"]["dimension"]),
    (model.Readiness, SCHEMA["properties"]["readiness"]),
    (model.Workload, SCHEMA["properties"]["channels"]["properties"]["workload"]),
    (model.Recommended, SCHEMA["properties"]["channels"]["properties"]["recommended"]["items"]),
]


@pytest.mark.parametrize(("declared", "schema"), RECORDS, ids=lambda r: getattr(r, "__name__", ""))
def test_the_schema_has_the_declared_keys_in_their_order(
    declared: type, schema: dict[str, Any]
) -> None:
    assert list(schema["properties"]) == list(declared.__annotations__)


@pytest.mark.parametrize(("declared", "schema"), RECORDS, ids=lambda r: getattr(r, "__name__", ""))
def test_a_key_is_required_unless_the_file_may_leave_it_out(
    declared: type, schema: dict[str, Any]
) -> None:
    """NotRequired, or filled in on reading (a step's status, `started`, `reviews`): not
    required in the file; every other key is."""
    filled = {key for key in declared.__annotations__ if "filled" in repr(_hint(declared, key))}
    required = set(declared.__required_keys__) - filled  # type: ignore[attr-defined]
    assert set(schema.get("required", [])) == required


def _hint(declared: type, key: str) -> object:
    from typing import get_type_hints

    return get_type_hints(declared, include_extras=True)[key]


def test_the_values_the_code_names_are_the_schemas() -> None:
    readiness = SCHEMA["properties"]["readiness"]["properties"]
    assert readiness["verdict"] == {"enum": list(model.VERDICTS)}
    assert list(readiness["dimensions"]["properties"]) == list(model.DIMENSIONS)
    recommended = SCHEMA["properties"]["channels"]["properties"]["recommended"]["items"]
    assert recommended["properties"]["tier"] == {"enum": list(model.TIERS)}
    steps = SCHEMA["properties"]["steps"]["prefixItems"]
    assert [item["properties"]["id"]["const"] for item in steps] == list(model.STEP_IDS)
    assert SCHEMA["properties"]["language"] == {"enum": list(model.LANGUAGES)}
    assert SCHEMA["$defs"]["step"]["properties"]["status"]["anyOf"][0]["anyOf"][0] == {
        "enum": list(model.STATUSES)
    }


def test_a_type_without_a_kind_is_refused_when_the_shape_is_built() -> None:
    class Odd(TypedDict):
        ratio: complex

    with pytest.raises(TypeError, match="no kind for"):
        shape._node(Odd)


def test_the_shipped_schema_is_the_one_the_declaration_makes() -> None:
    shipped = (ROOT / "src" / "socialready" / "data" / "plan.schema.json").read_text("utf-8")
    assert json.loads(shipped) == SCHEMA


def test_a_plan_read_keeps_its_files_state_apart_from_the_plan(tmp_path: Path) -> None:
    text = (ROOT / "plans" / "software.yaml").read_text("utf-8")
    path = tmp_path / "software.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + ("# ours\n" + text).replace("\n", "\r\n").encode())
    read = document.read(path)
    assert read.file.bom and read.file.crlf and read.file.digest
    assert read.file.header == "# ours\n"
    field_names = {field.name for field in dataclasses.fields(document.Plan)}
    assert not field_names & {"bom", "crlf", "digest", "header", "comments", "hashtags"}
    again = document.Plan(
        read.answers,
        read.language,
        read.owned,
        started=read.started,
        reviews=read.reviews,
        owners=read.owners,
    )
    assert again.file == document.FileState()  # made in memory: no file behind it
    assert document.build(again) == document.build(read)  # the file's state is not the plan's
    assert document.build(read) == read.as_read  # and the plan read is the plan built
    with pytest.raises(ValueError, match="no document as read"):
        _ = again.as_read
