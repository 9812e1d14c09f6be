"""Plans as reports without rich: progress, markdown for management, JSON for other tools."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, TypeVar, cast

from socialready import grammar, progress
from socialready.grammar import decimal
from socialready.model import PlanDoc, Workload, as_choices
from socialready.planfile import schedule
from socialready.progress import NextReview
from socialready.text import text

if TYPE_CHECKING:
    from socialready.questionnaire import Question

T = TypeVar("T")

# Characters that act on a terminal rather than show (C0 but tab and line break, DEL, C1) and
# those that reorder the text shown (bidi embeddings, overrides, isolates): a hostile plan
# could clear the screen, hide text, write the clipboard (OSC 52) or fake a verdict with them.
_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ACTIVE_IN_JSON = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(value: T) -> T:
    """Text from a plan made safe to print: each active character shown as an escape (\\x1b),
    never sent to the terminal. Mappings and lists are copied with their text made inert."""
    return cast(T, _inert(value))  # of the same shape, with other text


def _inert(value: object) -> object:
    if isinstance(value, str):
        return _ACTIVE.sub(_escape, value) if _ACTIVE.search(value) else value
    if isinstance(value, dict):
        return {key: _inert(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_inert(item) for item in value]
    return value


# Markdown: characters that make emphasis, links, code, HTML, tables or strikethrough anywhere,
# and those that start a heading, quote, list or rule at the start of a line.
_INLINE = re.compile(r"[\\`*_\[\]|~!]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def md(value: object) -> str:
    """User text as markdown that shows as typed: no HTML, emphasis, links or broken tables.
    Line breaks become <br>, so the text stays in its paragraph or table cell."""
    text = _show(value)
    lines = []
    for line in text.splitlines() or [""]:
        line = _INLINE.sub(lambda m: "\\" + m.group(), line.strip())
        line = "".join(_HTML.get(ch, ch) for ch in line)
        line = _LINE_START.sub(
            lambda m: (
                m.group(1) + m.group(2) + "\\"
                if m.group(2).isdigit()
                else m.group(1) + "\\" + m.group(2)
            ),
            line,
        )
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)  # a lone <br> on a line would be read as an HTML block
    return "<br>".join(lines) or "—"


_SPAN = re.compile(r"`([^`\n]+)`")
_CODE = re.compile(r"[\w .:/=-]+")  # a command or a key: nothing markdown reads in it


def sentence(value: object) -> str:
    """A sentence the plan generated (a rule's, a step's, a question's) as markdown: as `md`,
    but a command between backticks (`socialready review`) stays a code span. User text goes
    through `md`, so the backticks a user typed are shown as typed."""
    spans: list[str] = []

    def hold(match: re.Match[str]) -> str:
        if not _CODE.fullmatch(match.group(1)):
            return match.group()  # shown as typed
        spans.append(match.group(1))
        return f"\0{len(spans) - 1}\0"  # `inert` has shown every NUL in plan text as \x00

    held = md(_SPAN.sub(hold, _show(value)))
    return re.sub("\0(\\d+)\0", lambda m: f"`{spans[int(m.group(1))]}`", held)


def _show(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    return str(value)


def overdue_mark(lang: str) -> str:
    return text("overdue", lang)


def progress_line(document: PlanDoc, lang: str, today: dt.date | None = None) -> str:
    """Steps done, the next due date, steps overdue and the next review, on one line."""
    state = progress.progress(document, today or schedule.today())
    parts = [text("progress", lang, done=state["done"])]
    nxt = state["next_due"]
    if nxt:
        from socialready.output.reviews import day

        due = (
            f"{day(nxt['due'], lang)}, {overdue_mark(lang)}"
            if nxt["overdue"]
            else day(nxt["due"], lang)
        )
        parts.append(text("next_due", lang, n=nxt["step"], title=nxt["title"], due=due))
    else:
        parts.append(text("no_due", lang))
    late = state["overdue"]
    if len(late) > 1 or (late and not (nxt and nxt["step"] == late[0]["step"])):
        parts.append(text("overdue_steps", lang, steps=", ".join(str(s["step"]) for s in late)))
    parts.append(review_text(state["next_review"], document, lang))
    return " · ".join(parts)


def review_text(next_review: NextReview | None, document: PlanDoc, lang: str) -> str:
    """`Next review: 2026-04-05`, marked when overdue; or why there is none."""
    if next_review is None:
        return text("reviews_done" if document.get("started") else "no_review", lang)
    from socialready.output.reviews import day

    date = day(next_review["date"], lang)
    if next_review["overdue"]:
        date = f"{date} ({overdue_mark(lang)})"
    elif next_review.get("due"):
        date = f"{date} ({text('review_due', lang)})"
    return text("next_review", lang, date=date)


def channel_owner(document: PlanDoc, channel_id: str, lang: str) -> str:
    """Who posts on a channel: its owner in `owners`, else the owner of step 4 (be active where
    your audience is), else "to be agreed"."""
    named = (document.get("owners") or {}).get(channel_id)
    if named and named.strip():
        return named.strip()
    for step in document["steps"]:
        owner = step.get("owner")
        if step["id"] == "be_active" and owner and owner.strip():
            return owner.strip()
    return text("to_agree", lang)


def workload_line(workload: Workload, lang: str) -> str:
    """The plan's own sentence on hours used and left; plans made before it had one get this."""
    summary = workload.get("summary")
    if isinstance(summary, str):
        return summary
    needed = decimal(workload["hours_needed"], lang)
    available = grammar.count(workload["hours_available"], "hour", lang)
    return text("workload", lang, needed=needed, available=available)


def markdown(document: PlanDoc, *, details: bool = False) -> str:
    """A report for management: verdict first, then scores, channels, the 8 steps, the reviews
    and the answers they come from. Every text from the plan shows as typed, never as markup.
    Rule ids and answer keys only with `details`: a director reads sentences, not ids."""
    from socialready.output import reviews, sources

    document, notes = sources.numbered(inert(document))
    lang = document["language"]
    today = schedule.today()
    readiness = document["readiness"]
    out = [f"# {text('plan_for', lang, name=md(document['organisation']))}", ""]
    verdict = text(f"verdicts.{readiness['verdict']}", lang)
    titled: PlanDoc = {
        **document,
        "steps": [{**s, "title": md(s["title"])} for s in document["steps"]],
    }
    out += [
        f"**{text('verdict', lang)}: {verdict}** · {text('score', lang)} {readiness['score']}/100",
        "",
        sentence(readiness["summary"]),
        "",
        progress_line(titled, lang, today),
        "",
        f"## {text('findings', lang)}",
        "",
        f"| {text('dimension', lang)} | {text('score', lang)} |",
        "| --- | ---: |",
    ]
    from socialready import catalog

    for key, dimension in readiness["dimensions"].items():
        out.append(f"| {text(f'rules.dimensions.{key}', lang)} | {dimension['score']} |")
    out.append("")
    for key, dimension in readiness["dimensions"].items():
        for finding in dimension["findings"]:
            says, do = sentence(finding["says"]), sentence(finding["do"])
            rule = f" ({md(finding['rule'])})" if details else ""
            out.append(f"- **{text(f'rules.dimensions.{key}', lang)}** — {says} *{do}*{rule}")
    channels = document["channels"]
    workload = channels["workload"]
    out += [
        "",
        f"## {text('channels', lang)}",
        "",
        sentence(workload_line(workload, lang)),
        "",
    ]
    if channels["recommended"]:
        heads = [text(key, lang) for key in ("channel", "cadence", "hours", "posts", "why")]
        out += ["| " + " | ".join(heads) + " |", "| --- | --- | ---: | --- | --- |"]
        for item in channels["recommended"]:
            name = md(catalog.load().channel_name(item["channel"], lang))
            hours = decimal(item["hours_per_week"], lang)
            who = md(channel_owner(document, item["channel"], lang))
            cadence, why = sentence(item["cadence"]), sentence(item["why"])
            out.append(f"| {name} | {cadence} | {hours} | {who} | {why} |")
        out.append("")
    if channels["not_now"]:
        out += [f"### {text('not_now', lang)}", ""]
        for waiting in channels["not_now"]:
            name = md(catalog.load().channel_name(waiting["channel"], lang))
            out.append(f"- **{name}** — {sentence(waiting['why'])}")
        out.append("")
    out += [f"## {text('steps', lang)}", ""]
    for number, step in enumerate(document["steps"], start=1):
        out += [f"### {number}. {md(step['title'])}", "", f"*{sentence(step['why'])}*", ""]
        out += [f"- {sentence(action)}" for action in step["actions"]]
        meta = [
            f"{text('owner', lang)}: {md(step.get('owner'))}",
            f"{text('status', lang)}: {text('statuses.' + step.get('status', 'todo'), lang)}",
        ]
        if step.get("due"):
            late = f" (**{overdue_mark(lang)}**)" if progress.is_overdue(step, today) else ""
            meta.append(f"{text('due', lang)}: {md(reviews.day(step['due'], lang))}{late}")
        out += ["", " · ".join(meta), ""]
        if step.get("notes"):
            out += [f"{text('notes', lang)}: {md(step['notes'])}", ""]
    out += _reviews_md(document, lang)
    if notes:
        out += [f"## {text('sources', lang)}", ""]
        out += [f"- {sentence(note)}" for note in notes]
        out.append("")
    out += _answers_md(document, lang, details)
    return "\n".join(out).rstrip("\n") + "\n"


def _reviews_md(document: PlanDoc, lang: str) -> list[str]:
    """Each review against the plan's promise, then the trend across them."""
    from socialready.output import reviews

    out = [f"## {text('review_page.heading', lang)}", ""]
    found, trend = reviews.page(document, lang)
    if not found:
        return [*out, text("review_page.none", lang), ""]
    for title, lines, notes in found:
        out += [f"### {md(title)}", ""]
        out += [f"- {sentence(line)}" for line in lines]
        if notes:
            out += ["", f"{text('notes', lang)}: {md(notes)}"]
        out.append("")
    if trend:
        out += [f"### {text('review_page.trend', lang)}", ""]
        out += [f"- {sentence(line)}" for line in trend]
        out.append("")
    return out


def _answers_md(document: PlanDoc, lang: str, details: bool) -> list[str]:
    """The answers, one line each: a hand edit of an answer shows in a diff of the report."""
    from socialready import questionnaire

    given = document.get("answers") or {}
    out = [f"## {text('answers', lang)}", ""]
    for question in questionnaire.load().questions:
        part, _, name = question.key.partition(".")
        value = (given.get(part) or {}).get(name)
        labels = {choice.value: choice.label[lang] for choice in question.choices}
        if value is None and question.ask_if is not None:
            continue  # not asked: it does not apply (a region outside Belgium)
        if value is None and question.kind in ("one", "channels"):
            shown = "—"  # not answered (an answer the plan assumes, which its findings name)
        elif question.kind == "channels":
            shown = _channels_md(question, value, lang)
        elif question.kind == "many":
            shown = ", ".join(labels.get(v, str(v)) for v in as_choices(value)) or text(
                "none", lang
            )
        elif question.kind == "one":
            shown = labels.get(str(value), str(value))
        elif question.kind == "yesno":
            shown = text("yes" if value else "no", lang)
        elif question.kind in ("number", "integer") and isinstance(value, (int, float)):
            shown = decimal(value, lang)
        else:
            shown = str(value) if value not in (None, "") else "—"
        key = f" ({md(question.key)})" if details else ""
        out.append(f"- {sentence(question.prompt[lang])} **{md(shown)}**{key}")
    return out


def _channels_md(question: Question, value: object, lang: str) -> str:
    """Each current channel with how often it posts and how well it works, as answered."""
    if not isinstance(value, dict) or not value:  # a format-2 list reads as the channels only
        listed = value if isinstance(value, list) else []
        names = [question.label(str(v), lang) for v in listed]
        return ", ".join(names) or text("none", lang)
    works = question.field("works")
    parts = []
    for channel, usage in value.items():
        usage = usage if isinstance(usage, dict) else {}
        posts = usage.get("posts_per_week")
        often = (
            text("posts_a_week", lang, posts=_counted(posts, str(channel), lang))
            if isinstance(posts, (int, float)) and not isinstance(posts, bool)
            else text("posts_unknown", lang)
        )
        how = works.label(str(usage.get("works", "unknown")), lang)
        parts.append(f"{question.label(str(channel), lang)} ({often}; {how})")
    return "; ".join(parts)


def _counted(posts: float, channel: str, lang: str) -> str:
    """'3 berichten', '1 editie', "2 video's": what goes out on the channel, by its own word."""
    from socialready import catalog

    return grammar.counted(posts, catalog.load().unit_forms(channel, lang), lang)


def raw(content: str, problem: str, lang: str) -> str:
    """A plan that cannot be shown as a report, as its text, after a one-line notice: what
    git shows for a revision the report cannot render (a conflict, a newer format)."""
    notice = text("raw_notice", lang, problem=problem)
    return f"{inert(notice)}\n\n{inert(content).rstrip(chr(10))}\n"


def to_json(document: PlanDoc, *, ascii_only: bool = False) -> str:
    """The plan as JSON, dates as ISO text, with its progress added; characters that act on
    a terminal are written as \\u escapes, as JSON allows, so the data stays the same."""

    def default(value: object) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    from socialready.output import reviews

    data = {
        **document,
        "progress": progress.progress(document, schedule.today()),
        "review_figures": reviews.figures(document),
    }
    text = json.dumps(data, ensure_ascii=ascii_only, indent=2, default=default)
    return _ACTIVE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
