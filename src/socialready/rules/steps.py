"""The 8 steps of the source text, each with actions tailored to the answers."""

from __future__ import annotations

from socialready import model
from socialready.grammar import number
from socialready.model import GeneratedStep
from socialready.rules import duties, reach
from socialready.rules.channel_text import cadence
from socialready.rules.choice import ChannelChoice
from socialready.rules.context import Context

STEP_IDS = model.STEP_IDS
# While the verdict is not_yet, these steps hold one action: preparing what comes after.
LATER = {"share": "share.prepare", "monitor": "monitor.listen", "co_create": "co_create.prepare"}


def steps(
    ctx: Context,
    choice: ChannelChoice,
    rule_ids: set[str],
    verdict: str,
    used: list[str] | None = None,
) -> list[GeneratedStep]:
    """Generated fields of the 8 steps, in the source's order, agreeing with the verdict; the ids
    of the actions written are added to `used`, for the plan's self-check."""
    plan = Facts(ctx, choice, rule_ids, verdict, used if used is not None else [])
    builders = {
        "audience": _audience,
        "media": _media,
        "organise": _organise,
        "be_active": _be_active,
        "share": _share,
        "monitor": _monitor,
        "co_create": _co_create,
        "persevere": _persevere,
    }
    return [
        {
            "id": step_id,
            "title": ctx.text(f"steps.{step_id}.title"),
            "why": ctx.text(f"steps.{step_id}.why"),
            "actions": (
                [plan.a(LATER[step_id])]
                if plan.later and step_id in LATER
                else builders[step_id](plan)
            ),
        }
        for step_id in STEP_IDS
    ]


class Facts:
    """What the step builders read: the answers, the channel choice, the findings, the verdict."""

    __slots__ = ("choice", "ctx", "later", "rules", "used", "verdict")

    def __init__(
        self, ctx: Context, choice: ChannelChoice, rules: set[str], verdict: str, used: list[str]
    ) -> None:
        self.used = used
        self.ctx = ctx
        self.choice = choice
        self.rules = rules
        self.verdict = verdict
        self.later = verdict == "not_yet"  # steps 4-7 describe what comes after the conditions

    def a(self, name: str, **params: object) -> str:
        self.used.append(name)
        return self.ctx.text(f"actions.{name}", **params)


def metric(ctx: Context, objective: str) -> str:
    """What measures an objective, in the organisation's own words ('new members and volunteers
    who came through social media per quarter'): step 3's goal, and what a review asks for."""
    if objective == "leads_sales" and ctx.sector == "hospitality":  # a restaurant sells tables
        objective = "leads_sales_bookings"
    response = ctx.answers.get("capacity.response_time")  # none where nobody has time
    if objective == "customer_service" and response == "within_hours":
        # the bar it set itself, not a lower one
        weekend = ctx.answers.get("capacity.weekend_cover") is True
        objective = "customer_service_hours_weekend" if weekend else "customer_service_hours"
    elif objective == "customer_service" and response == "same_day":
        objective = "customer_service_same_day"
    return ctx.text(f"metrics.{objective}", served=ctx.served())


def default_owners(ctx: Context) -> dict[str, str]:
    """A first owner of each step from the answers, no role invented; the user's to change, and
    kept. Organising falls to management where there is more than a person or two."""
    people = ctx.whole("capacity.people")
    if people == 0:
        owner = ctx.text("owners.unassigned")
    elif people == 1:
        owner = ctx.text("owners.you")
    else:
        owner = ctx.text("owners.to_agree", n=people)
    owners: dict[str, str] = dict.fromkeys(STEP_IDS, owner)
    if ctx.choice("organisation.size") != "micro" and people != 1:
        owners["organise"] = ctx.text("owners.management")
    return owners


def _segments(ctx: Context) -> str:
    return ctx.in_text("audience.segments", ctx.choices("audience.segments"))


def sensitive(ctx: Context) -> bool:
    """Pages where a question to the readers is out of place: death notices, patients."""
    return ctx.sector in ctx.catalog.texts["served"]["sensitive"]


