"""`socialready schema`: the JSON Schema of the plan file, for editors that validate YAML."""

from __future__ import annotations

import sys

from socialready import packaged
from socialready.errors import ExitCode


def run() -> int:
    sys.stdout.write(packaged.read_data("plan.schema.json"))
    return int(ExitCode.OK)
