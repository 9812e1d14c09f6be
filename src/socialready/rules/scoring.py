"""Readiness: which findings hold, what each dimension scores, and the verdict."""

from __future__ import annotations

from socialready import grammar, model
from socialready.catalog import Channel
from socialready.model import DimensionDoc, DimensionName, Readiness, Verdict
from socialready.rules import channel_text, duties
from socialready.rules.choice import ChannelChoice
from socialready.rules.context import VERDICTS, Context, Scored
from socialready.rules.reach import MANAGEMENT_FOR

DIMENSIONS = model.DIMENSIONS

Fired = list[tuple[str, dict[str, object]]]  # (rule id, text parameters)


def findings(ctx: Context, choice: ChannelChoice) -> Fired:
    """Every rule that holds for these answers, in a fixed order."""
    fired: Fired = []

    def fire(rule: str, **params: object) -> None:
        fired.append((rule, params))

    def fire_on(key: str, rules: dict[str, str], **params: object) -> None:
        """The finding the answer to `key` fires, if its value fires one."""
        rule = rules.get(ctx.choice(key))
        if rule:
            fire(rule, **params)

    def fire_about(rule: str, channels: list[Channel], **params: object) -> None:
        """A finding about channels, its verbs agreeing with how many there are."""
        names = ctx.channels(channels)
        fire(rule, channels=names, Channels=grammar.capital(names), n=len(channels), **params)

    # Question 1: whom and what do you want to reach, and where are they? Objectives and
    # segments are required answers (at least one each), so where they are is what can be open.
    fire_on(
        "audience.whereabouts",
        {"unknown": "goals.audience-unknown", "assumed": "goals.audience-assumed"},
    )
    if ctx.choices("answers.assumed"):  # answers format 2 could not say these: defaults, named
        fire("goals.answers-assumed", assumed=ctx.assumed_answers())
    if not ctx.choice("audience.interests"):
        fire("goals.interests-missing")
    if choice.nothing_reaches and ctx.choice("willingness.management") != "against":
        segments = ctx.labels("audience.segments", ctx.choices("audience.segments"))
        fire("goals.no-channel-fits", segments=segments)
    country = ctx.choice("organisation.country")
    if not ctx.catalog.has_figures(country):  # the country is in the answers, not named again
        fire("goals.no-country-figures")
    fire_on("goals.measurable", {"none": "goals.not-measurable", "rough": "goals.rough-measures"})

    # Can you?
    people = ctx.whole("capacity.people")
    hours = ctx.number("capacity.hours_per_week")
    management_against = ctx.choice("willingness.management") == "against"
    if ctx.no_time:
        # one: accounts to pause until someone has the time; many (count 0): none yet
        fire(f"capacity.{ctx.no_time}", n=1 if ctx.in_use() else 0)
    elif (
        choice.candidates
        and choice.lightest_needed > hours
        and not management_against
        and not choice.works_kept  # a working channel is kept at the lightest rhythm hours carry
    ):
        fire("capacity.hours-too-few", hours=hours, needed=choice.lightest_needed)
    elif choice.recommended and hours < ctx.catalog.thresholds["few_hours"]:
        fire("capacity.few-hours", hours=hours, few=ctx.catalog.thresholds["few_hours"])
    blog_wanted = "blog" in ctx.in_use() or "blog" in ctx.choices("channels.considering")
    if ctx.choice("capacity.publish_frequency") == "less_than_monthly" and blog_wanted:
        fire("capacity.blog-too-rare")
    # a blog at its monthly minimum, unless it is one the organisation runs and that works well
    # (its own rhythm is kept: "every two weeks is better" is for one it starts)
    monthly = [p for p in choice.recommended if p.channel.id == "blog" and p.tier == "minimum"]
    if any(p.works != "well" for p in monthly) and (
        ctx.choice("capacity.publish_frequency") == "monthly"
    ):
        fire("capacity.blog-monthly")
    # Reply time is judged on the conversation channels that reach the audience, planned or not:
    # more hours must never make the verdict worse.
    if choice.talking:
        if ctx.choice("capacity.response_time") == "unmonitored":
            named = choice.talking_named + [
                channel
                for channel in choice.channels()
                if channel.conversational and channel not in choice.talking_named
            ]
            talk = ctx.channels(named) if named else ctx.text("talking_channels")
            invite = ctx.verb("asks", len(named) if named else 2)
            when = ctx.text("reply_when")  # or reply_when_fixed: the situation says
            fire("capacity.unmonitored", channels=talk, invite=invite, when=when)
        elif ctx.choice("capacity.response_time") == "within_days":
            aim = ctx.text("reply_aim")
            fire("capacity.slow-response", aim=aim)
        weekend_off = ctx.choice("organisation.kind") in WEEKEND_OFF or not choice.recommended
        if people > 0 and not ctx["capacity.weekend_cover"] and not weekend_off:
            fire("capacity.no-weekend-cover", then=_weekend(ctx))
    if ctx.choice("capacity.budget") == "none":
        fire("capacity.no-budget")
    if choice.short():
        fire("capacity.rhythm-short", **channel_text.rhythm_short(ctx, choice))
    if choice.lowered:
        fire_about("capacity.cadence-lowered", choice.lowered)
    if choice.badly:
        fire_about("capacity.works-badly", choice.badly)
    if choice.over_hours and choice.recommended:
        fire_about("capacity.channels-over-hours", choice.over_hours)
    recommended_ids = {channel.id for channel in choice.channels()}
    dormant = [channel for channel in ctx.catalog.channels.values() if channel in choice.dormant]
    if dormant:
        pointer = ""
        if choice.recommended:
            kept = [p.channel for p in choice.recommended if p.origin == "current"]
            where = kept or choice.channels()  # where people find you already, if anywhere
            pointer = ctx.text("dormant_pointer", channels=ctx.channels(where))
        fire_about("capacity.dormant-accounts", dormant, pointer=pointer)
    in_use = ctx.in_use()
    dropped = [
        channel
        for channel in ctx.catalog.channels.values()
        if channel.id in in_use
        and channel.id not in recommended_ids
        and channel not in choice.dormant
    ]
    if dropped:
        fire_about("capacity.current-dropped", dropped)

    # Do you want it?
    management = ctx.choice("willingness.management")
    if management == "against":
        fire("willingness.management-against", concern=_concern(ctx))
    elif management == "sceptical":
        fire("willingness.management-sceptical")
    if management in MANAGEMENT_FOR and ctx.choice("willingness.staff") == "reluctant":
        fire("willingness.staff-reluctant")
    elif ctx.choice("willingness.staff") == "mixed":
        fire("willingness.staff-mixed")
    fire_on(
        "willingness.workplace_access",
        {"blocked": "willingness.access-blocked", "restricted": "willingness.access-restricted"},
        team=ctx.team(),
    )
    fire_on(
        "willingness.guidelines",
        {"none": "willingness.no-guidelines", "draft": "willingness.guidelines-draft"},
    )

    # Dialogue, and what to do when it turns against you.
    fire_on(
        "willingness.dialogue",
        {"broadcast_only": "dialogue.broadcast-only", "cautious": "dialogue.cautious"},
    )
    if choice.talking and ctx.choice("willingness.guidelines") != "yes":
        fire("dialogue.crisis-plan", channels=crisis_channels(ctx, choice))

    # The duties of the organisation's own sector and country.
    words = {"served": ctx.served(), "served_one": ctx.served(1)}
    words["Served"] = grammar.capital(words["served"])
    for rule, params in ctx.once(duties.duties):  # the same in every channel choice
        fire(rule, **words, **params)

    # Persistence.
    if ctx.choice("persistence.horizon") == "under_3_months":
        fire("persistence.short-horizon")
    if ctx.choice("persistence.monitoring") == "none":
        fire("persistence.no-monitoring")
    return fired


