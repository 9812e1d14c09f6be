"""Output through a console or a redirected stdout that is not UTF-8 (Windows: cp1252, cp437):
every command that prints survives, with plain stand-ins where the code page has no character,
no mojibake, tables still aligned, and files made with `>` still readable by socialready."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ORGANISATIONS, command, invoke

NAME = "Energiecoöperatie Zuid – “Zon” ✓"
SHOWN = {  # the name as each code page holds it
    "cp1252": "Energiecoöperatie Zuid – “Zon” +",
    "cp437": 'Energiecoöperatie Zuid - "Zon" +',
}
MOJIBAKE = ("Ã", "â€", "Â", "�")  # UTF-8 read as cp1252 or cp437, or a character lost
WIDTH = 100


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Dutch plan with the name, and a copy whose answers were edited since."""
    folder = tmp_path_factory.mktemp("plans")
    made = invoke(
        "assess", str(folder / "old.yaml"), "--answers", str(ORGANISATIONS / "bakery.yaml"),
        "--lang", "nl", "--set", f"organisation.name={NAME}",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    text = (folder / "old.yaml").read_text("utf-8")
    (folder / "plan.yaml").write_text(text.replace("hours_per_week: 3", "hours_per_week: 8"))
    return folder


def _run(encoding: str, *args: str, cwd: Path) -> tuple[int, str, str]:
    done = subprocess.run(
        [*command(), *args], capture_output=True, timeout=60, check=False, cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": encoding,
             "COLUMNS": str(WIDTH), "SOCIALREADY_LANG": "nl"},
    )  # fmt: skip
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)  # strict: all of it
    assert "Traceback" not in err, err
    for bad in MOJIBAKE:
        assert bad not in out + err, f"{bad!r} in {args}: {(out + err)[:300]}"
    return done.returncode, out, err


COMMANDS = {
    "show": (["show", "plan.yaml"], 0, True),
    "show-markdown": (["show", "--format", "markdown", "plan.yaml"], 0, True),
    "show-json": (["show", "--format", "json", "plan.yaml"], 0, False),
    "diff": (["diff", "old.yaml", "plan.yaml"], 0, False),
    "overview": (["overview", "."], 0, False),  # the name wraps in its column
    "overview-json": (["overview", "--format", "json", "."], 0, False),
    "questions": (["questions"], 0, False),
    "plan-check": (["plan", "--check", "plan.yaml"], 1, False),
    "calendar": (["calendar", "plan.yaml", "--start", "2026-03-02"], 0, True),
}


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_prints_through_an_old_code_page(
    plans: Path, encoding: str, name: str
) -> None:
    args, code, names = COMMANDS[name]
    returned, out, err = _run(encoding, *args, cwd=plans)
    assert returned == code, err
    assert out.strip()
    if names:
        assert SHOWN[encoding] in out
    if name in ("show", "overview", "calendar"):  # stand-ins made before the layout
        assert max(len(line) for line in out.splitlines()) <= WIDTH
    if name == "overview":
        assert "Energiecoöpe" in out and ("“Zon”" if encoding == "cp1252" else '"Zon"') in out
    if name == "show-json":
        assert out.isascii() and "Energieco\\u00f6peratie" in out


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
def test_html_is_ascii_with_references_under_any_code_page(plans: Path, encoding: str) -> None:
    """The page says it is UTF-8: what it holds beyond ASCII is written as references."""
    code, out, _ = _run(encoding, "show", "--format", "html", "plan.yaml", cwd=plans)
    assert code == 0 and out.isascii()
    assert (
        "<title>Socialemediaplan voor Energieco&#246;peratie Zuid &#8211; &#8220;Zon&#8221;" in out
    )


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
def test_an_answers_template_made_with_a_redirect_is_read_back(
    tmp_path: Path, encoding: str
) -> None:
    code, out, _ = _run(encoding, "questions", "--format", "yaml", cwd=tmp_path)
    assert code == 0 and out.isascii()
    path = tmp_path / "answers.yaml"
    path.write_bytes(out.replace("  name: ''", "  name: Test").encode(encoding))
    code, _, err = _run(encoding, "assess", "plan.yaml", "--answers", "answers.yaml", cwd=tmp_path)
    assert code == 0, err


@pytest.mark.parametrize("encoding", ["cp1252", "cp437"])
def test_plan_and_assess_report_through_an_old_code_page(plans: Path, encoding: str) -> None:
    folder = plans / f"write-{encoding}"
    folder.mkdir()
    (folder / "plan.yaml").write_text((plans / "plan.yaml").read_text("utf-8"), "utf-8")
    code, out, err = _run(encoding, "plan", "plan.yaml", cwd=folder)
    assert code == 0 and "plan.yaml" in out + err
    given = (
        (ORGANISATIONS / "bakery.yaml")
        .read_text("utf-8")
        .replace("name: Bakkerij De Korenschoof", f'name: "{NAME}"')
    )
    (folder / "given.yaml").write_text(given, "utf-8")
    code, out, err = _run(
        encoding, "assess", "new.yaml", "--answers", "given.yaml", "--defaults", cwd=folder
    )
    assert code == 0, err
    assert SHOWN[encoding] in out + err
    assert NAME in (folder / "new.yaml").read_text("utf-8")  # the file keeps every character
