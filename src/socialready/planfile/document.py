"""The plan file: its on-disk shape, reading it back strictly, and what the user owns in it."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from socialready import answers as answers_mod
from socialready import catalog as catalog_mod
from socialready import files, questionnaire, review_dates, rules
from socialready.model import (
    Answers,
    Language,
    Owned,
    PlanDoc,
    Recommended,
    ReviewDoc,
    StepDoc,
    as_text,
)
from socialready.planfile import owned as owned_mod
from socialready.planfile import shape, yamlio
from socialready.status import STATUSES

if TYPE_CHECKING:  # loaded for a plan with comments only
    from socialready.planfile import hashtags

FORMAT = shape.FORMAT
TOP_KEYS = shape.TOP_KEYS
OWNED = owned_mod.STEP_FIELDS
GENERATED_STEP = ("title", "why", "actions")
__all__ = ["FORMAT", "OWNED", "STATUSES", "TOP_KEYS", "Plan"]


@dataclass
class FileState:
    """What a plan's file holds besides the plan, kept on every rewrite: the user's comment lines
    at the top (before and after the generated header comment), other comments as read, the `#`
    after a step's own field, the line ends, the byte-order mark, and the digest of the file as
    read (to notice a change before writing)."""

    header: str = ""
    header_after: str = ""
    comments: list[tuple[int, str]] = field(default_factory=list)
    hashtags: list[hashtags.Kept] = field(default_factory=list)
    crlf: bool = False
    bom: bool = False
    digest: str | None = None


@dataclass
class Plan:
    """A plan in memory: the answers and language it comes from, what the user owns (per step,
    its status, owner, due date and notes; who posts on each channel; the reviews; the day it
    started), the document as read or as built, and the state of the file it was read from."""

    answers: Answers
    language: str
    owned: dict[str, Owned] = field(default_factory=dict)
    document: PlanDoc | None = None
    _: KW_ONLY
    started: dt.date | None = None  # set once by the first `assess`; the user's from then on
    reviews: list[ReviewDoc] = field(default_factory=list)  # the user's, kept as read
    owners: dict[str, str | None] = field(default_factory=dict)  # channel id -> who posts there
    file: FileState = field(default_factory=FileState)

    @property
    def organisation(self) -> str:
        return str(self.answers["organisation.name"])

    @property
    def as_read(self) -> PlanDoc:
        """The document of a plan read from a file."""
        if self.document is None:
            raise ValueError("a plan made in memory has no document as read")
        return self.document


def slug(name: str) -> str:
    """A file name for the organisation that can never leave its folder."""
    import unicodedata  # loaded only by the commands that name a plan's file

    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w]+|_", "-", plain).strip("-")[:60].strip("-")
    return text or "organisation"


def default_path(name: str) -> Path:
    return Path("plans") / f"{slug(name)}.yaml"


def fingerprint(document: PlanDoc) -> str:
    """A short digest of every generated field, to notice hand edits to them."""
    generated = {
        "organisation": document.get("organisation"),
        "readiness": document.get("readiness"),
        "channels": document.get("channels"),
        "steps": [  # as read by `plan`, not checked yet: anything may be there
            {key: step.get(key) for key in ("id", *GENERATED_STEP)}
            for step in cast("list[object]", document.get("steps") or [])
            if isinstance(step, dict)
        ],
    }
    data = _json_bytes(generated)
    # To notice edits, not attacks. The dash keeps it text in every YAML: sixteen hex digits
    # can spell a number such as 180195849e843597.
    return f"{zlib.crc32(data):08x}-{zlib.adler32(data):08x}"


# In JSON written ASCII only: an escaped backslash, or a character escaped as \uXXXX.
_ESCAPED = re.compile(r"\\\\|\\u([0-9a-f]{4})")


def _json_bytes(data: object) -> bytes:
    """UTF-8 of `json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)`, which the
    fingerprints of every plan written are a digest of. json writes ASCII only about twice as
    fast; the characters it escaped beyond what that call escapes (from DEL on) are put back.
    Text beyond the BMP (an emoji, escaped as a surrogate pair) takes the call itself."""
    text = json.dumps(data, sort_keys=True, default=str)
    if "\\u" in text:
        try:
            text = _ESCAPED.sub(_unescaped, text)
        except _Surrogate:
            text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return text.encode("utf-8")


class _Surrogate(Exception):
    """Half of a pair, or a lone one: which, only the text itself tells."""


def _unescaped(found: re.Match[str]) -> str:
    escaped = found[1]
    if escaped is None:
        return found[0]  # an escaped backslash: what follows it is text
    code = int(escaped, 16)
    if code < 0x7F:
        return found[0]  # a control character, which both escape
    if 0xD800 <= code < 0xE000:
        raise _Surrogate
    return chr(code)


def build(plan: Plan) -> PlanDoc:
    """The whole plan document from its answers, language and owned fields."""
    catalog = catalog_mod.load()
    qs = questionnaire.load()
    generated = rules.generate(
        plan.answers,
        catalog,
        qs,
        plan.language,
        reviews=plan.reviews,
        started=plan.started,
        scheduled=review_schedule(plan),
    )
    steps: list[StepDoc] = []
    for step in generated["steps"]:
        owned = plan.owned.get(step["id"], Owned())
        steps.append(
            {
                "id": step["id"],
                "title": step["title"],
                "status": owned.get("status", "todo"),
                "owner": owned.get("owner", generated["owners"][step["id"]]),
                "due": owned.get("due"),
                "notes": owned.get("notes"),
                "why": step["why"],
                "actions": step["actions"],
            }
        )
    document: PlanDoc = {
        "socialready": FORMAT,
        "organisation": plan.organisation,
        "language": cast(Language, plan.language),  # one of LANGUAGES, as chosen
        "started": plan.started,
        "rules": {"version": catalog.version, "fingerprint": ""},
        "answers": answers_mod.to_nested(qs, plan.answers),
        "readiness": generated["readiness"],
        "channels": generated["channels"],
        "steps": steps,
        "owners": channel_owners(plan.owners, generated["channels"]["recommended"]),
        "reviews": plan.reviews,
    }
    document["rules"]["fingerprint"] = fingerprint(document)
    return document


def channel_owners(
    owners: dict[str, str | None], recommended: list[Recommended]
) -> dict[str, str | None]:
    """Who posts where: each recommended channel, with its owner or empty for the user to fill
    in, then every other channel the user named an owner for (kept when a channel leaves the
    plan, for when it comes back)."""
    found: dict[str, str | None] = {
        entry["channel"]: owners.get(entry["channel"]) for entry in recommended
    }
    for channel, who in owners.items():
        if channel not in found and who not in (None, ""):
            found[channel] = who
    return found


@functools.cache
def header_comment(language: str) -> str:
    """The comment the plan starts with: what the user may edit, and the values allowed."""
    from socialready.text import text

    statuses = ", ".join(text(f"statuses.{status}", language) for status in STATUSES)
    other = "; ".join(
        ", ".join(text(f"statuses.{status}", lang) for status in STATUSES)
        for lang in questionnaire.LANGUAGES
        if lang != language
    )
    comment = text("plan_header", language, statuses=statuses, other=other)
    return "".join(f"# {line}".rstrip() + "\n" for line in comment.split("\n"))


@functools.lru_cache(maxsize=64)  # plans share their headers
def split_header(header: str) -> tuple[str, str]:
    """The user's own comment lines from a file's header, those before the generated header
    comment and those after it. The generated lines are left out: those of the header in either
    language, and an older wording's (a `# socialready plan` line and the indented lines under
    it), so that a new wording replaces the old one instead of adding to it."""
    if not header:
        return "", ""
    ours = _header_lines()
    before: list[str] = []
    after: list[str] = []
    seen = in_block = False
    for line in header.splitlines(keepends=True):
        in_block = _header_start(line) or (in_block and line.startswith("#   "))
        if line in ours or in_block:
            seen = True
        else:
            (after if seen else before).append(line)
    return "".join(before), "".join(after)


@functools.cache
def _header_lines() -> frozenset[str]:
    """Every line of the generated header comment, in either language."""
    return frozenset(
        line
        for lang in questionnaire.LANGUAGES
        for line in header_comment(lang).splitlines(keepends=True)
    )


def review_schedule(plan: Plan) -> list[tuple[dt.date, bool]]:
    """The plan's review dates, each with whether a review was recorded for it (step 8, the
    calendar)."""
    horizon = as_text(plan.answers.get("persistence.horizon"))
    held = review_dates.review_schedule(plan.started, horizon, plan.reviews)
    return [(planned, review is not None) for planned, review in held]


def _in_words(document: Mapping[str, object], lang: str) -> Mapping[str, object]:
    """The document as the file says it: each step's status in the plan's language."""
    steps = document.get("steps")
    if not isinstance(steps, list):
        return document
    worded = [
        {**step, "status": owned_mod.status_word(step["status"], lang)}
        if isinstance(step, dict) and isinstance(step.get("status"), str)
        else step
        for step in steps
    ]
    return {**document, "steps": worded}


def _header_start(line: str) -> bool:
    """`# socialready plan` or `# socialready-plan`, as a whole word: an older header's start."""
    after = line[len("# socialready plan") : len("# socialready plan") + 1]
    return line.startswith(("# socialready plan", "# socialready-plan")) and not (
        after.isalnum() or after == "_"
    )


