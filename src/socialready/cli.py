"""The command line: parses options, calls the library, prints, maps errors to exit codes.

Imports stay light here so that `--help` is instant: YAML, rich and questionary load only in
the commands that need them.
"""

import errno
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer

from socialready.errors import CtrlC, ExitCode, Interrupted, SocialreadyError, told_in
from socialready.output import streams


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="socialready",
        help="Should our organisation start on social media, where, and how do we keep it up?",
        add_completion=True,  # costs no start-up time: Typer loads its completion code anyway
        no_args_is_help=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )


app = _new_app()


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        sys.stdout.write(f"socialready {version('socialready')}\n")
        raise typer.Exit()


@app.callback()
def _commands(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and stop."
        ),
    ] = False,
) -> None:
    """A callback keeps `socialready CMD` a command group even with one command loaded."""


class Lang(str, Enum):
    nl = "nl"
    en = "en"


def _lang(lang: Lang | None) -> str | None:
    """The language asked for on the command line, if any."""
    return lang.value if lang is not None else None


class ShowFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


class OverviewFormat(str, Enum):
    text = "text"
    json = "json"


class QuestionsFormat(str, Enum):
    text = "text"
    yaml = "yaml"


LangOption = Annotated[
    Optional[Lang],  # noqa: UP045 - Typer reads the annotation at run time on Python 3.10
    typer.Option(
        "--lang", help="Language of questions and plan (else SOCIALREADY_LANG, else the locale)."
    ),
]
SetOption = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--set", metavar="KEY=VALUE", help="Answer one question, e.g. capacity.people=2."),
]


@app.command()
def assess(
    plan: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(
            readable=False,
            metavar="[PLAN]",
            help="Plan file to write; default plans/<organisation>.yaml.",
        ),
    ] = None,
    answers: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--answers",
            help="Take answers from this YAML file (- reads standard input); ask only what is "
            "missing.",
        ),
    ] = None,
    sets: SetOption = None,
    defaults: Annotated[
        bool,
        typer.Option("--defaults", help="Without a terminal, take defaults for missing answers."),
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the assessment that was interrupted.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Move hand edits of generated fields into notes.")
    ] = False,
    lang: LangOption = None,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="The day the plan starts (default today); kept once the plan has started.",
        ),
    ] = None,
) -> None:
    """Ask the readiness questions step by step, score them, write and show the 8-step plan."""
    from socialready.commands import assess as assess_mod
    from socialready.wizard.flow import Sources

    with told_in(_lang(lang)):
        sources = Sources(answers, sets or [], defaults, resume)
        code = assess_mod.run(plan, sources, force=force, lang=_lang(lang), date=date)
    raise typer.Exit(code)


