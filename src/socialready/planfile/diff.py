"""What changed between two plans, in plan terms: verdict, scores, channels, steps, progress.

Either plan may hold hand edits of any shape (a list where text belongs, text where a list
does): each part is read for what it is, and a shape it cannot hold counts as nothing there.
"""

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


_lang: list[str] = ["en"]  # the language of the comparison under way (one at a time)


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return word("yes" if value else "no", _lang[0])
    if isinstance(value, float):
        return decimal(value, _lang[0])
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value) or "—"
    return str(value)


def _say(key: str, /, **params: Any) -> str:
    return message(key, _lang[0], **params)


def _field(name: str) -> str:
    return word(f"fields/{name}", _lang[0])


def _word(group: str, value: Any) -> Any:
    """A verdict or status as the reader sees it elsewhere (Begin klein, not start_small)."""
    try:
        return word(f"{group}/{value}", _lang[0]) if isinstance(value, str) else value
    except KeyError:
        return value


def _change(label: str, before: Any, after: Any) -> str:
    return _say("diff.change", label=label, before=_show(before), after=_show(after))


def _dict(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _key(value: Any) -> str:
    """A value as a key to match on: text as it is, anything else as it would be shown."""
    return value if isinstance(value, str) else _show(value)


def _by(items: Any, key: str) -> dict[str, dict[Any, Any]]:
    """The mappings in a list, by one of their fields."""
    return {_key(item.get(key)): item for item in _list(items) if isinstance(item, dict)}


def compare(
    old: dict[str, Any] | None, new: dict[str, Any] | None, lang: str = "en"
) -> list[Change]:
    """Every difference that matters to a reader of the plan, in reading order, in `lang`."""
    _lang[0] = lang if lang in ("nl", "en") else "en"
    if old is None and new is None:
        return []
    if old is None or new is None:
        doc = _dict(new if old is None else old)
        sign = "+" if old is None else "-"
        verdict = _dict(doc.get("readiness")).get("verdict")
        name, said = _show(doc.get("organisation")), _show(_word("verdicts", verdict))
        text = _say("diff.added_plan", name=name, verdict=said)
        return [Change("plan", text, sign)]
    changes: list[Change] = []

    def changed(area: str, label: str, before: Any, after: Any) -> None:
        if before != after:
            changes.append(Change(area, _change(label, before, after)))

    changed("plan", _field("format"), old.get("socialready"), new.get("socialready"))
    changed("plan", _field("organisation"), old.get("organisation"), new.get("organisation"))
    changed("plan", _field("language"), old.get("language"), new.get("language"))
    changed("plan", _field("started"), old.get("started"), new.get("started"))
    old_v, new_v = _get(old, "rules", "version"), _get(new, "rules", "version")
    changed("plan", _field("rules_version"), old_v, new_v)
    old_n, new_n = len(_list(old.get("reviews"))), len(_list(new.get("reviews")))
    changed("plan", _field("reviews"), old_n, new_n)
    old_r, new_r = _dict(old.get("readiness")), _dict(new.get("readiness"))
    old_v, new_v = _word("verdicts", old_r.get("verdict")), _word("verdicts", new_r.get("verdict"))
    changed("verdict", _field("verdict"), old_v, new_v)
    changed("scores", _field("score"), old_r.get("score"), new_r.get("score"))
    old_dims, new_dims = _dict(old_r.get("dimensions")), _dict(new_r.get("dimensions"))
    for name in dict.fromkeys([*old_dims, *new_dims]):
        before, after = _dict(old_dims.get(name)), _dict(new_dims.get(name))
        label = _say("diff.dimension_score", dimension=_dimension(name))
        changed("scores", label, before.get("score"), after.get("score"))
        old_rules = _by(before.get("findings"), "rule")
        new_rules = _by(after.get("findings"), "rule")
        for rule in new_rules.keys() - old_rules.keys():
            says = _show(new_rules[rule].get("says"))
            changes.append(Change("findings", f"{rule}: {says}", "+"))
        for rule in old_rules.keys() - new_rules.keys():
            says = _show(old_rules[rule].get("says"))
            changes.append(Change("findings", f"{rule}: {says}", "-"))
    _answers(changes, _dict(old.get("answers")), _dict(new.get("answers")))
    _channels(changes, old, new)
    _owners(changes, old, new)
    _steps(changes, _list(old.get("steps")), _list(new.get("steps")))
    return changes


def _get(doc: dict[str, Any], *keys: str) -> Any:
    node: Any = doc
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _answers(changes: list[Change], old: dict[Any, Any], new: dict[Any, Any]) -> None:
    for part in dict.fromkeys([*old, *new]):
        before, after = _dict(old.get(part)), _dict(new.get(part))
        if not before and not after and old.get(part) != new.get(part):
            changes.append(Change("answers", _change(str(part), old.get(part), new.get(part))))
        for name in dict.fromkeys([*before, *after]):
            if before.get(name) != after.get(name):
                text = _change(f"{part}.{name}", before.get(name), after.get(name))
                changes.append(Change("answers", text))


def _owners(changes: list[Change], old: dict[str, Any], new: dict[str, Any]) -> None:
    """Who posts on each channel (`owners`), as the user filled it in."""
    before, after = _dict(old.get("owners")), _dict(new.get("owners"))
    for channel in dict.fromkeys([*before, *after]):
        if before.get(channel) != after.get(channel):
            label = f"{_name(new, str(channel))}: {_field('posts_by')}"
            changes.append(
                Change("channels", _change(label, before.get(channel), after.get(channel)))
            )


def _name(document: dict[str, Any], channel: str) -> str:
    return channel_name(document, channel) if document.get("language") in ("nl", "en") else channel


def _channels(changes: list[Change], old: dict[str, Any], new: dict[str, Any]) -> None:
    old_c, new_c = _dict(old.get("channels")), _dict(new.get("channels"))
    before = _by(old_c.get("recommended"), "channel")
    after = _by(new_c.get("recommended"), "channel")
    for channel, item in after.items():
        name = _name(new, channel)
        if channel not in before:
            cadence, hours = _show(item.get("cadence")), _show(item.get("hours_per_week"))
            text = _say("diff.channel_added", channel=name, cadence=cadence, hours=hours)
            changes.append(Change("channels", text, "+"))
        else:
            old_item = before[channel]
            for key in ("cadence", "hours_per_week"):
                if old_item.get(key) != item.get(key):
                    label = _say("diff.channel_field", channel=name, field=_field(key))
                    text = _change(label, old_item.get(key), item.get(key))
                    changes.append(Change("channels", text))
    not_now = {
        key: _show(item.get("why")) for key, item in _by(new_c.get("not_now"), "channel").items()
    }
    for channel in before.keys() - after.keys():
        reason = not_now.get(channel, "")
        text = _name(old, channel) + (f": {reason}" if reason else "")
        changes.append(Change("channels", text, "-"))
    old_w, new_w = _dict(old_c.get("workload")), _dict(new_c.get("workload"))
    for key in ("hours_needed", "hours_available"):
        if old_w.get(key) != new_w.get(key):
            text = _change(_field(key), old_w.get(key), new_w.get(key))
            changes.append(Change("channels", text))


def _steps(changes: list[Change], old: list[Any], new: list[Any]) -> None:
    before = {_key(s.get("id")): s for s in old if isinstance(s, dict)}
    for number, step in enumerate(new, start=1):
        if not isinstance(step, dict):
            continue
        prev = before.get(_key(step.get("id")), {})
        step_id = _show(step.get("id"))
        label = _say("diff.step", n=number, id=step_id)
        old_actions, new_actions = _list(prev.get("actions")), _list(step.get("actions"))
        for action in new_actions:
            if action not in old_actions:
                changes.append(Change("steps", f"{label}: {_show(action)}", "+"))
        for action in old_actions:
            if action not in new_actions:
                changes.append(Change("steps", f"{label}: {_show(action)}", "-"))
        for key in ("title", "owner", "status", "due", "notes"):
            if prev.get(key) != step.get(key):
                was, now = prev.get(key), step.get(key)
                if key == "status":
                    was, now = _word("statuses", was), _word("statuses", now)
                field = _say("diff.step_field", n=number, id=step_id, field=_field(key))
                changes.append(Change("steps", _change(field, was, now)))


def _dimension(name: str) -> str:
    from socialready import catalog

    names = catalog.load().texts["dimensions"]
    return str(names[name][_lang[0]]) if name in names else name
