"""The plan file: its on-disk shape, reading it back strictly, and what the user owns in it."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
import zlib
from pathlib import Path
from typing import Any

from socialready import answers as answers_mod
from socialready import catalog as catalog_mod
from socialready import files, questionnaire, rules
from socialready.errors import BadInput
from socialready.planfile import owned as owned_mod
from socialready.planfile import yamlio
from socialready.planfile.owned import STATUSES

FORMAT = 2  # 2: status, owner, due, notes under each step's title; started; reviews
OWNED = owned_mod.STEP_FIELDS
GENERATED_STEP = ("title", "why", "actions")
TOP_KEYS = (
    "socialready",
    "organisation",
    "language",
    "started",
    "rules",
    "answers",
    "readiness",
    "channels",
    "steps",
    "reviews",
)
__all__ = ["FORMAT", "OWNED", "STATUSES", "TOP_KEYS", "Plan"]


class Plan:
    """A plan in memory: the answers and language it comes from, and what the user owns."""

    def __init__(
        self,
        answers: dict[str, Any],
        language: str,
        owned: dict[str, dict[str, Any]] | None = None,
        document: dict[str, Any] | None = None,
        *,
        started: dt.date | None = None,
        reviews: list[dict[str, Any]] | None = None,
    ) -> None:
        self.answers = answers
        self.language = language
        self.owned = owned if owned is not None else {}  # step id -> status, owner, due, notes
        self.document = document if document is not None else {}  # as read or as built
        self.started = started  # set once by the first `assess`; the user's from then on
        self.reviews = reviews if reviews is not None else []  # the user's, kept as read
        # The user's own comment lines at the top of the file, before and after the generated
        # header comment: kept on every rewrite.
        self.header = ""
        self.header_after = ""
        self.comments: list[tuple[int, str]] = []  # other comments, as read
        self.crlf = False  # the file's line ends are CRLF
        self.bom = False  # the file starts with a UTF-8 byte-order mark
        self.digest: str | None = None  # of the file as read, to notice a change before writing

    @property
    def organisation(self) -> str:
        return str(self.answers["organisation.name"])


def slug(name: str) -> str:
    """A file name for the organisation that can never leave its folder."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w]+|_", "-", plain).strip("-")[:60].strip("-")
    return text or "organisation"


def default_path(name: str) -> Path:
    return Path("plans") / f"{slug(name)}.yaml"


def fingerprint(document: dict[str, Any]) -> str:
    """A short digest of every generated field, to notice hand edits to them."""
    generated = {
        "organisation": document.get("organisation"),
        "readiness": document.get("readiness"),
        "channels": document.get("channels"),
        "steps": [
            {key: step.get(key) for key in ("id", *GENERATED_STEP)}
            for step in document.get("steps") or []
            if isinstance(step, dict)
        ],
    }
    text = json.dumps(generated, sort_keys=True, ensure_ascii=False, default=str)
    data = text.encode("utf-8")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"  # to notice edits, not attacks


def build(plan: Plan) -> dict[str, Any]:
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
        scheduled=_review_schedule(plan, qs),
    )
    steps = []
    for step in generated["steps"]:
        owned = plan.owned.get(step["id"], {})
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
    document: dict[str, Any] = {
        "socialready": FORMAT,
        "organisation": plan.organisation,
        "language": plan.language,
        "started": plan.started,
        "rules": {"version": catalog.version, "fingerprint": ""},
        "answers": answers_mod.to_nested(qs, plan.answers),
        "readiness": generated["readiness"],
        "channels": generated["channels"],
        "steps": steps,
        "reviews": plan.reviews,
    }
    document["rules"]["fingerprint"] = fingerprint(document)
    return document


def header_comment(language: str) -> str:
    """The comment the plan starts with: what the user may edit, and the values allowed."""
    from socialready.ui import word

    statuses = ", ".join(word(f"statuses/{status}", language) for status in STATUSES)
    other = "; ".join(
        ", ".join(word(f"statuses/{status}", lang) for status in STATUSES)
        for lang in questionnaire.LANGUAGES
        if lang != language
    )
    text = word("plan_header", language, statuses=statuses, other=other)
    return "".join(f"# {line}".rstrip() + "\n" for line in text.split("\n"))


def split_header(header: str) -> tuple[str, str]:
    """The user's own comment lines from a file's header, those before the generated header
    comment (in either language) and those after it; the generated lines are left out."""
    ours = {
        line
        for lang in questionnaire.LANGUAGES
        for line in header_comment(lang).splitlines(keepends=True)
    }
    before: list[str] = []
    after: list[str] = []
    seen = False
    for line in header.splitlines(keepends=True):
        if line in ours:
            seen = True
        else:
            (after if seen else before).append(line)
    return "".join(before), "".join(after)


