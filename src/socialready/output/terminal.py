"""The one module that talks to rich: plans, changes and overviews on the terminal."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from socialready import catalog
from socialready.grammar import decimal
from socialready.model import Finding, PlanDoc
from socialready.output import sources, streams
from socialready.output.report import (
    channel_owner,
    inert,
    overdue_mark,
    progress_line,
    workload_line,
)
from socialready.planfile.diff import Change
from socialready.progress import PlanRow
from socialready.questionnaire import Question, Questionnaire
from socialready.rules import first
from socialready.rules.context import verdict_for_score
from socialready.text import text

# One colour per verdict: the verdict itself in bold, and a score in the colour of the verdict
# it alone earns by the thresholds in data/rules.yaml.
VERDICT_COLOUR = {"ready": "green", "start_small": "yellow", "not_yet": "red"}
VERDICT_STYLE = {verdict: f"bold {colour}" for verdict, colour in VERDICT_COLOUR.items()}
NARROW = 70  # columns; below this, tables become lists
SIGN_STYLE = {"+": "green", "-": "red", "~": "yellow"}


class _Console(Console):
    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterator[Segment]:
        """On a stream that cannot hold every character (a cp1252 or cp437 console, output
        redirected on Windows): each text takes its plain stand-ins before it is wrapped
        into its cell, so that tables stay aligned; rich's own … in a cut cell becomes "."."""
        encoding = self.encoding
        if streams.utf8_name(encoding):
            yield from super().render(renderable, options)
            return
        if isinstance(renderable, str):
            renderable = Text(renderable)
        if isinstance(renderable, Text):
            renderable = _fitted(renderable, encoding, self)
        for segment in super().render(renderable, options):
            if "…" in segment.text:
                segment = Segment(segment.text.replace("…", "."), segment.style, segment.control)
            yield segment

    def on_broken_pipe(self) -> None:
        """A reader that stopped (`| head`): the command's one place for output errors
        says so (rich would exit 1, which `plan --check` uses for "would change")."""
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


def _fitted(text: Text, encoding: str, out: Console) -> Text:
    """`text` with what `encoding` cannot hold replaced by its stand-ins, styles kept."""
    if streams.encodable(text.plain, encoding):
        return text
    fitted = Text(
        justify=text.justify, overflow=text.overflow, no_wrap=text.no_wrap, end=text.end,
        tab_size=text.tab_size,
    )  # fmt: skip
    for piece in text.render(out, end=""):
        fitted.append(streams.plain(piece.text, encoding), piece.style)
    return fitted


Out = Console  # where a command prints (from `console`), passed on by one that prints much


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
    """A score's colour is the colour of the verdict it would earn on its own."""
    return VERDICT_COLOUR[verdict_for_score(score, catalog.load().thresholds)]


def _bullet(out: Console, mark: str | Text, text: str | Text, indent: int = 2) -> None:
    """One bullet: its wrapped lines stay under its text, not under the mark, at any width."""
    grid = Table.grid()
    grid.add_column(no_wrap=True, width=indent + Text(str(mark)).cell_len + 1)
    grid.add_column(overflow="fold")
    grid.add_row(Text.assemble(" " * indent, mark), text)
    out.print(grid)


def _heading(document: PlanDoc, out: Console) -> None:
    """The verdict, the score, what it means, and progress: in a panel, first."""
    lang = document["language"]
    readiness = document["readiness"]
    verdict = readiness["verdict"]
    heading = Text(text("plan_for", lang, name=document["organisation"]), style="bold")
    line = Text.assemble(
        (f"{text('verdict', lang)}: ", "bold"),
        (text(f"verdicts.{verdict}", lang), VERDICT_STYLE[verdict]),
        f"  ·  {text('score', lang)} ",
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
            border_style=VERDICT_COLOUR[verdict],
        )
    )


