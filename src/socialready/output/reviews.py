"""The reviews of a plan as a reader sees them: per review what was promised against what was
published per channel, the reply time and hours against the plan, the measures and notes; and
the trend across reviews. One source for `show` in every format and so for the git textconv."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from socialready import grammar
from socialready.grammar import decimal
from socialready.model import PlanDoc, Recommended, ReviewDoc, as_text
from socialready.planfile.schedule import iso_date
from socialready.text import text


class ChannelFigures(TypedDict):
    channel: str
    published: int | None
    promised: int | None  # over the period, at the cadence of the plan before the review


class ReviewFigures(TypedDict):
    """One review against the plan's promise, language-neutral (ids and numbers)."""

    date: dt.date
    since: dt.date | None
    weeks: float | None
    channels: list[ChannelFigures]
    posts_per_week: float | None
    reply_time: str | None
    reply_promised: str | None
    hours_spent: float | None
    hours_planned: float
    measures: dict[str, str | float | None]
    notes: str | None


def figures(document: PlanDoc) -> list[ReviewFigures]:
    """Each review, oldest first, with its period and the plan's promise beside each figure;
    language-neutral (ids and numbers), for `show --format json` and the texts below."""
    from socialready.rules import review as review_rules

    answers = document.get("answers") or {}
    capacity = answers.get("capacity") or {}
    recommended = (document.get("channels") or {}).get("recommended") or []
    reviews = sorted(
        (entry for entry in document.get("reviews") or [] if isinstance(entry, dict)),
        key=lambda entry: str(entry.get("date")),
    )
    before_each = _recommended_before_each(document, reviews) or [recommended] * len(reviews)
    since = document.get("started")
    out: list[ReviewFigures] = []
    for entry, before in zip(reviews, before_each, strict=True):
        promise = {item["channel"]: item for item in before}
        planned_hours = round(sum(float(item["hours_per_week"]) for item in before), 2)
        date = entry.get("date")
        weeks = None
        if isinstance(since, dt.date) and isinstance(date, dt.date) and date > since:
            weeks = review_rules.period_weeks(since, date)
        published = entry.get("published") or {}
        channels: list[ChannelFigures] = [
            {
                "channel": channel,
                "published": published.get(channel),
                "promised": review_rules.promised_posts(promise[channel], weeks)
                if weeks and channel in promise
                else None,
            }
            for channel in [*promise, *(c for c in published if c not in promise)]
        ]
        total = sum(value for value in published.values() if isinstance(value, (int, float)))
        out.append(
            {
                "date": date,
                "since": since,
                "weeks": weeks,
                "channels": channels,
                "posts_per_week": round(total / weeks, 1) if weeks else None,
                "reply_time": entry.get("reply_time"),
                "reply_promised": as_text(capacity.get("response_time")),
                "hours_spent": entry.get("hours_spent"),
                "hours_planned": planned_hours,
                "measures": dict(entry.get("measures") or {}),
                "notes": entry.get("notes"),
            }
        )
        since = date
    return out


def _recommended_before_each(
    document: PlanDoc, reviews: list[ReviewDoc]
) -> list[list[Recommended]] | None:
    """The channels (cadence, hours) the plan promised for each review's period: the plan as it
    stood before that review (a review may lower a channel's cadence for the next period).
    None when the plan cannot be recomputed (then the plan as it stands now is the promise)."""
    from socialready import catalog, questionnaire, rules
    from socialready.errors import SocialreadyError
    from socialready.planfile import shape

    try:
        _, answers = shape.check_plan(document, "plan", deep=False)
        return rules.recommended_before_each(
            answers,
            catalog.load(),
            questionnaire.load(),
            str(document.get("language") or "en"),
            reviews,
            document.get("started"),
        )
    except SocialreadyError:
        return None


def day(value: object, lang: str) -> str:
    """A date as prose writes it: 31 maart 2027, 31 March 2027; other text as it is."""
    if isinstance(value, str):
        try:
            value = iso_date(value)
        except ValueError:
            return str(value)
    if not isinstance(value, dt.date):
        return "—" if value is None else str(value)
    return grammar.day(value, lang)


