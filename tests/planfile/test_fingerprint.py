"""A plan's fingerprint is a digest of its generated fields' JSON text, as every plan on disk
holds it: the digest of each example plan is the one it was written with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialready.planfile.document import _json_bytes, fingerprint, from_text
from tests.strategies import examples

ROOT = Path(__file__).resolve().parents[2]


def test_every_example_plans_fingerprint_is_the_one_it_holds() -> None:
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        document = from_text(path.read_text("utf-8"), str(path)).as_read
        assert fingerprint(document) == document["rules"]["fingerprint"], path.name


# Any text, with what JSON escapes in one way or the other: controls, DEL, backslashes (also
# before a `u`), quotes, characters beyond the BMP and lone surrogates.
PIECES = ["\\", "\\u00e9", "\\\\u00e9", '"', "\x7f", "\x1b", "é", "→", "😀", "\ud83d", "\ude00"]
TEXT = st.lists(st.one_of(st.characters(codec=None), st.sampled_from(PIECES))).map("".join)
DATA = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.dates(), TEXT),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=examples(1000))
@given(DATA)
def test_the_json_a_fingerprint_digests_is_the_one_every_plan_was_written_with(
    data: object,
) -> None:
    try:
        expected = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 for it, either way
        with pytest.raises(UnicodeEncodeError):
            _json_bytes(data)
        return
    assert _json_bytes(data) == expected
