"""A plan recomputed from its answers (after a hand edit of them, `--set` or newer rules),
keeping everything the user owns and refusing to overwrite hand edits to generated fields."""

# Annotations evaluated, not postponed: a NamedTuple or TypedDict field given as a string is
# compiled at every start (about 1M instructions a class).

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from socialready import answers as answers_mod
from socialready import files, questionnaire
from socialready.errors import HandEdited, msg
from socialready.model import Answers, PlanDoc
from socialready.planfile import yamlio
from socialready.planfile.document import (
    GENERATED_STEP,
    Plan,
    build,
    dumps,
    from_loaded,
    from_text,
    hand_edits,
    keep_edits_in_notes,
)

if TYPE_CHECKING:
    from socialready.planfile.diff import Change


class Update(NamedTuple):
    """One plan recomputed: what would be written, whether that differs, and what changes."""

    new_text: str
    changed: bool  # the plan's content changes (the old text is not kept: an update may
    # cross a process boundary; `digest` tells whether the file is still as it was read)
    changes: "list[Change]"
    moved_to_notes: list[str]
    formatting: str  # what differs when only the layout does ("" when nothing does)
    digest: str
    bom: bool
    hashtags: str  # how to quote a `#` read as a comment in a step's field ("" when none)


def refresh(plan: Plan, source: str, *, force: bool) -> list[str]:
    """Refuse to overwrite hand edits to generated fields, or with --force move them to notes."""
    edited = hand_edits(plan)
    if edited and not force:
        problem = msg("plan.hand_edited", fields=", ".join(edited))
        raise HandEdited(msg("where", where=source, problem=problem))
    if plan.file.comments and not force:
        lines = ", ".join(str(number) for number, _ in plan.file.comments)
        problem = msg("plan.comments", lines=lines, n=len(plan.file.comments))
        raise HandEdited(msg("where", where=source, problem=problem))
    moved = edited + (["comments"] if plan.file.comments else [])
    if moved:
        keep_edits_in_notes(plan, edited)
    return moved


def update(
    path: Path, sets: Answers, lang: str | None, *, force: bool, said_in: str, check: bool = False
) -> Update:
    """Recompute a plan from its answers (and --set, and in `lang` when given), keeping
    everything the user owns; what changes is said in `said_in`. With `check` it will not be
    written (--check): its digest is not worked out.

    Line ends (CRLF from a Windows checkout) and a byte-order mark are kept as they are; a
    file that differs from what `plan` writes only in its layout is not a change."""
    contents = files.read(path, digest=not check)
    old_text = contents.text
    moved: list[str] = []
    asked = bool(sets or lang)
    if asked:  # hand edits are found against the answers and language as read
        plan = from_text(old_text, str(path))
        moved = refresh(plan, str(path), force=force)
        if sets:
            qs = questionnaire.load()
            stated = {**answers_mod.stated(plan.answers), **sets}
            plan.answers, _ = answers_mod.complete(qs, stated)
        if lang:
            plan.language = lang
        document, new_text = _rebuilt(plan)
    else:
        plan, document, new_text = _as_read(old_text, str(path))
    if not asked and new_text != old_text:
        # A plan rebuilt to the text it was read from has no hand edits (its generated fields
        # and their fingerprint are as written): only a changed one is looked at for them.
        moved = refresh(plan, str(path), force=force)
        if moved:  # moved into the notes: built again with them
            document, new_text = _rebuilt(plan)
    changes: list[Change] = []
    formatting = ""
    changed = old_text != new_text
    if changed and not moved and _same(plan.document, document):
        changed, formatting = False, _layout(old_text, new_text)
    if changed:
        from socialready.planfile import diff

        changes = diff.compare(plan.document, document, said_in)
    return Update(
        new_text,
        changed,
        changes,
        moved,
        formatting,
        contents.digest,
        contents.bom,
        hashtag_hint(plan, str(path), said_in),
    )


# What `plan` rebuilds and checks the kind of only: what the cheap reading passes over.
REBUILT: yamlio.Skip = {
    "readiness": None,
    "channels": None,
    "steps": dict.fromkeys(GENERATED_STEP),  # in each step
}


def _as_read(text: str, source: str) -> tuple[Plan, PlanDoc, str]:
    """The plan in `text`, and its document and the file's text rebuilt from it.

    Read cheaply first: canonical's reading is not written back to check it, and what `plan`
    rebuilds (REBUILT) is not read. When the rebuilt text is the text read (most plans, most
    runs), no more is needed, whatever that reading got wrong: the file holds exactly what
    `plan` writes for the plan it read (canonical.write gives PyYAML's bytes, so PyYAML reads
    the file as that document), and reading that document gives that plan back (`plan` twice
    changes nothing). Otherwise, before anything is said or written, the text is read again,
    verified: when that reading takes (the same reader, so the same data but for what was
    passed over), the plan it gives is the one rebuilt; else, or when the cheap reading led to
    an error, the plan is read again through PyYAML as any other file is."""
    loaded = yamlio.load_unverified(text, source, REBUILT)  # its errors are the file's: said
    if loaded.verified:  # read through PyYAML, as any file not in the plan's own shape
        plan = from_loaded(loaded, text, source)
        return (plan, *_rebuilt(plan))
    try:
        plan = from_loaded(loaded, text, source)
        document, new_text = _rebuilt(plan)
    except Exception:  # from data that may be misread: the verified reading decides
        plan = from_text(text, source)
        return (plan, *_rebuilt(plan))
    if new_text == text:
        return plan, document, new_text
    again = yamlio.verified(text)
    if again is not None:  # answers, owned fields and reviews as read cheaply: same build
        return from_loaded(again, text, source), document, new_text
    plan = from_loaded(yamlio.through_pyyaml(text, source), text, source)
    return (plan, *_rebuilt(plan))


def _rebuilt(plan: Plan) -> tuple[PlanDoc, str]:
    """The plan's document built from its answers, and the file's text with it."""
    document = build(plan)
    text = dumps(
        document,
        plan.file.header,
        plan.file.header_after,
        crlf=plan.file.crlf,
        kept=plan.file.hashtags,
    )
    return document, text


def hashtag_hint(plan: Plan, source: str, lang: str) -> str:
    """How to quote a hashtag that YAML read as a comment, once per plan ("" when none)."""
    if not plan.file.hashtags:
        return ""
    from socialready.planfile import hashtags

    return hashtags.hint(plan.file.hashtags, lang, source, plan.as_read["steps"])


def _same(old: object, new: object) -> bool:
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
        return "line_endings"  # a text id: layout.line_endings
    return "other"