def dumps(
    document: Mapping[str, object],
    header: str = "",
    after: str = "",
    *,
    crlf: bool = False,
    kept: list[hashtags.Kept] | None = None,
) -> str:
    """The file: the user's header lines, the generated header comment, then the plan; with
    CRLF line ends for a plan that had them (a Windows checkout)."""
    language = document.get("language")
    lang = language if language in questionnaire.LANGUAGES else "en"
    generated = header_comment(lang)
    body = yamlio.dumps(_in_words(document, lang))
    if kept:
        from socialready.planfile import hashtags

        body = hashtags.attach(body, kept)
    text = header + generated + after + body
    return text.replace("\n", "\r\n") if crlf else text


def write(
    path: Path,
    document: PlanDoc,
    header: str = "",
    after: str = "",
    *,
    like: Plan | None = None,
) -> None:
    """Write the plan; over the plan `like` was read from: only if that file is unchanged
    since, and with its line ends and byte-order mark."""
    if like is None:
        files.write_text(path, dumps(document, header, after))
        return
    text = dumps(document, header, after, crlf=like.file.crlf, kept=like.file.hashtags)
    files.write_text(path, text, expect=like.file.digest, bom=like.file.bom)


def read(path: Path) -> Plan:
    """A plan file, checked field by field; any problem names the file and the key."""
    contents = files.read(path)
    plan = from_text(contents.text, str(path))
    plan.file.digest, plan.file.bom = contents.digest, contents.bom
    return plan


