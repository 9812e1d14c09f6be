"""What the commands do, as a library: the CLI only parses options and prints."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from socialready import answers as answers_mod
from socialready import files, questionnaire, ui
from socialready.errors import BadInput, FileProblem, HandEdited, msg
from socialready.model import PlanDoc
from socialready.planfile import document as plan_mod

if TYPE_CHECKING:
    from socialready.planfile.diff import Change


class Update(NamedTuple):
    """One plan recomputed: what would be written, whether that differs, and what changes."""

    path: Path
    new_text: str
    changed: bool  # the plan's content changes (the old text is not kept: an update may
    # cross a process boundary; `digest` tells whether the file is still as it was read)
    changes: list[Change]
    moved_to_notes: list[str]
    formatting: str  # what differs when only the layout does ("" when nothing does)
    digest: str
    bom: bool
    hashtags: str  # how to quote a `#` read as a comment in a step's field ("" when none)


def refresh(plan: plan_mod.Plan, source: str, *, force: bool) -> list[str]:
    """Refuse to overwrite hand edits to generated fields, or with --force move them to notes."""
    edited = plan_mod.hand_edits(plan)
    if edited and not force:
        problem = msg("plan.hand_edited", fields=", ".join(edited))
        raise HandEdited(msg("where", where=source, problem=problem))
    if plan.file.comments and not force:
        lines = ", ".join(str(number) for number, _ in plan.file.comments)
        problem = msg("plan.comments", lines=lines, n=len(plan.file.comments))
        raise HandEdited(msg("where", where=source, problem=problem))
    moved = edited + (["comments"] if plan.file.comments else [])
    if moved:
        plan_mod.keep_edits_in_notes(plan, edited)
    return moved


def update(path: Path, sets: dict[str, Any], lang: str | None, *, force: bool) -> Update:
    """Recompute a plan from its answers (and --set), keeping everything the user owns.

    Line ends (CRLF from a Windows checkout) and a byte-order mark are kept as they are; a
    file that differs from what `plan` writes only in its layout is not a change."""
    contents = files.read(path)
    old_text = contents.text
    plan = plan_mod.from_text(old_text, str(path))
    moved = refresh(plan, str(path), force=force)
    if sets:
        qs = questionnaire.load()
        plan.answers, _ = answers_mod.complete(qs, {**answers_mod.stated(plan.answers), **sets})
    if lang:
        plan.language = lang
    document = plan_mod.build(plan)
    new_text = plan_mod.dumps(
        document,
        plan.file.header,
        plan.file.header_after,
        crlf=plan.file.crlf,
        kept=plan.file.hashtags,
    )
    changes: list[Change] = []
    formatting = ""
    changed = old_text != new_text
    if changed and not moved and _same(plan.document, document):
        changed, formatting = False, _layout(old_text, new_text)
    if changed:
        from socialready.planfile import diff

        changes = diff.compare(plan.document, document, ui.language())
    return Update(
        path,
        new_text,
        changed,
        changes,
        moved,
        formatting,
        contents.digest,
        contents.bom,
        hashtag_hint(plan, str(path)),
    )


def hashtag_hint(plan: plan_mod.Plan, source: str) -> str:
    """How to quote a hashtag that YAML read as a comment, once per plan ("" when none)."""
    from socialready.planfile import hashtags

    if not plan.file.hashtags:
        return ""
    return hashtags.hint(plan.file.hashtags, ui.language(), source, plan.as_read["steps"])


def _same(old: Any, new: Any) -> bool:
    """The same data, whatever the layout: keys in any order, 3 and 3.0 one number, a date
    quoted or not one date; but true is not 1."""
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, dict) and isinstance(new, dict):
        return old.keys() == new.keys() and all(_same(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return old == new
    if isinstance(old, (str, dt.date)) and isinstance(new, (str, dt.date)):
        return str(old) == str(new)
    return type(old) is type(new) and bool(old == new)


def _layout(old: str, new: str) -> str:
    """In a few words, how a file differs from the way `plan` writes it."""
    if old.replace("\r\n", "\n") == new.replace("\r\n", "\n"):
        return "line_endings"  # an id of data/messages.yaml: layout.line_endings
    return "other"


def plan_paths(paths: list[Path]) -> list[Path]:
    """The plan files named, a folder standing for every .yaml/.yml file in it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()
            )
        else:
            found.append(path)
    if len(paths) == 1:
        return found
    seen: set[str] = set()  # a plan named twice (a folder and a file in it) is done once
    unique = []
    for path in found:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            unique.append(path)
    return unique


def load_document(path: Path) -> PlanDoc:
    """A plan as stored, checked well enough for show, diff and overview to read it."""
    document = plan_mod.read(path).as_read
    plan_mod.check_generated(document, str(path))
    return document


def overview(folder: Path) -> list[dict[str, Any]]:
    """One row per plan in a folder: organisation, verdict, score, progress, next due date,
    overdue steps and the next review."""
    if not folder.is_dir():
        raise FileProblem(folder, msg("plan.not_folder"))
    rows: list[dict[str, Any]] = []
    for path in plan_paths([folder]):
        try:
            document = load_document(path)
        except BadInput as exc:
            rows.append({"file": str(path), "error": exc.message})
            continue
        from socialready import progress
        from socialready.planfile import schedule

        state = progress.progress(document, schedule.today())
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


def anything_overdue(rows: list[dict[str, Any]]) -> bool:
    """Whether a plan in the overview has a step or a review past its date."""
    return any(row.get("overdue") or (row.get("next_review") or {}).get("overdue") for row in rows)
