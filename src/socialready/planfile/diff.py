"""What changed between two plans, in plan terms: verdict, scores, channels, steps, progress."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from socialready.output.report import channel_name


@dataclass(frozen=True)
class Change:
    """One change: `area` groups it (verdict, scores, answers, channels, steps), `text` says it."""

    area: str
    text: str
    sign: str = "~"  # + added, - removed, ~ changed


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "—"
    return str(value)


def compare(old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[Change]:
    """Every difference that matters to a reader of the plan, in reading order."""
    if old is None and new is None:
        return []
    if old is None or new is None:
        doc = new or old
        assert doc is not None
        sign = "+" if old is None else "-"
        verdict = doc["readiness"]["verdict"]
        return [Change("plan", f"plan for {doc['organisation']} (verdict {verdict})", sign)]
    changes: list[Change] = []

    def changed(area: str, label: str, before: Any, after: Any) -> None:
        if before != after:
            changes.append(Change(area, f"{label}: {_show(before)} → {_show(after)}"))

    changed("plan", "format", old.get("socialready"), new.get("socialready"))
    changed("plan", "organisation", old.get("organisation"), new.get("organisation"))
    changed("plan", "language", old.get("language"), new.get("language"))
    changed("plan", "started", old.get("started"), new.get("started"))
    changed("plan", "rules version", _get(old, "rules", "version"), _get(new, "rules", "version"))
    changed("plan", "reviews", len(old.get("reviews") or []), len(new.get("reviews") or []))
    old_r, new_r = old["readiness"], new["readiness"]
    changed("verdict", "verdict", old_r.get("verdict"), new_r.get("verdict"))
    changed("scores", "score", old_r.get("score"), new_r.get("score"))
    old_dims, new_dims = old_r.get("dimensions") or {}, new_r.get("dimensions") or {}
    for name in dict.fromkeys([*old_dims, *new_dims]):
        before, after = old_dims.get(name) or {}, new_dims.get(name) or {}
        changed("scores", f"{name} score", before.get("score"), after.get("score"))
        old_rules = {f["rule"]: f for f in before.get("findings") or []}
        new_rules = {f["rule"]: f for f in after.get("findings") or []}
        for rule in new_rules.keys() - old_rules.keys():
            changes.append(Change("findings", f"{rule}: {new_rules[rule]['says']}", "+"))
        for rule in old_rules.keys() - new_rules.keys():
            changes.append(Change("findings", f"{rule}: {old_rules[rule]['says']}", "-"))
    _answers(changes, old.get("answers") or {}, new.get("answers") or {})
    _channels(changes, old, new)
    _steps(changes, old.get("steps") or [], new.get("steps") or [])
    return changes


def _get(doc: dict[str, Any], *keys: str) -> Any:
    node: Any = doc
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _answers(changes: list[Change], old: dict[str, Any], new: dict[str, Any]) -> None:
    for part in dict.fromkeys([*old, *new]):
        before, after = old.get(part) or {}, new.get(part) or {}
        for name in dict.fromkeys([*before, *after]):
            if before.get(name) != after.get(name):
                text = f"{part}.{name}: {_show(before.get(name))} → {_show(after.get(name))}"
                changes.append(Change("answers", text))


def _channels(changes: list[Change], old: dict[str, Any], new: dict[str, Any]) -> None:
    before = {c["channel"]: c for c in old["channels"].get("recommended") or []}
    after = {c["channel"]: c for c in new["channels"].get("recommended") or []}
    for channel, item in after.items():
        name = channel_name(new, channel)
        if channel not in before:
            text = f"{name}: {item['cadence']}, {item['hours_per_week']} h/week"
            changes.append(Change("channels", text, "+"))
        else:
            old_item = before[channel]
            for key in ("cadence", "hours_per_week"):
                if old_item.get(key) != item.get(key):
                    text = f"{name} {key}: {_show(old_item.get(key))} → {_show(item.get(key))}"
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
            label = key.replace("_", " ")
            changes.append(
                Change("channels", f"{label}: {_show(old_w.get(key))} → {_show(new_w.get(key))}")
            )


def _steps(changes: list[Change], old: list[Any], new: list[Any]) -> None:
    before = {s.get("id"): s for s in old if isinstance(s, dict)}
    for number, step in enumerate(new, start=1):
        if not isinstance(step, dict):
            continue
        prev = before.get(step.get("id"), {})
        label = f"step {number} ({step.get('id')})"
        old_actions, new_actions = prev.get("actions") or [], step.get("actions") or []
        for action in new_actions:
            if action not in old_actions:
                changes.append(Change("steps", f"{label}: {action}", "+"))
        for action in old_actions:
            if action not in new_actions:
                changes.append(Change("steps", f"{label}: {action}", "-"))
        for key in ("title", "owner", "status", "due", "notes"):
            if prev.get(key) != step.get(key):
                text = f"{label} {key}: {_show(prev.get(key))} → {_show(step.get(key))}"
                changes.append(Change("steps", text))
