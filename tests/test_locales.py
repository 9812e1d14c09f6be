"""The language and country from every platform's own locale names: POSIX, Windows (its
C library's English names and BCP 47), macOS's preferred languages."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
import yaml

from socialready import locales
from socialready.locales import Locale
from tests.conftest import ORGANISATIONS, invoke, run_cli

NAMES = {
    # POSIX
    "nl_NL": ("nl", "NL"),
    "nl_BE": ("nl", "BE"),
    "nl_NL.UTF-8": ("nl", "NL"),
    "nl_BE.UTF-8": ("nl", "BE"),
    "nl_BE@euro": ("nl", "BE"),
    "nl_NL.ISO8859-15@euro": ("nl", "NL"),
    "nl": ("nl", None),
    "fy_NL.UTF-8": ("fy", "NL"),
    "en_GB.UTF-8": ("en", "GB"),
    "en_US.ISO8859-1": ("en", "US"),
    "de_DE": ("de", "DE"),
    "de_AT.UTF-8": ("de", "AT"),
    "sr_RS@latin": ("sr", "RS"),
    "pap_CW": ("pap", "CW"),
    # Windows and macOS: BCP 47
    "nl-NL": ("nl", "NL"),
    "nl-BE": ("nl", "BE"),
    "fr-BE": ("fr", "BE"),
    "en-NL": ("en", "NL"),  # macOS: English, region the Netherlands
    "en-US": ("en", "US"),
    "zh-Hans-CN": ("zh", "CN"),
    "es-419": ("es", None),  # a UN region, no country
    "ca-ES-valencia": ("ca", "ES"),
    # Windows: the C library's English names, with or without the code page
    "Dutch_Netherlands": ("nl", "NL"),
    "Dutch_Belgium": ("nl", "BE"),
    "Dutch_Netherlands.1252": ("nl", "NL"),
    "Dutch_Belgium.1252": ("nl", "BE"),
    "Dutch": ("nl", None),
    "English_United States": ("en", "US"),
    "English_United States.1252": ("en", "US"),
    "English_United Kingdom.1252": ("en", "GB"),
    "English_Netherlands.1252": ("en", "NL"),
    "French_Belgium.1252": ("fr", "BE"),
    "German_Germany.1252": ("de", "DE"),
    "German_Switzerland.1252": ("de", "CH"),
    "Frisian_Netherlands.1252": ("fy", "NL"),
    "Turkish_Türkiye.1254": ("tr", "TR"),
    "Chinese (Simplified)_China.936": ("zh", "CN"),
    "Spanish_Spain.utf8": ("es", "ES"),
    "Dutch_Atlantis.1252": ("nl", None),  # a country the table does not know
    # no language at all
    "C": (None, None),
    "POSIX": (None, None),
    "C.UTF-8": (None, None),
    "": (None, None),
    "  ": (None, None),
    "Klingon_Qo'noS": (None, None),
    "1252": (None, None),
}


@pytest.mark.parametrize(("name", "expected"), NAMES.items(), ids=repr)
def test_every_platform_name_gives_its_language_and_country(
    name: str, expected: tuple[str | None, str | None]
) -> None:
    assert locales.parse(name) == Locale(*expected)


def test_the_table_holds_lower_case_names_and_iso_codes() -> None:
    source = Path(locales.__file__).parent / "data" / "locales.yaml"
    table = yaml.safe_load(source.read_text("utf-8"))
    for name, code in table["languages"].items():
        assert name == name.lower() and code.isalpha() and code == code.lower(), name
    for name, code in table["countries"].items():
        assert name == name.lower() and len(code) == 2 and code == code.upper(), name
    for code, read in table["reads"].items():
        assert read in ("nl", "en"), code


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"LC_ALL": "Dutch_Belgium.1252", "LANG": "en_US.UTF-8"}, ("nl", "BE")),
        ({"LC_MESSAGES": "nl-NL", "LANG": "en_US.UTF-8"}, ("nl", "NL")),
        ({"LANG": "de_DE.UTF-8"}, ("de", "DE")),
        ({"LC_ALL": "C", "LANG": "nl_NL.UTF-8"}, (None, None)),  # set is set, as POSIX says
        ({"LC_ALL": "", "LANG": "nl_BE"}, ("nl", "BE")),  # empty is unset
    ],
)
def test_the_first_variable_set_decides(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], expected: tuple[str, str]
) -> None:
    for name in locales.VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert locales.current("linux") == Locale(*expected)


def _defaults(folder: Path, script: str) -> None:
    """A stand-in for macOS's `defaults` on the PATH."""
    path = folder / "defaults"
    path.write_text(f"#!/bin/sh\n{script}\n", "utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


APPLE_LANGUAGES = '(\n    "nl-BE",\n    "en-BE",\n    fr\n)'


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a shell script")
@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (f"printf '%s\\n' '{APPLE_LANGUAGES}'", ("nl", "BE")),
        ("printf '(\\n    en,\\n    nl\\n)\\n'", ("en", None)),
        ("printf '(\\n)\\n'", (None, None)),  # no preferred language
        ("echo 'The domain/default pair does not exist' >&2; exit 1", (None, None)),
        ("exec sleep 10", (None, None)),  # hangs: given up on
    ],
    ids=["nl-BE", "en", "empty", "fails", "hangs"],
)
def test_macos_preferred_languages_when_no_variable_is_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, script: str, expected: tuple[str, str]
) -> None:
    _defaults(tmp_path, script)
    monkeypatch.setenv("PATH", str(tmp_path))
    for name in locales.VARIABLES:
        monkeypatch.delenv(name, raising=False)
    locales._platform.cache_clear()
    try:
        assert locales.current("darwin") == Locale(*expected)
        monkeypatch.setenv("LANG", "de_DE.UTF-8")  # a variable set wins: defaults not asked
        assert locales.current("darwin") == Locale("de", "DE")
    finally:
        locales._platform.cache_clear()


def test_no_defaults_command_is_no_language(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no `defaults` to run
    assert locales.apple_languages() == locales.NOTHING


@pytest.mark.parametrize(
    ("locale", "language", "country"),
    [
        ("Dutch_Belgium.1252", "nl", "BE"),
        ("Dutch_Netherlands.1252", "nl", "NL"),
        ("nl-BE", "nl", "BE"),
        ("nl", "nl", "NL"),  # Dutch, no country: the Netherlands
        ("Frisian_Netherlands.1252", "nl", "NL"),  # read as Dutch
        ("English_Netherlands.1252", "en", "NL"),
        ("de_DE.UTF-8", "en", "DE"),  # every ISO 3166-1 country (answers format 3)
        ("English_United States.1252", "en", "US"),
        ("C.UTF-8", "en", "other"),
    ],
)
def test_assess_takes_language_and_country_from_the_locale(
    isolated: Path, locale: str, language: str, country: str
) -> None:
    given = (ORGANISATIONS / "bakery.yaml").read_text("utf-8").replace("  country: NL\n", "")
    (isolated / "given.yaml").write_text(given, "utf-8")
    result = invoke(
        "assess", "plan.yaml", "--answers", "given.yaml", "--defaults",
        env={"SOCIALREADY_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": locale},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load((isolated / "plan.yaml").read_text("utf-8"))
    assert written["language"] == language
    assert written["answers"]["organisation"]["country"] == country


def test_a_dutch_windows_locale_asks_in_dutch(isolated: Path) -> None:
    result = run_cli(
        "questions", env={"SOCIALREADY_LANG": "", "LC_ALL": "", "LANG": "Dutch_Belgium.1252"}
    )
    assert result.stdout.startswith("Deel 1 van 5"), result.stdout[:200]
