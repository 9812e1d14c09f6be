"""What `cli.py` does for every command: the language from option, environment or locale,
usage errors as exit 2 without a traceback, help, and `python -m` (in a real process)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import invoke


def test_language_follows_option_then_environment_then_locale(isolated: Path) -> None:
    def first_line(*args: str, **env: str) -> str:
        result = invoke("questions", *args, env={"SOCIALREADY_LANG": "", **env})
        return result.stdout.splitlines()[0]

    assert first_line(LANG="nl_NL.UTF-8", LC_ALL="") == "Deel 1 van 5 · Je organisatie"
    assert first_line(LANG="en_GB.UTF-8", LC_ALL="") == "Part 1 of 5 · Your organisation"
    assert first_line(LANG="nl_BE.UTF-8", LC_ALL="", SOCIALREADY_LANG="en").startswith("Part 1")
    assert first_line("--lang", "nl", SOCIALREADY_LANG="en").startswith("Deel 1")
    bad = invoke("questions", env={"SOCIALREADY_LANG": "fr"})
    assert bad.returncode == 2 and "SOCIALREADY_LANG: 'fr' is not one of: nl, en" in bad.stderr


def test_python_dash_m_and_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "socialready", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for name in ("assess", "plan", "show", "diff", "questions", "overview", "schema"):
        assert name in result.stdout


def test_usage_errors_exit_2_without_a_traceback(isolated: Path) -> None:
    for args in (["plan"], ["show", "--format", "pdf", "x.yaml"], ["assess", "--lang", "de"]):
        result = invoke(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
    missing = invoke("show", "nowhere.yaml")
    assert missing.returncode == 2 and "nowhere.yaml: no such file" in missing.stderr
    empty = invoke("plan", str(isolated))
    assert empty.returncode == 2 and "no plans" in empty.stderr
    resume = invoke("assess", "--resume")
    assert resume.returncode == 2 and "nothing to resume" in resume.stderr


def test_h_and_version() -> None:
    assert "Usage:" in invoke("-h").stdout and "Usage:" in invoke("plan", "-h").stdout
    version = invoke("--version")
    assert version.returncode == 0 and re.fullmatch(
        r"socialready \d+\.\d+\.\d+\S*\n", version.stdout
    )
