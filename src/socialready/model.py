"""The plan's shape, declared once: the file as TypedDicts whose fields carry their kinds
(ranges, choices, descriptions) as `Annotated` metadata. planfile/shape.py builds the JSON Schema
and the checks a plan is read with from these declarations; the rules, commands and output take
and return these types (progress.py works out progress and what is overdue over them).

A key that a file may leave out is `NotRequired`, unless reading fills it in (`FILLED`, which may
also be empty in the file): after a plan is read, every step has its status, owner, due date and
notes, and the plan its `started`, `owners` and `reviews`.
"""

import datetime as dt
import sys
from typing import Annotated, Literal, get_args

if sys.version_info >= (3, 11):
    from typing import NotRequired as NotRequired
    from typing import TypedDict
else:  # pragma: no cover - Python 3.10
    from typing_extensions import NotRequired as NotRequired
    from typing_extensions import TypedDict

# The kinds a field may carry, read by planfile/shape.py.


class Doc:
    """What the field holds, for the reader of the schema (its `description`)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Def:
    """A named part of the schema, written once under `$defs` and referred to."""

    __slots__ = ("description", "name")

    def __init__(self, name: str, description: str = "") -> None:
        self.name, self.description = name, description


class Range:
    """The numbers allowed, both ends included; a range of a question (`of`) takes its own."""

    __slots__ = ("maximum", "minimum", "of")

    def __init__(
        self, minimum: float | None = None, maximum: float | None = None, *, of: str = ""
    ) -> None:
        self.minimum, self.maximum, self.of = minimum, maximum, of


class Length:
    """How long a text may be (0: no limit)."""

    __slots__ = ("maximum", "minimum")

    def __init__(self, minimum: int = 0, maximum: int = 0) -> None:
        self.minimum, self.maximum = minimum, maximum


class OneOf:
    """One of the ids of the shipped data: `channel`, `objective`, or a question's choices."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source


class MaxItems:
    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count


class Unknown:
    """What a key that is not declared is told: a message id, given the declared keys as the
    parameter `listing` names (when it names one)."""

    __slots__ = ("id", "listing")

    def __init__(self, id: str, listing: str = "") -> None:
        self.id, self.listing = id, listing


class Shallow:
    """Read only for its kind by `plan`, which rebuilds it anyway; `problem` (a message id)
    when it is not."""

    __slots__ = ("problem",)

    def __init__(self, problem: str) -> None:
        self.problem = problem


