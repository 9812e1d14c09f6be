"""`socialready plan`: recompute plans, show what changes, write (or with --check, only say)."""

from __future__ import annotations

import sys
from pathlib import Path

from socialready import answers as answers_mod
from socialready import files, questionnaire, workflow
from socialready.errors import BadInput, ExitCode, SocialreadyError


def run(paths: list[Path], *, sets: list[str], check: bool, force: bool, lang: str | None) -> int:
    """Exit code: 0 all up to date (or written), 1 --check found work, 2 a plan was unusable."""
    set_answers = answers_mod.parse_sets(questionnaire.load(), sets)
    plans = workflow.plan_paths(paths)
    if not plans:
        raise BadInput(f"no plans (.yaml files) in {', '.join(map(str, paths))}")
    code = ExitCode.OK
    unchanged = 0
    for path in plans:
        try:
            update = workflow.update(path, set_answers, lang, force=check or force)
            if update.changed and not check:
                files.write_text(path, update.new_text)
        except SocialreadyError as exc:
            from socialready import render

            render.error(exc.message)
            code = max(code, exc.exit_code)
            continue
        if not update.changed:
            unchanged += 1
            continue
        from socialready import render

        verb = "would change" if check else "updated"
        render.changes(f"{path}: {verb}", update.changes)
        if update.moved_to_notes:
            verb = "would be moved" if check else "moved"
            render.message(f"  hand edits {verb} into notes: {', '.join(update.moved_to_notes)}")
        if check:
            code = max(code, ExitCode.CHANGES)
    sys.stderr.write(f"{unchanged} of {len(plans)} plan(s) up to date.\n")
    return int(code)
