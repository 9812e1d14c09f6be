"""Cadence that follows what works, judged on organisations of our own (tests/strategist/cadence/,
answers format 3), different from the strategist review's: a local paper whose daily feed is the
product, a news site posting four stories a day, a Flemish municipality, a parish that streams its
Sunday mass, a bakery posting daily on too few hours, a German webshop, an Irish rowing club with a
dormant account, an installer whose Facebook works badly. Each is read in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.strategist.reading import LANGS, advise, given, not_now, recommended, rule_ids

HERE = Path(__file__).parent / "cadence"


@dataclass(frozen=True)
class Case:
    slug: str
    verdicts: tuple[str, ...]
    cadence: dict[str, tuple[float, float]]  # channel: (floor, ceiling) in posts a week
    must_not: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    not_rules: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()  # words that must not appear, in either language
    closed: tuple[str, ...] = ()  # current channels to close or hand over, never called active


CASES = (
    Case(
        "nl-local-paper",
        ("ready", "start_small"),
        {"facebook": (14, 14)},  # the daily news feed is the product: never cut to a tier
        rules=("capacity.rhythm-short",),
        forbidden=("Pew", "Hootsuite", "imec"),
    ),
    Case(
        "nl-news-site",
        ("ready", "start_small"),
        {"facebook": (28, 28)},  # four stories a day: above a tier's range, still its own rhythm
        forbidden=("Pew", "Hootsuite", "imec"),
    ),
    Case(
        "be-flemish-municipality",
        ("ready", "start_small"),
        {"facebook": (4, 5), "instagram": (1, 2), "whatsapp_channel": (0, 1)},
        forbidden=("Newcom", "Pew", "Archiefwet 1995", "Besluit digitale toegankelijkheid", "UAVG"),
    ),
    Case(
        "be-parish-livestream",
        ("start_small",),
        {"youtube": (1, 1)},  # the Sunday mass for the housebound stays weekly
        must_not=("facebook",),
        rules=("capacity.rhythm-short",),
        forbidden=("Newcom", "Pew", "a video a month", "één video per maand", "elke reactie"),
    ),
    Case(
        "nl-bakery-daily",
        ("ready", "start_small"),
        {"instagram": (1, 3)},  # cut to what 2 hours carry, and said so
        must_not=("facebook",),  # nothing new while the working channel runs below its rhythm
        rules=("capacity.rhythm-short",),
        forbidden=("Hootsuite",),
    ),
    Case(
        "de-webshop",
        ("ready",),
        {"instagram": (3, 3), "facebook": (2, 2), "tiktok": (0, 3)},
        not_rules=("goals.no-country-figures",),
        forbidden=("Pew", "Newcom", "imec", "Amerikaan", "US adults"),
    ),
    Case(
        "ie-rowing-club",
        ("ready", "start_small"),
        {"facebook": (2, 2), "instagram": (0, 2)},
        rules=("goals.no-country-figures",),
        forbidden=("Pew", "Newcom", "imec", "actief op Instagram", "active on Instagram"),
    ),
    Case(
        "nl-installer-badly",
        ("ready", "start_small"),
        {"linkedin": (2, 2), "facebook": (0, 1)},  # no more of what works badly
        rules=("capacity.works-badly",),
    ),
)


def _text(result: object) -> str:
    return str(result)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", CASES, ids=[case.slug for case in CASES])
def test_cadence_follows_what_works(case: Case, lang: str) -> None:
    answers = given(case.slug, HERE)
    result = advise(answers, lang)
    problems = []
    verdict = result["readiness"]["verdict"]
    if verdict not in case.verdicts:
        problems.append(f"verdict {verdict}, expected {case.verdicts}")
    posts = {c["channel"]: float(c["posts_per_week"]) for c in result["channels"]["recommended"]}
    for channel, (floor, ceiling) in case.cadence.items():
        kept = channel in answers["channels.current"] and floor > 0
        if channel not in posts:
            if kept:
                problems.append(f"{channel} dropped: {not_now(result).get(channel)}")
            continue
        if not floor <= posts[channel] <= ceiling:
            problems.append(f"{channel} at {posts[channel]} a week, expected {floor}–{ceiling}")
    problems += [f"{c} recommended" for c in case.must_not if c in recommended(result)]
    ids = set(rule_ids(result))
    problems += [f"finding {r} missing" for r in case.rules if r not in ids]
    problems += [f"finding {r} present" for r in case.not_rules if r in ids]
    text = _text(result)
    problems += [f"says {word!r}" for word in case.forbidden if word in text]
    assert not problems, f"{case.slug} ({lang}):\n  " + "\n  ".join(problems)


def test_a_short_rhythm_states_both_figures_and_the_choice() -> None:
    result = advise(given("nl-bakery-daily", HERE), "en")
    finding = next(
        f
        for d in result["readiness"]["dimensions"].values()
        for f in d["findings"]
        if f["rule"] == "capacity.rhythm-short"
    )
    assert "a feed post a day" in finding["says"] and "2 feed posts a week" in finding["says"]
    assert "add hours to keep your rhythm, or accept the lower cadence" in finding["do"]
