"""Organisations judged as a Dutch social media strategist would judge their plans.

Each answers file in tests/strategist/organisations/ (answers format 3) opens with a short note: who
they are, what a strategist would advise and why. The table below turns that note into checks: the
verdict, the channels that must and must not be recommended, the current channels that must be kept
and the cadence bounds they must keep (floors where people rely on a rhythm, ceilings where more
would be absurd), and the findings (rule ids) that must or must not appear. Further checks read the
steps in a way that holds in English and in Dutch; every organisation is judged in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.strategist.reading import (
    AT_MOST_START_SMALL,
    HERE,
    KIND_RULES,
    LANGS,
    NOT_YET,
    READY,
    READY_OR_SMALL,
    TIERS,
    VERDICT_RANK,
    Check,
    _catalog,
    advise,
    asks_everyone,
    baseline_target_date,
    claimed_research,
    dialogue_about_other_channels,
    figures_from_elsewhere,
    given,
    guidelines_instead_of_block,
    internal_network_first,
    live_channel_actions,
    mentions,
    new_channels_when_starting_small,
    no_paid_promotion,
    not_now,
    not_now_because,
    plan,
    public_answering_actions,
    recommended,
    research_first,
    reviews_at_3_6_and_12_months,
    rule_ids,
    started_current_channels,
    unmentioned_ahead,
    unsourced_figures,
    whatsapp_channel_for_service,
)


@dataclass(frozen=True)
class Expect:
    slug: str
    verdict: frozenset[str]
    must: tuple[str, ...] = ()  # recommended channels that must be there
    must_not: tuple[str, ...] = ()  # channels that must not be recommended
    keep: tuple[str, ...] = ()  # current channels that must stay in the recommended list
    rules: tuple[str, ...] = ()  # findings that must appear
    not_rules: tuple[str, ...] = ()  # findings that must not appear
    kind: tuple[str, ...] = ()  # kind.* findings that must appear; every other kind.* must not …
    kind_maybe: tuple[str, ...] = ()  # … except these, which a strategist accepts either way
    no_channels: bool = False  # nothing recommended at all
    # (channel, floor, ceiling) in posts a week: a floor where people rely on a rhythm, a ceiling
    # where more would be absurd for this organisation
    cadence: tuple[tuple[str, float, float], ...] = ()
    checks: tuple[Check, ...] = ()


TABLE = (
    Expect(
        "bike-shop",
        READY_OR_SMALL,
        must=("facebook",),
        must_not=("blog", "newsletter", "linkedin", "tiktok", "snapchat"),
        keep=("facebook",),
        rules=("goals.not-measurable",),
        not_rules=("capacity.no-people", "capacity.hours-too-few", "capacity.current-dropped"),
        checks=(baseline_target_date,),
        cadence=(("facebook", 2, 3),),
    ),
    Expect(
        "museum",
        READY_OR_SMALL,
        must=("instagram",),
        must_not=("blog",),
        keep=("instagram",),
        not_rules=("capacity.no-people", "capacity.hours-too-few", "capacity.current-dropped"),
        kind_maybe=("kind.no-political-ads", "kind.minors-photo-consent"),  # family afternoons
        cadence=(
            ("instagram", 3, 4),
            ("tiktok", 0, 3),
        ),
    ),
    Expect(
        "solo-consultant",
        AT_MOST_START_SMALL,
        must=("linkedin",),
        must_not=("blog", "newsletter", "instagram", "facebook", "tiktok", "x", "youtube"),
        keep=("linkedin",),
        rules=("capacity.few-hours",),
        not_rules=("capacity.hours-too-few", "capacity.no-people", "capacity.current-dropped"),
        cadence=(("linkedin", 1, 1),),
    ),
    Expect(
        "primary-school",
        READY_OR_SMALL,
        must=("facebook",),
        must_not=("blog", "tiktok", "snapchat", "x"),
        keep=("facebook",),
        not_rules=("capacity.current-dropped",),
        kind=("kind.minors-photo-consent",),
        cadence=(("facebook", 3, 5),),
    ),
    Expect(
        "travel-agency",
        READY_OR_SMALL,
        must=("newsletter", "facebook"),
        must_not=("tiktok", "snapchat", "blog"),
        keep=("newsletter", "facebook"),
        not_rules=("capacity.current-dropped",),
        cadence=(
            ("facebook", 2, 3),
            ("newsletter", 0.5, 1),
        ),
    ),
    Expect(
        "municipality",
        READY_OR_SMALL,
        must=("facebook", "instagram", "linkedin"),
        must_not=("blog",),
        keep=("facebook", "instagram", "linkedin"),
        kind=(
            "kind.government-archiving",
            "kind.government-accessibility",
            "kind.no-political-ads",
        ),
        checks=(no_paid_promotion,),
        cadence=(
            ("facebook", 5, 7),
            ("instagram", 3, 4),
            ("linkedin", 2, 3),
            ("x", 0, 3),
        ),
    ),
    Expect(
        "gp-practice",
        AT_MOST_START_SMALL,
        must=("facebook",),
        must_not=("whatsapp_business", "x", "tiktok", "snapchat", "blog"),
        keep=("facebook",),
        rules=("dialogue.broadcast-only",),
        kind=("kind.health-confidentiality",),
        cadence=(("facebook", 1, 2),),
    ),
    Expect(
        "campaign-ngo",
        READY_OR_SMALL,
        must=("instagram", "linkedin", "newsletter"),
        must_not=("blog",),
        keep=("instagram", "linkedin", "newsletter"),
        not_rules=("capacity.current-dropped",),
        kind=("kind.no-political-ads",),
        kind_maybe=("kind.minors-photo-consent",),  # street actions with young people
        checks=(no_paid_promotion,),
        cadence=(
            ("instagram", 3, 4),
            ("linkedin", 2, 3),
            ("newsletter", 0.5, 1),
        ),
    ),
    Expect(
        "hockey-club",
        READY_OR_SMALL,
        must=("instagram",),
        must_not=("blog", "newsletter", "linkedin", "x"),
        keep=("instagram", "facebook"),
        kind=("kind.minors-photo-consent",),
        kind_maybe=("kind.no-political-ads",),
        cadence=(
            ("instagram", 1, 4),
            ("facebook", 2, 3),
        ),
    ),
    Expect(
        "garden-centre-nobody",
        NOT_YET,
        no_channels=True,
        rules=("capacity.no-people",),
    ),
    Expect(
        "community-garden",
        NOT_YET,
        no_channels=True,
        rules=("capacity.hours-too-few",),
        kind_maybe=("kind.no-political-ads",),
    ),
    Expect(
        "notary-against",
        NOT_YET,
        no_channels=True,
        rules=("willingness.management-against", "willingness.access-blocked"),
    ),
    Expect(
        "transport-reluctant",
        AT_MOST_START_SMALL,
        must=("internal_network",),
        must_not=("blog", "newsletter", "tiktok", "snapchat"),
        rules=("willingness.staff-reluctant",),
        checks=(internal_network_first,),
    ),
    Expect(
        "webshop-whatsapp",
        READY_OR_SMALL,
        must=("whatsapp_business", "instagram"),
        must_not=("whatsapp_channel", "blog"),
        keep=("instagram", "facebook"),
        not_rules=("goals.not-measurable", "capacity.current-dropped"),
        cadence=(
            ("instagram", 3, 4),
            ("facebook", 1, 3),
        ),
    ),
    Expect(
        "belgian-bakery",
        READY_OR_SMALL,
        must=("facebook",),
        must_not=("blog", "newsletter", "linkedin"),
        keep=("facebook", "instagram"),
        not_rules=("capacity.current-dropped",),
        cadence=(
            ("facebook", 3, 3),
            ("instagram", 1, 2),
        ),
    ),
    Expect(
        "us-saas",
        READY,
        must=("linkedin", "blog"),
        must_not=("tiktok", "snapchat", "whatsapp_channel"),
        keep=("linkedin", "blog"),
        not_rules=("goals.not-measurable", "capacity.current-dropped"),
        cadence=(
            ("linkedin", 3, 5),
            ("blog", 0.5, 1),
        ),
    ),
    Expect(
        "youth-festival",
        READY,
        must=("instagram", "tiktok", "snapchat"),
        must_not=("facebook", "linkedin", "x", "blog", "newsletter"),
        keep=("instagram",),
        kind_maybe=("kind.minors-photo-consent",),
        cadence=(
            ("instagram", 4, 7),
            ("tiktok", 1, 7),
        ),
    ),
    Expect(
        "zoo-32-hours",
        READY,
        must=("facebook", "instagram", "linkedin", "newsletter", "youtube", "tiktok"),
        must_not=("blog",),
        keep=("facebook", "instagram", "linkedin", "newsletter"),
        not_rules=("capacity.current-dropped", "capacity.few-hours"),
        kind=("kind.minors-photo-consent",),  # children in photos of a day out
        cadence=(
            ("facebook", 5, 7),
            ("instagram", 4, 7),
            ("newsletter", 0.5, 1),
            ("tiktok", 1, 3),
        ),
    ),
    Expect(
        "care-home",
        READY_OR_SMALL,
        must=("facebook",),
        must_not=("tiktok", "snapchat", "blog"),
        keep=("facebook",),
        kind=("kind.health-confidentiality",),
        cadence=(("facebook", 2, 3),),
    ),
    Expect(
        "ceramics-rare-blog",
        READY_OR_SMALL,
        must=("instagram",),
        must_not=("blog",),
        keep=("instagram",),
        rules=("capacity.blog-too-rare",),
        checks=(not_now_because("blog", "month", "maand"),),
        cadence=(("instagram", 3, 3),),
    ),
    Expect(
        "hairdresser",
        READY_OR_SMALL,
        must=("instagram",),
        must_not=("blog", "newsletter", "linkedin"),
        keep=("instagram",),
        cadence=(("instagram", 3, 4),),
    ),
    Expect(
        "installer-slow",
        AT_MOST_START_SMALL,
        must=("facebook",),
        must_not=("instagram", "blog", "tiktok", "snapchat"),
        keep=("facebook",),
        rules=("capacity.slow-response",),
        cadence=(("facebook", 1, 3),),
    ),
    Expect(
        "recruiter-kpis",
        READY,
        must=("linkedin",),
        must_not=("blog", "tiktok", "snapchat"),
        keep=("linkedin",),
        not_rules=("goals.not-measurable", "goals.rough-measures"),
        checks=(baseline_target_date,),
        cadence=(("linkedin", 5, 5),),
    ),
    Expect(
        "choir-unmonitored",
        AT_MOST_START_SMALL,
        must=("facebook",),
        must_not=("blog", "newsletter", "instagram", "tiktok"),
        keep=("facebook",),
        rules=("capacity.unmonitored",),
        kind_maybe=("kind.no-political-ads",),
        cadence=(("facebook", 1, 2),),
    ),
    Expect(
        "lunchroom-new",
        AT_MOST_START_SMALL,
        must_not=("blog", "newsletter", "linkedin", "tiktok", "x"),
        rules=("goals.audience-unknown", "persistence.short-horizon"),
        checks=(research_first, reviews_at_3_6_and_12_months),
    ),
    Expect(
        "accountancy-blocked",
        READY_OR_SMALL,
        must=("linkedin",),
        must_not=("blog", "tiktok", "snapchat", "facebook"),
        keep=("linkedin",),
        rules=("willingness.access-blocked",),
        cadence=(("linkedin", 2, 3),),
    ),
    Expect(
        "machine-builder",
        READY_OR_SMALL,
        must=("linkedin",),
        must_not=("tiktok", "blog", "newsletter"),
        keep=("linkedin",),
        rules=("capacity.current-dropped",),
        checks=(not_now_because("tiktok", "audience", "doelgroep"),),
        cadence=(("linkedin", 2, 3),),
    ),
)

ROWS = {row.slug: row for row in TABLE}
CASES = [pytest.param(row, lang, id=f"{row.slug}-{lang}") for row in TABLE for lang in LANGS]


def _states_number(text: str, value: float) -> bool:
    """`text` states `value` as a number, written the English (2.5) or Dutch (2,5) way."""
    written = f"{value:g}"
    return any(mentions(text, form) for form in {written, written.replace(".", ",")})


def _describe(verdicts: frozenset[str]) -> str:
    return " or ".join(sorted(verdicts, key=VERDICT_RANK.__getitem__))


# --- The tests ------------------------------------------------------------------------------------


def test_every_answers_file_has_a_row_and_a_strategists_note() -> None:
    files = sorted(path.stem for path in HERE.glob("*.yaml"))
    assert files == sorted(ROWS), "each answers file needs a row in TABLE, and each row a file"
    assert len(files) >= 20
    for path in HERE.glob("*.yaml"):
        lines = path.read_text("utf-8").splitlines()
        note = [line for line in lines if line.startswith("#")]
        assert all(line.startswith("#") for line in lines[: len(note)]), f"{path.name}: note first"
        assert 2 <= len(note) <= 4, f"{path.name}: open with a note of 2–4 comment lines"


@pytest.mark.parametrize(("row", "lang"), CASES)
def test_a_strategist_would_sign_the_advice(row: Expect, lang: str) -> None:
    result = plan(row.slug, lang)
    answers = given(row.slug)
    channels = recommended(result)
    ids = set(rule_ids(result))
    problems = []

    verdict = result["readiness"]["verdict"]
    if verdict not in row.verdict:
        problems.append(f"verdict {verdict}, expected {_describe(row.verdict)}")
    if row.no_channels and channels:
        problems.append(f"recommends {channels}, expected no channel at all")
    problems += [f"{c} is not recommended" for c in row.must if c not in channels]
    problems += [f"{c} is recommended" for c in row.must_not if c in channels]
    for channel in row.keep:
        assert channel in answers["channels.current"], f"table error: {channel} is not current"
        if channel not in channels:
            why = not_now(result).get(channel, "(not in not_now either)")
            problems.append(f"current channel {channel} is dropped: {why}")
    problems += [f"finding {r} is missing" for r in row.rules if r not in ids]
    problems += [f"finding {r} should not be there" for r in row.not_rules if r in ids]
    problems += [f"finding {r} is missing" for r in row.kind if r not in ids]
    problems += [
        f"finding {r} does not apply to this organisation"
        for r in KIND_RULES
        if r in ids and r not in row.kind and r not in row.kind_maybe
    ]
    posts = {item["channel"]: item["posts_per_week"] for item in result["channels"]["recommended"]}
    for channel, floor, ceiling in row.cadence:
        if channel in posts and not floor <= posts[channel] <= ceiling:
            problems.append(f"{channel} at {posts[channel]} a week, expected {floor}–{ceiling}")
    for check in row.checks:
        problems += check(result, answers, lang)
    assert not problems, f"{row.slug} ({lang}):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize(("row", "lang"), CASES)
def test_the_plan_holds_together(row: Expect, lang: str) -> None:
    """What must hold for every organisation, whatever its answers."""
    result = plan(row.slug, lang)
    answers = given(row.slug)
    hours = answers["capacity.hours_per_week"]
    channels = recommended(result)
    problems = []

    planned = sum(item["hours_per_week"] for item in result["channels"]["recommended"])
    if planned > hours + 1e-9:
        problems.append(f"recommended channels need {planned} hours, {hours} are available")
    needed = result["channels"]["workload"]["hours_needed"]
    if needed > hours + 1e-9:
        problems.append(f"the workload needs {needed} hours, {hours} are available")
    problems += [
        f"{item['channel']} has tier {item.get('tier')!r}, not one of {TIERS}"
        for item in result["channels"]["recommended"]
        if item.get("tier") not in TIERS
    ]
    workload = result["channels"]["workload"]
    unused = round(workload["hours_available"] - workload["hours_needed"], 2)
    if channels and unused >= 1 and not _states_number(workload.get("summary", ""), unused):
        problems.append(f"{unused} hours are left unused and the workload does not say so")
    if len(channels) != len(set(channels)) or set(channels) & set(not_now(result)):
        problems.append(f"a channel is listed twice: {channels} / {sorted(not_now(result))}")

    asked = {*answers["channels.current"], *answers["channels.considering"]}
    if "blog" in channels and "blog" not in asked:
        problems.append("a blog is recommended to an organisation that did not ask for one")
    problems += [
        f"WhatsApp channel for service: {w!r}" for w in whatsapp_channel_for_service(result)
    ]
    problems += [
        f"starts a channel it already runs: {a!r}"
        for a in started_current_channels(result, answers, lang)
    ]
    problems += unmentioned_ahead(result, answers)
    problems += unsourced_figures(result)
    problems += dialogue_about_other_channels(result, answers, lang)
    problems += new_channels_when_starting_small(result, answers)
    problems += [
        f"calls the tool's pick research: {a!r}" for a in claimed_research(result, answers)
    ]
    country = answers.get("organisation.country", "NL")
    problems += [
        f"figures from elsewhere for {country}: {w!r}"
        for w in figures_from_elsewhere(result, country)
    ]

    if result["readiness"]["verdict"] == "not_yet":
        problems += [
            f"not_yet, yet a live-channel action: {a!r}" for a in live_channel_actions(result)
        ]
    if answers["willingness.dialogue"] == "broadcast_only":
        problems += [f"broadcast only, yet: {a!r}" for a in public_answering_actions(result)]
    if answers["willingness.staff"] == "reluctant":
        problems += [f"reluctant staff, yet asks everyone: {a!r}" for a in asks_everyone(result)]
    if answers["willingness.workplace_access"] == "blocked":
        problems += guidelines_instead_of_block(result)
    assert not problems, f"{row.slug} ({lang}):\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("row", TABLE, ids=[row.slug for row in TABLE])
def test_more_hours_or_people_never_give_fewer_channels_or_a_worse_verdict(row: Expect) -> None:
    answers = given(row.slug)
    hours, people = answers["capacity.hours_per_week"], answers["capacity.people"]
    before = plan(row.slug, "en")
    for change in (
        {"capacity.hours_per_week": min(80, max(2 * hours, hours + 4))},
        {"capacity.people": min(50, people + 1)},
    ):
        after = advise(dict(answers, **change), "en")
        verdicts = before["readiness"]["verdict"], after["readiness"]["verdict"]
        assert VERDICT_RANK[verdicts[1]] >= VERDICT_RANK[verdicts[0]], (change, verdicts)
        assert len(recommended(after)) >= len(recommended(before)), change
        kept = set(recommended(before)) & set(answers["channels.current"])
        assert kept <= set(recommended(after)), f"a current channel is dropped with {change}"
        if "capacity.hours_per_week" in change:  # more hours never lower any channel's cadence
            was = {c["channel"]: c["posts_per_week"] for c in before["channels"]["recommended"]}
            now = {c["channel"]: c["posts_per_week"] for c in after["channels"]["recommended"]}
            lower = {c: (p, now.get(c)) for c, p in was.items() if now.get(c, 0) < p}
            assert not lower, f"cadence lowered with {change}: {lower}"


@pytest.mark.parametrize("row", TABLE, ids=[row.slug for row in TABLE])
def test_the_advice_is_the_same_in_both_languages(row: Expect) -> None:
    en, nl = plan(row.slug, "en"), plan(row.slug, "nl")
    assert en["readiness"]["verdict"] == nl["readiness"]["verdict"]
    assert en["readiness"]["score"] == nl["readiness"]["score"]
    assert rule_ids(en) == rule_ids(nl)
    assert [
        (c["channel"], c.get("tier"), c["hours_per_week"]) for c in en["channels"]["recommended"]
    ] == [(c["channel"], c.get("tier"), c["hours_per_week"]) for c in nl["channels"]["recommended"]]
    assert [s["id"] for s in en["steps"]] == [s["id"] for s in nl["steps"]]


@pytest.mark.parametrize("slug", ["bike-shop", "municipality", "webshop-whatsapp"])
def test_customer_service_adds_reply_time_to_conversational_channels(slug: str) -> None:
    """Reply time grows with the service load: a conversational channel that serves customer
    service needs more hours at the same cadence tier when customer service is an objective."""
    answers = given(slug)
    assert "customer_service" in answers["goals.objectives"]
    without = dict(answers)
    without["goals.objectives"] = [
        o for o in answers["goals.objectives"] if o != "customer_service"
    ]
    with_service = {c["channel"]: c for c in plan(slug, "en")["channels"]["recommended"]}
    plain = {c["channel"]: c for c in advise(without, "en")["channels"]["recommended"]}
    conversational = {
        c.id
        for c in _catalog().channels.values()
        if c.conversational and "customer_service" in c.objectives
    }
    compared = [
        channel
        for channel in with_service.keys() & plain.keys() & conversational
        if with_service[channel].get("tier") == plain[channel].get("tier")
    ]
    assert compared, "no conversational channel at the same tier to compare"
    for channel in compared:
        assert with_service[channel]["hours_per_week"] > plain[channel]["hours_per_week"], channel
