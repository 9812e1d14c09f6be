"""`socialready assess`: gather answers (files, --set, prompts), then write and show the plan.

The plan, workflow, resume and YAML modules load only when needed, so that the first
question appears sooner.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from socialready import answers as answers_mod
from socialready import questionnaire
from socialready.errors import (
    STOP_KEYS,
    BadInput,
    ExitCode,
    Interrupted,
    SocialreadyError,
    msg,
    told_in,
)
from socialready.language import resolve_language
from socialready.text import text
from socialready.wizard import flow, prompts

if TYPE_CHECKING:
    from socialready.model import Answers, PlanDoc
    from socialready.planfile.document import Plan


def run(
    target: Path | None,
    sources: flow.Sources,
    *,
    force: bool,
    lang: str | None,
    date: str | None = None,
) -> int:
    """Answers precedence: --set, then --answers, then a resumed session; an existing plan's
    answers are the defaults offered. Writes the plan and shows it; returns the exit code.

    `date` (YYYY-MM-DD, else today) is the day the plan starts, if it has not started yet."""
    qs = questionnaire.load()
    from socialready.planfile import schedule

    started = schedule.parse_date(date, "--date") if date else None
    given: Answers = {}
    unfinished: Answers = {}  # begun before Ctrl-C: offered again as it was
    session_lang = None
    if sources.resume:
        from socialready.wizard import resume

        session = resume.ASSESS.resumed(target)
        given, target, session_lang = session.answers, session.target, session.language
        unfinished = session.unfinished
    # Before asking anything: a refusal must not cost the user their answers.
    existing = _read_checked(target, force) if target and target.exists() else None
    data = sources.file_data()
    if data is not None:
        given.update(answers_mod.from_nested(qs, data, str(sources.answers_file)))
    given.update(answers_mod.parse_sets(qs, sources.sets))
    language = (
        lang or session_lang or (existing.language if existing else None) or resolve_language()
    )
    interactive = prompts.can_prompt()
    # A begun answer is offered to whoever can finish it: in a terminal, or with --defaults for
    # its missing parts; else its question is missing, and the session keeps it as it was.
    offered = unfinished if interactive or sources.use_defaults else {}
    with told_in(language):
        try:
            answered = flow.run(
                qs,
                language,
                given,
                {**(answers_mod.stated(existing.answers) if existing else {}), **offered},
                interactive=interactive,
                use_defaults=sources.use_defaults,
            )
        except flow.Stopped as stop:
            kept = {**given, **stop.answers}
            begun = {key: part for key, part in unfinished.items() if key not in kept}
            where = _keep(kept, target, language, {**begun, **stop.unfinished})
            raise Interrupted(msg("wizard.stopped", n=len(kept), path=str(where))) from None
        try:
            target, document = _write(answered, language, target, existing, force, started)
        except STOP_KEYS:
            where = _keep(answered, target, language)
            raise Interrupted(msg("wizard.stopped", n=len(answered), path=str(where))) from None
        except SocialreadyError as exc:
            where = _keep(answered, target, language)
            exc.add(msg("wizard.kept", path=str(where)))
            raise
        if sources.resume:
            from socialready.wizard import resume

            resume.ASSESS.clear()
        from socialready.output import terminal

        terminal.summary(document, target)
    return int(ExitCode.OK)


def _keep(
    answered: Answers, target: Path | None, language: str, unfinished: Answers | None = None
) -> Path:
    from socialready.wizard import resume

    return resume.ASSESS.save(resume.Session(answered, target, language, unfinished or {}))


def _read_checked(path: Path, force: bool) -> Plan:
    """An existing plan, refused (or with --force its edits moved) when hand-edited."""
    from socialready.planfile import recompute
    from socialready.planfile.document import read

    existing = read(path)
    recompute.refresh(existing, str(path), force=force)
    return existing


def _write(
    answered: Answers,
    language: str,
    target: Path | None,
    existing: Plan | None,
    force: bool,
    started: dt.date | None,
) -> tuple[Path, PlanDoc]:
    """Build the plan, keeping what the user owns in the plan it replaces, and write it.

    A plan starts once: on the first assessment (or the first after an upgrade from a plan
    that had no start date); later ones keep the date."""
    from socialready.planfile import schedule
    from socialready.planfile.document import Plan, build, write

    if target is None:
        target, existing = _own_plan(str(answered["organisation.name"]), force)
        if existing is not None:
            target, existing = _update_or_new(target, existing, language)
    elif existing is None and target.exists():
        existing = _read_checked(target, force)
    new = Plan(answered, language)
    if existing:
        new.owned, new.reviews, new.started = existing.owned, existing.reviews, existing.started
        new.owners = existing.owners
        new.file.header, new.file.header_after = existing.file.header, existing.file.header_after
    new.started = new.started or started or schedule.today()
    document = build(new)
    write(target, document, new.file.header, new.file.header_after, like=existing)
    return target, document


def _update_or_new(path: Path, existing: Plan, lang: str) -> tuple[Path, Plan | None]:
    """No PLAN was named and the organisation has one: its answers are replaced only when the
    user says so in a terminal (or a new file is written); without one, refused."""
    if not prompts.can_prompt():
        problem = msg("assess.plan_exists", path=str(path))
        raise BadInput(msg("where", where=str(path), problem=problem))
    from socialready.planfile.document import default_path

    base = default_path(existing.organisation)
    fresh = next(path for path in _numbered(base) if path != base and not path.exists())
    choice = prompts.choose(
        text("assess.which_file", lang, path=str(path)),
        [
            ("update", text("assess.update", lang, path=str(path))),
            ("new", text("assess.new_file", lang, path=str(fresh))),
        ],
        lang,
    )
    return (path, existing) if choice == "update" else (fresh, None)


def _numbered(base: Path) -> Iterator[Path]:
    """The names an organisation's plan may have: x.yaml, then x-2.yaml, x-3.yaml, ... (x-3.yaml
    after x-2.yaml, never x-2-2.yaml)."""
    yield base
    for number in itertools.count(2):
        yield base.with_name(f"{base.stem}-{number}.yaml")


def _own_plan(name: str, force: bool) -> tuple[Path, Plan | None]:
    """plans/<slug>.yaml, or <slug>-2.yaml and on when another organisation has that name."""
    from socialready.planfile import recompute
    from socialready.planfile.document import default_path, read

    for path in _numbered(default_path(name)):
        if not path.exists():
            return path, None
        found = read(path)
        if found.organisation == name:
            recompute.refresh(found, str(path), force=force)
            return path, found
    raise AssertionError("unreachable")
