"""`socialready calendar`: the plan's cadence as dates, themes and owners, and its review dates.

The slots follow from each recommended channel's posts a week, spread over working days; a
theme rotates over the audience's interests and the objectives. The same plan and options
always give the same calendar, so a newer .ics updates an imported one instead of doubling it.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any, NamedTuple

from socialready import catalog as catalog_mod
from socialready.errors import BadInput, msg
from socialready.rules import review as review_rules
from socialready.wizard.review import word

WORKING_DAYS = 5  # Monday to Friday
MAX_WEEKS = 104
MAX_EVENTS = 10_000  # about 4 MiB of .ics, written in about ten seconds


class Event(NamedTuple):
    """One day in the calendar: a post to publish, a review, or a step that is due."""

    date: dt.date
    kind: str  # post | review | step
    uid: str
    summary: str
    description: str
    channel: str  # channel name for a post, else ""
    theme: str
    owner: str


def next_monday(today: dt.date) -> dt.date:
    """Today when it is a Monday, else the coming one."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def parse_start(text: str | None, today: dt.date) -> dt.date:
    if text is None:
        return next_monday(today)
    from socialready.planfile import schedule

    return schedule.parse_date(text, "--start")


def posts_in_week(per_week: float, week: int) -> int:
    """Posts in week `week` (0 first): whole numbers that add up to per_week a week over time,
    the first week included (0.5 a week: weeks 0, 2, 4, ...)."""
    return math.floor(per_week * (week + 1) + 0.5) - math.floor(per_week * week + 0.5)


def weekdays(count: int) -> list[int]:
    """Working days (0 Monday) for `count` posts in a week, spread out: 2 is Tuesday and
    Thursday, 1 is Wednesday; more than 5 means more than one on a day."""
    return [math.floor((i + 0.5) * WORKING_DAYS / count) for i in range(count)]


def themes(plan: Any, lang: str) -> list[str]:
    """The audience's interests (split on commas), then the objectives."""
    from socialready import questionnaire

    interests = [
        part.strip() for part in str(plan.answers.get("audience.interests") or "").split(",")
    ]
    objective = questionnaire.load().question("goals.objectives")
    labels = [objective.label(value, lang) for value in plan.answers["goals.objectives"]]
    return [item for item in interests if item] + labels


def owner(document: dict[str, Any]) -> str:
    """Who publishes: the owner of step 4, be active where your audience is."""
    for step in document["steps"]:
        if step["id"] == "be_active":
            return str(step.get("owner") or "—")
    return "—"


def events(plan: Any, path: Path, start: dt.date, weeks: int, lang: str) -> list[Event]:
    """Every post slot, review and due step from `start` for `weeks` weeks, in date order."""
    from socialready.planfile import document as plan_mod

    document = plan.document
    slug = plan_mod.slug(plan.organisation)
    end = start + dt.timedelta(weeks=weeks)
    monday = start - dt.timedelta(days=start.weekday())
    channels = catalog_mod.load().channels
    topics = themes(plan, lang) or [word("calendar/nothing", lang)]
    who = owner(document)
    slots: list[tuple[dt.date, int, str, dict[str, Any]]] = []
    for order, entry in enumerate(document["channels"]["recommended"]):
        per_week = review_rules.posts_per_week(entry, plan.answers)
        if per_week <= 0:
            continue
        # Channels posting less than weekly take turns in the weeks; single posts in a week
        # fall on different days for different channels.
        phase = order if per_week < 1 else 0
        for week in range(weeks + 1):
            count = posts_in_week(per_week, week + phase)
            days = [(2 + order) % WORKING_DAYS] if count == 1 else weekdays(count)
            for day in days:
                date = monday + dt.timedelta(weeks=week, days=day)
                if start <= date < end:
                    slots.append((date, order, entry["channel"], entry))
    slots.sort(key=lambda slot: (slot[0], slot[1]))
    found: list[Event] = []
    per_day: dict[tuple[dt.date, str], int] = {}
    for number, (date, _, channel_id, entry) in enumerate(slots):
        name = channels[channel_id].name[lang] if channel_id in channels else channel_id
        theme = topics[number % len(topics)]
        seen = per_day.get((date, channel_id), 0)
        per_day[(date, channel_id)] = seen + 1
        suffix = f"-{seen + 1}" if seen else ""
        found.append(
            Event(
                date,
                "post",
                f"{slug}-{channel_id}-{date.isoformat()}{suffix}@socialready",
                word("calendar/post", lang, channel=name, theme=theme),
                word(
                    "calendar/post_description",
                    lang,
                    channel=name,
                    theme=theme,
                    owner=who,
                    cadence=entry.get("cadence", ""),
                ),
                name,
                theme,
                who,
            )
        )
    for number, (date, done) in enumerate(review_schedule(plan), start=1):
        if start <= date < end and not done:
            found.append(
                Event(
                    date,
                    "review",
                    f"{slug}-review-{number}@socialready",
                    word("calendar/review", lang, n=number),
                    word("calendar/review_description", lang, plan=str(path)),
                    "",
                    "",
                    str(document["steps"][-1].get("owner") or "—"),
                )
            )
    for number, step in enumerate(document["steps"], start=1):
        due = step.get("due")
        if isinstance(due, str):
            from socialready.planfile.schedule import iso_date

            due = iso_date(due)
        if due and start <= due < end and step.get("status") not in ("done", "skipped"):
            found.append(
                Event(
                    due,
                    "step",
                    f"{slug}-step-{step['id']}@socialready",
                    word("calendar/step_due", lang, n=number, title=step["title"]),
                    "\n".join(f"• {action}" for action in step["actions"]),
                    "",
                    "",
                    str(step.get("owner") or "—"),
                )
            )
    kinds = ("step", "review", "post")
    found.sort(key=lambda event: (event.date, kinds.index(event.kind)))
    return found


