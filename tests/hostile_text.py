"""Hostile text, one table for every command that prints a plan: escape codes and controls in
the organisation name, an owner and notes. Run in process by tests/test_hostile_text.py and in a
pseudo-terminal by tests/e2e/test_terminal.py."""

from __future__ import annotations

from pathlib import Path

from socialready.planfile import yamlio

HOSTILE = {
    "clear-screen": "\x1b[2J\x1b[H",
    "hidden-text": "\x1b[8mhidden\x1b[0m",
    "osc-52-clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "carriage-return": "Verdict: Not yet\rVerdict: Ready  ",
    "c1-csi": "\x9b2J",
    "delete": "a\x7fb",
    "bell": "\x07",
    "right-to-left-override": "\u202eydaeR",
}


def hostile_plan(path: Path, plan_text: str, attack: str) -> None:
    """Escape codes in the organisation name, an owner and notes: as a hostile plan has them."""
    document = yamlio.loads(plan_text, "p")
    document["organisation"] = "Bakery" + attack  # the answer refuses controls; this is shown
    document["steps"][0]["owner"] = "Anna" + attack
    document["steps"][0]["notes"] = "Note" + attack + "\nsecond line"
    path.write_text(yamlio.dumps(document), "utf-8")


def active(text: str) -> list[str]:
    """Characters that act on a terminal (C0 but tab and line break, DEL, C1, bidi controls)."""
    return [
        ch for ch in text
        if (ord(ch) < 32 and ch not in "\n\t") or 0x7F <= ord(ch) <= 0x9F
        or 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069
    ]  # fmt: skip
