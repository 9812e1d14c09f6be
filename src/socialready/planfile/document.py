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
from socialready.errors import BadInput, Text, msg
from socialready.planfile import yamlio

FORMAT = 1
STATUSES = ("todo", "doing", "done", "skipped")
OWNED = ("owner", "status", "due", "notes")
GENERATED_STEP = ("title", "why", "actions")
TOP_KEYS = (
    "socialready",
    "organisation",
    "language",
    "rules",
    "answers",
    "readiness",
    "channels",
    "steps",
)


class Plan:
    """A plan in memory: the answers and language it comes from, and what the user owns."""

    def __init__(
        self,
        answers: dict[str, Any],
        language: str,
        owned: dict[str, dict[str, Any]] | None = None,
        document: dict[str, Any] | None = None,
    ) -> None:
        self.answers = answers
        self.language = language
        self.owned = owned if owned is not None else {}  # step id -> owner, status, due, notes
        self.document = document if document is not None else {}  # as read or as built
        self.header = ""  # comment lines the file starts with, kept on every rewrite
        self.comments: list[tuple[int, str]] = []  # other comments, as read

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
    generated = rules.generate(plan.answers, catalog, qs, plan.language)
    steps = []
    for step in generated["steps"]:
        owned = plan.owned.get(step["id"], {})
        steps.append(
            {
                **step,
                "owner": owned.get("owner", generated["owners"][step["id"]]),
                "status": owned.get("status", "todo"),
                "due": owned.get("due"),
                "notes": owned.get("notes"),
            }
        )
    document: dict[str, Any] = {
        "socialready": FORMAT,
        "organisation": plan.organisation,
        "language": plan.language,
        "rules": {"version": catalog.version, "fingerprint": ""},
        "answers": answers_mod.to_nested(qs, plan.answers),
        "readiness": generated["readiness"],
        "channels": generated["channels"],
        "steps": steps,
    }
    document["rules"]["fingerprint"] = fingerprint(document)
    return document


def dumps(document: dict[str, Any], header: str = "") -> str:
    return header + yamlio.dumps(document)


def write(path: Path, document: dict[str, Any], header: str = "") -> None:
    files.write_text(path, dumps(document, header))


def read(path: Path) -> Plan:
    """A plan file, checked field by field; any problem names the file and the key."""
    return from_text(files.read_text(path), str(path))


def from_text(text: str, source: str) -> Plan:
    plan = parse(yamlio.loads(text, source), source)
    plan.header = yamlio.header(text)
    plan.comments = yamlio.comments(text)
    return plan