class Marker:
    """A kind without parameters."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


GENERATED = Marker("generated")  # made by the rules: an error says how to restore it
DEEP_ONLY = Marker("deep_only")  # read only by the commands that show a plan
FILLED = Marker("filled")  # may be left out of the file, or empty; reading fills it in
FORMAT_VERSION = Marker("format_version")  # the file's format, older ones upgraded
ANSWERS = Marker("answers")  # the answers, as the questionnaire declares them
IN_ORDER = Marker("in_order")  # exactly the steps, by id, in the source's order
STATUS = Marker("status")  # a status id, or the word shown for it in either language

# Values the code knows by name.

Language = Literal["nl", "en"]
Verdict = Literal["not_yet", "start_small", "ready"]  # worst first
TierName = Literal["minimum", "standard", "ambitious"]  # lightest first
StepId = Literal[
    "audience", "media", "organise", "be_active", "share", "monitor", "co_create", "persevere"
]
Status = Literal["todo", "doing", "done", "skipped"]
DimensionName = Literal["goals_audience", "capacity", "willingness", "dialogue", "persistence"]

LANGUAGES: tuple[Language, ...] = get_args(Language)
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
TIERS: tuple[TierName, ...] = get_args(TierName)
STEP_IDS: tuple[StepId, ...] = get_args(StepId)
STATUSES: tuple[Status, ...] = get_args(Status)
DIMENSIONS: tuple[DimensionName, ...] = get_args(DimensionName)
SETTLED: tuple[Status, ...] = ("done", "skipped")

# Every number has a range, so that what is read can be computed with (no 400-digit counts, no
# infinity, no 100,000 posts a week for the calendar to lay out), and the plan a size.
HOURS_IN_A_WEEK = 168
MAX_HOURS_NEEDED = 1_000  # all channels together, as the rules compute it
MAX_POSTS_PER_WEEK = 100  # the most ambitious cadence in the facts is 21
MAX_PUBLISHED = 10_000  # posts on one channel in one review's period
MAX_REVIEWS = 2_000  # a review a week for 38 years; reading 2,000 takes about a second

FORMAT = 3  # 2: status, owner, due, notes under each step's title; started; reviews.
# 3: answers format 3 (sector, region, minors, paid promotion, current channels with their use)

YOURS = "Yours: "
REBUILD = "plan.not_mapping"  # a generated section that is missing or not a mapping


class ChannelUse(TypedDict):
    """How a channel in use is used: posts a week (None: not known) and how well it works."""

    posts_per_week: float | None
    works: str


# An answer as stored: text, a number, yes/no, the choices made, the channels in use, or (under
# ASSUMED, `answers.assumed`) the keys whose defaults are assumed.
Answer = str | int | float | bool | list[str] | dict[str, ChannelUse] | tuple[str, ...] | None
# The answers as the questionnaire declares them, checked by answers.validate: the value of each
# key is of the kind of its question, which a type cannot say per key; the rules read them
# through rules/context.Context's narrowing accessors.
Answers = dict[str, Answer]  # flat: `capacity.people` -> 2
NestedAnswers = dict[str, dict[str, Answer]]  # as the file nests them


# Reading one answer as the kind its question declares; any other value is a bug upstream
# (answers.validate gives each key the kind of its question).


def _not(kind: str, value: Answer) -> TypeError:
    return TypeError(f"expected {kind}, got {value!r}")


def as_text(value: Answer) -> str | None:
    """A text or one-choice answer; None where it was not given or does not apply."""
    if value is None or isinstance(value, str):
        return value
    raise _not("text", value)


def as_number(value: Answer) -> float | None:
    """A number or integer answer (an int stays an int); None where it is not known."""
    if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
        return value
    raise _not("a number", value)


def as_whole(value: Answer) -> int:
    """An integer answer that has a value: `capacity.people` -> 2."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _not("a whole number", value)