def plan(document: PlanDoc, out: Console | None = None, *, details: bool = False) -> None:
    """Verdict first, then scores, channels with workload, the 8 steps, and the reviews; rule
    ids only with `details`."""
    out = out or console()
    document = inert(document)  # once, here: every text below comes from this copy
    document, notes = sources.numbered(document)
    lang = document["language"]
    readiness = document["readiness"]
    narrow = out.width < NARROW
    _heading(document, out)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    table.add_column(text("dimension", lang), ratio=1, no_wrap=False)
    table.add_column(text("score", lang), justify="right", width=5)
    table.add_column(text("findings", lang), ratio=3)
    for key, dimension in readiness["dimensions"].items():
        found = Text()
        for number, finding in enumerate(dimension["findings"]):
            if number:
                found.append("\n")
            found.append(f"{finding['says']} ")
            found.append(f"→ {finding['do']}", style="cyan")
            if details:
                found.append(f" [{finding['rule']}]", style="dim")
        score = Text(str(dimension["score"]), style=_score_style(dimension["score"]))
        if narrow:  # a list reads better than a table squeezed into a few columns
            out.print(Text.assemble((text(f"rules.dimensions.{key}", lang), "bold"), " ", score))
            if found:
                out.print(Padding(found, (0, 0, 0, 2)))
        else:
            table.add_row(text(f"rules.dimensions.{key}", lang), score, found)
    if not narrow:
        out.print(table)
    _channels(document, out)
    _steps(document, out)
    _reviews(document, out)
    if notes:
        out.print(Text(text("sources", lang), style="bold underline"))
        for note in notes:
            out.print(Text(note, style="dim"))


def _reviews(document: PlanDoc, out: Console) -> None:
    """Each review against the plan's promise, then the trend across them."""
    from socialready.output import reviews

    lang = document["language"]
    out.print()
    out.print(Text(text("review_page.heading", lang), style="bold underline"))
    found, trend = reviews.page(document, lang)
    if not found:
        out.print(Text(text("review_page.none", lang), style="dim"))
        return
    for title, lines, notes in found:
        out.print(Text(title, style="bold"))
        for line in lines:
            _bullet(out, "•", line)
        if notes:
            out.print(
                Padding(Text(f"{text('notes', lang)}: {notes}", style="italic"), (0, 0, 0, 2))
            )
    if trend:
        out.print(Text(text("review_page.trend", lang), style="bold"))
        for line in trend:
            _bullet(out, "→", line)


def _channels(document: PlanDoc, out: Console) -> None:
    lang = document["language"]
    channels = document["channels"]
    workload = channels["workload"]
    out.print(Text(text("channels", lang), style="bold underline"))
    out.print(workload_line(workload, lang))
    if channels["recommended"] and out.width < NARROW:
        for item in channels["recommended"]:
            name = catalog.load().channel_name(item["channel"], lang)
            hours = decimal(item["hours_per_week"], lang)
            who = channel_owner(document, item["channel"], lang)
            line = f": {item['cadence']}, {hours} {text('hours', lang)}, {who}"
            _bullet(out, "✓", Text.assemble((name, "bold"), line))
            out.print(Padding(Text(item["why"], style="dim"), (0, 0, 0, 4)))
    elif channels["recommended"]:
        table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
        table.add_column(text("channel", lang), ratio=1)
        table.add_column(text("cadence", lang), ratio=2)
        table.add_column(text("hours", lang), justify="right", width=8)
        table.add_column(text("posts", lang), ratio=1)
        table.add_column(text("why", lang), ratio=3)
        for item in channels["recommended"]:
            table.add_row(
                Text(catalog.load().channel_name(item["channel"], lang), style="bold"),
                item["cadence"],
                decimal(item["hours_per_week"], lang),
                channel_owner(document, item["channel"], lang),
                item["why"],
            )
        out.print(table)
    if channels["not_now"]:
        out.print(Text(text("not_now", lang), style="bold"))
        for waiting in channels["not_now"]:
            name = catalog.load().channel_name(waiting["channel"], lang)
            _bullet(out, "✗", Text.assemble((name, "bold"), f": {waiting['why']}"))
    out.print()


def _steps(document: PlanDoc, out: Console) -> None:
    from socialready import progress
    from socialready.output.reviews import day
    from socialready.planfile import schedule

    lang = document["language"]
    today = schedule.today()
    out.print(Text(text("steps", lang), style="bold underline"))
    marks = {"todo": "○", "doing": "◐", "done": "●", "skipped": "–"}
    for number, step in enumerate(document["steps"], start=1):
        status = step.get("status") or "todo"
        late = progress.is_overdue(step, today)
        title = Text.assemble(
            (step["title"], "bold"),
            (f"  [{text('statuses.' + status, lang)}", "dim"),
            (f" · {text('owner', lang)}: {step.get('owner') or '—'}", "dim"),
            (f" · {text('due', lang)}: {day(step['due'], lang)}" if step.get("due") else "", "dim"),
            (f" · {overdue_mark(lang)}" if late else "", "bold red"),
            ("]", "dim"),
        )
        _bullet(out, Text(f"{marks[status]} {number}.", style="bold"), title, indent=0)
        for action in step["actions"]:
            _bullet(out, "•", action, indent=4)
        if step.get("notes"):
            notes = Text(f"{text('notes', lang)}: {step['notes']}", style="italic")
            out.print(Padding(notes, (0, 0, 0, 4)))


