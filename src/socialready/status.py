"""The statuses a step of the plan can have, as the file stores them, and which settle it.

Each plan's language has its own words for them (`statuses.*` in data/text.yaml); either
language's words are read back as these.
"""

from __future__ import annotations

from collections.abc import Mapping

from socialready.model import SETTLED, STATUSES

__all__ = ["SETTLED", "STATUSES", "settled"]  # SETTLED: never due, never overdue, no next action


def settled(step: Mapping[str, object]) -> bool:
    """A step done or skipped."""
    return step.get("status") in SETTLED
