"""What changed between two plans, in plan terms: verdict, scores, findings, channels, steps,
reviews. Every field is compared, in the order of the file, so that the same two plans give
the same lines on every run; the language is a parameter of every function that words a line.

Either plan may hold hand edits of any shape (a list where text belongs, text where a list
does): each part is read for what it is, and a shape it cannot hold counts as nothing there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from socialready.grammar import decimal
from socialready.model import LANGUAGES
from socialready.text import text


@dataclass(frozen=True)
class Change:
    """One change: `area` groups it (verdict, scores, answers, channels, steps), `text` says it."""

    area: str
    text: str
    sign: str = "~"  # + added, - removed, ~ changed


REVIEW_FIELDS = ("published", "reply_time", "hours_spent", "measures", "notes")
CHANNEL_FIELDS = ("tier", "cadence", "posts_per_week", "hours_per_week", "why")
STEP_FIELDS = ("title", "why", "owner", "status", "due", "notes")


def _show(value: object, lang: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if isinstance(value, float):
        return decimal(value, lang)
    if isinstance(value, list):
        return ", ".join(_show(v, lang) for v in value) or "—"
    if isinstance(value, dict):
        shown = ", ".join(f"{k}: {_show(v, lang)}" for k, v in value.items())
        return shown or "—"
    return str(value)


def _field(name: object, lang: str) -> str:
    try:
        return text(f"fields.{name}", lang)
    except KeyError:
        return str(name)


def _word(group: str, value: object, lang: str) -> object:
    """A verdict or status as the reader sees it elsewhere (Begin klein, not start_small)."""
    try:
        return text(f"{group}.{value}", lang) if isinstance(value, str) else value
    except KeyError:
        return value


def _dict(value: object) -> dict[object, object]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _by(items: object, key: str, lang: str) -> dict[str, dict[object, object]]:
    """The mappings in a list, by one of their fields, in the list's order; a second entry
    with the same key (a hand edit) is told apart by its number: `2026-04-01 (2)`."""
    found: dict[str, dict[object, object]] = {}
    for item in _list(items):
        if isinstance(item, dict):
            value = item.get(key)
            name = value if isinstance(value, str) else _show(value, lang)
            number, unique = 1, name
            while unique in found:
                number += 1
                unique = f"{name} ({number})"
            found[unique] = item
    return found


def _keys(old: dict[object, object], new: dict[object, object]) -> list[object]:
    """The keys of both, the new plan's order first, then those only the old one has."""
    return list(dict.fromkeys([*new, *old]))


