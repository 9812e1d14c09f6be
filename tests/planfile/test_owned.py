"""For any plan with user-owned fields filled in, `plan` keeps them and is idempotent."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from socialready import rules
from socialready.model import PlanDoc
from socialready.planfile import owned as owned_mod
from socialready.planfile import recompute, yamlio
from socialready.planfile.document import FORMAT, OWNED, STATUSES, Plan, build
from tests.strategies import examples, languages, valid_answers

OWNED_STEP = st.fixed_dictionaries(
    {
        "owner": st.none() | st.text(min_size=1, max_size=40).map(str.strip).filter(bool),
        "status": st.sampled_from(STATUSES),
        "due": st.none() | st.dates(dt.date(2025, 1, 1), dt.date(2030, 12, 31)),
        "notes": st.none() | st.text(min_size=1, max_size=200),
    }
)
PRINTABLE = st.characters(blacklist_categories=["Cs", "Cc"])


@settings(max_examples=examples(60), deadline=None)
@given(
    valid_answers(),
    languages,
    st.lists(OWNED_STEP, min_size=8, max_size=8),
    st.sampled_from(["capacity.hours_per_week", "willingness.management", None]),
)
def test_plan_keeps_owned_fields_and_is_idempotent(
    answers: dict[str, Any], lang: str, owned: list[dict[str, Any]], edited: str | None
) -> None:
    owned_by_step = dict(zip(rules.STEP_IDS, owned, strict=True))
    document = build(Plan(answers, lang, owned_by_step))
    if edited == "capacity.hours_per_week":
        document["answers"]["capacity"]["hours_per_week"] = 80 - answers[edited]
    elif edited == "willingness.management":
        document["answers"]["willingness"]["management"] = "against"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(yamlio.dumps(document), "utf-8")
        first = recompute.update(path, {}, None, force=False, said_in="en")
        path.write_text(first.new_text, "utf-8")
        second = recompute.update(path, {}, None, force=False, said_in="en")
    assert not second.changed
    result = yamlio.loads(first.new_text, "p.yaml")
    for step, expected in zip(result["steps"], owned, strict=True):
        worded = {**expected, "status": owned_mod.status_word(expected["status"], lang)}
        assert {key: step[key] for key in OWNED} == worded  # the plan's language


def _as_version_1(document: PlanDoc) -> dict[str, Any]:
    """The same plan as format 1 wrote it: owned fields last in each step, no started, reviews."""
    old = {key: value for key, value in document.items() if key not in ("started", "reviews")}
    old["socialready"] = 1
    order = ("id", "title", "why", "actions", "owner", "status", "due", "notes")
    old["steps"] = [{key: step.get(key) for key in order} for step in document["steps"]]
    return old


SPELLINGS = st.sampled_from(sorted(owned_mod.status_words().items()))


@settings(max_examples=examples(60), deadline=None)
@given(valid_answers(), languages, st.lists(OWNED_STEP, min_size=8, max_size=8), st.data())
def test_a_version_1_plan_upgrades_with_every_owned_field_kept(
    answers: dict[str, Any], lang: str, owned: list[dict[str, Any]], data: st.DataObject
) -> None:
    owned_by_step = dict(zip(rules.STEP_IDS, owned, strict=True))
    old = _as_version_1(build(Plan(answers, lang, owned_by_step)))
    expected = []
    for step in old["steps"]:
        expected.append({key: step[key] for key in OWNED})
        if data.draw(st.booleans()):  # a status as the user may type it, in either language
            spelling, expected[-1]["status"] = data.draw(SPELLINGS)
            step["status"] = data.draw(st.sampled_from([spelling, spelling.title()]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yaml"
        path.write_text(yamlio.dumps(old), "utf-8")
        first = recompute.update(path, {}, None, force=False, said_in="en")
        assert first.changed
        path.write_text(first.new_text, "utf-8")
        assert not recompute.update(path, {}, None, force=False, said_in="en").changed
    result = yamlio.loads(first.new_text, "p.yaml")
    assert result["socialready"] == FORMAT and result["started"] is None
    assert result["answers"] == old["answers"]
    for step, want in zip(result["steps"], expected, strict=True):
        worded = {**want, "status": owned_mod.status_word(want["status"], lang)}
        assert {key: step[key] for key in OWNED} == worded
