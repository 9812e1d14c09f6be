"""The one module that talks to rich: plans, changes and overviews on the terminal."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path
from typing import Any, Literal

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from socialready import catalog
from socialready.answers import decimal
from socialready.output.report import (
    channel_name,
    inert,
    overdue_mark,
    progress_line,
    workload_line,
)
from socialready.planfile.diff import Change
from socialready.questionnaire import Questionnaire
from socialready.ui import word

VERDICT_STYLE = {"ready": "bold green", "start_small": "bold yellow", "not_yet": "bold red"}
NARROW = 70  # columns; below this, tables become lists
SIGN_STYLE = {"+": "green", "-": "red", "~": "yellow"}


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """A reader that stopped (`| head`): the command's one place for output errors
        says so (rich would exit 1, which `plan --check` uses for "would change")."""
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def console(*, stderr: bool = False, width: int | None = None, record: bool = False) -> Console:
    """rich picks up TERM=dumb, pipes and the terminal's width; NO_COLOR means no styling at all.
    Text is never read as rich markup or :emoji: codes: what a plan says is shown as it is."""
    colours: Literal["auto"] | None = None if os.environ.get("NO_COLOR") else "auto"
    return _Console(
        stderr=stderr,
        width=width,
        record=record,
        highlight=False,
        color_system=colours,
        markup=False,
        emoji=False,
    )


def _score_style(score: int) -> str:
    return "green" if score >= 70 else "yellow" if score >= 40 else "red"


def plan(document: dict[str, Any], out: Console | None = None) -> None:
    """Verdict first, then scores, channels with workload, the 8 steps, and what not to do now."""
    out = out or console()
    document = inert(document)  # once, here: every text below comes from this copy
    lang = document["language"]
    readiness = document["readiness"]
    verdict = readiness["verdict"]
    heading = Text(word("plan_for", lang, name=document["organisation"]), style="bold")
    line = Text.assemble(
        (f"{word('verdict', lang)}: ", "bold"),
        (word(f"verdicts/{verdict}", lang), VERDICT_STYLE[verdict]),
        f"  ·  {word('score', lang)} ",
        (f"{readiness['score']}/100", _score_style(readiness["score"])),
    )
    narrow = out.width < NARROW
    if narrow:  # a long name would be cut short in the panel's border
        out.print(heading)
    out.print(
        Panel(
            Group(
                line, Text(readiness["summary"]), Text(progress_line(document, lang), style="dim")
            ),
            title=None if narrow else heading,
            title_align="left",
            border_style=VERDICT_STYLE[verdict].split()[-1],
        )
    )
    names = catalog.load().texts["dimensions"]
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    table.add_column(word("dimension", lang), ratio=1, no_wrap=False)
    table.add_column(word("score", lang), justify="right", width=5)
    table.add_column(word("findings", lang), ratio=3)
    for key, dimension in readiness["dimensions"].items():
        found = Text()
        for number, finding in enumerate(dimension["findings"]):
            if number:
                found.append("\n")
            found.append(f"{finding['says']} ")
            found.append(f"→ {finding['do']}", style="cyan")
            found.append(f" [{finding['rule']}]", style="dim")
        score = Text(str(dimension["score"]), style=_score_style(dimension["score"]))
        if narrow:  # a list reads better than a table squeezed into a few columns
            out.print(Text.assemble((names[key][lang], "bold"), " ", score))
            if found:
                out.print(Padding(found, (0, 0, 0, 2)))
        else:
            table.add_row(names[key][lang], score, found)
    if not narrow:
        out.print(table)
    _channels(document, out)
    _steps(document, out)


def _channels(document: dict[str, Any], out: Console) -> None:
    lang = document["language"]
    channels = document["channels"]
    workload = channels["workload"]
    out.print(Text(word("channels", lang), style="bold underline"))
    out.print(workload_line(workload, lang))
    if channels["recommended"] and out.width < NARROW:
        for item in channels["recommended"]:
            name = channel_name(document, item["channel"])
            hours = decimal(item["hours_per_week"], lang)
            out.print(Text.assemble("  ✓ ", (name, "bold"), f": {item['cadence']}, {hours} h"))
            out.print(Padding(Text(item["why"], style="dim"), (0, 0, 0, 4)))
    elif channels["recommended"]:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
        table.add_column(word("channel", lang), ratio=1)
        table.add_column(word("cadence", lang), ratio=2)
        table.add_column(word("hours", lang), justify="right", width=8)
        table.add_column(word("why", lang), ratio=3)
        for item in channels["recommended"]:
            table.add_row(
                Text(channel_name(document, item["channel"]), style="bold"),
                item["cadence"],
                decimal(item["hours_per_week"], lang),
                item["why"],
            )
        out.print(table)
    if channels["not_now"]:
        out.print(Text(word("not_now", lang), style="bold"))
        for item in channels["not_now"]:
            out.print(
                Text.assemble(
                    "  ✗ ", (channel_name(document, item["channel"]), "bold"), f": {item['why']}"
                )
            )
    out.print()


def _steps(document: dict[str, Any], out: Console) -> None:
    from socialready.planfile import schedule

    lang = document["language"]
    today = schedule.today()
    out.print(Text(word("steps", lang), style="bold underline"))
    marks = {"todo": "○", "doing": "◐", "done": "●", "skipped": "–"}
    for number, step in enumerate(document["steps"], start=1):
        status = step.get("status") or "todo"
        late = schedule.is_overdue(step, today)
        title = Text.assemble(
            (f"{marks[status]} {number}. ", "bold"),
            (step["title"], "bold"),
            (f"  [{word('statuses/' + status, lang)}", "dim"),
            (f" · {word('owner', lang)}: {step.get('owner') or '—'}", "dim"),
            (f" · {word('due', lang)}: {step['due']}" if step.get("due") else "", "dim"),
            (f" · {overdue_mark(lang)}" if late else "", "bold red"),
            ("]", "dim"),
        )
        out.print(title)
        for action in step["actions"]:
            out.print(Text(f"    • {action}"))
        if step.get("notes"):
            out.print(Text(f"    {word('notes', lang)}: {step['notes']}", style="italic"))


def changes(label: str, found: list[Change], out: Console | None = None) -> None:
    """The changes to one plan, grouped by area, signed + - ~."""
    out = out or console()
    label = inert(label)
    found = [Change(c.area, inert(c.text), c.sign) for c in found]
    out.print(Text(label, style="bold"), soft_wrap=True)
    if not found:
        out.print("  no changes")
        return
    area = ""
    for change in found:
        if change.area != area:
            area = change.area
            out.print(Text(f"  {area}", style="bold"))
        line = Text.assemble(f"    {change.sign} ", (change.text, SIGN_STYLE[change.sign]))
        out.print(line, soft_wrap=True)  # one change, one line: easy to grep and to diff


def overview(rows: list[dict[str, Any]], out: Console | None = None) -> None:
    """Many plans at once, for a consultant or a municipality with many departments."""
    out = out or console()
    rows = inert(rows)
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    for name, justify in (
        ("Organisation", "left"),
        ("Verdict", "left"),
        ("Score", "right"),
        ("Done", "right"),
        ("Next due", "left"),
        ("Next review", "left"),
        ("File", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        if "error" in row:
            table.add_row(
                Text("(unreadable)", style="red"), "", "", "", row["error"], "", row["file"]
            )
            continue
        verdict = row["verdict"]
        late = overdue_mark("en")
        next_due = Text(row["next_due"] or "—")
        if row["overdue"]:
            next_due.append(f" · {len(row['overdue'])} {late}", style="bold red")
        review = row["next_review"]
        next_review = Text(review["date"] if review else "—")
        if review and review["overdue"]:
            next_review.append(f" {late}", style="bold red")
        elif review and review.get("due"):
            next_review.append(f" {word('due_soon', 'en')}", style="bold yellow")
        table.add_row(
            row["organisation"],
            Text(verdict, style=VERDICT_STYLE[verdict]),
            str(row["score"]),
            f"{row['done']}/8",
            next_due,
            next_review,
            row["file"],
        )
    out.print(table)


def questions(qs: Questionnaire, lang: str, out: Console | None = None) -> None:
    """The questionnaire for reading: parts, why they matter, each question and its choices."""
    out = out or console()
    for number, section in enumerate(qs.sections, start=1):
        out.print(
            Text(
                f"{word('part', lang, n=number, total=len(qs.sections))} · {section.title[lang]}",
                style="bold",
            )
        )
        out.print(Text(section.why[lang], style="italic"))
        for question in section.questions:
            out.print(Text.assemble(("  " + question.key, "cyan"), f"  {question.prompt[lang]}"))
            for choice in question.choices:
                out.print(Text(f"      {choice.value}: {choice.label[lang]}", style="dim"))
        out.print()


def message(text: str, *, style: str = "") -> None:
    console(stderr=True).print(Text(inert(text), style=style), soft_wrap=True)


def error(text: str) -> None:
    line = Text.assemble(("Error: ", "bold red"), inert(text))
    console(stderr=True).print(line, soft_wrap=True)


def export_svg(document: dict[str, Any], path: Path, width: int = 100) -> None:
    """A picture of the rendered plan, as the terminal shows it."""
    out = Console(
        file=io.StringIO(), width=width, record=True, force_terminal=True, markup=False, emoji=False
    )
    plan(document, out)
    out.save_svg(str(path), title="socialready show")


def review(
    title: str, lines: list[str], findings: list[dict[str, str]], out: Console | None = None
) -> None:
    """A review: the figures against the promise, then what the rules make of them."""
    out = out or console()
    out.print(Text(title, style="bold underline"))
    for line in lines:
        out.print(Text(f"  {line}"))
    out.print()
    for finding in findings:
        out.print(
            Text.assemble(
                "  ",
                f"{finding['says']} ",
                (f"→ {finding['do']}", "cyan"),
                (f" [{finding['rule']}]", "dim"),
            )
        )
    out.print()


def calendar(
    title: str,
    weeks: list[tuple[str, list[list[str]], str]],
    headers: list[str],
    out: Console | None = None,
) -> None:
    """Week by week: each week's posts, reviews and due steps (a list in a narrow terminal)."""
    out = out or console()
    out.print(Text(title, style="bold"))
    for heading, rows, empty in weeks:
        out.print()
        out.print(Text(heading, style="bold underline"))
        if not rows:
            out.print(Text(f"  {empty}", style="dim"))
            continue
        if out.width < NARROW:
            for day, channel, theme, owner in rows:
                what = f"{channel}: {theme}" if channel else theme
                out.print(Text(f"  {day}"))
                out.print(Padding(Text(what, style="bold" if channel else "yellow"), (0, 0, 0, 4)))
                out.print(Padding(Text(owner, style="dim"), (0, 0, 0, 4)))
            continue
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        for number, header in enumerate(headers):
            table.add_column(header, no_wrap=number < 2)
        for day, channel, theme, owner in rows:
            table.add_row(
                day,
                Text(channel, style="bold"),
                Text(theme, style="" if channel else "yellow"),
                Text(owner, style="dim"),
            )
        out.print(table)
