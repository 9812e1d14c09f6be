"""Interface words and messages in the user's language, and how that language is chosen."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from socialready import packaged
from socialready.questionnaire import LANGUAGES

_session: list[str] = []  # the language chosen for this run, once a command knows it


def locale_language() -> str:
    """Dutch when the locale is (nl_BE, Dutch_Netherlands, macOS's nl-NL; fy_NL reads Dutch),
    else English."""
    from socialready import locales

    language = locales.reads(locales.current().language)
    return language if language in LANGUAGES else "en"


def use_language(lang: str) -> None:
    """The language of this run's messages: --lang, or the plan's or session's language."""
    _session[:] = [lang]


def language() -> str:
    """This run's language: as chosen by the command, else SOCIALREADY_LANG or the locale."""
    if _session:
        return _session[0]
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


@cache
def _words() -> dict[str, Any]:
    words: dict[str, Any] = packaged.load_data("ui")
    return words


@cache
def _messages() -> dict[str, dict[str, Any]]:
    messages: dict[str, dict[str, Any]] = packaged.load_data("messages")
    return messages


def text_at(tree: Any, path: str, lang: str, params: dict[str, Any]) -> str:
    """The text at a slash path of a data tree (`a/b`), in `lang`, with its blanks filled."""
    node: Any = tree
    for part in path.split("/"):
        node = node[part]
    return _fill(node[lang], params)


def _fill(template: str | dict[str, str], params: dict[str, Any]) -> str:
    """A template with its blanks filled; one with a singular and a plural form (`one`,
    `other`) takes the form that agrees with the count `n` ("1 plan", "3 plannen")."""
    if isinstance(template, dict):
        template = template["one" if params.get("n") == 1 else "other"]
    return template.format(**params) if params else template


def word(path: str, lang: str, /, **params: Any) -> str:
    """The interface word at a slash path, e.g. word('verdicts/ready', 'nl')."""
    return text_at(_words(), path, lang, params)


def message(id: str, lang: str, /, **params: Any) -> str:
    """The sentence `id` of data/messages.yaml in `lang`, its {placeholders} filled in."""
    return _fill(_messages()[id][lang], params)