def from_text(text: str, source: str) -> Plan:
    return from_loaded(yamlio.load_with_comments(text, source), text, source)


def from_loaded(loaded: yamlio.Loaded, text: str, source: str) -> Plan:
    """The plan in `text`, as yamlio loaded it."""
    plan = parse(loaded.data, source)
    plan.file.header, plan.file.header_after = split_header(loaded.header)
    if loaded.comments:  # in the plan's own shape only the header has comments
        from socialready.planfile import hashtags

        plan.file.hashtags, plan.file.comments = hashtags.split(loaded.comments, text)
    crlf = "\r" in text and text.count("\r\n") > text.count("\n") // 2
    plan.file.crlf = crlf  # a Windows checkout: kept so
    return plan


def parse(data: object, source: str, *, deep: bool = False) -> Plan:
    """A plan from its loaded YAML, checked against its declared shape (model.py);
    `deep` checks the generated sections too, as the commands that show a plan need. The
    document is kept as read, with each owned value in its stored form (statuses by id)."""
    document, filled = shape.check_plan(data, source, deep=deep)
    owned: dict[str, Owned] = {}
    for step in document["steps"]:  # each owned field filled in: None when left out
        step["status"] = step.get("status") or "todo"
        step["owner"], step["due"] = step.get("owner"), step.get("due")
        step["notes"] = step.get("notes")
        owned[step["id"]] = Owned(
            status=step["status"], owner=step["owner"], due=step["due"], notes=step["notes"]
        )
    started = document["started"] = document.get("started")
    owners = document["owners"] = document.get("owners") or {}  # null in the file
    reviews = document["reviews"] = document.get("reviews") or []
    return Plan(
        filled,
        document["language"],
        owned,
        document,
        started=started,
        reviews=reviews,
        owners=owners,
    )


