"""What a review's figures say: promised against published, reply time, hours spent.

Pure functions, no I/O: the latest review is read against the channels the plan recommended
during its period. The outcome caps cadence tiers, pauses channels, and costs capacity points.
"""

# Annotations evaluated, not postponed: a NamedTuple field given as a string is compiled at
# every start.

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from socialready import catalog as catalog_mod
from socialready import grammar, model
from socialready.catalog import TIERS
from socialready.model import (
    Answers,
    DimensionDoc,
    Readiness,
    Recommended,
    ReviewDoc,
    Verdict,
)
from socialready.rules.context import VERDICTS, Context, Scored
from socialready.text import text

__all__ = ["TIERS", "ReviewOutcome", "judge", "latest", "posts_per_week"]

DEFAULT_TIER = "standard"
RESPONSE_TIMES = ("within_hours", "same_day", "within_days", "unmonitored")  # fastest first

Finding = tuple[str, dict[str, object]]  # rule id, language-neutral parameters


class ReviewOutcome(NamedTuple):
    """What the latest review means for the plan: the rules downstream apply it."""

    findings: list[Finding]
    tier_cap: dict[str, str]  # channel id -> the highest tier the figures support
    paused: set[str]  # channel ids to pause because the figures say so
    capacity_penalty: int  # points off the capacity score
    verdict_cap: Verdict | None  # the best verdict possible after this review, or None


def posts_per_week(entry: Recommended) -> float:
    """Posts a week promised for one recommended channel: the plan entry's own figure, else
    the catalogue's for the entry's tier (plans written before entries carried it)."""
    own = entry.get("posts_per_week")
    if isinstance(own, (int, float)):
        return float(own)
    channel = catalog_mod.load().channels[entry["channel"]]
    return float(channel.tier(current_tier(entry)).posts_per_week)


def promised_posts(entry: Recommended, weeks: float) -> int:
    """Posts promised on one recommended channel over `weeks`: what a review asks about, shows
    and is judged against."""
    return promised(posts_per_week(entry), weeks)


def promised(per_week: float, weeks: float) -> int:
    """Posts promised over `weeks` at `per_week`: at least one where there is a cadence."""
    return max(1, round(per_week * weeks)) if per_week > 0 else 0


def tier_rates(entry: Recommended) -> dict[str, float]:
    """Posts a week of each of the channel's tiers, the entry's own figure for its tier."""
    channel = catalog_mod.load().channels.get(entry["channel"])
    rates: dict[str, float] = (
        {tier.name: float(tier.posts_per_week) for tier in channel.tiers} if channel else {}
    )
    rates[current_tier(entry)] = posts_per_week(entry)
    return rates


def current_tier(entry: Recommended) -> str:
    tier = entry.get("tier")
    return tier if tier in TIERS else DEFAULT_TIER


def period_weeks(since: dt.date, until: dt.date) -> float:
    return round((until - since).days / 7, 2)


def _step(tier: str, by: int) -> str:
    return TIERS[min(len(TIERS) - 1, max(0, TIERS.index(tier) + by))]


def _thresholds() -> dict[str, float]:
    thresholds: dict[str, float] = catalog_mod.load().texts["review"]["thresholds"]
    return thresholds


def _supported(rates: dict[str, float], current: str, published: int, weeks: float) -> str:
    """The highest tier whose promise the published posts keep up (at the `kept` share)."""
    kept = _thresholds()["kept"]
    if len(rates) > 1 or current not in rates:
        held = [tier for tier in TIERS if tier in rates and published >= kept * rates[tier] * weeks]
        return held[-1] if held else TIERS[0]
    ratio = published / (rates[current] * weeks)
    if ratio < kept:
        return _step(current, -1)
    if ratio > _thresholds()["over"]:
        return _step(current, +1)
    return current


