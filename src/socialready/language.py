"""The language a run speaks when no plan says: --lang, else SOCIALREADY_LANG, else the locale.

Kept apart from locales.py: a wrong choice is an error, and an error, to be shown, needs the
language locales gives when no command has chosen one; both in one module would be a cycle.
"""

from __future__ import annotations

import os

from socialready import locales
from socialready.errors import BadInput, msg
from socialready.questionnaire import LANGUAGES


def resolve_language(option: str | None) -> str:
    """--lang, else SOCIALREADY_LANG, else the locale (nl* is Dutch), else English."""
    if option:
        if option not in LANGUAGES:
            raise BadInput(
                msg("not_one_of", where="--lang", value=repr(option), values=", ".join(LANGUAGES))
            )
        return option
    env = os.environ.get("SOCIALREADY_LANG", "").strip()
    if env:
        if env not in LANGUAGES:
            raise BadInput(
                msg(
                    "not_one_of",
                    where="SOCIALREADY_LANG",
                    value=repr(env),
                    values=", ".join(LANGUAGES),
                )
            )
        return env
    return locales.locale_language()
