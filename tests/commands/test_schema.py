"""`schema`: the JSON Schema of a plan file, as shipped, and what it refuses."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from socialready.planfile import yamlio
from tests.conftest import invoke, json_ready

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads(resources.files("socialready").joinpath("data/plan.schema.json").read_text())
BAKERY = ROOT / "plans" / "bakery.yaml"


def test_schema_command_prints_the_shipped_schema() -> None:
    result = invoke("schema")
    assert json.loads(result.stdout) == SCHEMA
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_rejects_a_bad_status() -> None:
    plan = json_ready(yamlio.loads(BAKERY.read_text("utf-8"), "x"))
    plan["steps"][0]["status"] = "finished"  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(plan, SCHEMA)
