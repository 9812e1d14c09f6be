"""`output/pager.py`: the pager is one that is there, chosen from PAGER and the platform."""

from __future__ import annotations

from pathlib import Path

from socialready.output import pager


def _program(folder: Path, name: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\ncat\n", "utf-8")
    path.chmod(0o755)


def test_the_pager_is_one_that_is_there(tmp_path: Path) -> None:
    empty, with_less, with_more = (tmp_path / name for name in ("empty", "less", "more"))
    for folder in (empty, with_less, with_more):
        folder.mkdir()
    _program(with_less, "less")
    _program(with_more, "more")
    assert pager.choose({"PATH": str(empty)}, "linux") is None
    assert pager.choose({"PATH": str(empty)}, "win32") is None
    assert pager.choose({"PATH": str(with_less)}, "linux") == "less -FRX"
    assert pager.choose({"PATH": str(with_less)}, "win32") == "less -FRX"
    assert pager.choose({"PATH": str(with_more)}, "win32") == "more"
    assert pager.choose({"PATH": str(with_more)}, "darwin") is None
    missing = {"PAGER": "most -s", "PATH": str(with_less)}
    assert pager.choose(missing, "linux") == "less -FRX"  # a pager that is not there: the next
    assert pager.choose({**missing, "PATH": str(empty)}, "linux") is None
    assert pager.choose({"PAGER": "more -d", "PATH": str(with_more)}, "linux") == "more -d"
    assert pager.choose({"PAGER": f"{with_more / 'more'}", "PATH": str(empty)}, "linux")
    assert pager.choose({"PAGER": "less", "SOCIALREADY_PAGER": "", "PATH": str(with_less)}) is None
    assert pager.choose({"PAGER": "cat", "PATH": str(with_less)}) is None
    assert pager.choose({"PAGER": "'unclosed", "PATH": str(empty)}, "linux") is None
