"""The wizard's flow: which questions to ask, in what order, with which defaults."""

from __future__ import annotations

from typing import Any

from socialready import answers as answers_mod
from socialready.errors import Interrupted, MissingAnswers, Named, msg
from socialready.questionnaire import Questionnaire


class Stopped(Interrupted):
    """Ctrl-C at a question: `answers` holds every answer given before it."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__(msg("interrupted"))
        self.answers = answers


def run(
    qs: Questionnaire,
    lang: str,
    given: dict[str, Any],
    saved: dict[str, Any],
    *,
    interactive: bool,
    use_defaults: bool,
    missing_id: str = "answers.missing",
) -> dict[str, Any]:
    """Every answer: given ones as they are, the rest asked, or taken from defaults.

    Precedence: `given` (--set, then --answers, then a resumed session) is never asked again;
    `saved` (an existing plan) is the default offered; then the question's own default.
    What answers format 2 could not say is asked in a terminal, else assumed (see answers.py).
    """
    answered: dict[str, Any] = {}
    missing: list[str] = []
    total = len(qs.sections)
    for number, section in enumerate(qs.sections, start=1):
        shown = False
        for question in section.questions:
            key = question.key
            if not question.applies(answered):
                answered[key] = question.if_skipped
                continue
            if key in given and not (interactive and _unknown(key, given[key])):
                answered[key] = given[key]
                continue
            default = saved.get(key, answers_mod.default(question, lang))
            if interactive:
                from socialready.wizard import prompts

                try:
                    if not shown:
                        prompts.section(section, number, total, lang)
                        shown = True
                    answered[key] = prompts.ask(question, default, lang, answered)
                except (KeyboardInterrupt, EOFError, Interrupted):  # Ctrl-C, Ctrl-D, SIGINT
                    raise Stopped(answered) from None
            elif key in saved:
                answered[key] = answers_mod.validate(question, default)
            elif key in answers_mod.ASSUMABLE:
                continue  # its default is assumed, and the plan says so (answers.complete)
            elif use_defaults and question.default is not None:
                answered[key] = answers_mod.validate(question, default)
            elif not question.required and question.kind == "text":  # optional: may be absent
                answered[key] = answers_mod.validate(question, question.default)
            else:
                missing.append(key)
    if missing:
        raise MissingAnswers(msg(missing_id, n=len(missing), keys=Named(*missing)))
    return answers_mod.complete(qs, answered)[0]


def _unknown(key: str, value: Any) -> bool:
    """An answer that says it is not known (`country: other` from answers format 2): worth
    asking when someone is there to answer."""
    return key == "organisation.country" and value == answers_mod.UNKNOWN_COUNTRY