def summary(document: PlanDoc, path: Path, out: Console | None = None) -> None:
    """The end of the wizard: what matters first, short enough for a 40-row terminal."""
    out = out or console()
    document = inert(document)
    lang = document["language"]
    out.print()
    _heading(document, out)
    channels = document["channels"]
    if channels["recommended"]:
        out.print(Text(text("channels", lang), style="bold underline"))
        for item in channels["recommended"]:
            name = catalog.load().channel_name(item["channel"], lang)
            hours = decimal(item["hours_per_week"], lang)
            line = Text.assemble(
                (name, "bold"), f": {item['cadence']} ({hours} {text('hours', lang)})"
            )
            _bullet(out, "✓", line)
    if channels["not_now"]:
        named = catalog.load().channel_name
        names = ", ".join(named(item["channel"], lang) for item in channels["not_now"])
        _bullet(out, "✗", Text.assemble((f"{text('not_now', lang)}: ", "bold"), names))
    actions = first.first_actions(document, catalog.load())
    if actions:
        out.print(Text(text("next_actions", lang), style="bold underline"))
        for number, (step, action) in enumerate(actions, start=1):
            _bullet(
                out,
                f"{number}.",
                Text.assemble(action, (f" ({text('step_n', lang, n=step)})", "dim")),
            )
    out.print()
    out.print(Text(text("written", lang, path=str(path)), style="green"), soft_wrap=True)
    out.print(Text(text("wizard.show_more", lang, path=str(path)), style="dim"), soft_wrap=True)


def to_text(document: PlanDoc, *, details: bool = False, width: int = 100) -> str:
    """The plan as `show` draws it, as plain text for a file (no colours, no pager)."""
    out = Console(
        file=io.StringIO(), width=width, color_system=None, markup=False, emoji=False,
        highlight=False,
    )  # fmt: skip
    plan(document, out, details=details)
    return out.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def paged(draw: Callable[[PlanDoc, Console], None], document: PlanDoc) -> None:
    """Draw to the terminal, through a pager when taller than it (as git does; never to a pipe):
    the one output/pager.py chooses."""
    out = console()
    if not out.is_terminal:
        draw(document, out)
        return
    buffer = Console(
        file=io.StringIO(),
        width=out.width,
        force_terminal=True,
        color_system=out.color_system and "auto",  # type: ignore[arg-type]
        highlight=False,
    )
    draw(document, buffer)
    text = buffer.file.getvalue()  # type: ignore[attr-defined]
    from socialready.output import pager

    command = pager.choose()
    dumb = os.environ.get("TERM") == "dumb"  # less cannot work there
    if text.count("\n") < out.height or command is None or dumb:
        sys.stdout.write(text)
        return
    pager.page(command, text)


def changes(label: str, found: list[Change], lang: str, out: Console | None = None) -> None:
    """The changes to one plan, grouped by area, signed + - ~: one change a line, easy to grep
    and to diff. Printed at once, as one text: a folder's plans each print theirs."""
    out = out or console()
    block = Text()
    block.append(inert(label), style="bold")
    if not found:
        out.print(block, soft_wrap=True)
        out.print(text("diff.none", lang))
        return
    area = ""
    for change in found:
        if change.area != area:
            area = change.area
            block.append("\n")
            block.append(f"  {text('areas.' + area, lang)}", style="bold")
        block.append(f"\n    {change.sign} ")
        block.append(inert(change.text), SIGN_STYLE[change.sign])
    out.print(block, soft_wrap=True)


