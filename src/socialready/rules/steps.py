"""The 8 steps of the source text, each with actions tailored to the answers."""

from __future__ import annotations

from typing import Any

from socialready.answers import number
from socialready.rules.channel_text import cadence
from socialready.rules.channels import ChannelChoice
from socialready.rules.context import Context
from socialready.rules.selfcheck import SENSITIVE_SECTORS

STEP_IDS = (
    "audience",
    "media",
    "organise",
    "be_active",
    "share",
    "monitor",
    "co_create",
    "persevere",
)


def steps(
    ctx: Context,
    choice: ChannelChoice,
    rule_ids: set[str],
    verdict: str,
    used: list[str] | None = None,
) -> list[dict[str, Any]]:
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
            "title": ctx.text(f"steps/{step_id}/title"),
            "why": ctx.text(f"steps/{step_id}/why"),
            "actions": builders[step_id](plan),
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

    def a(self, name: str, **params: Any) -> str:
        self.used.append(name)
        return self.ctx.text(f"actions/{name}", **params)


def default_owner(ctx: Context, step_id: str) -> str:
    """A first owner from the answers, no role invented; the user's to change, and kept."""
    people = ctx["capacity.people"]
    if step_id == "organise" and ctx["organisation.size"] != "micro" and people != 1:
        return ctx.text("owners/management")
    if people == 0:
        return ctx.text("owners/unassigned")
    if people == 1:
        return ctx.text("owners/you")
    return ctx.text("owners/to_agree", n=people)


def _segments(ctx: Context) -> str:
    return ctx.labels("audience.segments", ctx["audience.segments"])


def _audience(p: Facts) -> list[str]:
    ctx = p.ctx
    actions = []
    if "goals.audience-unknown" in p.rules:
        actions.append(p.a("audience.research"))
    actions.append(p.a("audience.segments", segments=_segments(ctx)))
    if ctx["audience.interests"]:
        actions.append(p.a("audience.interests", interests=ctx["audience.interests"]))
    else:
        actions.append(p.a("audience.ask-interests"))
    objectives = ctx.labels("goals.objectives", ctx["goals.objectives"])
    actions.append(p.a("audience.objectives", objectives=objectives))
    return actions


def _media(p: Facts) -> list[str]:
    """What the user found or assumes, apart from what the tool adds on figures."""
    ctx = p.ctx
    whereabouts = ctx["audience.whereabouts"]
    actions = []
    if whereabouts == "unknown":
        actions.append(p.a("media.research", segments=_segments(ctx)))
    if not p.choice.recommended:
        actions.append(p.a("media.none"))
        return actions
    yours = [  # the internal network reaches staff, not the audience of this step
        pick.channel
        for pick in p.choice.recommended
        if pick.origin != "suggested" and pick.channel.id != "internal_network"
    ]
    added = [pick.channel for pick in p.choice.recommended if pick.origin == "suggested"]
    if yours and whereabouts == "researched":
        actions.append(p.a("media.yours-researched", channels=ctx.channel_names(yours)))
    elif yours:
        actions.append(
            p.a("media.yours-assumed", segments=_segments(ctx), channels=ctx.channel_names(yours))
        )
    if added:
        actions.append(p.a("media.suggested", channels=ctx.channel_names(added)))
    if not actions:  # only the internal network: it reaches colleagues, not this audience
        actions.append(p.a("media.staff-only", segments=_segments(ctx)))
    return actions


def _organise(p: Facts) -> list[str]:
    ctx = p.ctx
    actions = []
    if "willingness.management-against" in p.rules:
        actions.append(p.a("organise.management"))
    if "willingness.access-blocked" in p.rules:
        actions.append(p.a("organise.replace-block"))
    people = ctx["capacity.people"]
    if people == 1:
        actions.append(p.a("organise.alone", hours=ctx["capacity.hours_per_week"]))
    elif people:
        who = ctx.text("people", n=people)
        actions.append(p.a("organise.who", people=who, hours=ctx["capacity.hours_per_week"]))
    else:
        actions.append(p.a("organise.nobody"))
    if p.choice.recommended:
        cadences = "; ".join(
            f"{pick.channel.name[ctx.lang]}: {cadence(ctx, pick)}" for pick in p.choice.recommended
        )
        actions.append(p.a("organise.content", cadences=cadences))
    budget = ctx.text(f"budget/{ctx['capacity.budget']}")
    no_ads = "kind.no-political-ads" in p.rules
    actions.append(p.a("organise.budget-no-ads" if no_ads else "organise.budget", budget=budget))
    if ctx["goals.measurable"] == "kpis":
        objectives = ctx.labels("goals.objectives", ctx["goals.objectives"])
        actions.append(p.a("organise.kpis", objectives=objectives))
    else:
        for objective in ctx["goals.objectives"]:
            actions.append(
                p.a(
                    "organise.goal",
                    objective=ctx.labels("goals.objectives", [objective]),
                    metric=ctx.text(f"metrics/{objective}"),
                )
            )
    actions.append(p.a("organise.measure"))
    if ctx["willingness.guidelines"] != "yes":
        actions.append(p.a("organise.guidelines"))
    if "dialogue.crisis-plan" in p.rules:
        actions.append(p.a("organise.crisis"))
    actions.append(p.a("organise.long-term"))
    return actions


