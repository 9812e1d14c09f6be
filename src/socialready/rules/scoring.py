"""Readiness: which findings hold, what each dimension scores, and the verdict."""

from __future__ import annotations

from typing import Any

from socialready.rules.channels import MANAGEMENT_FOR, ChannelChoice
from socialready.rules.context import Context

DIMENSIONS = ("goals_audience", "capacity", "willingness", "dialogue", "persistence")
VERDICTS = ("not_yet", "start_small", "ready")  # worst first

Fired = list[tuple[str, dict[str, Any]]]  # (rule id, text parameters)


def findings(ctx: Context, choice: ChannelChoice) -> Fired:
    """Every rule that holds for these answers, in a fixed order."""
    fired: Fired = []

    def fire(rule: str, **params: Any) -> None:
        fired.append((rule, params))

    # Question 1: whom and what do you want to reach, and where are they?
    if (
        not ctx["goals.objectives"]
        or not ctx["audience.segments"]
        or ctx["audience.whereabouts"] == "unknown"
    ):
        fire("goals.audience-unknown")
    elif ctx["audience.whereabouts"] == "assumed":
        fire("goals.audience-assumed")
    if ctx["answers.assumed"]:  # answers format 2 could not say these: defaults, named
        fire("goals.answers-assumed", assumed=ctx.assumed_answers())
    if not ctx["audience.interests"]:
        fire("goals.interests-missing")
    if choice.nothing_reaches and ctx["willingness.management"] != "against":
        segments = ctx.labels("audience.segments", ctx["audience.segments"])
        fire("goals.no-channel-fits", segments=segments)
    if ctx["goals.measurable"] == "none":
        fire("goals.not-measurable")
    elif ctx["goals.measurable"] == "rough":
        fire("goals.rough-measures")

    # Can you?
    # Reply time is judged on the conversation channels that reach the audience, planned or not:
    # more hours must never make the verdict worse.
    named = choice.talking_named + [
        channel
        for channel in choice.channels()
        if channel.conversational and channel not in choice.talking_named
    ]
    talk = ctx.channel_names(named) if named else ctx.text("talking_channels")
    people = ctx["capacity.people"]
    hours = ctx["capacity.hours_per_week"]
    management_against = ctx["willingness.management"] == "against"
    if people == 0:
        fire("capacity.no-people")
    elif choice.candidates and choice.lightest_needed > hours and not management_against:
        fire("capacity.hours-too-few", hours=hours, needed=choice.lightest_needed)
    elif choice.recommended and hours < ctx.catalog.thresholds["few_hours"]:
        fire("capacity.few-hours", hours=hours, few=ctx.catalog.thresholds["few_hours"])
    blog_wanted = "blog" in ctx["channels.current"] or "blog" in ctx["channels.considering"]
    if ctx["capacity.publish_frequency"] == "less_than_monthly" and blog_wanted:
        fire("capacity.blog-too-rare")
    if any(p.channel.id == "blog" and p.tier == "minimum" for p in choice.recommended) and (
        ctx["capacity.publish_frequency"] == "monthly"
    ):
        fire("capacity.blog-monthly")
    if choice.talking:
        if ctx["capacity.response_time"] == "unmonitored":
            fire("capacity.unmonitored", channels=talk)
        elif ctx["capacity.response_time"] == "within_days":
            fire("capacity.slow-response")
        if people > 0 and not ctx["capacity.weekend_cover"]:
            fire("capacity.no-weekend-cover")
    if ctx["capacity.budget"] == "none":
        fire("capacity.no-budget")
    if choice.lowered:
        fire("capacity.cadence-lowered", channels=ctx.channel_names(choice.lowered))
    if choice.over_hours and choice.recommended:
        fire("capacity.channels-over-hours", channels=ctx.channel_names(choice.over_hours))
    recommended_ids = {channel.id for channel in choice.channels()}
    dormant = [
        channel
        for channel in ctx.catalog.channels.values()
        if channel.id in ctx["channels.current"] and channel.id not in recommended_ids
    ]
    if dormant:
        fire("capacity.dormant-accounts", channels=ctx.channel_names(dormant))

    # Do you want it?
    management = ctx["willingness.management"]
    if management == "against":
        fire("willingness.management-against")
    elif management == "sceptical":
        fire("willingness.management-sceptical")
    if management in MANAGEMENT_FOR and ctx["willingness.staff"] == "reluctant":
        fire("willingness.staff-reluctant")
    elif ctx["willingness.staff"] == "mixed":
        fire("willingness.staff-mixed")
    if ctx["willingness.workplace_access"] == "blocked":
        fire("willingness.access-blocked")
    elif ctx["willingness.workplace_access"] == "restricted":
        fire("willingness.access-restricted")
    if ctx["willingness.guidelines"] == "none":
        fire("willingness.no-guidelines")
    elif ctx["willingness.guidelines"] == "draft":
        fire("willingness.guidelines-draft")

    # Dialogue, and what to do when it turns against you.
    if ctx["willingness.dialogue"] == "broadcast_only":
        fire("dialogue.broadcast-only")
    elif ctx["willingness.dialogue"] == "cautious":
        fire("dialogue.cautious")
    if choice.talking and ctx["willingness.guidelines"] != "yes":
        fire("dialogue.crisis-plan", channels=talk)

    # What the kind of organisation brings with it.
    for rule in kind_rules(ctx):
        fact = ctx.catalog.texts["findings"][rule]["source"]
        fire(rule, fact=ctx.catalog.facts[fact].text[ctx.lang], source=ctx.cite(fact))

    # Persistence.
    if ctx["persistence.horizon"] == "under_3_months":
        fire("persistence.short-horizon")
    if ctx["persistence.monitoring"] == "none":
        fire("persistence.no-monitoring")
    return fired