@app.command("plan")
def plan_command(
    plans: Annotated[
        list[Path],
        typer.Argument(readable=False, metavar="PLAN...", help="Plan files, or folders of plans."),
    ],
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if any plan would change.")
    ] = False,
    sets: SetOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Move hand edits of generated fields into notes.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Recompute plans from the answers stored in them, keep what you own, show what changes."""
    from socialready.commands import plan

    with told_in(_lang(lang)):
        code = plan.run(plans, sets=sets or [], check=check, force=force, lang=_lang(lang))
    raise typer.Exit(code)


@app.command()
def show(
    plan: Annotated[Path, typer.Argument(readable=False, metavar="PLAN", help="The plan file.")],
    fmt: Annotated[
        ShowFormat,
        typer.Option(
            "--format",
            help="text (rich, through a pager when taller than the terminal), markdown "
            "(a report), html (a printable A4 page) or json.",
        ),
    ] = ShowFormat.text,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "-o", "--output", metavar="FILE", help="Write to this file (never over a plan)."
        ),
    ] = None,
    details: Annotated[
        bool, typer.Option("--details", help="Add rule ids and answer keys.")
    ] = False,
) -> None:
    """Show a plan: verdict, scores, channels, the 8 steps, reviews and progress."""
    from socialready.commands import show as show_mod

    show_mod.run(plan, fmt.value, details=details, output=output)


@app.command("diff")
def diff_command(
    paths: Annotated[
        list[Path],
        typer.Argument(
            readable=False,
            metavar="OLD NEW",
            help="OLD NEW, or the arguments git gives an external diff tool (7, or 9 on a rename).",
        ),
    ],
    exit_code: Annotated[
        bool, typer.Option("--exit-code", help="Exit 1 when the plans differ, 0 when not.")
    ] = False,
) -> None:
    """What changed between two plans, in plan terms (verdict, scores, channels, steps)."""
    from socialready.commands import diff

    raise typer.Exit(diff.run(paths, exit_code=exit_code))


@app.command()
def questions(
    fmt: Annotated[
        QuestionsFormat,
        typer.Option("--format", help="text to read, yaml for an answers template."),
    ] = QuestionsFormat.text,
    lang: LangOption = None,
) -> None:
    """The questionnaire, to read or (--format yaml) as an answers template."""
    from socialready.commands import questions as questions_command
    from socialready.language import resolve_language

    language = _lang(lang) or resolve_language()
    with told_in(language):
        code = questions_command.run(fmt.value, language)
    raise typer.Exit(code)


@app.command()
def overview(
    folder: Annotated[
        Path, typer.Argument(readable=False, metavar="[FOLDER]", help="A folder of plans.")
    ] = Path("plans"),
    fmt: Annotated[
        OverviewFormat, typer.Option("--format", help="text (a table) or json.")
    ] = OverviewFormat.text,
    due: Annotated[
        bool,
        typer.Option(
            "--due",
            help="Exit 1 when a step or review is overdue (for a scheduled job); 2 when a "
            "plan cannot be read, with or without --due.",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Many plans at once: organisation, verdict, score, progress, next due date and review."""
    from socialready import locales
    from socialready.commands import overview as overview_command

    language = _lang(lang) or locales.default_language()
    with told_in(language):
        code = overview_command.run(folder, fmt=fmt.value, due=due, lang=language)
    raise typer.Exit(code)


@app.command()
def review(
    plan: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Argument(
            readable=False, metavar="PLAN", help="The plan to review (with --resume: optional)."
        ),
    ] = None,
    answers: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--answers",
            help="Take review answers from this YAML file (review: ...; - reads standard input).",
        ),
    ] = None,
    sets: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--set",
            metavar="KEY=VALUE",
            help="Answer one review question, e.g. review.published.instagram=6.",
        ),
    ] = None,
    defaults: Annotated[
        bool,
        typer.Option(
            "--defaults", help="Without a terminal, take what the plan promised for the rest."
        ),
    ] = False,
    date: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", metavar="YYYY-MM-DD", help="Date of the review; default today."),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the review that was interrupted.")
    ] = False,
    lang: Annotated[
        Optional[Lang],  # noqa: UP045
        typer.Option("--lang", help="Language of the questions and output; default the plan's."),
    ] = None,
) -> None:
    """Record how the period since the last review went; the plan follows the real figures."""
    from socialready.commands import review as review_mod
    from socialready.wizard.flow import Sources

    with told_in(_lang(lang)):
        sources = Sources(answers, sets or [], defaults, resume)
        code = review_mod.run(plan, sources, date=date, lang=_lang(lang))
    raise typer.Exit(code)


