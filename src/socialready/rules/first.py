"""The first actions the wizard ends with: what matters most for this organisation now.

First what caps the verdict (the worst cap first) or costs the most points, each as its finding's
advice with the step it belongs to; then the first live action of step 4, unless the verdict says
not to start yet. Steps done or skipped are passed over.
"""

from __future__ import annotations

import re

from socialready.catalog import Catalog
from socialready.model import PlanDoc, as_choices
from socialready.rules.context import VERDICTS
from socialready.rules.steps import STEP_IDS
from socialready.status import settled
from socialready.text import text

COUNT = 3
_STEP_NOTE = re.compile(r"\s*\((?:stap|step) [^()]*\)(?=\.?$)")  # "(stap 3)" at the end


def first_actions(document: PlanDoc, catalog: Catalog, count: int = COUNT) -> list[tuple[int, str]]:
    """Up to `count` (step number, action) pairs, the most pressing first."""
    open_steps: dict[str, int] = {
        step["id"]: number
        for number, step in enumerate(document["steps"], start=1)
        if not settled(step)
    }
    verdict = document["readiness"]["verdict"]
    live = [] if verdict == "not_yet" else _live(document, open_steps)
    room = count - min(len(live), 1)
    now = dict(open_steps)
    if verdict == "not_yet":  # steps 4–7 describe what comes after the conditions: not now
        now = {step: number for step, number in open_steps.items() if not 4 <= number <= 7}
    capping, costly = _pressing(document, catalog, now)
    calamity = _calamity(document, catalog, open_steps)
    found = (capping + calamity + costly)[:room]
    seen = {text for _, text in found} | {text for _, text in live}
    numbered = list(enumerate(document["steps"], start=1))
    # Fill up from the steps, organising first: what the audience is and where it is active
    # (steps 1 and 2) is known already unless a finding above says otherwise.
    for number, step in numbered[2:] + numbered[:2]:
        if len(found) >= room:
            break
        if step["id"] not in open_steps or (verdict == "not_yet" and 4 <= number <= 7):
            continue
        for action in step["actions"]:
            if len(found) < room and action not in seen:
                found.append((number, action))
                seen.add(action)
    found += live[:1]  # the first live action comes last: it follows what has to be settled
    return found[:count]


def _pressing(
    document: PlanDoc, catalog: Catalog, open_steps: dict[str, int]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Findings that cap the verdict (worst cap first), and those that cost the most points,
    each as (step, advice)."""
    rules = catalog.texts["findings"]
    where = catalog.texts["first_actions"]
    ranked = []
    for order, (dimension, scored) in enumerate(document["readiness"]["dimensions"].items()):
        for index, finding in enumerate(scored["findings"]):
            rule = rules.get(finding["rule"])
            if rule is None:  # a review's finding: judged at the review, not here
                continue
            cap = rule.get("cap")
            if finding["rule"] in where["skip"]:
                continue
            if not cap and rule["points"] < where["min_points"]:
                continue
            step = (
                where["steps"].get(finding["rule"])
                or rule.get("step")
                or where["dimensions"][dimension]
            )
            if step not in open_steps:
                continue
            severity = VERDICTS.index(cap) if cap else len(VERDICTS)
            key = (severity, -rule["points"], order, index)
            ranked.append((key, open_steps[step], _unnoted(finding["do"], open_steps[step])))
    ranked.sort(key=lambda item: item[0])
    capping = [(step, text) for key, step, text in ranked if key[0] < len(VERDICTS)]
    costly = [(step, text) for key, step, text in ranked if key[0] == len(VERDICTS)]
    return capping, costly


def _unnoted(advice: str, number: int) -> str:
    """The advice without the note of a step the first actions name anyway: "(stap 3)" at its
    end, or that step's own wherever it stands ("… voordat je live gaat (stap 3); zet …")."""
    advice = _STEP_NOTE.sub("", advice)
    return re.sub(rf" \((?:stap|step) {number}\)(?=[;,:])", "", advice)


def _calamity(
    document: PlanDoc, catalog: Catalog, open_steps: dict[str, int]
) -> list[tuple[int, str]]:
    """An organisation that named crises as an objective needs its calamity plan before
    anything that only costs points: it is the action step 3 adds for it."""
    step_id = STEP_IDS[2]
    objectives = as_choices(document["answers"].get("goals", {}).get("objectives"))
    if step_id not in open_steps or "crisis" not in objectives:
        return []
    template = text("rules.actions.organise.calamity", document["language"])
    opening = template.split("{", 1)[0]
    marked = [a for a in document["steps"][2]["actions"] if a.startswith(opening)]
    return [(open_steps[step_id], marked[0])] if marked else []


def _live(document: PlanDoc, open_steps: dict[str, int]) -> list[tuple[int, str]]:
    """The first action of step 4 that starts or keeps a channel (it names its hours)."""
    step_id = STEP_IDS[3]
    if step_id not in open_steps:
        return []
    actions = document["steps"][3]["actions"]
    channels = [a for a in actions if re.search(r"\d", a)]
    return [(open_steps[step_id], (channels or actions or [""])[0])] if actions else []
