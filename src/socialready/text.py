"""Every word and sentence the program shows, by id, in the language asked for: one lookup over
one catalogue (data/text.yaml), and the rules' sentences (data/rules.yaml) as ids under `rules.`.
The language is always the caller's to give; nothing here remembers one.

Both are read from JSON that scripts/build_data.py writes already flat ({id: text}), one file a
language: data/text.<lang>.json, and data/rules.<lang>.json, whose ids are stored without the
`rules.` that the lookup names them by.
No start pays for walking the trees, and each decodes only what it says: a plan's sentences in
its language, the messages in the language of the session."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import TypeGuard

from socialready import packaged

LANGUAGES = ("nl", "en")
RULES = "rules."  # ids under this prefix are the rules' sentences, in data/rules.yaml
Template = str | dict[str, str]  # a text, or its `one` and `other` forms
Entry = dict[str, Template]  # language -> the text in it


def text(id: str, lang: str, /, **params: object) -> str:
    """The text `id` in `lang`, its {placeholders} filled in; one with a singular and a plural
    form (`one`, `other`) takes the form that agrees with the count `n` ("1 plan", "3 plannen").
    """
    if id.startswith(RULES):
        return fill(_texts("rules", lang)[id[len(RULES) :]], params)
    return fill(_texts("text", lang)[id], params)


def known(id: str, lang: str) -> bool:
    """Whether the catalogue has a text `id` in `lang` (one only some cases have words of their
    own for, such as a condition of the answers template)."""
    return id in _texts("text", lang)


def fill(template: Template, params: dict[str, object]) -> str:
    """A text's template with its {placeholders} filled in; of a singular and a plural form,
    the one that agrees with the count `n`."""
    if isinstance(template, dict):
        template = template["one" if params.get("n") == 1 else "other"]
    return template.format_map(params) if params else template


def fitted(id: str, situation: tuple[str, ...], sentences: Mapping[str, Template]) -> str:
    """The rules' sentence `id`, or the first of its own for the organisation's situation that
    `sentences` (the rules' sentences in a language) have: `<id>_volunteers` for an
    organisation run by volunteers, `<id>_few` for a couple or one person (see
    rules.context.situation)."""
    for each in situation:
        own = f"{id}_{each}"
        if own in sentences:
            return own
    return id


def rules_in(lang: str) -> dict[str, Template]:
    """The rules' sentences in `lang` by their id in data/rules.yaml (without `rules.`), for the
    rules, which look up a hundred of them a plan."""
    return _texts("rules", lang)


def is_text(node: object) -> TypeGuard[Entry]:
    """A leaf of a text tree: a text (or its `one` and `other` forms) in each language, nothing
    else beside it; a word's forms as a list ([post, posts]) are grammar's, not a text."""
    return (
        isinstance(node, dict)
        and "en" in node
        and set(node) <= set(LANGUAGES)
        and all(isinstance(value, (str, dict)) for value in node.values())
    )


def flatten(tree: Mapping[str, object], prefix: str = "") -> dict[str, Entry]:
    """Id (keys joined by dots) -> {lang: text} for every text in a tree; other data is skipped.
    Two paths that join to the same id are an error of the data."""
    found: dict[str, Entry] = {}
    for key, node in tree.items():
        id = f"{prefix}{key}"
        if is_text(node):
            if id in found:
                raise ValueError(f"text id {id!r} is given twice")
            found[id] = node
        elif isinstance(node, dict):
            for inner, entry in flatten(node, f"{id}.").items():
                if inner in found:
                    raise ValueError(f"text id {inner!r} is given twice")
                found[inner] = entry
    return found


def without_texts(tree: object) -> object:
    """A tree of data with each of its texts left empty (`{}`), its keys kept: what
    data/rules.json holds of data/rules.yaml, whose sentences are read from data/rules.<lang>.json;
    the rules read only which texts there are, and the data beside them.
    """
    if is_text(tree):
        return {}
    if isinstance(tree, dict):
        return {key: without_texts(node) for key, node in tree.items()}
    return tree


def flat(tree: Mapping[str, object], lang: str) -> dict[str, Template]:
    """What data/text.<lang>.json (of data/text.yaml as loaded) and data/rules.<lang>.json (of
    data/rules.yaml) hold: every text of the tree in `lang`, by id."""
    return {id: entry[lang] for id, entry in flatten(tree).items()}


@cache
def _texts(source: str, lang: str) -> dict[str, Template]:
    """data/<source>.<lang>.json: the texts of data/text.yaml or data/rules.yaml in `lang`."""
    texts: dict[str, Template] = packaged.load_data(f"{source}.{lang}")
    return texts


def _entries(source: str, prefix: str = "") -> dict[str, Entry]:
    ids = _texts(source, LANGUAGES[0])
    return {f"{prefix}{id}": {lang: _texts(source, lang)[id] for lang in LANGUAGES} for id in ids}


@cache
def catalogue() -> dict[str, Entry]:
    """data/text.yaml by id, in every language."""
    return _entries("text")


def every() -> dict[str, Entry]:
    """Every text the lookup reaches, by id, in every language: data/text.yaml's, and
    data/rules.yaml's under `rules.`."""
    return {**catalogue(), **_entries("rules", RULES)}
