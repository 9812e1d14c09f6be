"""`socialready overview`: many plans at once, for a person or a scheduled job."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from socialready.commands import common
from socialready.errors import ExitCode
from socialready.output import streams


def run(folder: Path, *, fmt: str, due: bool, lang: str) -> int:
    """Each plan's row; 2 when a plan cannot be read, else 1 with `due` when one is overdue."""
    rows = common.overview(folder, lang)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=not streams.utf8(sys.stdout), indent=2))
        sys.stdout.write("\n")
    else:
        from socialready.output import terminal

        terminal.overview(rows, lang)
    if any("error" in row for row in rows):  # each shown; a scheduled job must notice too
        return int(ExitCode.BAD_INPUT)
    if due and common.anything_overdue(rows):
        return int(ExitCode.CHANGES)
    return int(ExitCode.OK)
