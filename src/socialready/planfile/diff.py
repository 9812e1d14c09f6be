"""What changed between two plans, in plan terms: verdict, scores, channels, steps, progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from socialready.answers import decimal
from socialready.output.report import channel_name
from socialready.ui import message, word


@dataclass(frozen=True)
class Change:
    """One change: `area` groups it (verdict, scores, answers, channels, steps), `text` says it."""

    area: str
    text: str
    sign: str = "~"  # + added, - removed, ~ changed


def compare(old: dict[str, Any] | None, new: dict[str, Any] | None, lang: str) -> list[Change]:
    """Every difference that matters to a reader of the plan, in reading order, in `lang`."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        doc = new or old
        assert doc is not None
        sign = "+" if old is None else "-"
        verdict = _verdict(doc["readiness"]["verdict"], lang)
        text = message("diff.added_plan", lang, name=doc["organisation"], verdict=verdict)
        return [Change("plan", text, sign)]
    changes: list[Change] = []

    def show(value: Any) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, bool):
            return word("answer_yes" if value else "answer_no", lang)
        if isinstance(value, float):
            return decimal(value, lang)
        if isinstance(value, list):
            return ", ".join(show(v) for v in value) or "—"
        return str(value)

    def changed(area: str, label: str, before: Any, after: Any) -> None:
        if before != after:
            text = message("diff.change", lang, label=label, before=show(before), after=show(after))
            changes.append(Change(area, text))

    def field(name: str) -> str:
        return word(f"fields/{name}", lang)

    changed("plan", field("organisation"), old.get("organisation"), new.get("organisation"))
    changed("plan", field("language"), old.get("language"), new.get("language"))
    changed(
        "plan", field("rules_version"), _get(old, "rules", "version"), _get(new, "rules", "version")
    )
    old_r, new_r = old["readiness"], new["readiness"]
    changed(
        "verdict",
        field("verdict"),
        _verdict(old_r.get("verdict"), lang),
        _verdict(new_r.get("verdict"), lang),
    )
    changed("scores", field("score"), old_r.get("score"), new_r.get("score"))
    old_dims, new_dims = old_r.get("dimensions") or {}, new_r.get("dimensions") or {}
    for name in dict.fromkeys([*old_dims, *new_dims]):
        before, after = old_dims.get(name) or {}, new_dims.get(name) or {}
        label = message("diff.dimension_score", lang, dimension=_dimension(name, lang))
        changed("scores", label, before.get("score"), after.get("score"))
        old_rules = {f["rule"]: f for f in before.get("findings") or []}
        new_rules = {f["rule"]: f for f in after.get("findings") or []}
        for rule in new_rules.keys() - old_rules.keys():
            changes.append(Change("findings", f"{rule}: {new_rules[rule]['says']}", "+"))
        for rule in old_rules.keys() - new_rules.keys():
            changes.append(Change("findings", f"{rule}: {old_rules[rule]['says']}", "-"))
    for part in dict.fromkeys([*(old.get("answers") or {}), *(new.get("answers") or {})]):
        before = (old.get("answers") or {}).get(part) or {}
        after = (new.get("answers") or {}).get(part) or {}
        for name in dict.fromkeys([*before, *after]):
            changed("answers", f"{part}.{name}", before.get(name), after.get(name))
    _channels(changes, old, new, lang, show, field)
    _steps(changes, old.get("steps") or [], new.get("steps") or [], lang, show, field)
    return changes


def _verdict(verdict: Any, lang: str) -> Any:
    """The verdict as the reader sees it elsewhere (Begin klein, not start_small)."""
    try:
        return word(f"verdicts/{verdict}", lang)
    except KeyError:
        return verdict


def _dimension(name: str, lang: str) -> str:
    from socialready import catalog

    names = catalog.load().texts["dimensions"]
    return str(names[name][lang]) if name in names else name


def _get(doc: dict[str, Any], *keys: str) -> Any:
    node: Any = doc
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _channels(
    changes: list[Change],
    old: dict[str, Any],
    new: dict[str, Any],
    lang: str,
    show: Any,
    field: Any,
) -> None:
    before = {c["channel"]: c for c in old["channels"].get("recommended") or []}
    after = {c["channel"]: c for c in new["channels"].get("recommended") or []}
    for channel, item in after.items():
        name = channel_name(new, channel)
        if channel not in before:
            text = message(
                "diff.channel_added",
                lang,
                channel=name,
                cadence=item["cadence"],
                hours=show(item["hours_per_week"]),
            )
            changes.append(Change("channels", text, "+"))
        else:
            old_item = before[channel]
            for key in ("cadence", "hours_per_week"):
                if old_item.get(key) != item.get(key):
                    label = message("diff.channel_field", lang, channel=name, field=field(key))
                    text = message(
                        "diff.change",
                        lang,
                        label=label,
                        before=show(old_item.get(key)),
                        after=show(item.get(key)),
                    )
                    changes.append(Change("channels", text))
    not_now = {c["channel"]: c["why"] for c in new["channels"].get("not_now") or []}
    for channel in before.keys() - after.keys():
        reason = not_now.get(channel, "")
        text = f"{channel_name(old, channel)}" + (f": {reason}" if reason else "")
        changes.append(Change("channels", text, "-"))
    old_w = old["channels"].get("workload") or {}
    new_w = new["channels"].get("workload") or {}
    for key in ("hours_needed", "hours_available"):
        if old_w.get(key) != new_w.get(key):
            text = message(
                "diff.change",
                lang,
                label=field(key),
                before=show(old_w.get(key)),
                after=show(new_w.get(key)),
            )
            changes.append(Change("channels", text))


def _steps(
    changes: list[Change], old: list[Any], new: list[Any], lang: str, show: Any, field: Any
) -> None:
    before = {s.get("id"): s for s in old if isinstance(s, dict)}
    for number, step in enumerate(new, start=1):
        if not isinstance(step, dict):
            continue
        prev = before.get(step.get("id"), {})
        label = message("diff.step", lang, n=number, id=step.get("id"))
        old_actions, new_actions = prev.get("actions") or [], step.get("actions") or []
        for action in new_actions:
            if action not in old_actions:
                changes.append(Change("steps", f"{label}: {action}", "+"))
        for action in old_actions:
            if action not in new_actions:
                changes.append(Change("steps", f"{label}: {action}", "-"))
        for key in ("title", "owner", "status", "due", "notes"):
            if prev.get(key) != step.get(key):
                was, now = prev.get(key), step.get(key)
                if key == "status":
                    was, now = _status(was, lang), _status(now, lang)
                key_label = message(
                    "diff.step_field", lang, n=number, id=step.get("id"), field=field(key)
                )
                text = message(
                    "diff.change", lang, label=key_label, before=show(was), after=show(now)
                )
                changes.append(Change("steps", text))


def _status(status: Any, lang: str) -> Any:
    try:
        return word(f"statuses/{status}", lang) if status else status
    except KeyError:
        return status