def overview(rows: list[PlanRow], lang: str, out: Console | None = None) -> None:
    """Many plans at once, for a consultant or a municipality with many departments."""
    out = out or console()
    rows = inert(rows)
    table = Table(box=box.SIMPLE_HEAD, expand=True)
    for name, justify in (
        ("organisation", "left"),
        ("verdict", "left"),
        ("score", "right"),
        ("done_column", "right"),
        ("next_due_column", "left"),
        ("next_review_column", "left"),
        ("file", "left"),
    ):
        table.add_column(text(name, lang), justify=justify)  # type: ignore[arg-type]
    narrow = out.width < NARROW  # seven columns do not fit: one short block per plan
    for row in rows:
        if "error" in row:
            unreadable = Text(text("unreadable", lang), style="red")
            if narrow:
                out.print(Text.assemble((row["file"], "bold"), " ", unreadable))
                _bullet(out, "", row["error"], indent=1)
                continue
            table.add_row(unreadable, "", "", "", row["error"], "", row["file"])
            continue
        verdict = row["verdict"]
        late = overdue_mark(lang)
        next_due = Text("—")
        if row["next_due"]:
            next_due = Text(f"{row['next_due']} ({text('step_n', lang, n=row['next_due_step'])})")
        if row["overdue"]:
            next_due.append(f" · {len(row['overdue'])} {late}", style="bold red")
        review = row["next_review"]
        next_review = Text(review["date"] if review else "—")
        if review and review["overdue"]:
            next_review.append(f" {late}", style="bold red")
        elif review and review.get("due"):
            next_review.append(f" {text('due_soon', lang)}", style="bold yellow")
        said = Text(text(f"verdicts.{verdict}", lang), style=VERDICT_STYLE[verdict])
        if narrow:
            out.print(Text(row["organisation"], style="bold"))
            heading = (text("verdict", lang), text("score", lang), text("done_column", lang))
            lines = (
                (heading[0], said),
                (heading[1], Text(str(row["score"]))),
                (heading[2], Text(f"{row['done']}/8")),
                (text("next_due_column", lang), next_due),
                (text("next_review_column", lang), next_review),
                (text("file", lang), Text(row["file"])),
            )
            for label, value in lines:
                _bullet(out, "", Text.assemble(f"{label}: ", value), indent=1)
            continue
        table.add_row(
            row["organisation"],
            said,
            str(row["score"]),
            f"{row['done']}/8",
            next_due,
            next_review,
            row["file"],
        )
    if not narrow:
        out.print(table)


def questions(qs: Questionnaire, lang: str, out: Console | None = None) -> None:
    """The questionnaire for reading: parts, why they matter, each question and its choices."""
    out = out or console()
    for number, section in enumerate(qs.sections, start=1):
        out.print(
            Text(
                f"{text('part', lang, n=number, total=len(qs.sections))} · {section.title[lang]}",
                style="bold",
            )
        )
        out.print(Text(section.why[lang], style="italic"))
        for question in section.questions:
            out.print(Text.assemble(("  " + question.key, "cyan"), f"  {question.prompt[lang]}"))
            for line in _question_lines(question, qs, lang):
                out.print(Text(f"    {line}", style="dim"))
        out.print()


def _question_lines(question: Question, qs: Questionnaire, lang: str) -> list[str]:
    """Its choices (the countries as a rule, not 250 lines; per channel what is asked), then
    when it is asked, which sectors each kind offers, and what is assumed when left out."""
    from socialready import answers
    from socialready.wizard import template

    if question.kind == "channels" or answers.is_codes(question):
        lines = template.values(question, lang)
    else:
        lines = [f"  {choice.value}: {choice.label[lang]}" for choice in question.choices]
    return lines + template.notes(question, qs, lang)


def message(said: str, *, style: str = "") -> None:
    console(stderr=True).print(Text(inert(said), style=style), soft_wrap=True)


def error(said: str, lang: str) -> None:
    prefix = text("error", lang)
    line = Text.assemble((prefix, "bold red"), inert(said))
    console(stderr=True).print(line, soft_wrap=True)


def export_svg(document: PlanDoc, path: Path, width: int = 100) -> None:
    """A picture of the rendered plan, as the terminal shows it."""
    out = Console(
        file=io.StringIO(), width=width, record=True, force_terminal=True, markup=False, emoji=False
    )
    plan(document, out)
    out.save_svg(str(path), title="socialready show")


def review(
    title: str, lines: list[str], findings: list[Finding], out: Console | None = None
) -> None:
    """A review: the figures against the promise, then what the rules make of them."""
    out = out or console()
    title, lines, findings = inert(title), inert(lines), inert(findings)
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
    note: str | None = None,
    out: Console | None = None,
) -> None:
    """Week by week: each week's posts, reviews and due steps (a list in a narrow terminal);
    `note` said once under the title. Every text made inert first: owners are the user's."""
    out = out or console()
    title, headers, note = inert(title), inert(headers), inert(note)
    weeks = [(inert(heading), inert(rows), inert(empty)) for heading, rows, empty in weeks]
    out.print(Text(title, style="bold"))
    if note:
        out.print(Text(note, style="dim"), soft_wrap=False)
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
