"""The rules: pure functions from answers (and the shipped data) to the generated plan.

No I/O, no prompts: the same answers, data and language always give the same result.
"""

from __future__ import annotations

from typing import Any

from socialready.catalog import Catalog
from socialready.questionnaire import Questionnaire
from socialready.rules import channels, scoring, steps
from socialready.rules.context import Context
from socialready.rules.scoring import DIMENSIONS, VERDICTS
from socialready.rules.steps import STEP_IDS

__all__ = ["DIMENSIONS", "STEP_IDS", "VERDICTS", "Generated", "generate"]

Generated = dict[str, Any]  # readiness, channels, steps (generated fields), owners (first owners)


def generate(
    answers: dict[str, Any], catalog: Catalog, questionnaire: Questionnaire, lang: str
) -> Generated:
    """Score the answers and write the plan's generated sections in `lang`."""
    ctx = Context(answers, catalog, questionnaire, lang)
    choice = channels.choose(ctx)
    fired = scoring.findings(ctx, choice)
    readiness = scoring.readiness(ctx, fired)
    if readiness["verdict"] == "start_small":  # the verdict says: begin with one channel
        choice = channels.choose(ctx, new_at_most=1)
        fired = scoring.findings(ctx, choice)
        readiness = scoring.readiness(ctx, fired, best="start_small")
    rule_ids = {rule for rule, _ in fired}
    return {
        "readiness": readiness,
        "channels": channels.describe(ctx, choice),
        "steps": steps.steps(ctx, choice, rule_ids, readiness["verdict"]),
        "owners": {step_id: steps.default_owner(ctx, step_id) for step_id in STEP_IDS},
    }
