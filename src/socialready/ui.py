"""The platform's language and country (the locale), and the language a run speaks when no
command has chosen one (SOCIALREADY_LANG, else the locale)."""

from __future__ import annotations

import os

from socialready.questionnaire import LANGUAGES


def locale_language() -> str:
    """Dutch when the locale is (nl_BE, Dutch_Netherlands, macOS's nl-NL; fy_NL reads Dutch),
    else English."""
    from socialready import locales

    language = locales.reads(locales.current().language)
    return language if language in LANGUAGES else "en"


def default_language() -> str:
    """The language when no command has chosen one: SOCIALREADY_LANG when it names one, else
    the locale's (never an error: it may be what an error is said in)."""
    env = os.environ.get("SOCIALREADY_LANG", "").strip()
    return env if env in LANGUAGES else locale_language()


def default_country(lang: str) -> str:
    """The country the locale names, as an ISO code (nl_BE and Dutch_Belgium are BE, de_DE is
    DE); when it names none, by language: a Dutch session is most likely a Dutch organisation."""
    from socialready import locales

    found = locales.current()
    if found.country is not None:
        return found.country
    return "NL" if "nl" in (lang, locales.reads(found.language)) else "other"
