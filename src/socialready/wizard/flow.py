"""The wizard's flow: which questions to ask, in what order, with which defaults."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, cast

from socialready import answers as answers_mod
from socialready.errors import STOP_KEYS, Interrupted, MissingAnswers, Named, msg
from socialready.model import Answer, Answers
from socialready.questionnaire import Question, Questionnaire


class Sources(NamedTuple):
    """Where answers come from besides the prompts, for `assess` and `review` alike."""

    answers_file: Path | None  # --answers FILE; `-` is standard input
    sets: list[str]  # --set KEY=VALUE
    use_defaults: bool  # --defaults: without a terminal, take defaults for what is missing
    resume: bool  # --resume: continue the session Ctrl-C interrupted

    def file_data(self) -> object:
        """The answers file as YAML data; None when there is none."""
        if not self.answers_file:
            return None
        from socialready import files
        from socialready.planfile import yamlio

        if str(self.answers_file) == "-":
            import sys

            return yamlio.loads(sys.stdin.read(), "<stdin>")
        return yamlio.loads(files.read_text(self.answers_file), str(self.answers_file))


class Stopped(Interrupted):
    """Ctrl-C at a question: `answers` holds every answer given before it, and `unfinished`
    what was answered of a question of several parts that Ctrl-C cut short (by its key)."""

    def __init__(self, answers: Answers, unfinished: Answers | None = None) -> None:
        super().__init__(msg("interrupted"))
        self.answers = answers
        self.unfinished = unfinished or {}


def run(
    qs: Questionnaire,
    lang: str,
    given: Answers,
    saved: Answers,
    *,
    interactive: bool,
    use_defaults: bool,
    missing_id: str = "answers.missing",
) -> Answers:
    """Every answer: given ones as they are, the rest asked, or taken from defaults.

    Precedence: `given` (--set, then --answers, then a resumed session) is never asked again;
    `saved` (an existing plan, or what a resumed session had begun to answer) is the default
    offered; then the question's own default.
    What answers format 2 could not say is asked in a terminal, else assumed (see answers.py).
    """
    missing: list[str] = []
    sections = {
        question.key: (number, section)
        for number, section in enumerate(qs.sections, start=1)
        for question in section.questions
    }
    shown: set[int] = set()  # the sections whose heading was shown: before their first question

    def answer(question: Question, answered: Answers) -> Answer | answers_mod.LeftOut:
        key = question.key
        if key in given and not (interactive and _unknown(key, given[key])):
            return given[key]
        default = saved.get(key, answers_mod.default(question, lang))
        if interactive:
            from socialready.wizard import prompts

            number, section = sections[key]
            try:
                if number not in shown:
                    prompts.section(section, number, len(qs.sections), lang)
                    shown.add(number)
                return prompts.ask(question, default, lang, answered)
            except prompts.Unfinished as cut:  # offered again, as it was, on --resume
                begun = cast("Answer", cut.so_far)  # parts may be missing: a default only
                raise Stopped(answered, {key: begun}) from None
            except STOP_KEYS:  # Ctrl-C (a key or SIGINT), Ctrl-D
                raise Stopped(answered) from None
        if key in saved:
            return answers_mod.validate(question, default)
        if key in answers_mod.ASSUMABLE:
            return answers_mod.LEFT_OUT  # its default is assumed, and the plan says so (complete)
        if use_defaults and question.default is not None:
            return answers_mod.validate(question, default)
        if answers_mod.may_be_left_out(question):  # optional: may be absent
            return answers_mod.validate(question, question.default)
        missing.append(key)
        return answers_mod.LEFT_OUT

    answered = answers_mod.resolve(qs, answer)
    if missing:
        raise MissingAnswers(msg(missing_id, n=len(missing), keys=Named(*missing)))
    return answers_mod.complete(qs, answered)[0]


def _unknown(key: str, value: Answer) -> bool:
    """An answer that says it is not known (`country: other` from answers format 2): worth
    asking when someone is there to answer."""
    return key == "organisation.country" and value == answers_mod.UNKNOWN_COUNTRY
