"""Hypothesis strategies: any valid set of answers, drawn from the questionnaire itself."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import strategies as st

from socialready import answers, questionnaire
from socialready.questionnaire import Question

QS = questionnaire.load()
NAMES = st.text(  # one line: no control characters, no line or paragraph separators
    st.characters(blacklist_categories=["Cs", "Cc", "Zl", "Zp"]), min_size=1, max_size=120
).filter(lambda name: name.strip() != "")


def _value(question: Question) -> st.SearchStrategy[Any]:
    if question.kind == "text":
        return (
            NAMES
            if question.required
            else st.text(max_size=200)
            .map(str.strip)
            .filter(
                lambda text: all(
                    ch in "\n\t" or not (ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F) for ch in text
                )
            )
        )
    if question.kind == "one":
        return st.sampled_from(question.values)
    if question.kind == "many":
        return st.lists(
            st.sampled_from(question.values), min_size=question.min_selected, unique=True
        )
    if question.kind == "number":
        return st.floats(question.minimum, question.maximum, allow_nan=False).map(
            lambda x: round(x, 2)
        )
    if question.kind == "integer":
        return st.integers(int(question.minimum), int(question.maximum))
    if question.kind == "channels":  # how often and how well, each possibly not known
        posts, works = question.field("posts_per_week"), question.field("works")
        usage = st.fixed_dictionaries(
            {posts.key: st.none() | _value(posts), works.key: _value(works)}
        )
        return st.dictionaries(st.sampled_from(question.values), usage, max_size=5)
    return st.booleans()


@st.composite
def valid_answers(draw: st.DrawFn) -> dict[str, Any]:
    """A complete, valid answer set as `assess` would store it (skipped questions filled in);
    what answers format 2 could not say is sometimes left out, and so assumed."""
    given = {
        q.key: answers.validate(q, draw(_value(q)))
        for q in QS.questions
        if q.key not in answers.ASSUMABLE or draw(st.booleans())
    }
    filled, missing = answers.complete(QS, given)
    assert not missing
    return filled


languages = st.sampled_from(questionnaire.LANGUAGES)


# Text a person types into owned fields, full of what YAML reads specially: comment signs,
# quotes (a Dutch place name), `: `, control characters (notes and owners may hold them, as
# escapes), and the line separators YAML 1.1 breaks lines at.
TRICKY_PIECES = [
    "#", " #", "# ", "#42", "order #42", "'", "''", '"', "'s-Hertogenbosch",
    "Gemeente 's-Hertogenbosch",
    ": ", "a: b", "- ", "? ", "|", ">", "&a", "*a", "!x", "%", "@", "`", "{", "}", "[", "]", ",",
    "\n", "\n\n", " \n", "\t", "yes", "null", "~", "1:30", "2026-02-30", "...", "---", "é", "🍞",
]  # fmt: skip
CONTROLS = [
    "\x1b[2J",
    "\x07",
    "\x1b]52;c;aGk=\x07",
    "\r",
    "\x85",
    "\u2028",
    "\u2029",
    "\x7f",
    "\x9b",
]
PLAIN_TEXT = st.lists(st.sampled_from(TRICKY_PIECES) | st.text(max_size=6), max_size=8).map("".join)
OWNED_TEXT = st.lists(
    st.sampled_from(TRICKY_PIECES + CONTROLS) | st.text(max_size=6), min_size=1, max_size=8
).map("".join)


def answer_text(question: Question) -> st.SearchStrategy[str]:
    """Tricky text a text answer accepts (no control characters), stored as validated."""

    def valid(text: str) -> bool:
        try:
            answers.validate(question, text)
        except Exception:
            return False
        return True

    return PLAIN_TEXT.filter(valid).map(lambda text: str(answers.validate(question, text)))


FULL = os.environ.get("SOCIALREADY_TESTS") == "full"


def examples(full: int) -> int:
    """How many examples a property test draws: a tenth by default (at least 5), all of them
    in CI.

    `SOCIALREADY_TESTS=full` (set by `.ci/run`) runs every property test at its full count; a
    developer's run stays quick. A test that names no count draws hypothesis's 100 in CI and
    a tenth of that by default (the profiles in conftest.py).
    """
    return full if FULL else max(5, full // 10)
