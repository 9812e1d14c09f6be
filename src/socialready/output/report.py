"""Plans as reports without rich: progress, markdown for management, JSON for other tools."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from socialready.answers import decimal
from socialready.ui import word


def progress(document: dict[str, Any], today: dt.date | None = None) -> dict[str, Any]:
    """Steps done of 8 (skipped counts as settled), the next open step with a due date, the
    steps overdue on `today` (default: SOCIALREADY_TODAY, else today) and the next review."""
    from socialready.planfile import schedule

    today = today or schedule.today()
    steps = document["steps"]
    done = sum(1 for step in steps if step.get("status") in ("done", "skipped"))
    open_due = [
        (str(step["due"]), number, step)
        for number, step in enumerate(steps, start=1)
        if step.get("due") and step.get("status") not in ("done", "skipped")
    ]
    next_due = None
    if open_due:
        due, number, step = min(open_due, key=lambda item: (item[0], item[1]))
        next_due = {
            "step": number,
            "id": step["id"],
            "title": step["title"],
            "due": due,
            "overdue": schedule.is_overdue(step, today),
        }
    return {
        "done": done,
        "total": len(steps),
        "next_due": next_due,
        "overdue": schedule.overdue_steps(document, today),
        "next_review": schedule.next_review(document, today),
    }


def overdue_mark(lang: str) -> str:
    return word("overdue", lang)


def progress_line(document: dict[str, Any], lang: str, today: dt.date | None = None) -> str:
    """Steps done, the next due date, steps overdue and the next review, on one line."""
    state = progress(document, today)
    parts = [word("progress", lang, done=state["done"])]
    nxt = state["next_due"]
    if nxt:
        due = f"{nxt['due']}, {overdue_mark(lang)}" if nxt["overdue"] else nxt["due"]
        parts.append(word("next_due", lang, n=nxt["step"], title=nxt["title"], due=due))
    else:
        parts.append(word("no_due", lang))
    late = state["overdue"]
    if len(late) > 1 or (late and not (nxt and nxt["step"] == late[0]["step"])):
        parts.append(word("overdue_steps", lang, steps=", ".join(str(s["step"]) for s in late)))
    parts.append(review_text(state["next_review"], document, lang))
    return " · ".join(parts)


def review_text(next_review: dict[str, Any] | None, document: dict[str, Any], lang: str) -> str:
    """`Next review: 2026-04-05`, marked when overdue; or why there is none."""
    if next_review is None:
        return word("reviews_done" if document.get("started") else "no_review", lang)
    date = next_review["date"]
    if next_review["overdue"]:
        date = f"{date} ({overdue_mark(lang)})"
    elif next_review.get("due"):
        date = f"{date} ({word('review_due', lang)})"
    return word("next_review", lang, date=date)


def channel_name(document: dict[str, Any], channel_id: str) -> str:
    from socialready import catalog

    channel = catalog.load().channels.get(channel_id)
    return channel.name[document["language"]] if channel else channel_id


def workload_line(workload: dict[str, Any], lang: str) -> str:
    """The plan's own sentence on hours used and left; plans made before it had one get this."""
    summary = workload.get("summary")
    if isinstance(summary, str):
        return summary
    needed = decimal(workload["hours_needed"], lang)
    return word(
        "workload", lang, needed=needed, available=decimal(workload["hours_available"], lang)
    )


def markdown(document: dict[str, Any]) -> str:
    """A report for management: verdict first, then scores, channels and the 8 steps."""
    from socialready.planfile import schedule

    lang = document["language"]
    today = schedule.today()
    readiness = document["readiness"]
    out = [f"# {word('plan_for', lang, name=document['organisation'])}", ""]
    verdict = word(f"verdicts/{readiness['verdict']}", lang)
    out += [
        f"**{word('verdict', lang)}: {verdict}** · {word('score', lang)} {readiness['score']}/100",
        "",
        readiness["summary"],
        "",
        progress_line(document, lang, today),
        "",
        f"## {word('findings', lang)}",
        "",
        f"| {word('dimension', lang)} | {word('score', lang)} |",
        "| --- | ---: |",
    ]
    from socialready import catalog

    names = catalog.load().texts["dimensions"]
    for key, dimension in readiness["dimensions"].items():
        out.append(f"| {names[key][lang]} | {dimension['score']} |")
    out.append("")
    for key, dimension in readiness["dimensions"].items():
        for finding in dimension["findings"]:
            says, do, rule = finding["says"], finding["do"], finding["rule"]
            out.append(f"- **{names[key][lang]}** — {says} *{do}* (`{rule}`)")
    channels = document["channels"]
    workload = channels["workload"]
    out += [
        "",
        f"## {word('channels', lang)}",
        "",
        workload_line(workload, lang),
        "",
    ]
    if channels["recommended"]:
        heads = [word(key, lang) for key in ("channel", "cadence", "hours", "why")]
        out += ["| " + " | ".join(heads) + " |", "| --- | --- | ---: | --- |"]
        for item in channels["recommended"]:
            name = channel_name(document, item["channel"])
            hours = decimal(item["hours_per_week"], lang)
            out.append(f"| {name} | {item['cadence']} | {hours} | {item['why']} |")
        out.append("")
    if channels["not_now"]:
        out += [f"### {word('not_now', lang)}", ""]
        for item in channels["not_now"]:
            out.append(f"- **{channel_name(document, item['channel'])}** — {item['why']}")
        out.append("")
    out += [f"## {word('steps', lang)}", ""]
    for number, step in enumerate(document["steps"], start=1):
        out += [f"### {number}. {step['title']}", "", f"*{step['why']}*", ""]
        out += [f"- {action}" for action in step["actions"]]
        meta = [
            f"{word('owner', lang)}: {step.get('owner') or '—'}",
            f"{word('status', lang)}: {word('statuses/' + step.get('status', 'todo'), lang)}",
        ]
        if step.get("due"):
            late = f" (**{overdue_mark(lang)}**)" if schedule.is_overdue(step, today) else ""
            meta.append(f"{word('due', lang)}: {step['due']}{late}")
        out += ["", " · ".join(meta), ""]
        if step.get("notes"):
            out += [f"{word('notes', lang)}: {step['notes']}", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def to_json(document: dict[str, Any]) -> str:
    """The plan as JSON, dates as ISO text, with its progress added."""

    def default(value: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    data = {**document, "progress": progress(document)}
    return json.dumps(data, ensure_ascii=False, indent=2, default=default) + "\n"
