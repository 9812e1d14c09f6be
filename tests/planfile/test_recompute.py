"""recompute.update reads a plan cheaply (canonical's reading unchecked, the rebuilt sections
passed over) and trusts that reading only when the rebuilt text is the text read: every other
file gets the answer a verified reading gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialready.errors import BadInput, HandEdited
from socialready.planfile import canonical, diff, recompute, yamlio
from socialready.planfile.document import build, dumps, from_text
from tests.strategies import examples

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "bakery.yaml"
EXAMPLES = sorted((ROOT / "plans").glob("*.yaml"))


def _plan(tmp_path: Path, old: str = "", new: str = "") -> Path:
    text = PLAN.read_text("utf-8")
    if old:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path = tmp_path / "plan.yaml"
    path.write_text(text, "utf-8")
    return path


def _update(path: Path) -> recompute.Update:
    return recompute.update(path, {}, None, force=False, said_in="en")


def test_an_unchanged_plan_is_up_to_date_as_written(tmp_path: Path) -> None:
    path = _plan(tmp_path)
    result = _update(path)
    assert not result.changed
    assert result.new_text == path.read_text("utf-8")
    assert (result.changes, result.moved_to_notes, result.formatting) == ([], [], "")


def test_the_cheap_reading_passes_over_the_rebuilt_sections_and_reads_the_rest(
    tmp_path: Path,
) -> None:
    text = PLAN.read_text("utf-8")
    full = canonical.read(text)
    cheap = canonical.read(text, verify=False, skip=recompute.REBUILT)
    assert list(cheap) == list(full)
    steps = [{**step, "title": "", "why": "", "actions": []} for step in full["steps"]]
    assert cheap == {**full, "readiness": {}, "channels": {}, "steps": steps}
    assert [list(step) for step in cheap["steps"]] == [list(step) for step in full["steps"]]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb:\n  c: |\n    x\n\n    y\n  d: 2\ne: 3\n",
        "a: 1\nb:\n- c: 1\n  d: |-\n    x\n\n    y\n  e:\n  - f\n  - |\n    g\n  h: 'i'\n"
        "- c: 2\nj: 3\n",
        "b: |\n  x\n\n  y\nc: 1\n",
        "b:\n- 1\n- x\nc: 1\n",
    ],
)
def test_the_cheap_reading_passes_over_the_lines_a_reading_takes(text: str) -> None:
    """Whatever it passes over, the rest is read as a whole reading reads it."""
    skip = {"b": {"d": None, "e": None, "h": None}}
    try:
        full = canonical.read(text, verify=False)
    except canonical.Unsupported:
        return
    cheap = canonical.read(text, verify=False, skip=skip)
    assert list(cheap) == list(full)
    for key in full:
        if key != "b":
            assert cheap[key] == full[key]
    cheap = canonical.read(text, verify=False, skip={"b": None})
    assert {key: value for key, value in cheap.items() if key != "b"} == {
        key: value for key, value in full.items() if key != "b"
    }


def test_a_comment_the_cheap_reading_takes_for_text_is_still_a_comment(tmp_path: Path) -> None:
    """Read unchecked, `name: X  # note` is the name `X  # note`; PyYAML reads a comment."""
    line = "    name: Bakkerij De Korenschoof\n"
    path = _plan(tmp_path, line, line.rstrip("\n") + "  # eerst Piet bellen\n")
    cheap = canonical.read(path.read_text("utf-8"), verify=False)
    assert cheap["answers"]["organisation"]["name"].endswith("# eerst Piet bellen")
    with pytest.raises(HandEdited) as refused:
        _update(path)
    assert "20" in str(refused.value)  # the comment's line
    moved = recompute.update(path, {}, None, force=True, said_in="en")
    assert moved.moved_to_notes == ["comments"]
    assert "name: Bakkerij De Korenschoof\n" in moved.new_text


def test_text_quoted_where_it_need_not_be_is_only_layout(tmp_path: Path) -> None:
    """Read unchecked or not, `'business_b2c'` is the same text: the plan has not changed."""
    path = _plan(tmp_path, "    kind: business_b2c\n", "    kind: 'business_b2c'\n")
    result = _update(path)
    assert not result.changed
    assert result.formatting == "other"
    assert result.new_text == PLAN.read_text("utf-8")


def test_a_changed_plan_is_compared_with_the_sections_as_the_file_has_them(
    tmp_path: Path,
) -> None:
    """The sections the cheap reading passed over are in the document as read, for the list
    of changes: as a verified reading has them."""
    path = _plan(tmp_path, "    people: 1\n", "    people: 4\n")
    result = _update(path)
    assert result.changed
    read = from_text(path.read_text("utf-8"), str(path))
    expected = diff.compare(read.document, build(read), "en")
    assert result.changes == expected
    assert result.changes  # the answer, and what follows from it
    assert result.new_text == dumps(build(read), read.file.header, read.file.header_after)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  summary: 'Klaar", "  summary: 'Klaar'"),  # a broken line where reading passes over
        ("readiness:\n", "readiness: 3\n"),  # not a mapping
        ("    people: 1\n", "    people: 'veel'\n"),
        ("    people: 1\n", "    people: 1  # of 2\n"),
    ],
)
def test_a_wrong_plan_is_refused_as_a_verified_reading_refuses_it(
    tmp_path: Path, old: str, new: str
) -> None:
    path = _plan(tmp_path, old, new)
    text = path.read_text("utf-8")
    with pytest.raises(BadInput) as verified:
        plan = from_text(text, str(path))
        recompute.refresh(plan, str(path), force=False)
    with pytest.raises(BadInput) as cheap:
        _update(path)
    assert type(cheap.value) is type(verified.value)
    assert str(cheap.value) == str(verified.value)


def test_a_plan_only_pyyaml_reads_is_read_by_pyyaml(tmp_path: Path) -> None:
    path = _plan(tmp_path, "    people: 1\n", "    people: 0x1\n")  # YAML 1.2: one, in hex
    assert yamlio.verified(path.read_text("utf-8")) is None
    result = _update(path)
    assert not result.changed
    assert result.formatting == "other"


def test_a_crlf_plan_is_read_cheaply_too(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    shutil.copy(PLAN, path)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    result = _update(path)
    assert not result.changed
    assert result.new_text == path.read_bytes().decode("utf-8")


def test_a_hand_edit_of_what_the_cheap_reading_passes_over_is_found(tmp_path: Path) -> None:
    """A step's title, why and actions, readiness and channels: read again to find the edit."""
    path = _plan(
        tmp_path,
        "  title: Bepaal je doelgroep en wat die interessant vindt\n",
        "  title: Bepaal je doelgroep\n",
    )
    with pytest.raises(HandEdited) as refused:
        _update(path)
    assert "steps[audience].title" in str(refused.value)
    moved = recompute.update(path, {}, None, force=True, said_in="en")
    assert moved.moved_to_notes == ["steps[audience].title"]
    assert "Bepaal je doelgroep\n" in moved.new_text  # in the notes now


