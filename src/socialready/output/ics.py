"""The one module that talks to icalendar: calendar events as an .ics file to import.

All-day events with stable UIDs and a DTSTAMP from the plan: Outlook, Google Calendar and Apple
Calendar update an event with a known UID instead of adding it twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

import icalendar


class Event(Protocol):
    """What an event of the calendar must tell to become an iCalendar event."""

    @property
    def kind(self) -> str: ...  # post, review or step
    @property
    def date(self) -> dt.date: ...
    @property
    def uid(self) -> str: ...
    @property
    def summary(self) -> str: ...
    @property
    def description(self) -> str: ...


PRODID = "-//socialready//socialready calendar//EN"


def calendar(
    events: Sequence[Event], name: str, stamp: dt.datetime, categories: dict[str, str] | None = None
) -> str:
    """The iCalendar text (CRLF line ends, as the standard asks) of `events`; `categories`
    names each kind of event (post, review, step) in the calendar's language. Every text goes
    through icalendar's own types, which escape `,`, `;`, `\\` and line breaks."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", icalendar.vText(name))  # an X- property is not escaped by itself
    for event in events:
        item = icalendar.Event()
        item.add("uid", icalendar.vText(event.uid))
        item.add("dtstamp", stamp)
        item.add("dtstart", event.date)
        item.add("dtend", event.date + dt.timedelta(days=1))
        item.add("summary", event.summary)
        item.add("description", event.description)
        item.add("categories", [(categories or {}).get(event.kind, event.kind)])
        item.add("transp", "TRANSPARENT")  # a slot to publish in, not a busy day
        cal.add_component(item)
    text: str = cal.to_ical().decode("utf-8")
    return text
