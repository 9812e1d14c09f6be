"""`socialready calendar`: the plan's cadence as dates, themes and owners, and its review dates.

The slots follow from each recommended channel's posts a week, spread over the working days:
never a weekend or a public holiday of the organisation's country (the `holidays` package
knows them); a review that falls on one moves to the next working day. A theme rotates over
the audience's interests and the objectives; who posts is the channel's owner (`owners`),
else step 4's. The same plan and options always give the same calendar, so a newer .ics
updates an imported one instead of doubling it.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from socialready import catalog as catalog_mod
from socialready.errors import BadInput, ExitCode, msg, told_in
from socialready.model import as_choices
from socialready.rules import review as review_rules
from socialready.status import settled
from socialready.text import text

if TYPE_CHECKING:
    from socialready.model import Recommended
    from socialready.planfile.document import Plan

WORKING_DAYS = 5  # Monday to Friday
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # text ids calendar.days.*
MAX_WEEKS = 104
MAX_EVENTS = 10_000  # about 4 MiB of .ics, written in about ten seconds
LAST_START = dt.date(9998, 1, 1)  # later, a calendar (and its holidays) would pass year 9999


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


def weekdays(count: int, days: int = WORKING_DAYS) -> list[int]:
    """Which of `days` working days (0 the first) take `count` posts in a week, spread out:
    of five, 2 is Tuesday and Thursday, 1 is Wednesday; more posts than days means more than
    one on a day."""
    return [math.floor((i + 0.5) * days / count) for i in range(count)]


Closed = Callable[[dt.date], bool]


def weekend(day: dt.date) -> bool:
    return day.weekday() >= WORKING_DAYS


def closed_days(country: object, first: dt.date, last: dt.date) -> tuple[Closed, bool]:
    """Which days take no post: weekends, and the public holidays of `country` (an ISO 3166
    code) from the `holidays` package; whether the country's holidays are known."""
    code = str(country or "").upper()
    if len(code) != 2 or not code.isalpha():
        return weekend, False
    import holidays

    try:
        known = holidays.country_holidays(code, years=range(first.year, last.year + 1))
    except NotImplementedError:  # a country the package does not know
        return weekend, False
    return (lambda day: weekend(day) or day in known), True


def next_working_day(day: dt.date, closed: Closed) -> dt.date:
    while closed(day):
        day += dt.timedelta(days=1)
    return day


def post_days(count: int, order: int, open_days: list[int]) -> list[int]:
    """The days of a week (0 Monday) for `count` posts of the channel at `order`, among the
    week's `open_days`: one post falls on a different day for different channels."""
    if not open_days or count <= 0:
        return []
    if count == 1:
        wanted = (2 + order) % WORKING_DAYS
        later = [day for day in open_days if day >= wanted]
        return [later[0] if later else open_days[-1]]
    return [open_days[index] for index in weekdays(count, len(open_days))]


def themes(plan: Plan, lang: str) -> list[str]:
    """The audience's interests (split on commas), then the objectives."""
    from socialready import questionnaire

    interests = [
        part.strip() for part in str(plan.answers.get("audience.interests") or "").split(",")
    ]
    objective = questionnaire.load().question("goals.objectives")
    labels = [
        objective.label(value, lang) for value in as_choices(plan.answers["goals.objectives"])
    ]
    return [item for item in interests if item] + labels


