"""`socialready schema`: the JSON Schema of the plan file, for editors that validate YAML."""

from __future__ import annotations

import sys

from socialready import files
from socialready.errors import ExitCode


def run() -> int:
    sys.stdout.write(files.read_data("plan.schema.json"))
    return int(ExitCode.OK)
