"""`socialready assess`: gather answers (files, --set, prompts), then write and show the plan."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from socialready import answers as answers_mod
from socialready import files, prompts, questionnaire, resume, ui, wizard, workflow, yamlio
from socialready import plan as plan_mod
from socialready.errors import Interrupted, SocialreadyError


def run(
    target: Path | None,
    *,
    answers_file: Path | None,
    sets: list[str],
    use_defaults: bool,
    resume_session: bool,
    force: bool,
    lang: str | None,
) -> dict[str, Any]:
    """Answers precedence: --set, then --answers, then a resumed session; an existing plan's
    answers are the defaults offered. Returns the plan document written."""
    qs = questionnaire.load()
    given: dict[str, Any] = {}
    session_lang = None
    if resume_session:
        session = resume.load()
        given.update(session.answers)
        target = target or session.target
        session_lang = session.language
    existing = plan_mod.read(target) if target and target.exists() else None
    if existing is not None:  # before asking anything: a refusal must not cost the user answers
        workflow.refresh(existing, str(target), force=force)
    if answers_file:
        data = yamlio.loads(files.read_text(answers_file), str(answers_file))
        given.update(answers_mod.from_nested(qs, data, str(answers_file)))
    given.update(answers_mod.parse_sets(qs, sets))
    language = (
        lang
        or session_lang
        or (existing.language if existing else None)
        or ui.resolve_language(None)
    )
    try:
        answered = wizard.run(
            qs,
            language,
            given,
            existing.answers if existing else {},
            interactive=prompts.can_prompt(),
            use_defaults=use_defaults,
        )
    except wizard.Stopped as stop:
        kept = {**given, **stop.answers}
        where = resume.save(resume.Session(kept, target, language))
        raise Interrupted(
            f"Stopped. Your {len(kept)} answer(s) so far are kept in {where}; "
            "run `socialready assess --resume` to continue where you left off."
        ) from None
    try:
        late = existing is None  # found only now that the name is known: not yet checked
        if target is None:
            target, existing = _own_plan(answered["organisation.name"])
        elif existing is None and target.exists():
            existing = plan_mod.read(target)
        if existing is not None and late:
            workflow.refresh(existing, str(target), force=force)
        owned: dict[str, dict[str, Any]] = {}
        header = ""
        if existing is not None:
            owned, header = existing.owned, existing.header
        document = plan_mod.build(plan_mod.Plan(answered, language, owned))
        plan_mod.write(target, document, header)
    except SocialreadyError as exc:
        where = resume.save(resume.Session(answered, target, language))
        exc.message += (
            f". Your answers are kept in {where}: once that is fixed, "
            "`socialready assess --resume` writes the plan without asking again"
        )
        raise
    if resume_session:
        resume.clear()
    from socialready import render

    render.plan(document)
    render.message(ui.word("written", language, path=str(target)), style="green")
    return document


def _own_plan(name: str) -> tuple[Path, plan_mod.Plan | None]:
    """plans/<slug>.yaml, or <slug>-2.yaml and on when another organisation has that name."""
    base = plan_mod.default_path(name)
    for number in itertools.count(1):
        path = base if number == 1 else base.with_name(f"{base.stem}-{number}.yaml")
        if not path.exists():
            return path, None
        found = plan_mod.read(path)
        if found.organisation == name:
            return path, found
    raise AssertionError("unreachable")