def parse(data: Any, source: str) -> Plan:
    """A plan from its loaded YAML; the document is kept as read."""

    def fail(key: str, problem: Text) -> BadInput:
        return BadInput(msg("where", where=f"{source}: {key}", problem=problem))

    if not isinstance(data, dict) or "socialready" not in data:
        raise BadInput(msg("where", where=source, problem=msg("plan.not_a_plan")))
    version = data["socialready"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise fail("socialready", msg("plan.format_whole", value=repr(version)))
    if version > FORMAT:
        raise fail(
            "socialready",
            msg("plan.format_newer", version=version, supported=FORMAT),
        )
    for key in data:
        if key not in TOP_KEYS:
            raise fail(str(key), msg("plan.not_a_key", keys=", ".join(TOP_KEYS)))
    language = data.get("language")
    if language not in questionnaire.LANGUAGES:
        raise fail("language", msg("plan.one_of", values=", ".join(questionnaire.LANGUAGES)))
    qs = questionnaire.load()
    given = answers_mod.from_nested(qs, data.get("answers"), source + ": answers")
    filled, missing = answers_mod.complete(qs, given)
    if missing:
        raise fail("answers", msg("plan.answers_missing", keys=", ".join(missing)))
    for key in ("readiness", "channels"):
        if not isinstance(data.get(key), dict):
            raise fail(key, msg("plan.not_mapping"))
    owned = _owned_fields(data.get("steps"), fail)
    return Plan(answers=filled, language=language, owned=owned, document=data)


def _owned_fields(steps: Any, fail: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(steps, list) or [
        s.get("id") if isinstance(s, dict) else None for s in steps
    ] != list(rules.STEP_IDS):
        raise fail("steps", msg("plan.steps_order", ids=", ".join(rules.STEP_IDS)))
    owned: dict[str, dict[str, Any]] = {}
    for step in steps:
        where = f"steps[{step['id']}]"
        for key in step:
            if key not in ("id", *GENERATED_STEP, *OWNED):
                raise fail(f"{where}.{key}", msg("plan.not_step_field"))
        if not isinstance(step.get("title"), str) or not isinstance(step.get("why"), str):
            raise fail(where, msg("plan.title_why"))
        actions = step.get("actions")
        if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
            raise fail(f"{where}.actions", msg("plan.text_list"))
        status = step.get("status", "todo")
        if status not in STATUSES:
            raise fail(
                f"{where}.status",
                msg("answer.not_one_of", value=repr(status), values=", ".join(STATUSES)),
            )
        due = step.get("due")
        if isinstance(due, str):
            try:
                due = dt.date.fromisoformat(due)
            except ValueError:
                raise fail(f"{where}.due", msg("plan.not_date", value=repr(due))) from None
        if due is not None and not isinstance(due, dt.date):
            raise fail(f"{where}.due", msg("plan.date"))
        if isinstance(due, dt.datetime):
            due = due.date()
        for key in ("owner", "notes"):
            value = step.get(key)
            if value is not None and not isinstance(value, str):
                raise fail(f"{where}.{key}", msg("plan.text"))
        owned[step["id"]] = {
            "owner": step.get("owner"),
            "status": status,
            "due": due,
            "notes": step.get("notes"),
        }
    return owned


def check_generated(document: dict[str, Any], source: str) -> None:
    """The generated sections have the shape `show`, `diff` and `overview` read, or BadInput.

    `plan` does not need this: it rebuilds these sections (and guards hand edits) anyway.
    """
    channel_ids = catalog_mod.load().channels

    def need(ok: bool, key: str, what: Text) -> None:
        if not ok:
            where = f"{source}: {key}"
            raise BadInput(msg("where", where=where, problem=msg("plan.generated", what=what)))

    def text(value: Any) -> bool:
        return isinstance(value, str)

    def number(value: Any) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    readiness, channels = document["readiness"], document["channels"]
    need(
        readiness.get("verdict") in rules.VERDICTS,
        "readiness.verdict",
        msg("plan.one_of", values=", ".join(rules.VERDICTS)),
    )
    score = readiness.get("score")
    need(number(score) and 0 <= score <= 100, "readiness.score", msg("plan.score"))
    need(text(readiness.get("summary")), "readiness.summary", msg("plan.must_be_text"))
    dimensions = readiness.get("dimensions")
    need(
        isinstance(dimensions, dict) and list(dimensions) == list(rules.DIMENSIONS),
        "readiness.dimensions",
        msg("plan.must_be", values=", ".join(rules.DIMENSIONS)),
    )
    for name, dimension in dimensions.items():
        key = f"readiness.dimensions.{name}"
        need(
            isinstance(dimension, dict) and number(dimension.get("score")),
            key,
            msg("plan.needs_score"),
        )
        findings = dimension.get("findings")
        need(
            isinstance(findings, list)
            and all(
                isinstance(f, dict) and all(text(f.get(k)) for k in ("rule", "says", "do"))
                for f in findings
            ),
            f"{key}.findings",
            msg("plan.findings"),
        )
    workload = channels.get("workload")
    need(
        isinstance(workload, dict)
        and number(workload.get("hours_needed"))
        and number(workload.get("hours_available")),
        "channels.workload",
        msg("plan.workload"),
    )
    for part, fields in (("recommended", ("cadence", "why")), ("not_now", ("why",))):
        items = channels.get(part)
        need(isinstance(items, list), f"channels.{part}", msg("plan.list"))
        for item in items:
            ok = (
                isinstance(item, dict)
                and item.get("channel") in channel_ids
                and all(text(item.get(k)) for k in fields)
            )
            need(
                ok and (part == "not_now" or number(item.get("hours_per_week"))),
                f"channels.{part}",
                msg(f"plan.{part}"),
            )


def hand_edits(plan: Plan) -> list[str]:
    """Generated fields that were edited by hand since the plan was written ([] when none)."""
    document = plan.document
    rules_field = document.get("rules")
    stored = rules_field.get("fingerprint") if isinstance(rules_field, dict) else None
    if stored == fingerprint(document):
        return []
    fresh = build(Plan(plan.answers, plan.language, plan.owned))
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
