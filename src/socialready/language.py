"""The language a run speaks when neither --lang nor a plan says: SOCIALREADY_LANG, else the
locale.

Kept apart from locales.py: a wrong choice is an error, and an error, to be shown, needs the
language locales gives when no command has chosen one; both in one module would be a cycle.
"""

from __future__ import annotations

from socialready import locales
from socialready.errors import BadInput, msg
from socialready.model import LANGUAGES


def resolve_language() -> str:
    """SOCIALREADY_LANG, else the locale (nl* is Dutch), else English; a SOCIALREADY_LANG that
    names no language of the program is an error here (--lang is checked by its own option)."""
    asked = locales.asked_language()
    if asked and asked not in LANGUAGES:
        where, values = locales.LANG_VARIABLE, ", ".join(LANGUAGES)
        raise BadInput(msg("not_one_of", where=where, value=repr(asked), values=values))
    return asked or locales.locale_language()
