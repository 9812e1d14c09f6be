"""The one module that talks to questionary: each question kind becomes one prompt."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from socialready import answers as answers_mod
from socialready import grammar
from socialready.errors import STOP_KEYS, AnswerError, SocialreadyError
from socialready.model import Answer, Answers, ChannelUse, as_channels, as_choices
from socialready.questionnaire import Question, Section
from socialready.text import text

if TYPE_CHECKING:
    import questionary
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

T = TypeVar("T")


def can_prompt() -> bool:
    """A person can answer: stdin is a terminal, or the caller gave prompt_toolkit an input."""
    if sys.stdin is not None and sys.stdin.isatty():
        return True
    current = sys.modules.get("prompt_toolkit.application.current")
    if current is None:  # nobody set up a prompt_toolkit session, so there is no other input
        return False
    return getattr(current.get_app_session(), "_input", None) is not None


def section(section: Section, number: int, total: int, lang: str) -> None:
    """Where the user is and why this part matters, before its first question."""
    import questionary

    width = max(40, min(100, shutil.get_terminal_size().columns - 1))
    questionary.print("")
    heading = f"{text('part', lang, n=number, total=total)} · {section.title[lang]}"
    questionary.print(heading, style="bold")
    questionary.print(textwrap.fill(section.why[lang], width), style="italic")


def ask(question: Question, default: Answer, lang: str, answers: Answers | None = None) -> Answer:
    """Ask one question; Ctrl-C raises KeyboardInterrupt for the caller to keep what it has.
    `answers` so far decide the choices offered (the sectors of the kind chosen, the channels
    not in use yet)."""
    import questionary

    if question.kind == "channels":
        return _channels(question, as_channels(default), lang)
    message = question.prompt[lang]
    instruction = question.help[lang] if question.help else None
    if question.kind in ("one", "many"):
        hint = text("hint_search" if answers_mod.is_codes(question) else f"hint_{question.kind}",
                    lang)  # fmt: skip
        instruction = f"{instruction} {hint}" if instruction else hint
    if question.kind == "one":
        offered = question.offered(answers or {})
        if answers_mod.is_codes(question):  # the countries, by name in this language
            offered = tuple(sorted(offered, key=lambda c: (c.value == "other", c.label[lang])))
        choices = [questionary.Choice(c.label[lang], value=c.value) for c in offered]
        if default not in [c.value for c in offered]:
            default = offered[-1].value  # a sector that does not fit the kind: `other`
        searching = answers_mod.is_codes(question)  # type to find a country among 250
        return str(
            _run(
                questionary.select(
                    message,
                    choices=choices,
                    default=default,
                    instruction=instruction,
                    use_search_filter=searching,
                    use_jk_keys=not searching,
                )
            )
        )
    if question.kind == "many":
        offered = question.offered(answers or {})
        if not offered:  # every channel is in use already: none to consider
            return answers_mod.validate(question, [])
        chosen = set(as_choices(default))
        choices = [
            questionary.Choice(c.label[lang], value=c.value, checked=c.value in chosen)
            for c in offered
        ]
        values = _run(
            _checkbox(
                message,
                choices,
                instruction or "",
                lang,
                lambda picked: _reason(answers_mod.validate, question, list(picked), lang),
            )
        )
        return answers_mod.validate(question, values)
    if question.kind == "yesno":
        return bool(_run(_confirm(message, bool(default), lang)))
    shown = "" if default is None else str(default)
    if isinstance(default, float):
        shown = grammar.decimal(default, lang)
    if instruction:
        message = f"{message} ({instruction})"
    typed = _run(
        questionary.text(
            message,
            default=shown,
            validate=lambda typed: _reason(answers_mod.parse_text, question, typed, lang),
        )
    )
    return answers_mod.parse_text(question, str(typed))


class Unfinished(Exception):
    """Ctrl-C inside a question of several parts (the channels, then how each is used): what
    was answered of it so far, each channel chosen with the parts given for it."""

    def __init__(self, so_far: dict[str, dict[str, Answer]]) -> None:
        super().__init__()
        self.so_far = so_far


def _channels(
    question: Question, default: dict[str, ChannelUse], lang: str
) -> dict[str, ChannelUse]:
    """Which channels, then for each of those only: how well it works and, unless it lies
    dormant, how many posts a week. Ctrl-C at the second part raises Unfinished, so that the
    channels chosen and the parts given are offered again, not lost."""
    picked = ask(question._replace(kind="many", min_selected=0), list(default), lang)
    works, posts = question.field("works"), question.field("posts_per_week")
    usage: dict[str, dict[str, Answer]] = {channel: {} for channel in as_choices(picked)}
    try:
        for channel, use in usage.items():
            before = default.get(channel)
            use[works.key] = ask(
                question.about(works.key, channel),
                before.get("works", works.default) if before else works.default,
                lang,
            )
            known = before.get("posts_per_week") if before else None
            use[posts.key] = (
                0
                if use[works.key] == "dormant"
                else ask(question.about(posts.key, channel), known, lang)
            )
    except STOP_KEYS:
        raise Unfinished(usage) from None
    return as_channels(answers_mod.validate(question, usage))


def _checkbox(
    message: str,
    choices: list[questionary.Choice],
    instruction: str,
    lang: str,
    validate: Callable[[list[str]], bool | str],
) -> questionary.Question:
    """questionary's checkbox, with the answer said in `lang`: its own says "done (3
    selections)" in English whatever the language, and takes no text for it."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import FormattedText
    from prompt_toolkit.keys import Keys
    from questionary import Question as Asked
    from questionary.constants import DEFAULT_QUESTION_PREFIX
    from questionary.prompts import common
    from questionary.styles import merge_styles_default

    control = common.InquirerControl(choices, None)

    def values() -> list[str]:
        return [str(choice.value) for choice in control.get_selected_values()]

    def tokens() -> list[tuple[str, str]]:
        out = [("class:qmark", DEFAULT_QUESTION_PREFIX), ("class:question", f" {message} ")]
        if not control.is_answered:
            return [*out, ("class:instruction", instruction)]
        titles = [str(choice.title) for choice in control.get_selected_values()]
        if len(titles) <= 2:
            answer = ", ".join(titles) or "—"
        else:
            answer = text("wizard.selected", lang, n=len(titles))
        return [*out, ("class:answer", answer)]

    def valid() -> bool:
        verdict = validate(values())
        if verdict is True:
            control.error_message = None
            return True
        if control.submission_attempted:
            error = FormattedText([("class:validation-toolbar", str(verdict))])
            control.error_message = error  # type: ignore[assignment]
        return False

    keys = _stop_keys()

    @keys.add(" ", eager=True)
    def _toggle(event: KeyPressEvent) -> None:
        value = control.get_pointed_at().value
        if value in control.selected_options:
            control.selected_options.remove(value)
        else:
            control.selected_options.append(value)
        valid()

    @keys.add(Keys.Down, eager=True)
    @keys.add(Keys.ControlN, eager=True)
    def _down(event: KeyPressEvent) -> None:
        control.select_next()

    @keys.add(Keys.Up, eager=True)
    @keys.add(Keys.ControlP, eager=True)
    def _up(event: KeyPressEvent) -> None:
        control.select_previous()

    @keys.add(Keys.ControlM, eager=True)
    def _done(event: KeyPressEvent) -> None:
        control.submission_attempted = True
        if valid():
            control.is_answered = True
            event.app.exit(result=values())

    @keys.add(Keys.Any)
    def _other(event: KeyPressEvent) -> None:
        """Other keys type nothing."""

    layout = common.create_inquirer_layout(control, tokens)
    return Asked(Application(layout=layout, key_bindings=keys, style=merge_styles_default([])))


