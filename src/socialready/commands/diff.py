"""`socialready diff`: what changed between two plans, in plan terms; also git's external diff."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from socialready import locales
from socialready.errors import BadInput, ExitCode, SocialreadyError, msg
from socialready.output import terminal

if TYPE_CHECKING:
    from socialready.model import PlanDoc
from socialready.planfile import diff
from socialready.text import text


def run(paths: list[Path], *, exit_code: bool) -> int:
    """OLD NEW, or the 7 (9 on a rename) arguments git gives an external diff tool."""
    by_git = "GIT_DIFF_PATH_TOTAL" in os.environ  # git sets it for an external diff tool
    lang = locales.default_language()
    # GIT_EXTERNAL_DIFF: path old-file old-hex old-mode new-file new-hex new-mode
    if len(paths) == 7:
        label, old, new = str(paths[0]), paths[1], paths[4]
    elif len(paths) == 9:  # a rename or copy: ... new-mode new-path "similarity index ..."
        label, old, new = f"{paths[0]} → {paths[7]}", paths[1], paths[4]
    elif len(paths) == 1 and by_git:  # an unmerged path: git gives only its name
        note = diff.Change("plan", text("diff.unmerged", lang))
        terminal.changes(str(paths[0]), [note], lang)
        return int(ExitCode.OK)
    elif len(paths) == 2:
        old, new = paths
        label = f"{old} → {new}"
    else:
        raise BadInput(msg("plan.diff_args"))
    try:
        before, after = _load(old), _load(new)
    except SocialreadyError as exc:
        if not by_git:
            raise
        problem = exc.render(lang).removeprefix(f"{old}: ").removeprefix(f"{new}: ")
        note = diff.Change("plan", text("diff.cannot_compare", lang, problem=problem))
        terminal.changes(label, [note], lang)
        return int(ExitCode.OK)  # git stops at a failing diff tool; this one says why, goes on
    found = diff.compare(before, after, lang)
    terminal.changes(label, found, lang)
    return int(ExitCode.CHANGES) if exit_code and found else int(ExitCode.OK)


def _load(path: Path) -> PlanDoc | None:
    """A plan's document; /dev/null (git's side of an added or deleted file) is no plan."""
    from socialready.planfile.document import load_document

    return None if str(path) == "/dev/null" else load_document(path)