def _audience(p: Facts) -> list[str]:
    ctx = p.ctx
    actions = []
    if "goals.audience-unknown" in p.rules:
        hires = "recruitment" in ctx.choices("goals.objectives")
        research = "audience.research-hires" if hires else "audience.research"
        actions.append(p.a(research, served=ctx.served()))
    actions.append(p.a("audience.segments", segments=_segments(ctx)))
    if ctx.choice("audience.interests"):
        actions.append(p.a("audience.interests", interests=ctx.choice("audience.interests")))
    else:
        actions.append(p.a("audience.ask-interests"))
    objectives = ctx.in_text("goals.objectives", ctx.choices("goals.objectives"))
    actions.append(p.a("audience.objectives", objectives=objectives))
    return actions


def _media(p: Facts) -> list[str]:
    """What the user found or assumes, apart from what the tool adds on figures."""
    ctx = p.ctx
    whereabouts = ctx.choice("audience.whereabouts")
    actions = []
    if whereabouts == "unknown":
        actions.append(p.a("media.research", segments=_segments(ctx)))
    if not p.choice.recommended:
        actions.append(p.a("media.none"))
        return actions
    # The internal network reaches staff, never the audience: it is no answer to "where are they".
    public = [pick for pick in p.choice.recommended if pick.channel.id != "internal_network"]
    current = [pick.channel for pick in public if pick.origin in ("current", "revived")]
    considered = [pick.channel for pick in public if pick.origin == "considering"]
    added = [pick.channel for pick in public if pick.origin == "suggested"]
    if whereabouts == "researched":
        if current:
            actions.append(p.a("media.yours-researched", channels=ctx.channels(current)))
        if considered:
            actions.append(
                p.a("media.considered", channels=ctx.channels(considered), served=ctx.served())
            )
    elif whereabouts == "unknown" and (current or considered):  # nothing assumed: to check
        named = current + considered
        actions.append(p.a("media.unknown-check", channels=ctx.channels(named), n=len(named)))
    elif current or considered:
        actions.append(
            p.a(
                "media.yours-assumed",
                segments=_segments(ctx),
                channels=ctx.channels(current + considered),
            )
        )
    if added:
        actions.append(p.a("media.suggested", channels=ctx.channels(added)))
    if not public:
        actions.append(p.a("media.internal-only", segments=_segments(ctx), team=ctx.team()))
    return actions


def _organise(p: Facts) -> list[str]:
    ctx = p.ctx
    actions = []
    if "willingness.management-against" in p.rules:
        actions.append(p.a("organise.management"))
    if "willingness.access-blocked" in p.rules:
        actions.append(p.a("organise.replace-block", team=ctx.team()))
    people = ctx.whole("capacity.people")
    if ctx.no_time:
        actions.append(p.a("organise.nobody"))
    elif people == 1:
        actions.append(p.a("organise.alone", hours=ctx.number("capacity.hours_per_week")))
    else:
        who = ctx.text("people", n=people)
        actions.append(p.a("organise.who", people=who, hours=ctx.number("capacity.hours_per_week")))
    if p.choice.recommended:
        cadences = "; ".join(
            f"{pick.channel.name[ctx.lang]}: {cadence(ctx, pick)}" for pick in p.choice.recommended
        )
        actions.append(p.a("organise.content", cadences=cadences))
    budget = ctx.text(f"budget.{ctx.choice('capacity.budget')}")
    # A public body's promoted posts are about public issues: in the EU, Meta and Google take
    # none since October 2025, so its budget goes to tools and images, as a campaign's does.
    public_body = ctx.choice("organisation.kind") == "government" and duties.in_eu(ctx)
    no_ads = "kind.no-political-ads" in p.rules or public_body
    # what the budget is for, where there is one: no promotion is no promotion to budget for
    no_promotion = ctx.answers.get("capacity.paid_promotion") == "none"
    which = "organise.budget-no-ads" if no_ads else "organise.budget"
    if no_promotion and not no_ads and ctx.choice("capacity.budget") != "none":
        which = "organise.budget-no-promotion"
    actions.append(p.a(which, budget=budget))
    if ctx.choice("goals.measurable") == "kpis":
        objectives = ctx.in_text("goals.objectives", ctx.choices("goals.objectives"))
        actions.append(p.a("organise.kpis", objectives=objectives))
    else:
        actions.extend(_goals(p))
    actions.append(p.a("organise.measure"))
    guidelines = ctx.choice("willingness.guidelines")  # a couple or one person: a few lines
    if guidelines != "yes":  # a draft is finished, not written again
        which = "organise.guidelines-draft" if guidelines == "draft" else "organise.guidelines"
        actions.append(p.a(which, team=ctx.team()))
    if "dialogue.crisis-plan" in p.rules:
        actions.append(p.a("organise.crisis"))
    if "crisis" in ctx.choices("goals.objectives"):
        actions.append(calamity(p))
    actions.append(p.a("organise.long-term", trusted=duties.trusted(ctx)))
    return actions


