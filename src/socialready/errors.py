"""One error root: every failure a user can cause carries its own message and exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of the public contract."""

    OK = 0
    CHANGES = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


class SocialreadyError(Exception):
    """A failure the user can act on: `message` says what and what to do."""

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message: str) -> None:
        message = _one_line(message)
        super().__init__(message)
        self.message = message


def _one_line(text: str) -> str:
    """User text quoted in a message (a key with a line break, an escape code) stays one inert
    line: a control character is shown escaped, never sent to the terminal."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class BadInput(SocialreadyError):
    """A file, field or option the user gave is not usable."""


class FileProblem(BadInput):
    """A file cannot be read or written; names the path."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path


class AnswerError(BadInput):
    """An answer is of the wrong kind, out of range or unknown; names the key."""

    def __init__(self, key: str, problem: str, source: str = "") -> None:
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{key}: {problem}")
        self.key = key


class MissingAnswers(BadInput):
    """Answers are missing and no terminal is there to ask them."""


class HandEdited(BadInput):
    """A generated field was edited by hand; `plan` will not silently overwrite it."""


class Interrupted(SocialreadyError):
    """The user pressed Ctrl-C; what was answered so far is kept."""

    exit_code = ExitCode.INTERRUPTED