def judge(
    latest_review: ReviewDoc | None,
    recommended: list[Recommended],
    period_weeks: float,
    answers: Answers,
) -> ReviewOutcome:
    """The findings of one review against the channels recommended during its period."""
    limits = _thresholds()
    rules = catalog_mod.load().texts["review"]["findings"]
    findings: list[Finding] = []
    tier_cap: dict[str, str] = {}
    paused: set[str] = set()
    weeks = round(period_weeks)
    published = (latest_review.get("published") if latest_review else None) or {}
    judged = 0
    channels_judged = 0
    trouble = False
    if period_weeks >= limits["min_weeks"]:
        for entry in recommended:
            channel = entry["channel"]
            got = published.get(channel)
            per_week = posts_per_week(entry)
            if not isinstance(got, int) or isinstance(got, bool) or per_week <= 0:
                continue
            judged += 1
            channels_judged += 1
            expected = per_week * period_weeks
            current = current_tier(entry)
            supported = _supported(tier_rates(entry), current, got, period_weeks)
            ratio = got / expected
            params = {
                "channel": channel,
                "published": got,
                "promised": promised(per_week, period_weeks),
                "weeks": weeks,
            }
            if ratio < limits["pause_below"]:
                paused.add(channel)
                tier_cap[channel] = TIERS[0]
                findings.append(("review.channel-paused", params))
                trouble = True
            elif ratio < limits["kept"]:
                tier_cap[channel] = min(supported, current, key=TIERS.index)
                findings.append(("review.under-delivered", {**params, "tier": tier_cap[channel]}))
                trouble = True
            elif ratio > limits["over"]:
                tier_cap[channel] = max(supported, current, key=TIERS.index)
                findings.append(("review.over-delivered", {**params, "tier": tier_cap[channel]}))
            else:
                tier_cap[channel] = max(supported, current, key=TIERS.index)
        promised_reply = answers.get("capacity.response_time")
        reached = latest_review.get("reply_time") if latest_review else None
        if reached in RESPONSE_TIMES and promised_reply in RESPONSE_TIMES:
            judged += 1
            if RESPONSE_TIMES.index(reached) > RESPONSE_TIMES.index(promised_reply):
                rule = (
                    "review.replies-missed" if reached == "unmonitored" else "review.reply-slower"
                )
                findings.append((rule, {"reached": reached, "promised": promised_reply}))
                trouble = True
        spent = latest_review.get("hours_spent") if latest_review else None
        planned = round(sum(float(entry.get("hours_per_week") or 0) for entry in recommended), 2)
        if isinstance(spent, (int, float)) and not isinstance(spent, bool) and planned > 0:
            judged += 1
            hours: dict[str, object] = {"spent": spent, "planned": planned}
            if spent > planned * limits["hours_over"]:
                findings.append(("review.hours-over", hours))
                trouble = True
            elif spent < planned * limits["hours_under"]:
                findings.append(("review.hours-under", hours))
                trouble = True
    if not judged:
        findings = [("review.no-data", {"weeks": weeks})]
    elif not trouble and channels_judged:  # without a channel there is no promise kept to show
        findings.append(("review.plan-works", {}))
    penalty = sum(int(rules[rule]["points"]) for rule, _ in findings)
    caps = [rules[rule]["cap"] for rule, _ in findings if rules[rule].get("cap")]
    if recommended and len(paused) == len(recommended):
        caps.append("start_small")  # nothing was kept up: start again, small
    verdict_cap = min(caps, key=VERDICTS.index) if caps else None
    return ReviewOutcome(findings, tier_cap, paused, penalty, verdict_cap)


def texts(findings: list[Finding], ctx: Context) -> list[model.Finding]:
    """Each finding as the plan shows it: rule id, what it says, what to do, in the plan's
    language and the organisation's own words (Context.text)."""
    lang = ctx.lang
    response = ctx.questionnaire.question("capacity.response_time")
    out: list[model.Finding] = []
    for rule, params in findings:
        shown = dict(params)
        channel_id, tier = shown.get("channel"), shown.get("tier")
        if isinstance(channel_id, str):
            shown["channel"] = ctx.catalog.channel_name(channel_id, lang)
        if isinstance(tier, str):
            shown["tier"] = ctx.text(f"review.tiers.{tier}")
        for key in ("reached", "promised"):
            value = shown.get(key)
            if isinstance(value, str):
                shown[key] = response.label(value, lang).lower()
        base = f"review.findings.{rule}"
        out.append(
            {
                "rule": rule,
                "says": ctx.text(f"{base}.says", **shown),
                "do": ctx.text(f"{base}.do", **shown),
            }
        )
    return out


def rescored(points: Scored, outcome: ReviewOutcome, thresholds: dict[str, float]) -> Scored:
    """The scores and the verdict after the review: its points off capacity, its cap on the
    verdict. A review only lowers: the verdict before it already holds every other cap."""
    dimensions = {**points.dimensions}
    dimensions["capacity"] = max(0, dimensions["capacity"] - outcome.capacity_penalty)
    caps = (points.verdict, outcome.verdict_cap) if outcome.verdict_cap else (points.verdict,)
    return Scored.of(dimensions, thresholds, *caps)


def apply_to_readiness(readiness: Readiness, outcome: ReviewOutcome, ctx: Context) -> Readiness:
    """The readiness section with the review's findings in capacity, its score and the verdict
    following what really happened; the findings in the organisation's own words."""
    before = {name: dimension["score"] for name, dimension in readiness["dimensions"].items()}
    scored = Scored(before, readiness["score"], readiness["verdict"])
    points = rescored(scored, outcome, ctx.catalog.thresholds)
    dimensions = {
        name: DimensionDoc(score=points.dimensions[name], findings=dimension["findings"])
        for name, dimension in readiness["dimensions"].items()
    }
    capacity = dimensions["capacity"]
    capacity["findings"] = [*capacity["findings"], *texts(outcome.findings, ctx)]
    summary = readiness["summary"]
    if points.verdict != readiness["verdict"]:
        summary = ctx.text(f"verdicts.{points.verdict}")
    return {
        **readiness,
        "verdict": points.verdict,
        "score": points.score,
        "summary": summary,
        "dimensions": dimensions,
    }


def latest(
    reviews: Sequence[ReviewDoc],
    started: dt.date | None,
    recommended: list[Recommended],
    answers: Answers,
) -> ReviewOutcome | None:
    """The latest review judged over its period (since the review before it, or the start),
    against `recommended`: the channels of the plan as it stood before that review."""
    if not reviews:
        return None
    ordered = sorted(reviews, key=lambda review: review["date"])
    since = ordered[-2]["date"] if len(ordered) > 1 else started
    if since is None or ordered[-1]["date"] <= since:
        return judge(None, recommended, 0, answers)
    return judge(ordered[-1], recommended, period_weeks(since, ordered[-1]["date"]), answers)


def schedule_action(scheduled: list[tuple[dt.date, bool]], lang: str) -> str | None:
    """Step 8's line with the review dates, those done marked so."""
    if not scheduled:
        return None
    dates = ", ".join(
        text("rules.review.done", lang, date=grammar.day(date, lang))
        if done
        else grammar.day(date, lang)
        for date, done in scheduled
    )
    return text("rules.review.schedule", lang, dates=dates)
