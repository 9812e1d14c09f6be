"""`socialready show`: a plan as text, a markdown report, a printable page or JSON; to the
terminal, or with -o to a file (never over a plan or answers file)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from socialready.output import streams

if TYPE_CHECKING:
    from socialready.planfile.document import Plan


def render(path: Path, fmt: str, *, details: bool, for_file: bool, plan: Plan | None = None) -> str:
    """The plan in `fmt` (`plan`: already read from `path`); `markdown` (git's textconv) never
    fails on a plan it cannot read."""
    from socialready.output import report
    from socialready.planfile.document import load_document

    if fmt == "markdown":
        return report_or_raw(path, details=details, plan=plan)
    document = load_document(path, plan)
    if fmt == "json":
        ascii_only = not for_file and not streams.utf8(sys.stdout)
        return report.to_json(document, ascii_only=ascii_only)
    if fmt == "html":
        from socialready.output import html

        page = html.page(document, details=details)
        if not for_file and not streams.utf8(sys.stdout):  # the page says utf-8: what ASCII
            page = page.encode("ascii", "xmlcharrefreplace").decode("ascii")  # spells, any page
        return page
    from socialready.output import terminal

    return terminal.to_text(document, details=details)


SUFFIXES = {"markdown": ".md", "html": ".html", "json": ".json"}  # a file named for -o: the plan's


def run(path: Path, fmt: str, *, details: bool, output: Path | None) -> int:
    from socialready import files, locales

    lang = locales.default_language()  # of what is said beside the plan, which is in its own
    plan = None
    if fmt != "markdown" or output is not None:  # markdown on stdout is git's textconv: quiet
        plan = _hashtag_hint(path, lang)
    if output is not None:
        # Before any work, as `calendar -o` does: never over the plan it reads, or another plan.
        # An unreadable plan (None) is said first, by render.
        suffix = SUFFIXES.get(fmt, ".txt")
        if plan is not None:
            files.check_output(output, reads=path, suffix=suffix)
        shown = render(path, fmt, details=details, for_file=True, plan=plan)
        if plan is None:
            files.check_output(output, reads=path, suffix=suffix)
        files.write_text(output, shown)
        from socialready.output import terminal
        from socialready.text import text

        terminal.message(text("show.written", lang, path=str(output)), style="green")
        return 0
    if fmt == "text":
        from socialready.output import terminal
        from socialready.planfile.document import load_document

        document = load_document(path, plan)
        terminal.paged(lambda doc, out: terminal.plan(doc, out, details=details), document)
        return 0
    sys.stdout.write(render(path, fmt, details=details, for_file=False, plan=plan))
    return 0


def _hashtag_hint(path: Path, lang: str) -> Plan | None:
    """Said once, on stderr: a `#` in a step's field that YAML reads as a comment. Gives the
    plan read, for the rest of the command; None when it cannot be read (the command itself
    then says what is wrong with the file)."""
    from socialready.errors import SocialreadyError
    from socialready.planfile import recompute
    from socialready.planfile.document import read

    try:
        plan = read(path)
    except (SocialreadyError, OSError):
        return None
    hint = recompute.hashtag_hint(plan, str(path), lang)
    if hint:
        from socialready.output import terminal

        terminal.message(hint, style="yellow")
    return plan


def report_or_raw(path: Path, *, details: bool = False, plan: Plan | None = None) -> str:
    """The markdown report; as git's textconv it must never fail, so a plan it cannot render
    (a conflict, a hand-broken or newer plan) is given as its text after a one-line notice."""
    from socialready import files
    from socialready.errors import FileProblem, SocialreadyError
    from socialready.language import resolve_language
    from socialready.output import report
    from socialready.planfile.document import load_document

    failed: SocialreadyError | str
    try:
        return report.markdown(load_document(path, plan), details=details)
    except FileProblem as exc:
        if not path.is_file():  # nothing there to show: no such file, a folder, a pipe
            raise
        failed = exc
    except SocialreadyError as exc:
        failed = exc
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        failed = f"{type(exc).__name__}: {exc}"
    try:
        lang = resolve_language()
    except SocialreadyError:
        lang = "en"
    problem = failed.render(lang) if isinstance(failed, SocialreadyError) else failed
    problem = problem.removeprefix(f"{path}: ")  # git names a new temporary file each time
    return report.raw(files.read_bytes(path).decode("utf-8", "replace"), problem, lang)
