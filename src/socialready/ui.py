"""Interface words in the user's language, and how that language is chosen."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from socialready import files
from socialready.errors import BadInput
from socialready.questionnaire import LANGUAGES


def resolve_language(option: str | None) -> str:
    """--lang, else SOCIALREADY_LANG, else the locale (nl* is Dutch), else English."""
    if option:
        if option not in LANGUAGES:
            raise BadInput(f"--lang: {option!r} is not one of: {', '.join(LANGUAGES)}")
        return option
    env = os.environ.get("SOCIALREADY_LANG", "").strip()
    if env:
        if env not in LANGUAGES:
            raise BadInput(f"SOCIALREADY_LANG: {env!r} is not one of: {', '.join(LANGUAGES)}")
        return env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def default_country(lang: str) -> str:
    """The country the locale names (nl_BE is Belgium, nl_NL or nl the Netherlands), else by
    language: a Dutch session is most likely a Dutch organisation."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            locale = value.split(".")[0].replace("-", "_").lower()
            if locale.endswith("_be"):
                return "BE"
            if locale.startswith("nl"):
                return "NL"
            break
    return "NL" if lang == "nl" else "other"


@cache
def _words() -> dict[str, Any]:
    words: dict[str, Any] = files.load_data("ui")
    return words


def word(path: str, lang: str, /, **params: Any) -> str:
    """The interface word at a slash path, e.g. word('verdicts/ready', 'nl')."""
    node: Any = _words()
    for part in path.split("/"):
        node = node[part]
    template: str = node[lang]
    return template.format(**params) if params else template
