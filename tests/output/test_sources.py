"""Sources as numbered notes in what a person reads; the plan file keeps each source in place."""

from __future__ import annotations

import re
from pathlib import Path

from socialready.output import html, report, sources, terminal
from socialready.planfile.document import load_document

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "municipality.yaml"


def test_the_plan_file_keeps_each_source_in_its_sentence() -> None:
    text = PLAN.read_text("utf-8")
    assert "(Newcom, 2025)" in text and "(aanname)" in text


def test_markdown_and_html_cite_numbered_notes_with_the_list_at_the_end() -> None:
    document = load_document(PLAN)
    shown = report.markdown(document)
    body, _, notes = shown.partition("## Bronnen")
    assert notes, "a source list at the end"
    assert "(Newcom, 2025)" not in body and "(aanname)" not in body
    assert re.search(r"\\\[1\\\]", body)  # [1], escaped as markdown writes it
    assert "Newcom, 2025" in notes and notes.count("Aanname") == 1  # an assumption said once
    page = html.page(document)
    assert "<h2>Bronnen</h2>" in page and "(Newcom, 2025)" not in page.split("Bronnen")[0]


def test_the_terminal_lists_the_sources_once() -> None:
    document = load_document(PLAN)
    out = terminal.console(width=120, record=True)
    terminal.plan(document, out)
    shown = out.export_text()
    assert shown.count("Newcom, 2025") == 1 and "[1]" in shown
    assert "(aanname)" not in shown


def test_notes_are_numbered_in_the_order_a_reader_meets_them() -> None:
    document = load_document(PLAN)
    marked, notes = sources.numbered(document)
    assert [int(note[1 : note.index("]")]) for note in notes] == list(range(1, len(notes) + 1))
    assert marked["answers"] == document["answers"]  # what the user owns is left as it is
    assert document["steps"][3]["actions"] != marked["steps"][3]["actions"]
