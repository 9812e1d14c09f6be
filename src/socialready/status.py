"""The statuses a step of the plan can have, as the file stores them, and which settle it.

Each plan's language has its own words for them (`statuses` in data/ui.yaml); either
language's words are read back as these.
"""

from __future__ import annotations

from typing import Any

STATUSES = ("todo", "doing", "done", "skipped")
SETTLED = ("done", "skipped")  # nothing more to do: never due, never overdue, not a next action


def settled(step: dict[str, Any]) -> bool:
    """A step done or skipped."""
    return step.get("status") in SETTLED
