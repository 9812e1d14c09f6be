"""How far a plan has come: steps settled, the next due date, what is overdue, and when the plan
is reviewed (its dates: review_dates.py). Functions over the typed plan (model.py); the day to
judge by is given, never read here, so that the same plan and day always give the same answer."""

# Annotations evaluated, not postponed: a NamedTuple or TypedDict field given as a string is
# compiled at every start (about 1M instructions a class).

import datetime as dt
from collections.abc import Sequence
from typing import TypedDict

from socialready.model import NotRequired, PlanDoc, StepDoc, StepId, Verdict
from socialready.review_dates import review_schedule
from socialready.status import settled

DUE_WITHIN_DAYS = 14  # a review this close is marked due: time to gather the figures


class NextDue(TypedDict):
    step: int  # its number, 1 to 8
    id: StepId
    title: str
    due: str  # ISO date
    overdue: bool


class Overdue(TypedDict):
    step: int
    id: StepId
    due: str


class NextReview(TypedDict):
    date: str  # ISO date
    overdue: bool
    due: bool  # within DUE_WITHIN_DAYS


class Progress(TypedDict):
    done: int  # settled: done or skipped
    total: int
    next_due: NextDue | None
    overdue: list[Overdue]
    next_review: NextReview | None


class PlanRow(TypedDict):
    """One plan in an overview of many: where it stands, or why it cannot be read."""

    file: str
    error: NotRequired[str]  # the plan cannot be read: nothing else is known
    organisation: NotRequired[str]
    verdict: NotRequired[Verdict]
    score: NotRequired[int]
    done: NotRequired[int]
    next_due: NotRequired[str | None]
    next_due_step: NotRequired[int | None]
    overdue: NotRequired[list[Overdue]]
    next_review: NotRequired[NextReview | None]


def horizon(document: PlanDoc) -> str | None:
    """How long the plan expects results to take (`persistence.horizon`)."""
    found = (document.get("answers") or {}).get("persistence") or {}
    value = found.get("horizon") if isinstance(found, dict) else None
    return value if isinstance(value, str) else None


def plan_schedule(document: PlanDoc) -> list[tuple[dt.date, dt.date | None]]:
    """The review schedule of a plan as read."""
    return review_schedule(
        document.get("started"), horizon(document), document.get("reviews") or []
    )


def next_review(document: PlanDoc, on: dt.date) -> NextReview | None:
    """The first planned review not yet held: its date, whether it is overdue on `on`, and
    whether it is due (within DUE_WITHIN_DAYS)."""
    for planned, held in plan_schedule(document):
        if held is None:
            soon = on <= planned <= on + dt.timedelta(days=DUE_WITHIN_DAYS)
            return {"date": planned.isoformat(), "overdue": planned < on, "due": soon}
    return None


def is_overdue(step: StepDoc, on: dt.date) -> bool:
    """Its due date has passed on `on`, and it is neither done nor skipped."""
    due = step.get("due")
    return due is not None and due < on and not settled(step)


def overdue_steps(steps: Sequence[StepDoc], on: dt.date) -> list[Overdue]:
    """Steps whose due date has passed and that are neither done nor skipped."""
    return [
        {"step": number, "id": step["id"], "due": due.isoformat()}
        for number, step in enumerate(steps, start=1)
        if (due := step.get("due")) is not None and is_overdue(step, on)
    ]


def progress(document: PlanDoc, today: dt.date) -> Progress:
    """Steps settled of 8, the next open step with a due date, the steps overdue on `today` and
    the next review."""
    steps = document["steps"]
    open_due = [
        (day.isoformat(), number, step)
        for number, step in enumerate(steps, start=1)
        if (day := step.get("due")) is not None and not settled(step)
    ]
    next_due: NextDue | None = None
    if open_due:
        due, number, step = min(open_due, key=lambda item: (item[0], item[1]))
        next_due = {
            "step": number,
            "id": step["id"],
            "title": step["title"],
            "due": due,
            "overdue": is_overdue(step, today),
        }
    return {
        "done": sum(1 for step in steps if settled(step)),
        "total": len(steps),
        "next_due": next_due,
        "overdue": overdue_steps(steps, today),
        "next_review": next_review(document, today),
    }