def crisis_channels(ctx: Context, choice: ChannelChoice) -> str:
    """The channels a crisis plan names: only those in the plan where people react, else the
    words for them (never a channel under Not now)."""
    planned = [
        channel
        for channel in choice.channels()
        if channel.conversational and channel.id != "internal_network"  # criticism is public
    ]
    return ctx.channels(planned) if planned else ctx.text("talking_channels")


# Kinds whose audience expects no answer at weekends: a business that serves businesses (a
# recruiter's candidates included) is not marked down for the weekend, nor told to watch it;
# nor is a plan with no channel yet.
WEEKEND_OFF = ("business_b2b",)


def _weekend(ctx: Context) -> str:
    """Weekend advice that fits: a 24/7 phone line where the organisation has one, an automatic
    reply for one-person and personal services, else someone who checks for urgent messages."""
    if line := duties.urgent_line(ctx):  # a practice's out-of-hours service, or its own line
        return ctx.text(f"weekend.{line}")
    if ctx.choice("organisation.kind") == "education":  # school days, and the school's phone
        return ctx.text("weekend.school")
    if ctx.sector in ("freelancer", "personal_services") or ctx.whole("capacity.people") == 1:
        return ctx.text("weekend.auto_reply")
    return ctx.text("weekend.watch")


def _concern(ctx: Context) -> str:
    """What a management against it most likely worries about, as the answers show it."""
    if duties.human_care(ctx):
        key = "care"
    elif ctx.choice("willingness.workplace_access") == "blocked":
        key = "blocked"
    else:
        key = "none"
    return ctx.text(f"concerns.{key}", served=ctx.served(), team=ctx.team())


