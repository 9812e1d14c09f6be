"""`plan`: recomputes, keeps what the user owns (hashtags and comments too), writes status words,
dates and notes in the plan's language, counts what it did, and checks in CI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from socialready import catalog
from socialready.commands import plan as plan_command
from socialready.planfile import yamlio
from socialready.planfile.document import header_comment
from tests.bad_files import files_in, refused
from tests.conftest import NL, ORGANISATIONS, assess_plan, edit_plan, invoke, own_step


def _assess(org: str, target: Path, *extra: str) -> Path:
    result = invoke("assess", str(target), "--answers", str(ORGANISATIONS / f"{org}.yaml"), *extra)
    assert result.returncode == 0, result.stderr
    return target


def test_same_answers_give_the_same_bytes(isolated: Path) -> None:
    first = _assess("bakery", isolated / "a.yaml").read_bytes()
    second = _assess("bakery", isolated / "b.yaml").read_bytes()
    assert first == second
    assert invoke("plan", "--check", str(isolated / "a.yaml")).returncode == 0


def test_plan_keeps_owned_fields_after_an_answers_edit_and_is_idempotent(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml")
    own_step(path, 1, owner="Anna", status="done", due="2026-12-01", notes="'Asked 5 regulars.'")
    own_step(path, 4, owner="Piet", status="doing", due="2027-01-15")
    edit_plan(path, "hours_per_week: 3", "hours_per_week: 8")

    check = invoke("plan", "--check", str(path))
    assert check.returncode == 1, check.stderr
    assert "would change" in check.stdout and "hours available: 3 → 8" in check.stdout

    result = invoke("plan", str(path))
    assert result.returncode == 0, result.stderr
    assert "channels" in result.stdout and "~ Instagram cadence" in result.stdout
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    first, fourth = document["steps"][0], document["steps"][3]
    assert (first["owner"], first["status"], str(first["due"])) == ("Anna", "done", "2026-12-01")
    assert first["notes"] == "Asked 5 regulars."
    assert (fourth["owner"], fourth["status"], str(fourth["due"])) == (
        "Piet",
        "doing",
        "2027-01-15",
    )
    assert "instagram" in [c["channel"] for c in document["channels"]["recommended"]]

    before = path.read_bytes()
    again = invoke("plan", str(path))
    assert again.returncode == 0 and path.read_bytes() == before
    assert invoke("plan", "--check", str(path)).returncode == 0


def test_set_and_lang_on_plan(isolated: Path) -> None:
    path = _assess("software", isolated / "software.yaml", "--lang", "en")
    result = invoke("plan", str(path), "--set", "willingness.management=against", "--lang", "nl")
    assert result.returncode == 0, result.stderr
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    assert document["language"] == "nl"
    assert document["readiness"]["verdict"] == "not_yet"
    assert "oordeel: Er klaar voor → Nog niet" in result.stdout  # told in the plan's language


def test_hand_edit_of_a_generated_field_is_refused_then_moved_to_notes(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    action = document["steps"][4]["actions"][0]
    edit_plan(path, f"- {action}", "- Post a photo of the first loaf every morning.")
    edit_plan(path, "hours_per_week: 3", "hours_per_week: 8")
    before = path.read_bytes()

    refused = invoke("plan", str(path))
    assert refused.returncode == 2
    assert "steps[share].actions" in refused.stderr and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert path.read_bytes() == before

    forced = invoke("plan", "--force", str(path))
    assert forced.returncode == 0, forced.stderr
    after = yamlio.loads(path.read_text("utf-8"), str(path))
    assert "Post a photo of the first loaf every morning." in after["steps"][4]["notes"]
    assert invoke("plan", "--check", str(path)).returncode == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("status: to do", "status: finished", 1), "steps[audience].status"),
        (lambda t: t.replace("socialready: 3", "socialready: 99"), "newer than this socialready"),
        (lambda t: t.replace("  people: 1", "  people: many"), "capacity.people"),
        (lambda t: t.replace("  size: micro", "  size: huge"), "organisation.size"),
        (lambda t: t.replace("  due: null", "  due: soon", 1), "is not a date"),
        (
            lambda t: t.replace(
                "  people: 1\n", "<<<<<<< HEAD\n  people: 1\n=======\n  people: 2\n>>>>>>> x\n"
            ),
            "resolve the conflict",
        ),
        (lambda t: "", "the file is empty"),
    ],
)
def test_invalid_hand_edits_exit_2_naming_the_key(
    isolated: Path, change: object, message: str
) -> None:
    path = _assess("bakery", isolated / "bakery.yaml")
    path.write_text(change(path.read_text("utf-8")), "utf-8")  # type: ignore[operator]
    before = path.read_bytes()
    for args in (["plan"], ["plan", "--check"], ["show"]):
        result = invoke(*args, str(path))
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and str(path) in result.stderr
        assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_check_on_a_folder_reports_each_plan(isolated: Path) -> None:
    folder = isolated / "plans"
    for org in ("bakery", "school", "hospital"):
        _assess(org, folder / f"{org}.yaml")
    assert invoke("plan", "--check", str(folder)).returncode == 0
    edit_plan(folder / "school.yaml", "hours_per_week: 4", "hours_per_week: 20")
    result = invoke("plan", "--check", str(folder))
    assert result.returncode == 1
    assert (
        "school.yaml: would change" in result.stdout
        and "1 plan would change, 2 plans up to date." in result.stderr
    )
    (folder / "broken.yaml").write_text("a: [", "utf-8")
    result = invoke("plan", "--check", str(folder))
    assert result.returncode == 2 and "broken.yaml: line 2, column 1" in result.stderr


def test_assess_again_keeps_owned_fields_and_header_comments(isolated: Path) -> None:
    path = _assess("bakery", isolated / "plans" / "bakkerij-de-korenschoof.yaml", "--lang", "en")
    own_step(path, 2, owner="Anna", status="doing", notes="'Ask at the counter.'")
    path.write_text("# yaml-language-server: $schema=../plan.schema.json\n" + path.read_text())
    # The plan named again: what the user owns is kept.
    result = invoke(
        "assess", str(path), "--answers", str(ORGANISATIONS / "bakery.yaml"),
        "--set", "capacity.people=2",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = path.read_text("utf-8")
    modeline = "# yaml-language-server: $schema=../plan.schema.json\n"
    assert text.startswith(modeline + header_comment("en") + "socialready: 3\n")
    step = yamlio.loads(text, str(path))["steps"][1]
    assert (step["owner"], step["status"], step["notes"]) == (
        "Anna",
        "doing",
        "Ask at the counter.",
    )
    assert yamlio.loads(text, str(path))["answers"]["capacity"]["people"] == 2


def test_comments_inside_a_plan_are_not_dropped_silently(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    edit_plan(path, "  people: 1\n", "  people: 1  # Anna, until March\n")
    refused = invoke("plan", str(path))
    assert refused.returncode == 2 and "a comment on line" in refused.stderr
    forced = invoke("plan", "--force", str(path))
    assert forced.returncode == 0, forced.stderr
    organise = yamlio.loads(path.read_text("utf-8"), str(path))["steps"][2]
    assert "# Anna, until March" in organise["notes"]


def test_a_plan_made_by_the_first_rules_is_recomputed_with_what_the_user_owns(
    isolated: Path,
) -> None:
    """Rules version 1 knew no country and dropped or pushed channels; `plan` brings it up to
    date, keeps the owner and status the user set, and says what moved."""
    path = isolated / "bakery.yaml"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "bakery-rules-1.yaml", path)
    assert invoke("plan", "--check", str(path)).returncode == 1
    result = invoke("plan", str(path))
    assert result.returncode == 0, result.stderr
    assert "Instagram" in result.stdout and "findings" in result.stdout
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    assert document["rules"]["version"] == catalog.load().version
    assert document["answers"]["organisation"]["country"] == "NL"  # a Dutch plan: Dutch figures
    first = document["steps"][0]
    assert (first["owner"], first["status"]) == ("Anna", "klaar")  # a Dutch plan: its word
    assert "Newcom" in str(document["channels"]) and "Pew" not in str(document["channels"])
    assert invoke("plan", "--check", str(path)).returncode == 0


def _step_line(path: Path, key: str, value: str, step: int = 1) -> None:
    """Set one owned field of step N to exactly `value` (as it is written in the file)."""
    lines = path.read_text("utf-8").split("\n")
    seen = 0
    for number, line in enumerate(lines):
        if line.startswith("- id: "):
            seen += 1
        if seen == step and line.startswith(f"  {key}:"):
            lines[number] = f"  {key}: {value}"
            break
    path.write_text("\n".join(lines), "utf-8")


def test_a_comment_after_a_dutch_place_name_is_found(isolated: Path) -> None:
    """`'s-Hertogenbosch` opens no quote: the comment after it is a comment, kept on its line
    (as a hashtag would be), with a word on how to quote it if it belongs to the owner."""
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    _step_line(path, "owner", "Gemeente 's-Hertogenbosch # eerst Piet bellen")
    before = path.read_bytes()
    result = invoke("plan", str(path))
    assert result.returncode == 0, result.stderr
    assert "YAML reads # eerst Piet bellen as a comment" in result.stderr
    assert "owner: 'Gemeente ''s-Hertogenbosch # eerst Piet bellen'" in result.stderr
    assert invoke("plan", "--check", str(path)).returncode == 0
    assert path.read_bytes() == before
    document = yamlio.loads(path.read_text("utf-8"), str(path))
    assert document["steps"][0]["owner"] == "Gemeente 's-Hertogenbosch"


def test_a_note_with_a_hash_sign_is_no_comment_and_never_snowballs(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    _step_line(path, "notes", "|-\n    Call the printer about order #42\n    and 'the rest': later")
    assert invoke("plan", "--check", str(path)).returncode == 0
    assert invoke("plan", str(path)).returncode == 0
    text = path.read_text("utf-8")
    for _ in range(3):
        assert invoke("plan", "--force", str(path)).returncode == 0
    assert path.read_text("utf-8") == text  # no "Comments from the file" note, ever
    notes = yamlio.loads(text, str(path))["steps"][0]["notes"]
    assert notes == "Call the printer about order #42\nand 'the rest': later"


def test_a_windows_checkout_with_crlf_is_up_to_date_and_stays_crlf(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    check = invoke("plan", "--check", str(path))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "would change" not in check.stdout and "1 plan up to date." in check.stderr
    path.write_bytes(path.read_bytes().replace(b"hours_per_week: 3", b"hours_per_week: 8"))
    assert invoke("plan", str(path)).returncode == 0
    data = path.read_bytes()
    assert b"hours_available: 8\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
    assert invoke("plan", "--check", str(path)).returncode == 0


def test_formatting_only_differences_pass_check_and_say_what_they_are(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    text = path.read_text("utf-8")
    path.write_text(text.replace("language: en", 'language: "en"'), "utf-8")  # other quoting
    check = invoke("plan", "--check", str(path))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "formatting only: layout" in check.stderr and "would be rewritten" in check.stderr
    path.write_bytes(text.encode().replace(b"\n", b"\r\n", 5))  # a mix of CRLF and LF
    check = invoke("plan", "--check", str(path))
    assert check.returncode == 0 and "formatting only: line endings" in check.stderr
    written = invoke("plan", str(path))
    assert written.returncode == 0 and "formatting only: line endings" in written.stderr
    assert b"\r" not in path.read_bytes()  # one style now: that of most lines (LF)


def test_a_byte_order_mark_is_kept(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert invoke("plan", "--check", str(path)).returncode == 0
    edit_plan(path, "hours_per_week: 3", "hours_per_week: 8")
    assert invoke("plan", str(path)).returncode == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# socialready plan") and data.count(b"\xef\xbb\xbf") == 1


def test_a_symlinked_plan_is_written_through_the_link(isolated: Path) -> None:
    target = _assess("bakery", isolated / "shared" / "bakery.yaml", "--lang", "en")
    link = isolated / "plans" / "bakery.yaml"
    link.parent.mkdir()
    link.symlink_to(Path("..") / "shared" / "bakery.yaml")
    edit_plan(target, "hours_per_week: 3", "hours_per_week: 8")
    result = invoke("plan", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert "hours_available: 8" in target.read_text("utf-8")
    assert not list(isolated.rglob(".*.tmp"))
    assert invoke("plan", "--check", str(link)).returncode == 0


def test_a_plan_that_plan_writes_is_one_every_command_reads(isolated: Path) -> None:
    """A long note full of tabs grows when written (each tab as \\t): still readable."""
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    note = ("x\t\t\t\t" * 20 + "\n") * 6700  # about 700 KB, four in five characters tabs
    text = path.read_text("utf-8").replace(
        "  notes: null", "  notes: |-\n    " + note.rstrip("\n").replace("\n", "\n    "), 1
    )
    text = text.replace("hours_per_week: 3", "hours_per_week: 8")
    path.write_text(text, "utf-8")
    assert 650_000 < path.stat().st_size < 1024 * 1024
    result = invoke("plan", str(path))
    assert result.returncode == 0, result.stderr
    assert path.stat().st_size > 1024 * 1024  # grew past the old 1 MiB limit
    for args in (["plan", "--check"], ["show"], ["show", "--format", "json"], ["diff", str(path)]):
        again = invoke(*args, str(path))
        assert again.returncode == 0, (args, again.stderr)


def test_a_plan_that_would_grow_past_what_is_read_is_refused_unchanged(isolated: Path) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    note = ("x\t\t\t\t" * 20 + "\n") * 24_000  # 2.4 MB, written with each tab as \t
    text = path.read_text("utf-8").replace(
        "  notes: null", "  notes: |-\n    " + note.rstrip("\n").replace("\n", "\n    "), 1
    )
    path.write_text(text.replace("hours_per_week: 3", "hours_per_week: 8"), "utf-8")
    before = path.read_bytes()
    assert len(before) < 4 * 1024 * 1024
    result = invoke("plan", str(path))
    assert result.returncode == 2, result.stderr
    assert "MiB, over the 4 MiB that socialready reads; shorten the notes" in result.stderr
    assert path.read_bytes() == before and not list(isolated.glob(".*.tmp"))


FINDINGS = re.compile(r"\n {6}findings:\n(?: {6}[- ].*\n)+")  # a dimension's list of findings


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("- rule: ", "- rule: [x]\n        was: ", 1),
        lambda t: FINDINGS.sub("\n      findings: x\n", t, count=1),
        lambda t: t.replace("  verdict: ", "  1: one\n  verdict: ", 1),
        lambda t: re.sub(r"\n  why: [^\n]*", "\n  why: [a, b]", t, count=1),
        lambda t: re.sub(r"\n  actions:\n(  - [^\n]*\n)+", "\n  actions: one\n", t, count=1),
        lambda t: re.sub(r"\n  recommended:\n", "\n  recommended: 7\n  old:\n", t, count=1),
        lambda t: t.replace("readiness:\n", "readiness:\n  deep: " + "[" * 900 + "]" * 900 + "\n"),
    ],
    ids=["rule-as-list", "findings-as-text", "number-as-key", "why-as-list", "actions-as-text",
         "channels-as-number", "nested-900-deep"],
)  # fmt: skip
def test_a_hand_edit_of_any_shape_is_one_message_or_moved(
    isolated: Path, change: Callable[[str], str]
) -> None:
    path = _assess("bakery", isolated / "bakery.yaml", "--lang", "en")
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    before = path.read_bytes()
    for args in (["plan"], ["plan", "--check"], ["show"], ["diff", str(path)]):
        result = invoke(*args, str(path))
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode in (1, 2), (args, result.stderr)
        if result.returncode == 2:
            errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
            assert len(errors) == 1 and str(path) in errors[0], result.stderr
    assert path.read_bytes() == before
    forced = invoke("plan", "--force", str(path))
    assert "Traceback" not in forced.stderr
    assert forced.returncode in (0, 2), forced.stderr


def test_a_dutch_plan_writes_dutch_status_words_and_keeps_klaar(isolated: Path) -> None:
    path = assess_plan(isolated / "p.yaml")
    text = path.read_text("utf-8")
    assert text.count("status: te doen") == 8 and "status: todo" not in text
    edit_plan(path, "status: te doen", "status: klaar")
    edit_plan(path, "status: te doen", "status: done")  # the other language: the plan's word
    assert invoke("plan", str(path)).returncode == 0
    after = path.read_text("utf-8")
    assert after.count("status: klaar") == 2 and "status: done" not in after


def test_an_english_plan_writes_english_status_words(isolated: Path) -> None:
    path = assess_plan(isolated / "p.yaml", "en")
    edit_plan(path, "status: to do", "status: klaar")
    assert invoke("plan", str(path)).returncode == 0
    text = path.read_text("utf-8")
    assert "status: done" in text and "status: klaar" not in text


def test_a_dutch_date_is_read_written_as_iso_and_shown_in_words(isolated: Path) -> None:
    path = assess_plan(isolated / "p.yaml")
    edit_plan(path, "due: null", "due: 31-03-2027")
    shown = invoke("show", "--format", "markdown", str(path))
    assert shown.returncode == 0, shown.stderr
    assert "Uiterlijk: 31 maart 2027" in shown.stdout
    assert invoke("plan", str(path)).returncode == 0
    assert "due: 2027-03-31" in path.read_text("utf-8")


def test_a_dutch_date_in_an_english_plan_is_refused_naming_the_field(isolated: Path) -> None:
    path = assess_plan(isolated / "p.yaml", "en")
    edit_plan(path, "due: null", "due: 31-03-2027")
    result = invoke("plan", str(path))
    assert result.returncode == 2
    assert "steps[audience].due: '31-03-2027' is not a date; write it as 2026-03-31" in (
        result.stderr
    )


def test_counts_agree_in_both_languages(isolated: Path) -> None:
    folder = isolated / "plans"
    for name in ("a", "b", "c"):
        assess_plan(folder / f"{name}.yaml")
    for name in ("a", "b", "c"):
        edit_plan(folder / f"{name}.yaml", "hours_per_week: 3", "hours_per_week: 6")
    one = invoke("plan", str(folder / "a.yaml"), env=NL)
    assert "1 plan bijgewerkt." in one.stderr, one.stderr
    more = invoke("plan", str(folder / "b.yaml"), str(folder / "c.yaml"), env=NL)
    assert "2 plannen bijgewerkt." in more.stderr, more.stderr
    edit_plan(folder / "a.yaml", "hours_per_week: 6", "hours_per_week: 3")
    english = invoke("plan", "--check", str(folder), env={"SOCIALREADY_LANG": "en"}).stderr
    assert "1 plan would change, 2 plans up to date." in english, english


def test_force_notes_in_a_dutch_plan_are_dutch(isolated: Path) -> None:
    path = assess_plan(isolated / "p.yaml")
    edit_plan(path, "\nlanguage: nl\n", "\n# even overleggen met Sanne\nlanguage: nl\n")
    text = path.read_text("utf-8")
    title = re.search(r"title: (Zoek uit .*)", text)
    assert title
    edit_plan(path, title.group(0), "title: Zoek uit waar onze inwoners zitten")
    result = invoke("plan", "--force", str(path), env=NL)
    assert result.returncode == 0, result.stderr
    notes = yamlio.loads(path.read_text("utf-8"), "p")["steps"]
    organise = next(step for step in notes if step["id"] == "organise")["notes"]
    media = next(step for step in notes if step["id"] == "media")["notes"]
    assert organise.startswith("Opmerkingen uit het bestand:\nregel ")
    assert "even overleggen met Sanne" in organise
    assert media.startswith("Met de hand aangepast in stap 2, titel:\n")
    assert "stap 2, titel" in result.stderr and "opmerkingen" in result.stderr
    for english in ("Comments from the file", "Edited by hand", "line ", "steps["):
        assert english not in organise + media + result.stderr


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  notes: null", "  notes: Meedoen met #LindewaardPeilt"),
        ("  notes: null", "  notes: #LindewaardPeilt"),
        ("  owner: jij", "  owner: Sanne #LindewaardPeilt"),
    ],
)
def test_a_hashtag_in_a_field_never_makes_plan_refuse_and_is_never_cut(
    isolated: Path, old: str, new: str
) -> None:
    path = assess_plan(isolated / "p.yaml")
    edit_plan(path, old, new)
    before = path.read_text("utf-8")
    result = invoke("plan", str(path), env=NL)
    assert result.returncode == 0, result.stderr
    assert path.read_text("utf-8") == before  # it stays where it is
    assert result.stderr.count("#LindewaardPeilt") == 2  # said once, with the quoted value
    assert "tussen aanhalingstekens" in result.stderr
    assert invoke("plan", "--check", str(path)).returncode == 0
    shown = invoke("show", str(path), env=NL)
    assert shown.returncode == 0 and "tussen aanhalingstekens" in shown.stderr
    assert invoke("show", "--format", "markdown", str(path)).stderr == ""  # git's textconv
    # Quoted as the hint says, it is part of the text and the hint goes.
    field = new.split(":")[0]
    value = new.split(": ", 1)[1]
    edit_plan(path, new, f"{field}: '{value}'")
    quiet = invoke("plan", str(path))
    assert quiet.returncode == 0 and "#" not in quiet.stderr
    steps = yamlio.loads(path.read_text("utf-8"), "p")["steps"]
    assert value in [step[field.strip()] for step in steps]


def test_the_hint_in_a_hashtag_plan_gives_the_value_to_write(isolated: Path) -> None:
    path = assess_plan(isolated / "p.yaml")
    edit_plan(path, "  notes: null", "  notes: Meedoen met #LindewaardPeilt")
    result = invoke("plan", str(path), env=NL)
    assert "stap 1, notities (steps[audience].notes)" in result.stderr
    assert "notes: 'Meedoen met #LindewaardPeilt'" in result.stderr


def test_a_comment_after_a_status_is_kept_and_pointed_to_the_notes(isolated: Path) -> None:
    path = assess_plan(isolated / "p.yaml")
    edit_plan(path, "  status: te doen", "  status: bezig #later")
    before = path.read_text("utf-8")
    result = invoke("plan", str(path), env=NL)
    assert result.returncode == 0, result.stderr
    assert path.read_text("utf-8") == before
    assert "zet het dan in de notities van de stap" in result.stderr
    assert "aanhalingstekens" not in result.stderr  # a quoted status would be no status


@pytest.fixture
def tiny_disk(isolated: Path) -> Iterator[Path]:
    """A 12 KiB tmpfs holding one plan: room for it, not for a second copy while replacing."""
    disk = isolated / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a full disk needs a tmpfs mount (root); a /dev/full symlink is replaced")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12k", "tmpfs", str(disk)])
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here to simulate a full disk")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_keeps_the_old_plan(isolated: Path, stale_plan: str, tiny_disk: Path) -> None:
    (tiny_disk / "bakery.yaml").write_text(stale_plan)
    before = files_in(isolated)
    result = invoke("plan", "disk/bakery.yaml")
    refused(result, isolated, before, "disk/bakery.yaml: the disk is full", "unchanged")
    assert result.stderr.splitlines()[-1] == "1 plan could not be written."


def test_a_read_only_disk_keeps_the_old_plan(
    isolated: Path, stale_plan: str, tiny_disk: Path
) -> None:
    """A disk or share mounted read-only (EROFS), which even root cannot write."""
    (tiny_disk / "bakery.yaml").write_text(stale_plan)
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)])
    if remounted.returncode != 0:
        pytest.skip("cannot remount the tmpfs read-only here")
    before = files_in(isolated)
    result = invoke("plan", "disk/bakery.yaml")
    refused(result, isolated, before, "disk/bakery.yaml: cannot be written: the disk or share")
    assert result.stderr.splitlines()[-1] == "1 plan could not be written."


def _folder(root: Path, text: str, count: int) -> Path:
    folder = root / "plans"
    folder.mkdir()
    for number in range(count):
        (folder / f"p{number:03}.yaml").write_text(text, "utf-8")
    return folder


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next(
    isolated: Path, stale_plan: str
) -> None:
    folder = _folder(isolated, stale_plan, 2)
    orphan = folder / f".p000.yaml.{2**22 + 7}.abcd_123.tmp"  # no such process id
    orphan.write_text(stale_plan, "utf-8")
    result = invoke("plan", str(folder))
    assert result.returncode == 0, result.stderr
    assert not orphan.exists()


def test_a_link_or_folder_in_the_lock_files_place_is_named_and_left_alone(
    isolated: Path, stale_plan: str
) -> None:
    plan = isolated / "p.yaml"
    plan.write_text(stale_plan, "utf-8")
    other = isolated / "other.txt"
    other.write_text("mine", "utf-8")
    (isolated / ".p.yaml.lock").symlink_to(other)
    result = invoke("plan", str(plan), "--set", "capacity.hours_per_week=7")
    assert result.returncode == 2, result.stderr
    assert ".p.yaml.lock: cannot be written" in result.stderr
    assert "1 plan could not be written." in result.stderr
    assert other.read_text("utf-8") == "mine" and plan.read_text("utf-8") == stale_plan


def test_a_start_method_the_platform_lacks_is_one_message(isolated: Path, stale_plan: str) -> None:
    folder = _folder(isolated, stale_plan, 70)
    result = invoke("plan", str(folder), env={"SOCIALREADY_START_METHOD": "threads"})
    assert result.returncode == 2
    assert result.stderr.startswith("Error: SOCIALREADY_START_METHOD: 'threads' is not one of: ")
    assert "Traceback" not in result.stderr
    assert all(path.read_text("utf-8") == stale_plan for path in folder.iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="Windows queues take no lock to write")
def test_the_pool_ends_even_when_its_result_queue_is_left_locked() -> None:
    """A worker ended while it held the lock of the queue that results go back through (a large
    plan, a full pipe) leaves that lock taken for good, and Pool.terminate then waits forever on
    a thread of its own. The command gives the pool its wait, then kills what is left."""
    import multiprocessing

    before = set(multiprocessing.active_children())
    pool = multiprocessing.get_context(plan_command.start_method()).Pool(2)
    assert list(pool.imap(abs, [-1, -2, -3])) == [1, 2, 3]
    lock = pool._outqueue._wlock  # type: ignore[attr-defined]  # as a killed worker leaves it
    lock.acquire()
    try:
        ending = threading.Thread(target=plan_command.end, args=(pool, before, 0.5), daemon=True)
        ending.start()
        ending.join(10)
        assert not ending.is_alive(), "the pool did not end"
        assert set(multiprocessing.active_children()) - before == set()
    finally:
        lock.release()  # the pool's own threads, stuck till now, end too


def _blocked(thread_id: int) -> int:
    """The signals a thread of this process holds back (Linux: its SigBlk)."""
    status = Path(f"/proc/self/task/{thread_id}/status").read_text()
    return int(re.search(r"^SigBlk:\s*([0-9a-f]+)$", status, re.M)[1], 16)  # type: ignore[index]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a thread's signal mask in /proc")
def test_the_pools_threads_never_take_sigterm_or_ctrl_c(isolated: Path, plan_text: str) -> None:
    """A signal that one of the pool's threads takes is handled on the command's thread at once,
    even where it holds signals back to finish a plan's replace and remove its lock file: the
    pool's threads hold both back for good."""
    for number in range(plan_command.PARALLEL_FROM):
        (isolated / f"p{number:03}.yaml").write_text(plan_text, "utf-8")
    plans = sorted(isolated.glob("p*.yaml"))
    jobs: list[plan_command.Job] = [(str(path), {}, None, True, True, "en") for path in plans]
    before = {thread.native_id for thread in threading.enumerate()}
    outcomes = plan_command._outcomes(jobs)
    try:
        next(outcomes)
        main = threading.main_thread().native_id
        others = [t.native_id for t in threading.enumerate() if t.native_id not in before]
        assert others, "no thread of the pool is running"
        for thread_id in others:
            blocked = _blocked(thread_id)  # type: ignore[arg-type]
            assert blocked >> 14 & 1 and blocked >> 1 & 1, (thread_id, hex(blocked))  # 15, 2
        assert not _blocked(main) >> 14 & 1  # type: ignore[arg-type]
    finally:
        outcomes.close()
