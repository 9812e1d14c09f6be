"""Plain stand-ins for the characters the output uses, for a terminal or file that takes
only ASCII (PYTHONIOENCODING=ascii, an old code page): the text stays readable."""

from __future__ import annotations

import codecs
import unicodedata

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
            decomposed = unicodedata.normalize("NFKD", ch)
            plain = "".join(c for c in decomposed if c.isascii()) or "?"
        out.append(plain)
    return "".join(out), error.end


def register() -> None:
    codecs.register_error(HANDLER, _replace)