# Why a channel is under not_now that does not make it one to come: it is closed, or does not
# reach the audience, or serves none of the objectives.
NOT_TO_COME = frozenset(("dormant-close", "audience-elsewhere", "broadcast-no-objective"))


def _goals(p: Facts) -> list[str]:
    """Step 3's measurable goal for each objective. Objectives that no channel in the plan
    serves while one under not_now would (the plan holds it back) get their goal once that
    channel comes, said once for each such channel; any other objective gets its goal now."""
    ctx = p.ctx
    served: set[str] = set()
    for pick in p.choice.recommended:
        served |= reach.serves(ctx, pick.channel)
    waiting: dict[str, list[str]] = {}  # channel id -> the objectives that wait for it
    held = {channel.id: channel for channel, why, _ in p.choice.not_now if why not in NOT_TO_COME}
    actions = []
    every = p.later or not p.choice.recommended  # steps 4-7 are for later, or start nothing
    for objective in ctx.choices("goals.objectives"):
        later = [c for c in held.values() if objective in c.objectives]
        # a crisis is measured in the calamity plan's exercise, whatever the channels
        if every or objective in served or objective == "crisis" or not later:
            named = ctx.in_text("goals.objectives", [objective])
            actions.append(p.a("organise.goal", objective=named, metric=metric(ctx, objective)))
        else:
            waiting.setdefault(later[0].id, []).append(objective)
    for channel_id, objectives in waiting.items():
        actions.append(
            p.a(
                "organise.goal-waits",
                objectives=ctx.in_text("goals.objectives", objectives),
                metrics="; ".join(metric(ctx, objective) for objective in objectives),
                channel=ctx.channel(held[channel_id]),
                n=len(objectives),
            )
        )
    return actions


# Why a channel in use is paused (its reason under not_now), as step 4 says it: what is missing
PAUSED_FOR = {
    "audience-elsewhere": "audience",
    "dormant-close": "close",
    "no-people": "people",
    "no-people-current": "people",
    "no-hours": "hours",
    "no-hours-current": "hours",
    "over-hours": "hours",
    "over-hours-alone": "hours",
    "after-current": "hours",
    "focus": "focus",
    "focus-current": "focus",
    "blog-too-rare": "rare",
    "review-paused": "review",
    "broadcast-no-objective": "broadcast",
}