def events(
    plan: Plan,
    path: Path,
    start: dt.date,
    weeks: int,
    lang: str,
    closed: Closed = weekend,
) -> list[Event]:
    """Every post slot, review and due step from `start` for `weeks` weeks, in date order;
    no post on a `closed` day, and a review that falls on one moves to the next open day."""
    from socialready.output import report
    from socialready.planfile.document import review_schedule, slug

    document = plan.as_read
    uid = slug(plan.organisation)
    end = start + dt.timedelta(weeks=weeks)
    monday = start - dt.timedelta(days=start.weekday())
    catalog = catalog_mod.load()
    topics = themes(plan, lang) or [text("calendar.nothing", lang)]
    slots: list[tuple[dt.date, int, str, Recommended]] = []
    for order, entry in enumerate(document["channels"]["recommended"]):
        per_week = review_rules.posts_per_week(entry)
        if per_week <= 0:
            continue
        # Channels posting less than weekly take turns in the weeks; single posts in a week
        # fall on different days for different channels.
        phase = order if per_week < 1 else 0
        for week in range(weeks + 1):
            first = monday + dt.timedelta(weeks=week)
            open_days = [
                day for day in range(WORKING_DAYS) if not closed(first + dt.timedelta(days=day))
            ]
            count = posts_in_week(per_week, week + phase)
            for day in post_days(count, order, open_days):
                date = first + dt.timedelta(days=day)
                if start <= date < end:
                    slots.append((date, order, entry["channel"], entry))
    slots.sort(key=lambda slot: (slot[0], slot[1]))
    found: list[Event] = []
    per_day: dict[tuple[dt.date, str], int] = {}
    for number, (date, _, channel_id, entry) in enumerate(slots):
        name = catalog.channel_name(channel_id, lang)
        theme = topics[number % len(topics)]
        who = report.channel_owner(document, channel_id, lang)
        seen = per_day.get((date, channel_id), 0)
        per_day[(date, channel_id)] = seen + 1
        suffix = f"-{seen + 1}" if seen else ""
        found.append(
            Event(
                date,
                "post",
                f"{uid}-{channel_id}-{date.isoformat()}{suffix}@socialready",
                text("calendar.post", lang, channel=name, theme=theme),
                text(
                    "calendar.post_description",
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
    for number, (planned, done) in enumerate(review_schedule(plan), start=1):
        date = next_working_day(planned, closed)
        if start <= date < end and not done:
            found.append(
                Event(
                    date,
                    "review",
                    f"{uid}-review-{number}@socialready",
                    text("calendar.review", lang, n=number),
                    text("calendar.review_description", lang, plan=str(path)),
                    "",
                    "",
                    str(document["steps"][-1].get("owner") or "—"),
                )
            )
    for number, step in enumerate(document["steps"], start=1):
        due = step.get("due")  # a date: the plan as read has it as one
        if due and start <= due < end and not settled(step):
            found.append(
                Event(
                    due,
                    "step",
                    f"{uid}-step-{step['id']}@socialready",
                    text("calendar.step_due", lang, n=number, title=step["title"]),
                    "\n".join(f"• {action}" for action in step["actions"]),
                    "",
                    "",
                    str(step.get("owner") or "—"),
                )
            )
    kinds = ("step", "review", "post")  # on one day: what is due first
    found.sort(key=lambda event: (event.date, kinds.index(event.kind)))
    return found


def stamp(plan: Plan, start: dt.date) -> dt.datetime:
    """DTSTAMP from the plan, not the clock: its start or its latest review, else `start`."""
    dates = [review["date"] for review in plan.reviews]
    if plan.started is not None:
        dates.append(plan.started)
    day = max(dates) if dates else start
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def run(path: Path, *, weeks: int, start: str | None, output: Path | None, lang: str | None) -> int:
    from socialready import files
    from socialready.planfile.document import check_generated, read

    if not 1 <= weeks <= MAX_WEEKS:
        problem = msg("answer.out_of_range", value=weeks, min=1, max=MAX_WEEKS)
        raise BadInput(msg("where", where="--weeks", problem=problem))
    plan = read(path)
    language = lang or plan.language
    with told_in(language):
        check_generated(plan.as_read, str(path))
        if output is not None:  # before any work: never over the plan or a file of another kind
            files.check_output(
                output, reads=path, kind="ics", starts=b"BEGIN:VCALENDAR", suffix=".ics"
            )
        from socialready.planfile import schedule

        first = parse_start(start, schedule.today())
        latest = LAST_START - dt.timedelta(weeks=weeks)
        if first > latest:  # every date the calendar works out stays before the year 10000
            problem = msg("calendar.too_late", date=first.isoformat(), last=latest.isoformat())
            raise BadInput(msg("where", where="--start", problem=problem))
        end = first + dt.timedelta(weeks=weeks) - dt.timedelta(days=1)
        country = plan.answers.get("organisation.country")
        # A review moved past a holiday can fall a few days after the end: a year more is enough.
        closed, known = closed_days(country, first, end + dt.timedelta(days=366))
        found = events(plan, path, first, weeks, language, closed)
        if len(found) > MAX_EVENTS:  # each takes icalendar about a millisecond and 400 bytes
            problem = msg("calendar.too_many", n=len(found), max=MAX_EVENTS)
            raise BadInput(msg("where", where="--weeks", problem=problem))
        title = text(
            "calendar.title",
            language,
            name=plan.organisation,
            start=first.isoformat(),
            end=end.isoformat(),
        )
        note = None if known else text("calendar.no_holidays", language, country=str(country))
        from socialready.output import terminal

        if output is not None:
            from socialready.output import ics

            name = text("calendar.calname", language, name=plan.organisation)
            categories = {kind: text(f"calendar.categories.{kind}", language) for kind in KINDS}
            files.write_text(output, ics.calendar(found, name, stamp(plan, first), categories))
            if note:
                terminal.message(note)
            terminal.message(
                text("calendar.written", language, path=str(output), n=len(found)), style="green"
            )
        else:
            terminal.calendar(
                title, _weeks(found, first, weeks, language), _headers(language), note
            )
    return int(ExitCode.OK)


KINDS = ("post", "review", "step")


def _headers(lang: str) -> list[str]:
    return [text(f"calendar.{key}", lang) for key in ("day", "channel", "theme", "owner")]


def _weeks(
    found: list[Event], start: dt.date, weeks: int, lang: str
) -> list[tuple[str, list[list[str]], str]]:
    """Week by week: a heading, one row per event, and what to say when the week is empty."""
    names = [text(f"calendar.days.{day}", lang) for day in DAYS]
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
        heading = text("calendar.week", lang, date=max(first, start).isoformat())
        out.append((heading, rows, text("calendar.nothing", lang)))
    return out
