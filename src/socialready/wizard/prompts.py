"""The one module that talks to questionary: each question kind becomes one prompt."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from socialready import answers as answers_mod
from socialready.errors import SocialreadyError
from socialready.questionnaire import Question, Section
from socialready.ui import word

if TYPE_CHECKING:
    import questionary


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
    heading = f"{word('part', lang, n=number, total=total)} · {section.title[lang]}"
    questionary.print(heading, style="bold")
    questionary.print(textwrap.fill(section.why[lang], width), style="italic")


def ask(question: Question, default: Any, lang: str) -> Any:
    """Ask one question; Ctrl-C raises KeyboardInterrupt for the caller to keep what it has."""
    import questionary

    message = question.prompt[lang]
    instruction = question.help[lang] if question.help else None
    if question.kind in ("one", "many"):
        hint = word(f"hint_{question.kind}", lang)
        instruction = f"{instruction} {hint}" if instruction else hint
    if question.kind == "one":
        choices = [questionary.Choice(c.label[lang], value=c.value) for c in question.choices]
        return _run(
            questionary.select(message, choices=choices, default=default, instruction=instruction)
        )
    if question.kind == "many":
        chosen = set(default or [])
        choices = [
            questionary.Choice(c.label[lang], value=c.value, checked=c.value in chosen)
            for c in question.choices
        ]
        values = _run(
            questionary.checkbox(
                message,
                choices=choices,
                instruction=instruction,
                validate=lambda picked: _reason(answers_mod.validate, question, list(picked)),
            )
        )
        return answers_mod.validate(question, values)
    if question.kind == "yesno":
        return _run(questionary.confirm(message, default=bool(default)))
    text = "" if default is None else str(default)
    if instruction:
        message = f"{message} ({instruction})"
    typed = _run(
        questionary.text(
            message,
            default=text,
            validate=lambda typed: _reason(answers_mod.parse_text, question, typed),
        ),
        choice=False,
    )
    return answers_mod.parse_text(question, typed)


def _run(question: questionary.Question, *, choice: bool = True) -> Any:
    """questionary's unsafe_ask, without prompt_toolkit's SIGINT handler: in the prompt's raw
    mode Ctrl-C arrives as a key all the same, and the handler loads ctypes (~15 ms) first.
    Ctrl-D leaves a choice as it leaves an empty text prompt: the wizard keeps the answers."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    app = question.application
    if choice:  # a text prompt leaves on Ctrl-D by itself (EOFError), when it is empty
        leave = KeyBindings()
        leave.add("c-d", eager=True)(lambda event: event.app.exit(exception=EOFError))
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), leave])
    answer = app.run(handle_sigint=False)
    if answer is None:  # questionary's way of saying the prompt was left (Ctrl-D, end of input)
        raise EOFError
    return answer


def _reason(check: Callable[[Question, Any], Any], question: Question, value: Any) -> bool | str:
    """True when the value is fine, else the reason, shown under the prompt until it is."""
    try:
        check(question, value)
    except SocialreadyError as exc:
        return exc.message.split(": ", 1)[-1]
    return True