@app.command()
def calendar(
    plan: Annotated[Path, typer.Argument(readable=False, metavar="PLAN", help="The plan file.")],
    weeks: Annotated[int, typer.Option("--weeks", help="How many weeks to plan.")] = 8,
    start: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--start", metavar="YYYY-MM-DD", help="First day; default the next Monday."),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("-o", "--output", metavar="FILE.ics", help="Write an iCalendar file."),
    ] = None,
    lang: Annotated[
        Optional[Lang],  # noqa: UP045
        typer.Option("--lang", help="Language of the calendar; default the plan's."),
    ] = None,
) -> None:
    """Publishing slots per channel, themes, owners, reviews and due dates for the next weeks."""
    from socialready.commands import calendar as calendar_mod

    with told_in(_lang(lang)):
        code = calendar_mod.run(plan, weeks=weeks, start=start, output=output, lang=_lang(lang))
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the plan file, for editors that validate YAML."""
    from socialready.commands import schema as schema_command

    raise typer.Exit(schema_command.run())


def _terminate(signum: int, frame: object) -> NoReturn:
    """SIGTERM unwinds like an error, so a write in progress removes its temporary file."""
    raise SystemExit(128 + signum)


def _interrupt(signum: int, frame: object) -> NoReturn:
    """Ctrl-C outside a question: one message and exit 130 (click would say "Aborted!")."""
    raise CtrlC


def _stop_lost(unraisable: "sys.UnraisableHookArgs") -> None:
    """A stop (Ctrl-C, SIGTERM) whose handler ran where Python cannot raise (in a finalizer, or
    the callback of a weak reference, such as the one that frees an import's lock) would be
    printed as "Exception ignored" and lost, and the command would go on. It is raised again a
    moment later, from a thread of its own, which lands it where it can stop the command."""
    exc = unraisable.exc_value
    if isinstance(exc, CtrlC):
        again = signal.SIGINT
    elif isinstance(exc, SystemExit) and exc.code == 128 + signal.SIGTERM:
        again = signal.SIGTERM
    else:
        sys.__unraisablehook__(unraisable)
        return
    import threading
    import time

    def later() -> None:  # once the callback and this hook have returned
        time.sleep(0.01)
        if sys.platform == "win32":  # os.kill would end the process there
            signal.raise_signal(again)
        else:  # to the process: held back where the command holds it (a plan being replaced)
            os.kill(os.getpid(), again)

    threading.Thread(target=later, daemon=True).start()


def _app_for(argv: list[str]) -> typer.Typer:
    """The app with only the command asked for: Typer builds each command it holds at every
    start (about 1 ms each). `--help`, no command or an unknown one get the whole app."""
    name = argv[1] if len(argv) > 1 else ""
    for info in app.registered_commands:
        if info.callback and name == (info.name or info.callback.__name__):
            single = _new_app()
            single.registered_callback = app.registered_callback
            single.registered_commands = [info]
            return single
    return app


def main() -> None:
    """Entry point: run the app and turn every user error into one message and its exit code."""
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, _interrupt)
    sys.unraisablehook = _stop_lost
    if not streams.ready():
        sys.exit(int(ExitCode.BAD_INPUT))
    # Typer 0.28 carries its own copy of Click; older releases use Click itself.
    usage_error: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    try:
        try:
            code = _app_for(sys.argv)(standalone_mode=False)
        finally:
            sys.stdout.flush()
    except SystemExit:
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":  # click's answer to a broken pipe
            sys.exit(streams.failed(OSError(errno.EPIPE, os.strerror(errno.EPIPE))))
        raise
    except (Interrupted, CtrlC) as exc:  # what was kept, said
        from socialready.output import terminal

        terminal.message(exc.message, style="yellow")
        sys.exit(int(ExitCode.INTERRUPTED))
    except SocialreadyError as exc:
        from socialready.output import terminal

        terminal.error(exc.message, exc.language)
        sys.exit(int(exc.exit_code))
    except (typer.Abort, KeyboardInterrupt, EOFError):
        # Click's own "Aborted!" is English and says nothing of what was kept.
        from socialready import locales
        from socialready.output import terminal
        from socialready.text import text

        terminal.message(text("aborted", locales.default_language()), style="yellow")
        sys.exit(int(ExitCode.INTERRUPTED))
    except usage_error as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except OSError as exc:
        if exc.errno not in streams.OUTPUT_ERRORS:
            raise
        sys.exit(streams.failed(exc))
    sys.exit(code if isinstance(code, int) else 0)
