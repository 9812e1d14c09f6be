"""The data shipped inside the package: questions, facts, rules, words and the plan's schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def read_data(name: str) -> str:
    """A data file as text (e.g. plan.schema.json)."""
    return (DATA / name).read_text("utf-8")


def load_data(name: str) -> Any:
    """The JSON copy of data/<name>.yaml (scripts/build_data.py writes it): quick to read."""
    return json.loads(read_data(f"{name}.json"))
