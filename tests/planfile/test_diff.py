"""`planfile.diff.compare`: the language a parameter, no state left between runs (the `diff`
command is tests/commands/test_diff.py)."""

from __future__ import annotations

from socialready.planfile import diff


def test_the_language_is_a_parameter_of_compare() -> None:
    old = {"reviews": [{"date": "2026-03-30", "notes": "a"}]}
    new = {"reviews": [{"date": "2026-03-30", "notes": "b"}]}
    dutch = diff.compare(old, new, "nl")
    english = diff.compare(old, new, "en")
    assert [c.text for c in dutch] == ["evaluatie van 2026-03-30, notities: a → b"]
    assert [c.text for c in english] == ["review of 2026-03-30, notes: a → b"]
    assert diff.compare(old, new, "nl") == dutch  # no state left from the English run