def _be_active(p: Facts) -> list[str]:
    ctx = p.ctx
    recommended = {pick.channel.id for pick in p.choice.recommended}
    paused = {
        channel.id: reason
        for channel, reason, _ in p.choice.not_now
        if channel.id in ctx["channels.current"]
    }
    if p.later:
        actions = [p.a("be_active.not-yet")]
        for channel in ctx.catalog.channels.values():
            if channel.id in ctx["channels.current"]:
                actions.append(p.a("be_active.hold", channel=channel.name[ctx.lang]))
        if p.choice.recommended:
            names = ctx.channel_names(p.choice.channels())
            actions.append(p.a("be_active.later", channels=names))
        return actions
    actions = []
    if not p.choice.recommended:
        actions.append(p.a("be_active.nothing"))
    if "internal_network" in recommended and any(
        pick.origin == "internal_first" for pick in p.choice.recommended
    ):
        actions.append(p.a("be_active.internal-first"))
    if "willingness.staff-reluctant" in p.rules:
        actions.append(p.a("be_active.volunteers"))
    elif "willingness.management-sceptical" in p.rules:
        actions.append(p.a("be_active.pilot"))
    for pick in p.choice.recommended:
        if pick.origin == "current":
            name = "be_active.keep-lighter" if pick.short else "be_active.keep"
        elif pick.origin == "revived":
            name = "be_active.revive"
        else:
            name = "be_active.channel"
        actions.append(
            p.a(
                name,
                channel=pick.channel.name[ctx.lang],
                cadence=cadence(ctx, pick),
                hours=number(pick.hours),
            )
        )
    if "capacity.blog-monthly" in p.rules:
        actions.append(p.a("be_active.blog-monthly"))
    for channel in ctx.catalog.channels.values():
        if channel.id in paused and channel.id not in recommended:
            reason = paused[channel.id]
            why = {"audience-elsewhere": "audience", "dormant-close": "close"}.get(
                reason, "capacity"
            )
            actions.append(p.a(f"be_active.pause-{why}", channel=channel.name[ctx.lang]))
    return actions


def _share(p: Facts) -> list[str]:
    if p.later:
        return [p.a("share.prepare")]
    actions = [p.a("share.knowledge")]
    if p.ctx["willingness.dialogue"] == "broadcast_only":
        actions += [p.a("share.broadcast"), p.a("share.ask-privately")]
    elif p.ctx.answers.get("organisation.sector") in SENSITIVE_SECTORS:
        actions.append(p.a("share.ask-privately"))  # no questions under a death notice
    else:
        actions.append(p.a("share.ask"))
    return actions


def _monitor(p: Facts) -> list[str]:
    ctx = p.ctx
    if p.later:
        return [p.a("monitor.listen")]
    target = ctx.text(f"response_targets/{ctx['capacity.response_time']}")
    if ctx["willingness.dialogue"] == "broadcast_only":
        actions = [p.a("monitor.respond-privately", target=target)]
    else:
        actions = [p.a("monitor.respond", target=target)]
    if ctx["persistence.monitoring"] == "manual":
        actions.append(p.a("monitor.manual"))
    else:
        actions.append(p.a("monitor.tool"))
    actions.append(p.a("monitor.followers"))
    return actions


def _co_create(p: Facts) -> list[str]:
    ctx = p.ctx
    if p.later:
        return [p.a("co_create.prepare")]
    broadcast_only = ctx["willingness.dialogue"] == "broadcast_only"
    sensitive = ctx.answers.get("organisation.sector") in SENSITIVE_SECTORS
    actions = [p.a("co_create.broadcast" if broadcast_only else "co_create.share-again")]
    ideas = ctx.catalog.texts["co_create_ideas"]
    reluctant = ctx["willingness.staff"] == "reluctant"
    for objective in [] if broadcast_only else ctx["goals.objectives"]:
        if objective == "recruitment" and reluctant:
            continue  # the idea asks employees to tell their story: not of those who won't
        if objective == "community" and sensitive:
            continue  # no call to post stories and pictures on a page of the grieving or ill
        if objective in ideas:
            actions.append(
                p.a("co_create.objective", idea=ctx.text(f"co_create_ideas/{objective}"))
            )
            p.used.append(f"idea:{objective}")
    if ctx["willingness.staff"] in ("eager", "mixed") and ctx["organisation.size"] != "micro":
        actions.append(p.a("co_create.ambassadors"))
    return actions


def _persevere(p: Facts) -> list[str]:
    horizon = p.ctx["persistence.horizon"]
    review = "persevere.review-yearly" if horizon == "over_12_months" else "persevere.reviews"
    return [p.a(review), p.a("persevere.give")]