def scored(ctx: Context, fired: Fired, best: Verdict = "ready") -> Scored:
    """Each dimension's score, the plan's and the verdict (at best `best`) the findings give."""
    rules = ctx.catalog.texts["findings"]
    dimensions = dict.fromkeys(DIMENSIONS, 100)
    cap = best
    for rule_id, _ in fired:
        rule = rules[rule_id]
        dimensions[rule["dimension"]] = max(0, dimensions[rule["dimension"]] - rule["points"])
        if rule.get("cap"):
            cap = min(cap, rule["cap"], key=VERDICTS.index)
    return Scored.of(dimensions, ctx.catalog.thresholds, cap)


def readiness(ctx: Context, fired: Fired, best: Verdict = "ready") -> Readiness:
    """The `readiness` section: verdict (at best `best`), score and each dimension's findings."""
    rules = ctx.catalog.texts["findings"]
    points = scored(ctx, fired, best)
    dimensions: dict[DimensionName, DimensionDoc] = {
        name: {"score": score, "findings": []} for name, score in points.dimensions.items()
    }
    for rule_id, params in fired:
        rule = rules[rule_id]
        dimensions[rule["dimension"]]["findings"].append(
            {
                "rule": rule_id,
                "says": ctx.text(f"findings.{rule_id}.says", **params).strip(),
                "do": ctx.text(f"findings.{rule_id}.do", **params).strip(),
            }
        )
    return {
        "verdict": points.verdict,
        "score": points.score,
        "summary": ctx.text(f"verdicts.{points.verdict}"),
        "dimensions": dimensions,
    }


def summary_key(
    verdict: str, *, begins: bool, internal_and_new: bool = False, keeps: bool = False
) -> str:
    """The verdict's summary that matches the plan: a plan that begins nothing says to keep
    what works, not to 'start' (or 'start with one channel'); a start_small plan that begins an
    internal network and a new channel says both; one that keeps the channels it runs and
    begins one more says to keep what works and add one at a time, not to 'start with one'."""
    if verdict == "start_small" and not begins:
        return "start_small_keep"
    if verdict == "start_small" and internal_and_new:
        return "start_small_internal"
    if verdict == "start_small" and keeps:
        return "start_small_add"
    if verdict == "ready" and not begins:  # it runs its channels already: not "start"
        return "ready_keep"
    return verdict