def as_choices(value: Answer) -> list[str] | tuple[str, ...]:
    """The choices made (a `many` answer, or the keys assumed); none when not given."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return value
    raise _not("a list", value)


def as_channels(value: Answer) -> dict[str, ChannelUse]:
    """The channels in use, each with how it is used; none when not given."""
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    raise _not("channels", value)


ChannelId = Annotated[str, OneOf("channel")]
Channel = Annotated[str, OneOf("channel"), Def("channel")]
Objective = Annotated[str, OneOf("objective")]
Hours = Annotated[float, Range(of="capacity.hours_per_week")]
Score = Annotated[int, Range(0, 100)]


class Finding(TypedDict):
    rule: str
    says: str
    do: str


class DimensionDoc(TypedDict):
    score: Score
    findings: list[Finding]


Dimension = Annotated[DimensionDoc, Def("dimension")]


class Readiness(TypedDict):
    verdict: Verdict
    score: Score
    summary: str
    dimensions: dict[DimensionName, Dimension]  # every one of DIMENSIONS


class Workload(TypedDict):
    hours_needed: Annotated[float, Range(0, MAX_HOURS_NEEDED)]
    hours_available: Hours
    summary: NotRequired[str]


class Recommended(TypedDict):
    channel: Channel
    tier: NotRequired[TierName]  # plans before tiers have none
    cadence: str
    posts_per_week: NotRequired[Annotated[float, Range(0, MAX_POSTS_PER_WEEK)]]
    hours_per_week: Annotated[float, Range(0, HOURS_IN_A_WEEK)]
    why: str


class NotNow(TypedDict):
    channel: Channel
    why: str


class ChannelPlan(TypedDict):
    workload: Workload
    recommended: list[Recommended]
    not_now: list[NotNow]


class StepDoc(TypedDict):
    id: StepId
    title: Annotated[str, GENERATED]
    status: Annotated[
        Status,
        STATUS,
        FILLED,
        Doc(
            YOURS + "todo, doing, done or skipped, or the word shown for it in Dutch or English "
            "(klaar, bezig, ...)."
        ),
    ]
    owner: Annotated[str | None, FILLED, Doc(YOURS + "who does it.")]
    due: Annotated[dt.date | None, FILLED, Doc(YOURS + "the deadline, like 2026-03-31.")]
    notes: Annotated[str | None, FILLED, Doc(YOURS + "kept by every update.")]
    why: Annotated[str, GENERATED]
    actions: Annotated[list[str], GENERATED]


Step = Annotated[StepDoc, Def("step"), Unknown("plan.not_step_field")]


class ReviewDoc(TypedDict):
    date: Annotated[
        dt.date,
        Doc(
            "review.date: the day of the review; the period runs from the review before it, "
            "or from `started`."
        ),
    ]
    published: NotRequired[
        Annotated[
            dict[ChannelId, Annotated[int, Range(0, MAX_PUBLISHED)]] | None,
            Doc(
                "review.published.<channel>: posts published in the period, per recommended "
                "channel."
            ),
        ]
    ]
    reply_time: NotRequired[
        Annotated[
            str | None,
            OneOf("capacity.response_time"),
            Doc(
                "review.reply_time: the usual reply time reached (the choices of "
                "capacity.response_time)."
            ),
        ]
    ]
    hours_spent: NotRequired[
        Annotated[float | None, Range(of="capacity.hours_per_week"),
                  Doc("review.hours_spent: hours really spent a week.")]
    ]  # fmt: skip
    measures: NotRequired[
        Annotated[
            dict[Objective, str | float | None] | None,
            Doc(
                "review.measures.<objective>: the measured figure per objective, against the "
                "goal of step 3."
            ),
        ]
    ]
    notes: NotRequired[Annotated[str | None, Doc("review.notes: what went well and what did not.")]]


Review = Annotated[
    ReviewDoc,
    Def(
        "review",
        "Yours: one review of the period since the one before (or since `started`), written by "
        "`socialready review`; the rules judge the latest one against the plan before it.",
    ),
    Unknown("review.unknown_field", "fields"),
]


class RulesDoc(TypedDict):
    version: Annotated[int, Range(1, 1000)]
    fingerprint: str


class PlanDoc(TypedDict):
    socialready: Annotated[
        int,
        FORMAT_VERSION,
        Doc("Format version of this file (older versions are upgraded by `socialready plan`)."),
    ]
    organisation: Annotated[str, Length(1, 120), GENERATED, DEEP_ONLY]
    language: Language
    started: Annotated[
        dt.date | None,
        FILLED,
        Doc(
            YOURS + "the day the plan started, set once by `socialready assess`; the review "
            "dates follow from it."
        ),
    ]
    rules: Annotated[RulesDoc, GENERATED, DEEP_ONLY]
    answers: Annotated[
        NestedAnswers,
        ANSWERS,
        Doc(YOURS + "the answers the plan is made from; change one, then run `socialready plan`."),
    ]
    readiness: Annotated[Readiness, Shallow(REBUILD), GENERATED]
    channels: Annotated[ChannelPlan, Shallow(REBUILD), GENERATED]
    steps: Annotated[list[Step], IN_ORDER]
    owners: Annotated[
        dict[ChannelId, Annotated[str | None, Length(maximum=200)]],
        FILLED,
        Doc(
            YOURS + "who posts on each channel (its id), e.g. `linkedin: Sanne`; the calendar "
            "and `show` use it. Kept when a channel leaves the plan."
        ),
    ]
    reviews: Annotated[
        list[Review],
        MaxItems(MAX_REVIEWS),
        FILLED,
        Doc(YOURS + "one entry per review, added by `socialready review`."),
    ]


TOP_KEYS = tuple(PlanDoc.__annotations__)
PlanRoot = Annotated[PlanDoc, Unknown("plan.not_a_key", "keys")]


class GeneratedStep(TypedDict):
    """A step as the rules write it, before the user's fields are added."""

    id: StepId
    title: str
    why: str
    actions: list[str]


class Generated(TypedDict):
    """What the rules make of the answers: the plan's generated sections, and who does each
    step when the user has not said."""

    readiness: Readiness
    channels: ChannelPlan
    steps: list[GeneratedStep]
    owners: dict[str, str]


class Owned(TypedDict, total=False):
    """What the user owns of a step (absent: not set yet, the generated default applies)."""

    status: Status
    owner: str | None
    due: dt.date | None
    notes: str | None