def _verified_update(path: Path) -> tuple[str, bool, list[str]]:
    """What `plan` makes of a file read the one way that is always right: verified, through
    PyYAML where canonical declines (the text, whether it changes, what moves to the notes)."""
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    plan = from_text(text, str(path))
    document, new_text = recompute._rebuilt(plan)
    moved: list[str] = []
    if new_text != text:
        moved = recompute.refresh(plan, str(path), force=True)
        if moved:
            document, new_text = recompute._rebuilt(plan)
    layout_only = not moved and recompute._same(plan.document, document)
    return new_text, new_text != text and not layout_only, moved


SNIPPETS = st.sampled_from(
    ["\n", "  ", "- ", "'", "''", "# c", " # c", "|-", "|", "key: ", "x", ": ", "null", "1", "0x1",
     "2026-01-05", "yes", "~", "{}", "[]", "-", "  - x\n", "\n  y", "–", "'a'"]
)  # fmt: skip


@settings(deadline=None, max_examples=examples(300))
@given(st.data(), st.sampled_from(EXAMPLES))
def test_plan_makes_of_any_file_what_a_verified_reading_makes_of_it(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, example: Path
) -> None:
    """However a plan is changed, the cheap reading leads to what a verified one does: the same
    text written, the same refusal."""
    text = example.read_text("utf-8")
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 3))
        text = text[:at] + data.draw(SNIPPETS) + text[at + cut :]
    path = tmp_path_factory.mktemp("plan") / "p.yaml"
    path.write_text(text, "utf-8", newline="")
    try:
        expected: object = _verified_update(path)
    except BadInput as problem:
        expected = (type(problem), str(problem))
    try:
        result = recompute.update(path, {}, None, force=True, said_in="en")
        found: object = (result.new_text, result.changed, result.moved_to_notes)
    except BadInput as problem:
        found = (type(problem), str(problem))
    assert found == expected