class _Changes:
    """The list being made, and the language it is said in."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.found: list[Change] = []

    def say(self, key: str, /, **params: object) -> str:
        return text(key, self.lang, **params)

    def show(self, value: object) -> str:
        return _show(value, self.lang)

    def add(self, area: str, text: str, sign: str = "~") -> None:
        self.found.append(Change(area, text, sign))

    def changed(self, area: str, label: str, before: object, after: object) -> None:
        if before != after:
            text = self.say(
                "diff.change", label=label, before=self.show(before), after=self.show(after)
            )
            self.add(area, text)


def compare(
    old: Mapping[str, object] | None, new: Mapping[str, object] | None, lang: str
) -> list[Change]:
    """Every difference that matters to a reader of the plan, in reading order, in `lang`."""
    out = _Changes(lang if lang in LANGUAGES else "en")
    if old is None and new is None:
        return []
    if old is None or new is None:
        doc = _dict(new if old is None else old)
        sign = "+" if old is None else "-"
        verdict = _dict(doc.get("readiness")).get("verdict")
        name, said = (
            out.show(doc.get("organisation")),
            out.show(_word("verdicts", verdict, out.lang)),
        )
        return [Change("plan", out.say("diff.added_plan", name=name, verdict=said), sign)]

    def field(name: str) -> str:
        return _field(name, out.lang)

    out.changed("plan", field("format"), old.get("socialready"), new.get("socialready"))
    out.changed("plan", field("organisation"), old.get("organisation"), new.get("organisation"))
    out.changed("plan", field("language"), old.get("language"), new.get("language"))
    out.changed("plan", field("started"), old.get("started"), new.get("started"))
    old_v, new_v = _get(old, "rules", "version"), _get(new, "rules", "version")
    out.changed("plan", field("rules_version"), old_v, new_v)
    _readiness(out, _dict(old.get("readiness")), _dict(new.get("readiness")))
    _answers(out, _dict(old.get("answers")), _dict(new.get("answers")))
    _channels(out, old, new)
    _owners(out, old, new)
    _steps(out, _list(old.get("steps")), _list(new.get("steps")))
    _reviews(out, old.get("reviews"), new.get("reviews"))
    return out.found


def _get(doc: Mapping[str, object], *keys: str) -> object:
    node: object = doc
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _readiness(out: _Changes, old: dict[object, object], new: dict[object, object]) -> None:
    lang = out.lang
    old_v, new_v = (
        _word("verdicts", old.get("verdict"), lang),
        _word("verdicts", new.get("verdict"), lang),
    )
    out.changed("verdict", _field("verdict", lang), old_v, new_v)
    out.changed("verdict", _field("summary", lang), old.get("summary"), new.get("summary"))
    out.changed("scores", _field("score", lang), old.get("score"), new.get("score"))
    old_dims, new_dims = _dict(old.get("dimensions")), _dict(new.get("dimensions"))
    names = _keys(old_dims, new_dims)
    for name in names:  # the scores together, then the findings
        before, after = _dict(old_dims.get(name)), _dict(new_dims.get(name))
        label = out.say("diff.dimension_score", dimension=_dimension(name, lang))
        out.changed("scores", label, before.get("score"), after.get("score"))
    for name in names:
        old_rules = _by(_dict(old_dims.get(name)).get("findings"), "rule", lang)
        new_rules = _by(_dict(new_dims.get(name)).get("findings"), "rule", lang)
        for rule, finding in new_rules.items():
            if rule not in old_rules:
                out.add("findings", f"{rule}: {out.show(finding.get('says'))}", "+")
                continue
            for key in _keys(old_rules[rule], finding):
                if key != "rule":
                    label = f"{rule} {_field(key, lang)}"
                    out.changed("findings", label, old_rules[rule].get(key), finding.get(key))
        for rule, finding in old_rules.items():
            if rule not in new_rules:
                out.add("findings", f"{rule}: {out.show(finding.get('says'))}", "-")


def _answers(out: _Changes, old: dict[object, object], new: dict[object, object]) -> None:
    for part in _keys(old, new):
        before, after = _dict(old.get(part)), _dict(new.get(part))
        if not before and not after:
            out.changed("answers", str(part), old.get(part), new.get(part))
        for name in _keys(before, after):
            out.changed("answers", f"{part}.{name}", before.get(name), after.get(name))


def _owners(out: _Changes, old: Mapping[str, object], new: Mapping[str, object]) -> None:
    """Who posts on each channel (`owners`), as the user filled it in."""
    before, after = _dict(old.get("owners")), _dict(new.get("owners"))
    for channel in _keys(before, after):
        label = f"{_name(str(channel), out.lang)}: {_field('posts_by', out.lang)}"
        out.changed("channels", label, before.get(channel), after.get(channel))


def _name(channel: str, lang: str) -> str:
    from socialready import catalog

    return catalog.load().channel_name(channel, lang)


def _channels(out: _Changes, old: Mapping[str, object], new: Mapping[str, object]) -> None:
    lang = out.lang
    old_c, new_c = _dict(old.get("channels")), _dict(new.get("channels"))
    before = _by(old_c.get("recommended"), "channel", lang)
    after = _by(new_c.get("recommended"), "channel", lang)
    for channel, item in after.items():
        name = _name(channel, lang)
        if channel not in before:
            cadence, hours = out.show(item.get("cadence")), out.show(item.get("hours_per_week"))
            out.add(
                "channels",
                out.say("diff.channel_added", channel=name, cadence=cadence, hours=hours),
                "+",
            )
            continue
        old_item = before[channel]
        for key in [
            *CHANNEL_FIELDS,
            *(k for k in _keys(old_item, item) if k not in CHANNEL_FIELDS),
        ]:
            if key != "channel" and old_item.get(key) != item.get(key):
                label = out.say("diff.channel_field", channel=name, field=_field(key, lang))
                out.changed("channels", label, old_item.get(key), item.get(key))
    not_now = _by(new_c.get("not_now"), "channel", lang)
    for channel in before:
        if channel not in after:
            reason = out.show(_dict(not_now.get(channel)).get("why")) if channel in not_now else ""
            out.add("channels", _name(channel, lang) + (f": {reason}" if reason else ""), "-")
    old_not = _by(old_c.get("not_now"), "channel", lang)
    for channel, item in not_now.items():
        if channel in old_not and channel not in before:
            label = out.say(
                "diff.channel_field", channel=_name(channel, lang), field=_field("why", lang)
            )
            out.changed("channels", label, old_not[channel].get("why"), item.get("why"))
    old_w, new_w = _dict(old_c.get("workload")), _dict(new_c.get("workload"))
    for key in ("hours_needed", "hours_available", "summary"):
        out.changed("channels", _field(key, lang), old_w.get(key), new_w.get(key))


def _steps(out: _Changes, old: list[object], new: list[object]) -> None:
    lang = out.lang
    before = _by(old, "id", lang)
    after = _by(new, "id", lang)
    for number, (step_key, step) in enumerate(after.items(), start=1):
        prev = before.get(step_key, {})
        step_id = out.show(step.get("id"))
        label = out.say("diff.step", n=number, id=step_id)
        old_actions, new_actions = _list(prev.get("actions")), _list(step.get("actions"))
        for action in new_actions:
            if action not in old_actions:
                out.add("steps", f"{label}: {out.show(action)}", "+")
        for action in old_actions:
            if action not in new_actions:
                out.add("steps", f"{label}: {out.show(action)}", "-")
        for key in STEP_FIELDS:
            was, now = prev.get(key), step.get(key)
            if was != now:
                if key == "status":
                    was, now = _word("statuses", was, lang), _word("statuses", now, lang)
                name = out.say("diff.step_field", n=number, id=step_id, field=_field(key, lang))
                out.changed("steps", name, was, now)


def _reviews(out: _Changes, old: object, new: object) -> None:
    """Each review by its date: added, removed, or changed field by field (a figure per
    channel or objective, the reply time, the hours, the notes)."""
    lang = out.lang
    before, after = _by(old, "date", lang), _by(new, "date", lang)
    for day, entry in after.items():
        if day not in before:
            out.add("reviews", out.say("diff.review", date=day), "+")
            continue
        was = before[day]
        keys = [*REVIEW_FIELDS, *(k for k in _keys(was, entry) if k not in REVIEW_FIELDS)]
        for key in keys:
            if key == "date" or was.get(key) == entry.get(key):
                continue
            old_v, new_v = was.get(key), entry.get(key)
            if isinstance(old_v, dict) and isinstance(new_v, dict):
                for name in _keys(old_v, new_v):
                    what = f"{_field(key, lang)} ({_part(key, name, lang)})"
                    label = out.say("diff.review_field", date=day, field=what)
                    out.changed("reviews", label, old_v.get(name), new_v.get(name))
                continue
            if key == "reply_time":
                old_v, new_v = _reply(old_v, lang), _reply(new_v, lang)
            label = out.say("diff.review_field", date=day, field=_field(key, lang))
            out.changed("reviews", label, old_v, new_v)
    for day in before:
        if day not in after:
            out.add("reviews", out.say("diff.review", date=day), "-")


def _part(key: object, name: object, lang: str) -> str:
    """A channel of `published` or an objective of `measures` by the name the reader knows."""
    if key == "published":
        return _name(str(name), lang)
    from socialready import questionnaire

    objectives = questionnaire.load().by_key["goals.objectives"]
    try:
        return objectives.label(str(name), lang)
    except (KeyError, ValueError):
        return str(name)


def _reply(value: object, lang: str) -> object:
    from socialready import questionnaire

    if not isinstance(value, str):
        return value  # no reply time: shown as it is
    try:
        return questionnaire.load().by_key["capacity.response_time"].label(value, lang)
    except (KeyError, ValueError, TypeError):
        return value


def _dimension(name: object, lang: str) -> str:
    try:
        return text(f"rules.dimensions.{name}", lang)
    except KeyError:  # a dimension of a newer plan
        return str(name)