def _be_active(p: Facts) -> list[str]:
    ctx = p.ctx
    recommended = {pick.channel.id for pick in p.choice.recommended}
    in_use = ctx.in_use()
    paused = {channel.id: reason for channel, reason, _ in p.choice.not_now if channel.id in in_use}
    if p.later:
        actions = [p.a("be_active.not-yet")]
        # Nobody with the time (people or hours) keeps one up meanwhile: paused, as `not_now`
        # says; for any other condition it is left as it is until the plan can go on.
        held = f"be_active.pause-{PAUSED_FOR[ctx.no_time]}" if ctx.no_time else "be_active.hold"
        for channel in ctx.catalog.channels.values():
            if channel.id in in_use:
                actions.append(p.a(held, channel=ctx.channel(channel)))
        if p.choice.recommended:
            names = ctx.channels(p.choice.channels())
            actions.append(p.a("be_active.later", channels=names))
        return actions
    actions = []
    if not p.choice.recommended:
        actions.append(p.a("be_active.nothing"))
    if "willingness.staff-reluctant" in p.rules:
        actions.append(p.a("be_active.volunteers"))
    elif "willingness.management-sceptical" in p.rules:
        actions.append(p.a("be_active.pilot"))
    for pick in p.choice.recommended:
        if pick.origin == "current":
            name = "be_active.keep-lighter" if pick.short else "be_active.keep"
            said = ctx.channel(pick.channel)
        elif pick.origin == "revived":
            name = "be_active.revive"
            said = ctx.channel(pick.channel)
        elif pick.origin == "internal_first":  # first, and why, in one action
            dormant = pick.channel.id in in_use  # one there, and quiet: revived
            name = "be_active.internal-revive" if dormant else "be_active.internal-first"
            said = ctx.channel(pick.channel)
        else:
            name = "be_active.channel"
            said = ctx.channel(pick.channel, "start")
        actions.append(
            p.a(
                name,
                channel=said,
                cadence=cadence(ctx, pick),
                hours=number(pick.hours),
            )
        )
    if "capacity.blog-monthly" in p.rules:
        actions.append(p.a("be_active.blog-monthly"))
    for channel in ctx.catalog.channels.values():
        if channel.id in paused and channel.id not in recommended:
            reason = paused[channel.id]
            why = PAUSED_FOR.get(reason, "capacity")
            actions.append(p.a(f"be_active.pause-{why}", channel=ctx.channel(channel)))
    return actions


def _share(p: Facts) -> list[str]:
    """Share, and ask for input only where a question fits: never under death notices or posts
    about patients, never in a calamity, and in public only when the organisation answers there."""
    ctx = p.ctx
    actions = [p.a("share.knowledge", served=ctx.served())]
    if ctx.sector == "funeral":
        actions.append(p.a("share.notices"))
    dialogue = ctx.choice("willingness.dialogue")
    if dialogue == "broadcast_only":
        actions += [p.a("share.broadcast"), p.a("share.ask-privately")]
    elif sensitive(ctx):
        page = "funeral" if ctx.sector == "funeral" else "other"
        pages = ctx.text(f"served.sensitive_pages.{page}", served=ctx.served())
        actions.append(p.a("share.sensitive", pages=pages))
    elif dialogue == "cautious":
        actions.append(p.a("share.ask-cautious"))
    elif sum(pick.posts for pick in p.choice.recommended) < 1:  # fewer posts than one a week
        actions.append(p.a("share.ask-now-and-then"))
    else:
        actions.append(p.a("share.ask"))
    if "crisis" in ctx.choices("goals.objectives"):
        actions.append(p.a("share.calamity"))
    return actions


KEPT_AT_WEEKENDS = ("within_hours", "same_day")  # paces a weekend cover keeps as they are
# Sectors whose reactions are read every day (scam links under death notices; news moderated)
DAILY_WATCH = ("funeral", "news_media")


