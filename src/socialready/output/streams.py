"""Standard output and error as the commands find them: closed, unable to hold a character
(PYTHONIOENCODING=ascii, an old code page: plain stand-ins keep the text readable), or unable
to take more (> /dev/full, a reader that stopped). The CLI maps the failures in one place."""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys

from socialready.errors import ExitCode

OUTPUT_ERRORS = {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EBADF, errno.EFBIG}

HANDLER = "socialready-plain"
_STAND_INS = {
    "→": "->",
    "←": "<-",
    "·": "-",
    "•": "*",
    "✓": "+",
    "✗": "x",
    "○": "o",
    "◐": "~",
    "●": "*",
    "–": "-",
    "—": "-",
    "…": "...",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "€": "EUR",
    "│": "|",
    "─": "-",
}


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start : error.end]:
        plain = _STAND_INS.get(ch)
        if plain is None:  # é -> e; anything without a plain form -> ?
            import unicodedata  # loaded only where the output cannot hold a character

            decomposed = unicodedata.normalize("NFKD", ch)
            plain = "".join(c for c in decomposed if c.isascii()) or "?"
        out.append(plain)
    return "".join(out), error.end


def utf8_name(encoding: str) -> bool:
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")


def encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def plain(text: str, encoding: str) -> str:
    """`text` with the stand-ins for what `encoding` cannot hold ("→" is "->" in cp437)."""
    if encodable(text, encoding):
        return text
    try:
        return text.encode(encoding, stand_ins(encoding)).decode(encoding)
    except LookupError:
        return text.encode("ascii", stand_ins("ascii")).decode("ascii")


def stand_ins(encoding: str) -> str:
    """The error handler that writes `encoding`'s stand-ins for what it cannot hold."""
    codecs.register_error(HANDLER, _replace)
    return "strict" if utf8_name(encoding) else HANDLER


def utf8(stream: object) -> bool:
    encoding = str(getattr(stream, "encoding", "") or "").lower().replace("-", "")
    return encoding in ("utf8", "utf8sig")


def ready() -> bool:
    """Standard output can take what the commands print, or one message says why not."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the rest of the process
    if sys.stdout is None:
        sys.stderr.write(
            "Error: standard output is closed; give the command somewhere to write "
            "(a terminal, a file or /dev/null)\n"
        )
        return False
    for stream in (sys.stdout, sys.stderr):
        if not utf8(stream) and hasattr(stream, "reconfigure"):
            codecs.register_error(HANDLER, _replace)
            stream.reconfigure(errors=HANDLER)
    return True


def failed(exc: OSError) -> int:
    """Output that cannot be written: one message (none for a reader that stopped, `| head`);
    what is still buffered goes nowhere, rather than failing again at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if exc.errno != errno.EPIPE:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(f"Error: cannot write the output ({exc.strerror})\n")
            sys.stderr.flush()
    return int(ExitCode.BAD_INPUT)
