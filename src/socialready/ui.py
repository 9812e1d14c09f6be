"""How the user's language is chosen: --lang, SOCIALREADY_LANG or the locale."""

from __future__ import annotations

import os

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
    return _locale_language()


def _locale_language() -> str:
    """Dutch when the locale is (nl_BE, Dutch_Netherlands, macOS's nl-NL; fy_NL reads Dutch),
    else English."""
    from socialready import locales

    language = locales.reads(locales.current().language)
    return language if language in LANGUAGES else "en"


def default_language() -> str:
    """The language when no command has chosen one: SOCIALREADY_LANG when it names one, else
    the locale's (never an error: it may be what an error is said in)."""
    env = os.environ.get("SOCIALREADY_LANG", "").strip()
    return env if env in LANGUAGES else _locale_language()


def default_country(lang: str) -> str:
    """The country the locale names, as an ISO code (nl_BE and Dutch_Belgium are BE, de_DE is
    DE); when it names none, by language: a Dutch session is most likely a Dutch organisation."""
    from socialready import locales

    found = locales.current()
    if found.country is not None:
        return found.country
    return "NL" if "nl" in (lang, locales.reads(found.language)) else "other"