def _monitor(p: Facts) -> list[str]:
    ctx = p.ctx
    response = ctx.choice("capacity.response_time")  # `_fixed`: two fixed rounds a week
    if ctx["capacity.weekend_cover"] and response in KEPT_AT_WEEKENDS:
        response += "_weekend"  # their cover holds the pace at weekends too: said so
    target = ctx.text(f"response_targets.{response}")
    if ctx.choice("willingness.dialogue") == "broadcast_only":
        actions = [p.a("monitor.respond-privately", target=target)]
    else:
        actions = [p.a("monitor.respond", target=target)]
    if ctx.choice("willingness.dialogue") == "broadcast_only":
        actions.append(p.a("monitor.stats"))  # no keyword watch for who does not answer
    elif ctx.choice("persistence.monitoring") == "manual":  # daily where reactions need it
        daily = ctx.sector in DAILY_WATCH
        actions.append(p.a("monitor.manual-daily" if daily else "monitor.manual"))
    elif ctx.choice("persistence.monitoring") == "tool":  # one in use: alerts, not set-up
        actions.append(p.a("monitor.tool-in-use"))
    else:
        actions.append(p.a("monitor.tool"))
    if ctx.sector == "funeral":
        actions.append(p.a("monitor.notices"))
    # Where urgent matters go: said on the profiles. Without weekend cover the weekend finding
    # says it (duties.urgent_line, as there).
    line = duties.urgent_line(ctx)
    if line and ctx["capacity.weekend_cover"] and p.choice.recommended:
        actions.append(
            p.a("monitor.out-of-hours" if line == "out_of_hours" else "monitor.urgent-line")
        )
    if "crisis" in ctx.choices("goals.objectives"):
        actions.append(p.a("monitor.rumours"))
    if ctx.sector == "political":  # who thinks what is a political opinion: topics only
        actions.append(p.a("monitor.topics" if duties.in_eu(ctx) else "monitor.topics-other"))
    else:
        actions.append(p.a("monitor.followers"))
    return actions


def _co_create(p: Facts) -> list[str]:
    ctx = p.ctx
    served = ctx.served()
    reluctant = ctx.choice("willingness.staff") == "reluctant"
    if ctx.choice("willingness.dialogue") == "broadcast_only":
        # Nothing that asks for public reactions; what people send is shared with consent.
        actions = [p.a("co_create.broadcast", served=served)]
        ideas: tuple[str, ...] = ("recruitment",)
    elif sensitive(ctx):
        actions = [p.a("co_create.sensitive", served=served)]
        ideas = ("recruitment", "knowledge_sharing")
    else:
        actions = [p.a("co_create.share-again")]
        ideas = tuple(ctx.catalog.texts["co_create_ideas"])
    for objective in ctx.choices("goals.objectives"):
        if objective == "recruitment" and reluctant:
            continue  # the idea asks colleagues to tell their story: not of those who won't
        if objective in ideas:
            children = objective == "community" and duties.minors(ctx) != "none"
            key = "community_children" if children else objective
            idea = ctx.text(f"co_create_ideas.{key}", served=served)
            actions.append(p.a("co_create.objective", idea=idea))
            p.used.append(f"idea:{objective}")
    if (
        ctx.choice("willingness.staff") in ("eager", "mixed")
        and ctx.choice("organisation.size") != "micro"
    ):
        children = duties.minors(ctx) in ("in_posts", "both")  # consent is for your channels
        ambassadors = "co_create.ambassadors-children" if children else "co_create.ambassadors"
        actions.append(p.a(ambassadors))
    return actions


def calamity(p: Facts) -> str:
    """The calamity plan: who posts, where (only channels in the plan), how fast, and which
    official channel leads; the website is the one source every post points to."""
    ctx = p.ctx
    skip = ctx.catalog.texts["calamity_skip"]
    planned = [c for c in p.choice.channels() if c.id not in skip]
    where = ctx.channels(planned, "on") if planned and not p.later else ctx.text("calamity_where")
    country = ctx.answers.get("organisation.country")
    which = country if country in ("NL", "BE") else "other"
    if which == "BE" and ctx.sector == "municipality":  # its own mayor sends BE-Alert
        which = "BE_municipality"
    company = ctx.choice("organisation.kind") in duties.BUSINESS_KINDS
    if company or ctx.sector == "health_insurer":  # its calamities: outages, breaches, phishing
        which = "company" if duties.in_eu(ctx) else "company_other"
    official = ctx.text(f"calamity_official.{which}")
    return p.a("organise.calamity", channels=where, official=official)


def _persevere(p: Facts) -> list[str]:
    horizon = p.ctx.choice("persistence.horizon")
    review = "persevere.review-yearly" if horizon == "over_12_months" else "persevere.reviews"
    return [p.a(review), p.a("persevere.give")]
