"""How a plan's changes look on a terminal: one change a line, grouped by area, signed."""

from __future__ import annotations

import io
from typing import Literal

from socialready.output import terminal
from socialready.planfile.diff import Change

BOLD, RESET = "\x1b[1m", "\x1b[0m"


def _printed(found: list[Change], lang: str, *, width: int, colour: bool) -> str:
    buffer = io.StringIO()
    system: Literal["standard"] | None = "standard" if colour else None
    out = terminal._Console(
        file=buffer, width=width, force_terminal=colour, color_system=system,
        highlight=False, markup=False, emoji=False,
    )  # fmt: skip
    terminal.changes("plans/club.yaml would change:", found, lang, out)
    return buffer.getvalue()


FOUND = [
    Change("answers", "hours available: 20 → 7.5"),
    Change("channels", "Instagram, " * 12 + "added", "+"),
    Change("channels", "TikTok", "-"),
]


def test_each_change_is_one_line_under_its_area_however_narrow_the_terminal() -> None:
    assert _printed(FOUND, "en", width=30, colour=False).splitlines() == [
        "plans/club.yaml would change:",
        "  answers",
        "    ~ hours available: 20 → 7.5",
        "  channels",
        "    + " + "Instagram, " * 12 + "added",
        "    - TikTok",
    ]


def test_the_label_and_areas_are_bold_and_each_change_takes_its_sign_colour() -> None:
    lines = _printed(FOUND, "nl", width=80, colour=True).splitlines()
    assert lines[0] == f"{BOLD}plans/club.yaml would change:{RESET}"
    assert lines[1] == f"{BOLD}  antwoorden{RESET}"
    assert lines[2] == f"    ~ \x1b[33mhours available: 20 → 7.5{RESET}"  # yellow, sign plain
    assert lines[4].startswith("    + \x1b[32mInstagram")  # green
    assert lines[5] == f"    - \x1b[31mTikTok{RESET}"  # red


def test_no_changes_are_said_as_such() -> None:
    lines = _printed([], "en", width=80, colour=False).splitlines()
    assert lines[0] == "plans/club.yaml would change:"
    assert len(lines) == 2 and lines[1]
