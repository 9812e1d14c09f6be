"""The user's locale as ISO codes, from whatever name the platform gives it: POSIX `nl_BE.UTF-8`,
Windows `Dutch_Belgium.1252` or `nl-BE`, macOS's preferred languages (`defaults`); and what
follows from it: the language a run speaks when no command has chosen one (SOCIALREADY_LANG,
else the locale's) and the country an organisation is most likely in."""

# Annotations evaluated, not postponed: a NamedTuple or TypedDict field given as a string is
# compiled at every start (about 1M instructions a class).

import os
import re
import subprocess
import sys
from functools import cache
from typing import Any, NamedTuple

from socialready import packaged
from socialready.model import LANGUAGES

VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX: the first one set decides


class Locale(NamedTuple):
    """ISO 639-1 language (`nl`) and ISO 3166-1 alpha-2 country (`BE`), None when not known."""

    language: str | None
    country: str | None


NOTHING = Locale(None, None)


@cache
def _codes() -> re.Pattern[str]:
    """A locale name in ISO codes; compiled when a name is first parsed, not at every start."""
    return re.compile(
        r"(?P<language>[a-z]{2,3})"  # ISO 639: nl, en, pap
        r"(?:[-_](?P<script>[a-z]{4}))?"  # a script (BCP 47): zh-Hans-CN
        r"(?:[-_](?P<country>[a-z]{2}|\d{3}))?"  # ISO 3166 or a UN region: nl_BE, es-419
        r"(?:[-_@].*)?",  # variants and modifiers: ca-ES-valencia, sr_RS@latin
        re.IGNORECASE | re.ASCII,
    )


@cache
def _table() -> dict[str, Any]:
    table: dict[str, Any] = packaged.load_data("locales")
    return table


def parse(name: str) -> Locale:
    """The language and country of a locale name in any of the platforms' forms:
    `nl_NL.UTF-8`, `nl_BE@euro`, `nl-BE`, `zh-Hans-CN`, `Dutch_Netherlands.1252`,
    `English_United States`; `C`, `POSIX` and names not understood give NOTHING."""
    base = name.strip().split("@")[0]
    base = base.split(".")[0] if not base.startswith(".") else ""
    if not base or base.upper() in ("C", "POSIX"):
        return NOTHING
    words, _, place = base.partition("_")
    language = _table()["languages"].get(words.strip().lower())
    if language is not None:  # Windows' English names
        return Locale(language, _table()["countries"].get(place.strip().lower()))
    found = _codes().fullmatch(base)
    if found is None:
        return NOTHING
    country = found["country"]
    return Locale(
        found["language"].lower(),
        country.upper() if country and country.isalpha() else None,
    )


def reads(language: str | None) -> str | None:
    """The language a speaker of `language` reads where socialready has no text in it:
    Frisian is read as Dutch."""
    if language is None:
        return None
    known: str = _table()["reads"].get(language, language)
    return known


def current(platform: str = sys.platform) -> Locale:
    """The user's locale: LC_ALL, LC_MESSAGES or LANG as POSIX reads them (the first one set,
    C included); when none is set, macOS's first preferred language or Windows' user locale."""
    for variable in VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            return parse(value)
    return _platform(platform)


@cache
def _platform(platform: str) -> Locale:
    """Asked of the system once a run: macOS's answer takes a process to get."""
    if platform == "darwin":
        return apple_languages()
    if platform == "win32":
        return _windows()
    return NOTHING


def apple_languages() -> Locale:
    """The first of macOS's preferred languages (`defaults read -g AppleLanguages`, e.g.
    `("nl-NL", "en-NL")`); NOTHING when `defaults` is missing, fails or hangs."""
    try:
        done = subprocess.run(
            ["defaults", "read", "-g", "AppleLanguages"],
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError, ValueError):
        return NOTHING
    if done.returncode != 0:
        return NOTHING
    for line in done.stdout.splitlines():
        entry = line.strip().strip(",").strip('"').strip()
        if entry not in ("", "(", ")"):
            return parse(entry)
    return NOTHING


def _windows() -> Locale:
    """Windows' user locale (`nl-NL`); else the C library's name for it (`Dutch_Netherlands`)."""
    import ctypes

    kernel = getattr(ctypes, "windll", None)
    if kernel is not None:
        buffer = ctypes.create_unicode_buffer(85)  # LOCALE_NAME_MAX_LENGTH
        if kernel.kernel32.GetUserDefaultLocaleName(buffer, len(buffer)):
            return parse(buffer.value)
    import locale

    name = locale.getlocale()[0]
    return parse(name) if name else NOTHING


def locale_language() -> str:
    """Dutch when the locale is (nl_BE, Dutch_Netherlands, macOS's nl-NL; fy_NL reads Dutch),
    else English."""
    language = reads(current().language)
    return language if language in LANGUAGES else "en"


LANG_VARIABLE = "SOCIALREADY_LANG"


def asked_language() -> str:
    """SOCIALREADY_LANG as set, "" when it is not; it may name no language of the program."""
    return os.environ.get(LANG_VARIABLE, "").strip()


def default_language() -> str:
    """The language when no command has chosen one: SOCIALREADY_LANG when it names one, else
    the locale's (never an error: it may be what an error is said in)."""
    asked = asked_language()
    return asked if asked in LANGUAGES else locale_language()


def default_country(lang: str) -> str:
    """The country the locale names, as an ISO code (nl_BE and Dutch_Belgium are BE, de_DE is
    DE); when it names none, by language: a Dutch session is most likely a Dutch organisation."""
    found = current()
    if found.country is not None:
        return found.country
    return "NL" if "nl" in (lang, reads(found.language)) else "other"
