"""`socialready overview`: many plans at once, for a person or a scheduled job."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from socialready import files
from socialready.errors import BadInput, ExitCode, FileProblem, msg
from socialready.output import streams

if TYPE_CHECKING:
    from socialready.progress import PlanRow


def run(folder: Path, *, fmt: str, due: bool, lang: str) -> int:
    """Each plan's row; 2 when a plan cannot be read, else 1 with `due` when one is overdue."""
    rows = plan_rows(folder, lang)
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=not streams.utf8(sys.stdout), indent=2))
        sys.stdout.write("\n")
    else:
        from socialready.output import terminal

        terminal.overview(rows, lang)
    if any("error" in row for row in rows):  # each shown; a scheduled job must notice too
        return int(ExitCode.BAD_INPUT)
    if due and anything_overdue(rows):
        return int(ExitCode.CHANGES)
    return int(ExitCode.OK)


def plan_rows(folder: Path, lang: str) -> list[PlanRow]:
    """One row per plan in a folder: organisation, verdict, score, progress, next due date,
    overdue steps and the next review; a plan that cannot be read, its error in `lang`."""
    if not folder.is_dir():
        raise FileProblem(folder, msg("plan.not_folder"))
    from socialready import progress
    from socialready.planfile import schedule
    from socialready.planfile.document import load_document

    rows: list[PlanRow] = []
    today = schedule.today()  # one day for every row
    for path in files.plan_paths([folder]):
        try:
            document = load_document(path)
        except BadInput as exc:
            rows.append({"file": str(path), "error": exc.render(lang)})
            continue
        state = progress.progress(document, today)
        nxt = state["next_due"]
        rows.append(
            {
                "file": str(path),
                "organisation": document["organisation"],
                "verdict": document["readiness"]["verdict"],
                "score": document["readiness"]["score"],
                "done": state["done"],
                "next_due": nxt["due"] if nxt else None,
                "next_due_step": nxt["step"] if nxt else None,
                "overdue": state["overdue"],
                "next_review": state["next_review"],
            }
        )
    return rows


def anything_overdue(rows: list[PlanRow]) -> bool:
    """Whether a plan in the overview has a step or a review past its date."""
    return any(
        row.get("overdue") or ((review := row.get("next_review")) is not None and review["overdue"])
        for row in rows
    )
