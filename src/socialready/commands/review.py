"""`socialready review`: ask how the period went, add the review to the plan, recompute it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from socialready import files
from socialready.errors import (
    STOP_KEYS,
    BadInput,
    ExitCode,
    Interrupted,
    SocialreadyError,
    msg,
    told_in,
)
from socialready.grammar import number
from socialready.model import as_choices, as_number, as_text, as_whole
from socialready.rules import review as review_rules
from socialready.rules.context import Context
from socialready.text import text
from socialready.wizard import flow, prompts
from socialready.wizard import review as questions

if TYPE_CHECKING:
    from socialready.model import Answer, Answers, PlanDoc, Recommended, ReviewDoc
    from socialready.planfile.document import Plan

OPTIONAL = ("review.notes",)  # and every review.measures.<objective>


def run(
    target: Path | None,
    sources: flow.Sources,
    *,
    date: str | None,
    lang: str | None,
) -> int:
    """Answers precedence as in `assess`: --set, then --answers, then a resumed session; what
    the plan promised is the default. Records the review and shows it; returns the exit code."""
    from socialready.planfile import recompute, schedule
    from socialready.planfile.document import Plan, build, read
    from socialready.wizard import resume

    raw: Answers = {}
    session_lang = None
    if sources.resume:
        session = resume.REVIEW.resumed(target)
        raw, target, session_lang = session.answers, session.target, session.language
    with told_in(lang or session_lang):
        if target is None:
            raise BadInput(msg("review.no_plan"))
        plan = read(target)
    language = lang or session_lang or plan.language
    with told_in(language):
        recompute.refresh(plan, str(target), force=False)
        file_answers = sources.file_data()  # as read: checked by questions.flatten
        set_pairs = [
            pair for pair in sources.sets if pair.partition("=")[0].strip() == questions.DATE
        ]
        latest = _date(date) if date else schedule.today()
        when = _date(
            date
            or _given_date(set_pairs)
            or _file_date(file_answers)
            or raw.get(questions.DATE)
            or latest
        )
        if when > latest:
            what = msg("review.date_option" if date else "review.today")
            problem = msg(
                "review.in_future", date=when.isoformat(), today=latest.isoformat(), what=what
            )
            raise BadInput(msg("where", where="review.date", problem=problem))
        earlier = [r for r in plan.reviews if r["date"] != when]
        since = _since(plan, earlier, when, str(target))
        weeks = review_rules.period_weeks(since, when)
        # The channels promised over the period: the plan as it stood before this review.
        in_force = Plan(
            plan.answers,
            plan.language,
            plan.owned,
            started=plan.started,
            reviews=[review for review in earlier if review["date"] < when],
            owners=plan.owners,
        )
        recommended = build(in_force)["channels"]["recommended"]
        promised = {
            entry["channel"]: review_rules.promised_posts(entry, weeks) for entry in recommended
        }
        planned = number(sum(float(entry["hours_per_week"]) for entry in recommended))
        reply = as_text(plan.answers.get("capacity.response_time"))
        defaults: Answers = {"review.reply_time": reply, "review.hours_spent": planned}
        qs = questions.build(
            promised,
            as_choices(plan.answers["goals.objectives"]),
            reply,
            planned,
            round(weeks),
            defaults,
            plan.answers,
        )
        given: Answers = {}
        for key, value in raw.items():
            if key in qs.by_key:
                given[key] = questions.validate(qs, key, value, str(resume.REVIEW.path()))
        given.update(questions.flatten(qs, file_answers, str(sources.answers_file)))
        given.update(questions.parse_sets(qs, sources.sets))
        given.pop(questions.DATE, None)

        def keep(answers: Answers) -> tuple[int, str]:
            """The answers saved for --resume, with the review's date: how many, and where."""
            kept = {**answers, questions.DATE: when.isoformat()}
            return len(kept) - 1, str(resume.REVIEW.save(resume.Session(kept, target, language)))

        saved: Answers = {
            key: "" for key in qs.by_key if key in OPTIONAL or key.startswith("review.measures.")
        }
        try:
            answered = flow.run(
                qs,
                language,
                given,
                saved,
                interactive=prompts.can_prompt(),
                use_defaults=sources.use_defaults,
                missing_id="review.missing",
            )
        except flow.Stopped as stop:
            n, where = keep({**given, **stop.answers})
            raise Interrupted(msg("review.stopped", n=n, path=where)) from None
        entry = _entry(when, answered, promised)
        from socialready.planfile import shape

        shape.check_review(entry, str(target), len(earlier) + 1)  # as every command will read it
        try:
            plan, document = _record(target, plan, earlier, entry)
        except STOP_KEYS:  # Ctrl-C while it is written: the answers are kept
            n, where = keep(answered)
            raise Interrupted(msg("review.stopped", n=n, path=where)) from None
        except SocialreadyError as exc:
            exc.add(msg("review.kept", path=keep(answered)[1]))
            raise
        if sources.resume:
            resume.REVIEW.clear()
        _show(entry, recommended, plan.answers, promised, planned, since, weeks, language)
        render_changes(str(target), plan.as_read, document, language)
        from socialready.output import terminal

        terminal.message(
            text("review.recorded", language, date=when.isoformat(), path=str(target)),
            style="green",
        )
    return int(ExitCode.OK)


RETRIES = 5


