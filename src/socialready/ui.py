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
