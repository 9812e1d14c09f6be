"""A plan's fingerprint is a digest of its generated fields' JSON text, as every plan on disk
holds it: made faster, the text is byte for byte the one `json.dumps` writes."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from socialready.planfile.document import fingerprint, fingerprinted, from_text

ROOT = Path(__file__).resolve().parents[2]

# Any character, surrogates too (which UTF-8 cannot write: then both fail alike)
ANY_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, categories=None))
SOME_TEXT = st.one_of(
    ANY_TEXT,
    st.text(st.sampled_from(["\\", "u", "0", "1", "d", "8", "e", "\x7f", "é", "–", "😀", '"'])),
)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | SOME_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(SOME_TEXT, inner, max_size=4),
    max_leaves=12,
)


def _as_stated(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")


@given(VALUES)
def test_the_fingerprinted_bytes_are_the_json_text_as_stated(value: object) -> None:
    try:
        expected = _as_stated(value)
    except UnicodeEncodeError:  # a lone surrogate
        try:
            fingerprinted(value)
        except UnicodeEncodeError:
            return
        raise AssertionError("a surrogate UTF-8 cannot write was written") from None
    assert fingerprinted(value) == expected


def test_escapes_both_texts_write_and_characters_beyond_the_bmp_are_kept() -> None:
    for text in ["a\x01b\x1f", "\\u00e9 é", "\\\\u00e9", "😀 and \ud83d", "\x7f\x80\x9f", "ok"]:
        try:
            expected = _as_stated({"t": [text]})
        except UnicodeEncodeError:
            continue
        assert fingerprinted({"t": [text]}) == expected


def test_every_example_plans_fingerprint_is_the_one_it_holds() -> None:
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        document = from_text(path.read_text("utf-8"), str(path)).as_read
        assert fingerprint(document) == document["rules"]["fingerprint"], path.name