EU = ("NL", "BE")


def kind_rules(ctx: Context) -> list[str]:
    """Law and practice that come with the kind of organisation, each with its source."""
    kind = ctx["organisation.kind"]
    fired = []
    youth = "young_adults" in ctx["audience.segments"] and kind in ("nonprofit", "other")
    if kind == "education" or youth:
        fired.append("kind.minors-photo-consent")
    if kind == "healthcare":
        fired.append("kind.health-confidentiality")
    if kind == "government":
        fired += ["kind.government-archiving", "kind.government-accessibility"]
    promotes = ctx["capacity.budget"] != "none"  # a budget that could go to promoted posts
    if kind in ("nonprofit", "government") and ctx["organisation.country"] in EU and promotes:
        fired.append("kind.no-political-ads")
    return fired


def readiness(ctx: Context, fired: Fired, best: str = "ready") -> dict[str, Any]:
    """The `readiness` section: verdict (at best `best`), score and each dimension's findings."""
    rules = ctx.catalog.texts["findings"]
    dimensions: dict[str, dict[str, Any]] = {
        name: {"score": 100, "findings": []} for name in DIMENSIONS
    }
    caps: list[str] = []
    for rule_id, params in fired:
        rule = rules[rule_id]
        dimension = dimensions[rule["dimension"]]
        dimension["score"] = max(0, dimension["score"] - rule["points"])
        dimension["findings"].append(
            {
                "rule": rule_id,
                "says": ctx.text(f"findings/{rule_id}/says", **params),
                "do": ctx.text(f"findings/{rule_id}/do", **params),
            }
        )
        if rule.get("cap"):
            caps.append(rule["cap"])
    score = round(sum(d["score"] for d in dimensions.values()) / len(dimensions))
    verdict = verdict_for_score(score, ctx.catalog.thresholds)
    for cap in (*caps, best):
        verdict = min(verdict, cap, key=VERDICTS.index)
    return {
        "verdict": verdict,
        "score": score,
        "summary": ctx.text(f"verdicts/{verdict}"),
        "dimensions": dimensions,
    }


def verdict_for_score(score: float, thresholds: dict[str, float]) -> str:
    """The verdict a score alone earns (rules.yaml's thresholds); findings may cap it lower."""
    if score >= thresholds["ready_from"]:
        return "ready"
    if score >= thresholds["start_small_from"]:
        return "start_small"
    return "not_yet"