def _review_schedule(plan: Plan, qs: questionnaire.Questionnaire) -> list[tuple[dt.date, bool]]:
    """The plan's review dates, each with whether a review was recorded for it (step 8)."""
    from socialready.planfile import schedule

    shape = {
        "started": plan.started,
        "answers": answers_mod.to_nested(qs, plan.answers),
        "reviews": plan.reviews,
    }
    return [(planned, held is not None) for planned, held in schedule.review_schedule(shape)]


def dumps(
    document: dict[str, Any], header: str = "", after: str = "", *, crlf: bool = False
) -> str:
    """The file: the user's header lines, the generated header comment, then the plan; with
    CRLF line ends for a plan that had them (a Windows checkout)."""
    language = document.get("language")
    generated = header_comment(language if language in questionnaire.LANGUAGES else "en")
    text = header + generated + after + yamlio.dumps(document)
    return text.replace("\n", "\r\n") if crlf else text


def write(
    path: Path,
    document: dict[str, Any],
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
    text = dumps(document, header, after, crlf=like.crlf)
    files.write_text(path, text, expect=like.digest, bom=like.bom)


def read(path: Path) -> Plan:
    """A plan file, checked field by field; any problem names the file and the key."""
    contents = files.read(path)
    plan = from_text(contents.text, str(path))
    plan.digest, plan.bom = contents.digest, contents.bom
    return plan


def from_text(text: str, source: str) -> Plan:
    loaded = yamlio.load_with_comments(text, source)
    plan = parse(loaded.data, source)
    plan.header, plan.header_after = split_header(loaded.header)
    plan.comments = loaded.comments
    plan.crlf = text.count("\r\n") > text.count("\n") // 2  # a Windows checkout: kept so
    return plan


def parse(data: Any, source: str) -> Plan:
    """A plan from its loaded YAML; the document is kept as read."""

    def fail(key: str, problem: str) -> BadInput:
        return BadInput(f"{source}: {key}: {problem}")

    if not isinstance(data, dict) or "socialready" not in data:
        raise BadInput(
            f"{source}: not a socialready plan (it has no `socialready:` format version); "
            "make one with `socialready assess`"
        )
    version = data["socialready"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise fail("socialready", f"format version must be a whole number, got {version!r}")
    if version > FORMAT:
        raise fail(
            "socialready",
            f"this plan has format {version}, newer than this socialready reads ({FORMAT}); "
            "upgrade with `pip install -U socialready`",
        )
    for key in data:
        if key not in TOP_KEYS:
            raise fail(str(key), f"is not a plan key; the keys are: {', '.join(TOP_KEYS)}")
    language = data.get("language")
    if language not in questionnaire.LANGUAGES:
        raise fail("language", f"must be one of: {', '.join(questionnaire.LANGUAGES)}")
    qs = questionnaire.load()
    given = answers_mod.from_nested(qs, data.get("answers"), source + ": answers")
    filled, missing = answers_mod.complete(qs, answers_mod.upgrade(given, language))
    if missing:
        raise fail("answers", f"{', '.join(missing)} missing; add them or run `socialready assess`")
    for key in ("readiness", "channels"):
        if not isinstance(data.get(key), dict):
            raise fail(
                key, "is missing or not a mapping; restore it from git or run `socialready plan`"
            )
    owned = _owned_fields(data.get("steps"), fail)
    started = owned_mod.read_date(data.get("started"), "started", fail)
    reviews = owned_mod.read_reviews(data.get("reviews"), fail)
    for step in data["steps"]:  # as the commands read them: a status by its id, dates as dates
        step.update(owned[step["id"]])
    data["started"], data["reviews"] = started, reviews
    return Plan(filled, language, owned, data, started=started, reviews=reviews)


def _owned_fields(steps: Any, fail: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(steps, list) or [
        s.get("id") if isinstance(s, dict) else None for s in steps
    ] != list(rules.STEP_IDS):
        raise fail("steps", f"must be the 8 steps in order: {', '.join(rules.STEP_IDS)}")
    owned: dict[str, dict[str, Any]] = {}
    for step in steps:
        where = f"steps[{step['id']}]"
        for key in step:
            if key not in ("id", *GENERATED_STEP, *OWNED):
                raise fail(f"{where}.{key}", "is not a step field; put your own text in `notes`")
        if not isinstance(step.get("title"), str) or not isinstance(step.get("why"), str):
            raise fail(where, "title and why must be text")
        actions = step.get("actions")
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise fail(f"{where}.actions", "must be a list of text")
        owned[step["id"]] = owned_mod.read_step(step, where, fail)
    return owned


def check_generated(document: dict[str, Any], source: str) -> None:
    """The generated sections have the shape `show`, `diff` and `overview` read, or BadInput.

    `plan` does not need this: it rebuilds these sections (and guards hand edits) anyway.
    """
    channel_ids = catalog_mod.load().channels

    def need(ok: bool, key: str, what: str) -> None:
        if not ok:
            raise BadInput(
                f"{source}: {key}: {what}; restore it from git, or run `socialready plan --force`"
            )

    def text(value: Any) -> bool:
        return isinstance(value, str)

    def number(value: Any) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    need(text(document.get("organisation")), "organisation", "must be text, the name")
    readiness, channels = document["readiness"], document["channels"]
    need(
        readiness.get("verdict") in rules.VERDICTS,
        "readiness.verdict",
        f"must be one of: {', '.join(rules.VERDICTS)}",
    )
    score = readiness.get("score")
    need(number(score) and 0 <= score <= 100, "readiness.score", "must be a number from 0 to 100")
    need(text(readiness.get("summary")), "readiness.summary", "must be text")
    dimensions = readiness.get("dimensions")
    need(
        isinstance(dimensions, dict) and list(dimensions) == list(rules.DIMENSIONS),
        "readiness.dimensions",
        f"must be: {', '.join(rules.DIMENSIONS)}",
    )
    for name, dimension in dimensions.items():
        key = f"readiness.dimensions.{name}"
        need(isinstance(dimension, dict) and number(dimension.get("score")), key, "needs a score")
        findings = dimension.get("findings")
        need(
            isinstance(findings, list)
            and all(
                isinstance(f, dict) and all(text(f.get(k)) for k in ("rule", "says", "do"))
                for f in findings
            ),
            f"{key}.findings",
            "must be a list of rule, says and do",
        )
    workload = channels.get("workload")
    need(
        isinstance(workload, dict)
        and number(workload.get("hours_needed"))
        and number(workload.get("hours_available")),
        "channels.workload",
        "needs hours_needed and hours_available",
    )
    for part, fields in (("recommended", ("cadence", "why")), ("not_now", ("why",))):
        items = channels.get(part)
        need(isinstance(items, list), f"channels.{part}", "must be a list")
        for item in items:
            ok = (
                isinstance(item, dict)
                and isinstance(item.get("channel"), str)
                and item["channel"] in channel_ids
                and all(text(item.get(k)) for k in fields)
            )
            need(
                ok and (part == "not_now" or number(item.get("hours_per_week"))),
                f"channels.{part}",
                "each needs a known channel"
                + (", cadence, hours_per_week and why" if part == "recommended" else " and why"),
            )


def hand_edits(plan: Plan) -> list[str]:
    """Generated fields that were edited by hand since the plan was written ([] when none)."""
    document = plan.document
    rules_field = document.get("rules")
    stored = rules_field.get("fingerprint") if isinstance(rules_field, dict) else None
    if stored == fingerprint(document):
        return []
    fresh = build(
        Plan(plan.answers, plan.language, plan.owned, started=plan.started, reviews=plan.reviews)
    )
    edited = [
        key for key in ("organisation", "readiness", "channels") if document.get(key) != fresh[key]
    ]
    for old, new in zip(document["steps"], fresh["steps"], strict=True):
        edited += [
            f"steps[{old['id']}].{key}" for key in GENERATED_STEP if old.get(key) != new[key]
        ]
    return edited  # nothing differs from a fresh build: nothing of the user's can be lost


def keep_edits_in_notes(plan: Plan, edited: list[str]) -> None:
    """Move each hand-edited generated value into the notes of its step, so nothing is lost."""
    document = plan.document
    if plan.comments:
        lines = "\n".join(f"line {number}: {comment}" for number, comment in plan.comments)
        _add_note(plan, "organise", f"Comments from the file:\n{lines}")
        plan.comments = []
    steps = {step["id"]: step for step in document["steps"]}
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
        _add_note(plan, step_id, f"Edited by hand in {path}:\n{value}")


def _add_note(plan: Plan, step_id: str, note: str) -> None:
    owned = plan.owned.setdefault(step_id, {})
    owned["notes"] = f"{owned['notes']}\n\n{note}" if owned.get("notes") else note