def _label(key: str, value: object, lang: str) -> str:
    from socialready import questionnaire

    question = questionnaire.load().by_key[key]
    for choice in question.choices:
        if choice.value == value:
            return choice.label[lang].lower() if key != "goals.objectives" else choice.label[lang]
    return "—" if value is None else str(value)


def _number(value: object, lang: str) -> str:
    return decimal(value, lang) if isinstance(value, (int, float)) else "—"


Block = tuple[str, list[str], str | None]  # a review's title, its lines, its notes


def page(document: PlanDoc, lang: str) -> tuple[list[Block], list[str]]:
    """The reviews as a page shows them: a block each, then the trend across them (the figures
    worked out once for both)."""
    found = figures(document)
    return _blocks(found, document, lang), _trend(found, lang)


def _blocks(found: list[ReviewFigures], document: PlanDoc, lang: str) -> list[Block]:
    """Per review: a title, its lines of figures against the promise, and its notes; each
    measure in the organisation's own words, as step 3 set it."""
    from socialready import answers, catalog, questionnaire
    from socialready.rules.context import Context
    from socialready.rules.steps import metric

    if not found:
        return []
    plan_lang = document["language"]
    known, qs = catalog.load(), questionnaire.load()
    ctx = Context(answers.from_nested(qs, document["answers"], "answers"), known, qs, lang)
    measured = known.texts["metrics"]
    out = []
    for number, review in enumerate(found, start=1):
        weeks = review["weeks"]
        if weeks:
            title = text(
                "review_page.title", lang, n=number, start=day(review["since"], lang),
                end=day(review["date"], lang), weeks=decimal(round(weeks), lang),
            )  # fmt: skip
        else:
            title = text(
                "review_page.title_undated", lang, n=number, date=day(review["date"], lang)
            )
        lines = []
        for item in review["channels"]:
            name = catalog.load().channel_name(item["channel"], plan_lang)
            published = _number(item["published"], lang)
            if item["promised"] is None:
                lines.append(text("review_page.published_only", lang, channel=name, n=published))
            else:
                lines.append(
                    text(
                        "review_page.published", lang, channel=name, n=published,
                        promised=decimal(item["promised"], lang),
                    )
                )  # fmt: skip
        lines.append(
            text(
                "review_page.reply", lang,
                reached=_label("capacity.response_time", review["reply_time"], lang),
                promised=_label("capacity.response_time", review["reply_promised"], lang),
            )
        )  # fmt: skip
        lines.append(
            text(
                "review_page.hours", lang, spent=_number(review["hours_spent"], lang),
                planned=_number(review["hours_planned"], lang),
            )
        )  # fmt: skip
        for objective, value in review["measures"].items():
            if value in (None, ""):
                continue
            name = _label("goals.objectives", objective, lang)
            shown = _number(value, lang) if isinstance(value, (int, float)) else str(value)
            metric_text = metric(ctx, objective) if objective in measured else None
            key = "review_page.measure_metric" if metric_text else "review_page.measure"
            lines.append(text(key, lang, objective=name, value=shown, metric=metric_text))
        notes = review["notes"] if isinstance(review["notes"], str) and review["notes"] else None
        out.append((title, lines, notes))
    return out


def _trend(reviews: list[ReviewFigures], lang: str) -> list[str]:
    """How the figures moved across the reviews (from the second review on), one line each."""
    if len(reviews) < 2:
        return []
    arrow = " → "
    lines = []
    rates = [review["posts_per_week"] for review in reviews]
    if any(rate is not None for rate in rates):
        shown = arrow.join(_number(rate, lang) for rate in rates)
        lines.append(text("review_page.trend_posts", lang, values=shown))
    replies = [_label("capacity.response_time", r["reply_time"], lang) for r in reviews]
    lines.append(text("review_page.trend_reply", lang, values=arrow.join(replies)))
    hours = [_number(review["hours_spent"], lang) for review in reviews]
    lines.append(text("review_page.trend_hours", lang, values=arrow.join(hours)))
    return lines