def check_generated(document: PlanDoc, source: str) -> None:
    """The generated sections have the shape `show`, `diff` and `overview` read, or BadInput.

    `plan` does not need this: it rebuilds these sections (and guards hand edits) anyway.
    """
    shape.check_plan(document, source, deep=True)


def hand_edits(plan: Plan) -> list[str]:
    """Generated fields that were edited by hand since the plan was written ([] when none)."""
    document = plan.as_read
    rules_field = document.get("rules")
    stored = rules_field.get("fingerprint") if isinstance(rules_field, dict) else None
    digest = fingerprint(document)
    if stored in (digest, digest.replace("-", "")):  # plans written before the dash have none
        return []
    fresh = build(
        Plan(
            plan.answers,
            plan.language,
            plan.owned,
            started=plan.started,
            reviews=plan.reviews,
            owners=plan.owners,
        )
    )
    edited = [
        key
        for key in ("organisation", "readiness", "channels")
        if document.get(key) != fresh.get(key)
    ]
    for old, new in zip(document["steps"], fresh["steps"], strict=True):
        edited += [
            f"steps[{old['id']}].{key}" for key in GENERATED_STEP if old.get(key) != new.get(key)
        ]
    return edited  # nothing differs from a fresh build: nothing of the user's can be lost


def keep_edits_in_notes(plan: Plan, edited: list[str]) -> None:
    """Move each hand-edited generated value into the notes of its step, so nothing is lost."""
    from socialready.text import text

    document = plan.as_read
    lang = plan.language if plan.language in questionnaire.LANGUAGES else "en"
    if plan.file.comments:
        lines = "\n".join(
            text("plan.note_line", lang, number=number, comment=comment)
            for number, comment in plan.file.comments
        )
        _add_note(plan, "organise", f"{text('plan.note_comments', lang)}\n{lines}")
        plan.file.comments = []
    steps: dict[str, StepDoc] = {step["id"]: step for step in document["steps"]}
    for path in edited:
        if path.startswith("steps["):
            step_id, _, key = path[len("steps[") :].partition("].")
            value = steps[step_id].get(key)
        else:
            step_id, value = "organise", document.get(path)
        if isinstance(value, list):
            value = "\n".join(f"- {item}" for item in value)
        elif not isinstance(value, str):
            value = yamlio.dumps(value).rstrip("\n")
        name = text("plan.note_edited", lang, field=edited_field(path, lang))
        _add_note(plan, step_id, f"{name}\n{value}")


def edited_field(path: str, lang: str) -> str:
    """A generated field in the reader's words: `kanalen`, `stap 3, titel` (not steps[x].title)."""
    from socialready import rules
    from socialready.text import text

    if path.startswith("steps["):
        step_id, _, key = path[len("steps[") :].partition("].")
        number = rules.STEP_IDS.index(step_id) + 1 if step_id in rules.STEP_IDS else step_id
        name = text(f"fields.{key}", lang) if key in GENERATED_STEP else key
        return f"{text('step_n', lang, n=number)}, {name}"
    known = {"readiness": "verdict", "channels": "channels", "organisation": "organisation"}
    if path in known:
        area = known[path]
        return text(f"areas.{area}" if area != "organisation" else "fields.organisation", lang)
    return path


def _add_note(plan: Plan, step_id: str, note: str) -> None:
    owned = plan.owned.setdefault(step_id, Owned())
    owned["notes"] = f"{owned['notes']}\n\n{note}" if owned.get("notes") else note


def load_document(path: Path, plan: Plan | None = None) -> PlanDoc:
    """A plan as stored, checked well enough for show, diff and overview to read it; `plan`
    is the plan already read from `path`, when the caller has it."""
    document = (plan or read(path)).as_read
    check_generated(document, str(path))
    return document
