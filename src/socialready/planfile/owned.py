"""What the user owns in a plan, read strictly: each step's status, owner, due date and notes,
the date the plan started, and the reviews. Any problem names the field and what to write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache
from typing import Any

from socialready import catalog as catalog_mod
from socialready import questionnaire
from socialready.errors import BadInput
from socialready.ui import word

STATUSES = ("todo", "doing", "done", "skipped")
STEP_FIELDS = ("status", "owner", "due", "notes")  # in the order of the file
REVIEW_FIELDS = ("date", "published", "reply_time", "hours_spent", "measures", "notes")

Fail = Callable[[str, str], BadInput]


@cache
def status_words() -> dict[str, str]:
    """Every spelling a status may have in the file, lower case, to its id: the ids, the words
    shown in either language (`klaar`, `to do`) and a few more (data/ui.yaml)."""
    words = {status: status for status in STATUSES}
    for status in STATUSES:
        for lang in questionnaire.LANGUAGES:
            words[word(f"statuses/{status}", lang).lower()] = status
        for extra in word_list(f"status_also/{status}"):
            words[extra.lower()] = status
    return words


def word_list(path: str) -> list[str]:
    from socialready import ui

    node: Any = ui._words()
    for part in path.split("/"):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return list(node) if isinstance(node, list) else []


def read_status(value: Any, key: str, fail: Fail) -> str:
    """The status id for an id or a word shown in either language, any case."""
    if value is None:
        return "todo"
    found = status_words().get(value.strip(" ").lower()) if isinstance(value, str) else None
    if found is None or not value.isascii():
        shown = ", ".join(
            word(f"statuses/{status}", lang) for lang in questionnaire.LANGUAGES
            for status in STATUSES
        )  # fmt: skip
        raise fail(key, f"{value!r} is not one of: {', '.join(STATUSES)} (or {shown})")
    return found


def read_date(value: Any, key: str, fail: Fail) -> dt.date | None:
    """A date (YAML reads 2026-03-31 as one; quoted, it is text), or None when empty."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise fail(key, f"{value!r} is not a date; write it as 2026-03-31") from None
    if isinstance(value, dt.datetime):
        raise fail(key, "must be a date like 2026-03-31, without a time")
    if not isinstance(value, dt.date):
        raise fail(key, "must be a date like 2026-03-31, or empty")
    return value


def read_text(value: Any, key: str, fail: Fail) -> str | None:
    if value is not None and not isinstance(value, str):
        raise fail(key, "must be text; put it in quotes")
    return value


def read_step(step: dict[str, Any], where: str, fail: Fail) -> dict[str, Any]:
    """A step's owned fields: status as its id, due as a date."""
    return {
        "status": read_status(step.get("status"), f"{where}.status", fail),
        "owner": read_text(step.get("owner"), f"{where}.owner", fail),
        "due": read_date(step.get("due"), f"{where}.due", fail),
        "notes": read_text(step.get("notes"), f"{where}.notes", fail),
    }


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def read_reviews(value: Any, fail: Fail) -> list[dict[str, Any]]:
    """The reviews as recorded, checked; kept as they are apart from dates read as dates."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise fail("reviews", "must be a list of reviews, each with its `date:`")
    qs = questionnaire.load()
    channels = catalog_mod.load().channels
    reply_times = qs.by_key["capacity.response_time"].values
    objectives = qs.by_key["goals.objectives"].values
    hours = qs.by_key["capacity.hours_per_week"]
    reviews = []
    for number, entry in enumerate(value, start=1):
        where = f"reviews[{number}]"
        if not isinstance(entry, dict):
            raise fail(where, "must be a mapping with date:, published:, reply_time:, ...")
        for key in entry:
            if key not in REVIEW_FIELDS:
                raise fail(
                    f"{where}.{key}",
                    f"is not a review field; the fields are: {', '.join(REVIEW_FIELDS)}",
                )
        day = read_date(entry.get("date"), f"{where}.date", fail)
        if day is None:
            raise fail(f"{where}.date", "is required: the day of the review, like 2026-03-31")
        published = entry.get("published")
        if published is not None:
            if not isinstance(published, dict):
                raise fail(f"{where}.published", "must map each channel to a number of posts")
            for channel, count in published.items():
                if channel not in channels:
                    raise fail(
                        f"{where}.published.{channel}",
                        f"is not a channel; the channels are: {', '.join(channels)}",
                    )
                if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                    raise fail(f"{where}.published.{channel}", "must be a whole number of posts")
        reply = entry.get("reply_time")
        if reply is not None and reply not in reply_times:
            raise fail(f"{where}.reply_time", f"{reply!r} is not one of: {', '.join(reply_times)}")
        spent = entry.get("hours_spent")
        if spent is not None and not (_number(spent) and hours.minimum <= spent <= hours.maximum):
            raise fail(
                f"{where}.hours_spent",
                f"must be a number of hours a week from {hours.minimum:g} to {hours.maximum:g}",
            )
        measures = entry.get("measures")
        if measures is not None:
            if not isinstance(measures, dict):
                raise fail(f"{where}.measures", "must map each objective to a figure or text")
            for objective, figure in measures.items():
                if objective not in objectives:
                    raise fail(
                        f"{where}.measures.{objective}",
                        f"is not an objective; the objectives are: {', '.join(objectives)}",
                    )
                if not (_number(figure) or isinstance(figure, str) or figure is None):
                    raise fail(f"{where}.measures.{objective}", "must be a number or text")
        read_text(entry.get("notes"), f"{where}.notes", fail)
        reviews.append({**entry, "date": day})
    return reviews