def _confirm(message: str, default: bool, lang: str) -> questionary.Question:
    """A yes/no question that answers to j/n in Dutch and y/n in English, and says Ja/Nee."""
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.shortcuts import PromptSession
    from questionary import Question as Asked
    from questionary.constants import DEFAULT_QUESTION_PREFIX
    from questionary.styles import merge_styles_default

    state: dict[str, bool | None] = {"answer": None, "done": False}
    hint = text("wizard.yes_no_default_" + ("yes" if default else "no"), lang)

    def tokens() -> list[tuple[str, str]]:
        out = [("class:qmark", DEFAULT_QUESTION_PREFIX), ("class:question", f" {message} ")]
        if not state["done"]:
            out.append(("class:instruction", f"{hint} "))
        if state["answer"] is not None:
            out.append(("class:answer", text(f"wizard.{_yes_no(state['answer'])}", lang)))
        return out

    keys = _stop_keys()

    def answer(value: bool) -> Callable[[KeyPressEvent], None]:
        def handler(event: KeyPressEvent) -> None:
            state["answer"], state["done"] = value, True
            event.app.exit(result=value)

        return handler

    yes = {"nl": "jJyY", "en": "yY"}.get(lang, "yY")  # y works in Dutch too: it is no other answer
    for key in yes:
        keys.add(key)(answer(True))
    for key in "nN":
        keys.add(key)(answer(False))
    keys.add(Keys.ControlM, eager=True)(answer(default))

    @keys.add(Keys.Any)
    def _other(event: KeyPressEvent) -> None:
        """Other keys type nothing."""

    session: PromptSession[bool] = PromptSession(
        tokens,  # type: ignore[arg-type]  # a callable is formatted text to prompt_toolkit
        key_bindings=keys,
        style=merge_styles_default([]),
    )
    return Asked(session.app)


def choose(message: str, choices: list[tuple[str, str]], lang: str) -> str:
    """One of a few (value, label) choices, the first the default; Ctrl-C raises
    KeyboardInterrupt, Ctrl-D EOFError, for the caller to keep what it has."""
    import questionary

    options = [questionary.Choice(label, value=value) for value, label in choices]
    answer = _run(questionary.select(message, choices=options, instruction=text("hint_one", lang)))
    return str(answer)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _run(question: questionary.Question) -> object:
    """questionary's unsafe_ask, without prompt_toolkit's SIGINT handler: in the prompt's raw
    mode Ctrl-C arrives as a key all the same, and the handler loads ctypes (~15 ms) first.
    Ctrl-D leaves any question, a text prompt with a default in it too (prompt_toolkit's own
    binding leaves only an empty one): the wizard keeps the answers, as for Ctrl-C."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    app = question.application
    leave = KeyBindings()
    leave.add("c-d", eager=True)(lambda event: event.app.exit(exception=EOFError))
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), leave])
    answer = app.run(handle_sigint=False)
    if answer is None:  # questionary's way of saying the prompt was left (Ctrl-D, end of input)
        raise EOFError
    return answer


def _reason(
    check: Callable[[Question, T], object], question: Question, value: T, lang: str
) -> bool | str:
    """True when the value is fine, else the reason in `lang`, shown under the prompt."""
    try:
        check(question, value)
    except AnswerError as exc:
        return exc.problem.render(lang)
    except SocialreadyError as exc:
        return exc.render(lang)
    return True


def _stop_keys() -> KeyBindings:
    """Ctrl-C and Ctrl-Q stop the question as an interrupt: the answers so far are kept."""
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    keys = KeyBindings()

    @keys.add(Keys.ControlC, eager=True)
    @keys.add(Keys.ControlQ, eager=True)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    return keys