def _record(
    target: Path, plan: Plan, earlier: list[ReviewDoc], entry: ReviewDoc
) -> tuple[Plan, PlanDoc]:
    """Add the review to the plan and write it. When another socialready wrote the plan since
    it was read (a `plan` run, while this one waited for the plan's lock), it is read again:
    with the same answers and reviews, the review is added to that one; anything else is
    refused, as the review was judged against the old."""
    from socialready.planfile import recompute
    from socialready.planfile.document import build, read, write

    as_read = (plan.answers, list(plan.reviews))
    for attempt in range(RETRIES):
        plan.reviews = sorted([*earlier, entry], key=lambda r: r["date"])
        document = build(plan)
        try:
            write(target, document, plan.file.header, plan.file.header_after, like=plan)
            return plan, document
        except files.ChangedMeanwhile as exc:
            if not exc.by_socialready or attempt == RETRIES - 1:
                raise
            again = read(target)
            if (again.answers, again.reviews) != as_read:
                raise
            recompute.refresh(again, str(target), force=False)
            plan = again
    raise AssertionError("unreachable")


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        value = value.isoformat()  # read as typed: in the years a plan's dates lie in
    from socialready.planfile import schedule

    return schedule.parse_date(str(value), "review.date")


def _given_date(pairs: list[str]) -> str | None:
    return pairs[-1].partition("=")[2].strip() if pairs else None


def _file_date(data: object) -> object:
    if isinstance(data, dict) and isinstance(data.get("review"), dict):
        return data["review"].get("date")
    return None


def _since(plan: Plan, earlier: list[ReviewDoc], when: dt.date, source: str) -> dt.date:
    """The start of the period: the last review before `when`, else the plan's start. A review
    dated before the last one, or on or before the start, is refused: its period would be wrong."""
    if plan.started is None:
        raise BadInput(msg("where", where=source, problem=msg("review.no_start")))
    where = f"{source}: review.date"
    later = [r["date"] for r in earlier if r["date"] > when]
    if later:
        problem = msg("review.before_last", date=when.isoformat(), last=max(later).isoformat())
        raise BadInput(msg("where", where=where, problem=problem))
    if when <= plan.started:
        problem = msg("review.before_start", date=when.isoformat(), since=plan.started.isoformat())
        raise BadInput(msg("where", where=where, problem=problem))
    before = [r["date"] for r in earlier if r["date"] < when]
    since: dt.date = max(before) if before else plan.started
    return since


def _entry(when: dt.date, answered: Answers, promised: dict[str, int]) -> ReviewDoc:
    """The review as the plan keeps it, keys in a fixed order; empty optional answers left out."""
    entry: ReviewDoc = {
        "date": when,
        "published": {
            channel: as_whole(answered[f"review.published.{channel}"]) for channel in promised
        },
        "reply_time": as_text(answered["review.reply_time"]),
        "hours_spent": as_number(answered["review.hours_spent"]),
    }
    measures = {
        key.removeprefix("review.measures."): _measure(value)
        for key, value in answered.items()
        if key.startswith("review.measures.") and value not in ("", None)
    }
    if measures:
        entry["measures"] = measures
    notes = as_text(answered.get("review.notes"))
    if notes:
        entry["notes"] = notes
    return entry


def _measure(value: Answer) -> str | float | None:
    """A measured figure: a number, or text (`about 300`)."""
    return value if isinstance(value, str) else as_number(value)


def _show(
    entry: ReviewDoc,
    recommended: list[Recommended],
    answers: Answers,
    promised: dict[str, int],
    planned: float,
    since: dt.date,
    weeks: float,
    lang: str,
) -> None:
    """The figures against the promise (`promised` posts per channel over the period, `planned`
    hours a week, as the review's questions offered them), what the rules make of them, and
    what changed."""
    from socialready import catalog, questionnaire
    from socialready.grammar import decimal
    from socialready.output import terminal

    response = questionnaire.load().question("capacity.response_time")
    whole = round(weeks)
    lines = [
        text(
            "review.published",
            lang,
            channel=catalog.load().channel_name(channel, lang),
            published=(entry.get("published") or {}).get(channel, 0),
            promised=posts,
            weeks=whole,
        )
        for channel, posts in promised.items()
    ]
    reply = as_text(answers.get("capacity.response_time")) or "unmonitored"
    lines.append(
        text(
            "review.reply",
            lang,
            reached=response.label(entry.get("reply_time") or "unmonitored", lang).lower(),
            promised=response.label(reply, lang).lower(),
        )
    )
    lines.append(
        text(
            "review.hours",
            lang,
            spent=decimal(entry.get("hours_spent") or 0, lang),
            planned=decimal(planned, lang),
        )
    )
    outcome = review_rules.judge(entry, recommended, weeks, answers)
    title = text(
        "review.period", lang, start=since.isoformat(), end=entry["date"].isoformat(), weeks=whole
    )
    ctx = Context(answers, catalog.load(), questionnaire.load(), lang)
    found = review_rules.texts(outcome.findings, ctx)
    terminal.review(title, lines, found)


def render_changes(label: str, old: PlanDoc, new: PlanDoc, lang: str) -> None:
    """What the review changed in the plan, in plan terms."""
    from socialready.output import terminal
    from socialready.planfile import diff

    terminal.changes(label, diff.compare(old, new, lang), lang)
