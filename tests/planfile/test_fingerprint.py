"""A plan's fingerprint is a digest of its generated fields' JSON text, as every plan on disk
holds it: the digest of each example plan is the one it was written with."""

from __future__ import annotations

from pathlib import Path

from socialready.planfile.document import fingerprint, from_text

ROOT = Path(__file__).resolve().parents[2]


def test_every_example_plans_fingerprint_is_the_one_it_holds() -> None:
    for path in sorted((ROOT / "plans").glob("*.yaml")):
        document = from_text(path.read_text("utf-8"), str(path)).as_read
        assert fingerprint(document) == document["rules"]["fingerprint"], path.name