def review_schedule(plan: Any) -> list[tuple[dt.date, bool]]:
    """The plan's review dates, each with whether a review was recorded for it."""
    from socialready.planfile import schedule

    return [
        (planned, held is not None) for planned, held in schedule.review_schedule(plan.document)
    ]


def stamp(plan: Any, start: dt.date) -> dt.datetime:
    """DTSTAMP from the plan, not the clock: its start or its latest review, else `start`."""
    dates = [review["date"] for review in getattr(plan, "reviews", [])]
    started = getattr(plan, "started", None)
    if isinstance(started, dt.date):
        dates.append(started)
    day = max(dates) if dates else start
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def run(
    path: Path, *, weeks: int, start: str | None, output: Path | None, lang: str | None
) -> list[Event]:
    from socialready.planfile import document as plan_mod

    if not 1 <= weeks <= MAX_WEEKS:
        problem = msg("answer.out_of_range", value=weeks, min=1, max=MAX_WEEKS)
        raise BadInput(msg("where", where="--weeks", problem=problem))
    plan = plan_mod.read(path)
    plan_mod.check_generated(plan.document, str(path))
    language = lang or plan.language
    from socialready.planfile import schedule

    first = parse_start(start, schedule.today())
    found = events(plan, path, first, weeks, language)
    if len(found) > MAX_EVENTS:  # each takes icalendar about a millisecond and 400 bytes
        problem = msg("calendar.too_many", n=len(found), max=MAX_EVENTS)
        raise BadInput(msg("where", where="--weeks", problem=problem))
    end = first + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
    title = word(
        "calendar/title",
        language,
        name=plan.organisation,
        start=first.isoformat(),
        end=end.isoformat(),
    )
    from socialready.output import terminal as render

    if output is not None:
        from socialready import files
        from socialready.output import ics

        name = word("calendar/calname", language, name=plan.organisation)
        files.write_text(output, ics.calendar(found, name, stamp(plan, first)))
        render.message(
            word("calendar/written", language, path=str(output), n=len(found)), style="green"
        )
        return found
    render.calendar(title, _weeks(found, first, weeks, language), _headers(language))
    return found


def _headers(lang: str) -> list[str]:
    return [word(f"calendar/{key}", lang) for key in ("day", "channel", "theme", "owner")]


def _weeks(
    found: list[Event], start: dt.date, weeks: int, lang: str
) -> list[tuple[str, list[list[str]], str]]:
    """Week by week: a heading, one row per event, and what to say when the week is empty."""
    names = word_list("calendar/days", lang)
    monday = start - dt.timedelta(days=start.weekday())
    out = []
    for week in range(weeks + 1):
        first = monday + dt.timedelta(weeks=week)
        last = first + dt.timedelta(days=7)
        if last <= start or first >= start + dt.timedelta(weeks=weeks):
            continue
        rows = []
        for event in found:
            if first <= event.date < last:
                day = f"{names[event.date.weekday()]} {event.date.day:>2}-{event.date.month:02}"
                if event.kind == "post":
                    rows.append([day, event.channel, event.theme, event.owner])
                else:
                    rows.append([day, "", event.summary, event.owner])
        heading = word("calendar/week", lang, date=max(first, start).isoformat())
        out.append((heading, rows, word("calendar/nothing", lang)))
    return out


def word_list(path: str, lang: str) -> list[str]:
    from socialready.wizard.review import data

    node: Any = data()
    for part in path.split("/"):
        node = node[part]
    return list(node[lang])
