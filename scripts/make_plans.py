"""Regenerate the example plans in plans/ from the example answers in tests/organisations/.

Each plan is made by the installed `socialready assess` command, exactly as a user would; an
existing plan keeps what its owner filled in (owners, status, due dates, notes).
Run: python scripts/make_plans.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "tests" / "organisations"
PLANS = ROOT / "plans"
# Dutch organisations get Dutch plans; two are in English to show both languages.
LANGUAGE = {
    "bakery": "nl",
    "municipality": "nl",
    "hospital": "nl",
    "sports-club": "nl",
    "software": "en",
    "school": "en",
}
STARTED = "2026-01-05"  # the day the example plans start, so that their review dates stay put


def main() -> int:
    socialready = shutil.which("socialready", path=str(Path(sys.executable).parent))
    if socialready is None:
        sys.exit("socialready is not installed next to this Python; pip install -e .")
    PLANS.mkdir(exist_ok=True)
    for answers in sorted(ANSWERS.glob("*.yaml")):
        target = PLANS / answers.name
        command = [socialready, "assess", str(target), "--answers", str(answers)]
        command += ["--lang", LANGUAGE.get(answers.stem, "en"), "--date", STARTED]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
