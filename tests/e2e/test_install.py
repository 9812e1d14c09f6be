"""scripts/install says what is left to do in the user's language."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(sys.platform == "win32" or not shutil.which("bash"), reason="a bash script")
@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("nl_NL.UTF-8", "maar die map staat nog niet in je PATH"),
        ("Dutch_Belgium.1252", "maar die map staat nog niet in je PATH"),
        ("en_GB.UTF-8", "which is not on your PATH yet"),
    ],
)
def test_install_says_how_to_put_the_command_on_the_path(
    tmp_path: Path, locale: str, said: str
) -> None:
    tools = tmp_path / "tools"
    tools.mkdir()
    pipx = tools / "pipx"  # stands in for pipx: the install itself is pipx's business
    pipx.write_text("#!/bin/sh\nexit 0\n", "utf-8")
    pipx.chmod(0o755)
    python = Path(shutil.which("python3") or sys.executable).parent
    done = subprocess.run(
        [str(ROOT / "scripts" / "install")], capture_output=True, text=True, timeout=60,
        check=False,
        env={"HOME": str(tmp_path), "PATH": f"{tools}:{python}:/usr/bin:/bin", "LANG": locale},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert said in done.stdout and f"{tmp_path}/.local/bin" in done.stdout
    assert 'export PATH="$HOME/.local/bin:$PATH"' in done.stdout
