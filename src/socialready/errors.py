"""One error root: every failure a user can cause carries its own message and exit code.

A message is an id of the text catalogue (data/text.yaml) with its parameters (`Msg`), never
an English string; it is rendered only when it is shown, in the language the command gives the
error as it leaves (`told_in`): the place that raises need not know who reads it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of the public contract."""

    OK = 0
    CHANGES = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class Msg:
    """A message id of data/text.yaml and its parameters; a parameter may be a Msg too.
    (A plain class: the dataclasses module costs start-up time.)"""

    __slots__ = ("id", "params")

    def __init__(self, id: str, params: dict[str, object]) -> None:
        self.id = id
        self.params = params

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.id, self.params) == (other.id, other.params)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Msg({self.id!r}, {self.params!r})"

    def render(self, lang: str) -> str:
        from socialready.text import text

        return text(self.id, lang, **{k: _shown(v, lang) for k, v in self.params.items()})


def _shown(value: object, lang: str) -> object:
    """A nested message in the same language, or the text in it of a {nl: ..., en: ...} pair
    (a question's prompt); a float as its readers write it (2,5 in Dutch)."""
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, dict) and lang in value:
        return value[lang]
    if isinstance(value, float):
        text = f"{value:g}"
        return text.replace(".", ",") if lang == "nl" else text
    return value


LABELLED = 5  # questions named by their label up to this many at once


class Named(Msg):
    """Questions named for a reader: each by its label in the reader's language, the key after
    it (‘Hoeveel mensen gaan ermee aan de slag?’ (capacity.people)); a key that is no question
    of the questionnaire (a review answer, a part) as it is."""

    __slots__ = ("keys",)

    def __init__(self, *keys: str) -> None:
        super().__init__("named", {"keys": keys})
        self.keys = keys

    def render(self, lang: str) -> str:
        from socialready import questionnaire

        keys = self.keys
        if len(keys) > LABELLED:  # a long list is read by who writes the answers file: keys
            return ", ".join(keys)
        qs = questionnaire.load()
        shown = []
        for key in keys:
            prompt = qs.prompt(key, lang)
            shown.append(f"‘{prompt}’ ({key})" if prompt else key)
        return ", ".join(shown)


def msg(id: str, /, **params: object) -> Msg:
    """msg('file.missing', path=p): a message to render later in the reader's language."""
    return Msg(id, params)


Text = Msg  # what an error says: a message id with its parameters, never a plain string


class SocialreadyError(Exception):
    """A failure the user can act on: `message` says what and what to do."""

    exit_code: ExitCode = ExitCode.BAD_INPUT
    lang: str | None = None  # the reader's language, given by the command the error leaves

    def __init__(self, text: Text) -> None:
        super().__init__(text)
        self.parts: list[Text] = [text]

    def add(self, text: Text) -> None:
        """Add a sentence: what happened to the user's work, what to do next."""
        self.parts.append(text)

    def render(self, lang: str) -> str:
        """The message in `lang`, on one line."""
        return _one_line(". ".join(part.render(lang) for part in self.parts))

    @property
    def language(self) -> str:
        """The language the command gave, else SOCIALREADY_LANG's or the locale's (an error
        raised before any language was known)."""
        from socialready import locales

        return self.lang or locales.default_language()

    @property
    def message(self) -> str:
        """The message in its reader's language."""
        return self.render(self.language)

    def __str__(self) -> str:
        return self.message


def _one_line(text: str) -> str:
    """User text quoted in a message (a key with a line break, an escape code) stays one inert
    line: a control character is shown escaped, never sent to the terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


@contextlib.contextmanager
def told_in(lang: str | None) -> Iterator[None]:
    """An error leaving this block is read in `lang`, unless a block inside it (which knew
    more, such as the plan's language) gave one first."""
    try:
        yield
    except (SocialreadyError, CtrlC) as exc:
        if exc.lang is None:
            exc.lang = lang
        raise


class BadInput(SocialreadyError):
    """A file, field or option the user gave is not usable."""


class FileProblem(BadInput):
    """A file cannot be read or written; names the path."""

    def __init__(self, path: object, problem: Text) -> None:
        super().__init__(msg("where", where=str(path), problem=problem))
        self.path = path


class AnswerError(BadInput):
    """An answer is of the wrong kind, out of range or unknown; names the question (its prompt
    in the reader's language, when there is one) and the key after it."""

    def __init__(self, key: str, problem: Text, source: str = "") -> None:
        where: Text = msg("where", where=source, problem=Named(key)) if source else Named(key)
        super().__init__(msg("where", where=where, problem=problem))
        self.key = key
        self.problem = problem


class MissingAnswers(BadInput):
    """Answers are missing and no terminal is there to ask them."""


class HandEdited(BadInput):
    """A generated field was edited by hand; `plan` will not silently overwrite it."""


class Interrupted(SocialreadyError):
    """The user pressed Ctrl-C; what was answered so far is kept."""

    exit_code = ExitCode.INTERRUPTED


class CtrlC(BaseException):
    """Ctrl-C (SIGINT) while a command works, not at a question. Like KeyboardInterrupt it is
    no Exception, so that no handler of failures (`except SocialreadyError`, `except Exception`:
    a plan read again another way, an error kept for the summary) takes it for one of its own
    and goes on; nor is it a KeyboardInterrupt, which Typer turns into a silent exit. The entry
    point says it, in the language `told_in` gave."""

    lang: str | None = None

    @property
    def message(self) -> str:
        """What the entry point says, as it says an Interrupted (SocialreadyError.message)."""
        stopped = Interrupted(msg("interrupted"))
        stopped.lang = self.lang
        return stopped.message


# How the user stops a command: Ctrl-C at a question (prompt_toolkit's KeyboardInterrupt) or
# while it works (CtrlC), Ctrl-D at a question (EOFError). What was answered is kept.
STOP_KEYS = (KeyboardInterrupt, CtrlC, EOFError)
