"""The real wizard: questionary prompts driven through prompt_toolkit pipe input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from socialready import answers, model, questionnaire
from socialready.commands import assess
from socialready.errors import Interrupted, MissingAnswers
from socialready.model import PlanDoc
from socialready.planfile import owned, yamlio
from socialready.planfile.document import load_document
from socialready.wizard import resume
from socialready.wizard.flow import Sources
from tests.conftest import CTRL_C, DOWN, ENTER, SPACE, UP

Keys = Callable[[str], None]

# One keystroke string per question, in the wizard's order, for a small B2B firm of 2 people.
WHOLE_RUN = [
    "Acme Advies" + ENTER,  # organisation.name
    DOWN + ENTER,  # kind: business_b2b
    DOWN * 2 + ENTER,  # sector: b2b_services, second of a B2B firm's (other is the default)
    "Netherl" + ENTER,  # country: NL, found by typing (the default, with no locale, is other)
    DOWN + ENTER,  # size: small
    DOWN * 7 + SPACE + ENTER,  # objectives: awareness (default) + leads_sales
    ENTER,  # measurable: rough (default)
    DOWN + SPACE + DOWN * 2 + SPACE + ENTER,  # segments: untick adults, tick professionals
    ENTER,  # minors: none
    "guides and cases" + ENTER,  # interests
    ENTER,  # whereabouts: assumed
    ENTER,  # channels.current: none
    DOWN * 2 + SPACE + ENTER,  # considering: linkedin
    "\x7f" + "abc" + ENTER + "\x7f" * 3 + "99" + ENTER + "\x7f" * 2 + "6" + ENTER,  # hours
    "\x7f" + "2" + ENTER,  # people
    ENTER,  # publish_frequency: monthly
    ENTER,  # response_time: same_day
    "y",  # weekend_cover
    ENTER,  # budget: none, so nothing to promote: paid_promotion is not asked
    ENTER,  # management: supportive
    ENTER,  # staff: mixed
    ENTER,  # workplace_access
    ENTER,  # guidelines
    ENTER,  # dialogue
    ENTER,  # internal_network
    ENTER,  # horizon
    ENTER,  # monitoring
]


def _assess(
    target: Path | None = None,
    *,
    answers_file: Path | None = None,
    sets: list[str] | None = None,
    use_defaults: bool = False,
    resume_session: bool = False,
    force: bool = False,
    lang: str = "en",
) -> PlanDoc:
    sources = Sources(answers_file, sets or [], use_defaults, resume_session)
    assert assess.run(target, sources, force=force, lang=lang) == 0
    return load_document(target or _newest_plan())


def _newest_plan() -> Path:
    """The plan `assess` wrote where none was named: plans/<organisation>.yaml, just now."""
    return max(Path("plans").glob("*.yaml"), key=lambda path: path.stat().st_mtime_ns)


def test_whole_wizard_run_through_real_prompts(keys: Keys, isolated: Path) -> None:
    keys("".join(WHOLE_RUN))
    document = _assess()
    path = isolated / "plans" / "acme-advies.yaml"
    assert path.exists()
    stored = yamlio.loads(path.read_text("utf-8"), str(path))
    assert {step["status"] for step in stored["steps"]} == {"to do"}  # the plan's own words
    by_id = [{**step, "status": owned.status_words()[step["status"]]} for step in stored["steps"]]
    assert {**stored, "steps": by_id} == document
    answers = stored["answers"]
    assert answers["organisation"] == {
        "name": "Acme Advies",
        "kind": "business_b2b",
        "sector": "b2b_services",
        "country": "NL",  # not Belgium: no region asked
        "size": "small",
    }
    assert answers["audience"]["minors"] == "none"
    assert answers["capacity"]["paid_promotion"] == "none"
    assert answers["goals"]["objectives"] == ["awareness", "leads_sales"]
    assert answers["audience"]["segments"] == ["professionals"]
    assert answers["channels"]["considering"] == ["linkedin"]
    # "abc" and 99 were refused with a reason and asked again; 6 was taken.
    assert answers["capacity"]["hours_per_week"] == 6
    assert answers["capacity"]["people"] == 2
    assert answers["capacity"]["weekend_cover"] is True
    assert stored["channels"]["recommended"][0]["channel"] == "linkedin"


def test_ctrl_c_keeps_answers_and_resume_continues(keys: Keys, isolated: Path) -> None:
    keys("".join(WHOLE_RUN[:7]) + CTRL_C)
    with pytest.raises(Interrupted) as caught:
        _assess()
    assert caught.value.exit_code == 130
    assert "--resume" in caught.value.message
    kept = resume.ASSESS.load()
    assert kept.answers["organisation.name"] == "Acme Advies"
    assert kept.answers["goals.measurable"] == "rough"
    assert "audience.segments" not in kept.answers
    assert not (isolated / "plans").exists()

    keys("".join(WHOLE_RUN[7:]))  # only the questions not yet answered are asked
    document = _assess(resume_session=True)
    assert document["answers"]["organisation"]["kind"] == "business_b2b"
    assert (isolated / "plans" / "acme-advies.yaml").exists()
    assert not resume.ASSESS.path().exists()


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Stopped. Your answer so far is kept in "),
        ("nl", "Gestopt. Je antwoord tot nu toe staat in "),
    ],
)
def test_ctrl_c_says_so_in_the_language_of_the_session(
    keys: Keys, isolated: Path, lang: str, said: str
) -> None:
    keys("Acme Advies" + ENTER + CTRL_C)
    with pytest.raises(Interrupted) as caught:
        _assess(lang=lang)
    assert caught.value.message == (
        f"{said}{resume.ASSESS.path()}; "
        + (
            "run `socialready assess --resume` to continue where you left off."
            if lang == "en"
            else "ga met `socialready assess --resume` verder waar je was."
        )
    )


def test_existing_plan_offers_saved_answers_as_defaults(keys: Keys, isolated: Path) -> None:
    keys("".join(WHOLE_RUN))
    first = _assess()
    keys(ENTER * 30)  # accept every saved answer: Enter on a text prompt keeps the default
    again = _assess(isolated / "plans" / "acme-advies.yaml")
    assert again == first


def test_without_a_terminal_missing_answers_name_the_options(isolated: Path) -> None:
    with pytest.raises(MissingAnswers) as caught:
        _assess(sets=["organisation.name=Solo"])
    assert "--answers" in caught.value.message and "--defaults" in caught.value.message
    assert not (isolated / "plans").exists()


def test_defaults_without_a_terminal(isolated: Path) -> None:
    document = _assess(
        sets=["organisation.name=Solo", "organisation.country=NL"], use_defaults=True
    )
    assert (isolated / "plans" / "solo.yaml").exists()
    # The defaults describe a cautious one-person start: 2 hours for adults, nothing run yet,
    # so one channel with evidence for adults in its country (figures for the Netherlands) and
    # room for dialogue; no blog nobody asked for.
    assert document["readiness"]["verdict"] == "ready"
    recommended = document["channels"]["recommended"]
    assert [item["channel"] for item in recommended] == ["facebook"]


# A Flemish municipality in Dutch: its sectors, its region, and each current channel asked
# about: how well it works, and how often it posts unless it lies dormant.
FLEMISH_RUN = [
    "Gemeente Zottegem" + ENTER,  # name
    DOWN * 3 + ENTER,  # kind: government
    DOWN + ENTER,  # sector: from other (the default) to the first of government's: culture
    "Belg" + ENTER,  # country: België, found by typing its Dutch name
    ENTER,  # region: flanders (asked for Belgium only)
    DOWN * 2 + ENTER,  # size: medium
    DOWN + SPACE + DOWN * 2 + SPACE + ENTER,  # objectives: + inform, + crisis
    ENTER,  # measurable
    ENTER,  # segments: adults
    DOWN + ENTER,  # minors: in_posts
    ENTER,  # interests: empty
    ENTER,  # whereabouts
    DOWN * 4 + SPACE + DOWN * 3 + SPACE + ENTER,  # current: facebook and x
    ENTER,  # facebook works: unknown (the default)
    "4,5" + ENTER,  # facebook: 4.5 posts a week
    UP + ENTER,  # x works: dormant, so no posts asked
    DOWN * 4 + SPACE + ENTER,  # considering: tiktok, the fifth once facebook is not offered again
    "\x7f" + "8" + ENTER,  # hours
    "\x7f" + "3" + ENTER,  # people
    ENTER, ENTER, "n",  # publish_frequency, response_time, weekend_cover
    DOWN + ENTER,  # budget: small, so what it promotes is asked
    DOWN + ENTER,  # paid_promotion: from commercial (the default) to political_or_social
    ENTER * 8,  # willingness and persistence: the defaults
]  # fmt: skip


def test_a_flemish_municipality_is_asked_what_applies(keys: Keys, isolated: Path) -> None:
    keys("".join(FLEMISH_RUN))
    document = _assess(lang="nl")
    answers = document["answers"]
    assert answers["organisation"] == {
        "name": "Gemeente Zottegem",
        "kind": "government",
        "sector": "culture",
        "country": "BE",
        "region": "flanders",
        "size": "medium",
    }
    assert answers["goals"]["objectives"] == ["awareness", "inform", "crisis"]
    assert answers["audience"]["minors"] == "in_posts"
    assert answers["channels"]["current"] == {
        "facebook": {"posts_per_week": 4.5, "works": "unknown"},
        "x": {"posts_per_week": 0, "works": "dormant"},
    }
    assert answers["channels"]["considering"] == ["tiktok"]
    assert answers["capacity"]["paid_promotion"] == "political_or_social"
    assert not resume.ASSESS.path().exists()  # nothing left over: every key answered


FORMAT_2 = """\
organisation: {name: Buurtmoestuin De Wilg, kind: nonprofit, country: other, size: micro}
goals: {objectives: [community], measurable: rough}
audience: {segments: [local_community], interests: planting days, whereabouts: assumed}
channels: {current: [facebook], considering: []}
capacity: {hours_per_week: 3, people: 2, publish_frequency: monthly, response_time: same_day,
           weekend_cover: false, budget: small}
willingness: {management: committed, workplace_access: open, guidelines: none, dialogue: open}
persistence: {horizon: 3_to_12_months, monitoring: manual}
"""


def test_format_2_answers_in_a_terminal_ask_what_they_cannot_say(
    keys: Keys, isolated: Path
) -> None:
    (isolated / "old.yaml").write_text(FORMAT_2, "utf-8")
    keys(
        DOWN + ENTER  # sector: from other to association, the first a non-profit is offered
        + "Irel" + ENTER  # country: `other` said it was not known, so it is asked
        + DOWN + ENTER  # minors: in_posts
        + ENTER  # paid_promotion: commercial (there is a budget)
    )  # fmt: skip
    document = _assess(isolated / "garden.yaml", answers_file=isolated / "old.yaml")
    answers = document["answers"]
    assert answers["organisation"]["sector"] == "association"
    assert answers["organisation"]["country"] == "IE"
    assert answers["audience"]["minors"] == "in_posts"
    assert answers["capacity"]["paid_promotion"] == "commercial"
    unknown = {"posts_per_week": None, "works": "unknown"}
    assert answers["channels"]["current"] == {"facebook": unknown}
    rules = [f["rule"] for d in document["readiness"]["dimensions"].values() for f in d["findings"]]
    assert "goals.answers-assumed" not in rules  # everything asked was answered


def test_format_2_answers_without_a_terminal_name_what_the_plan_assumes(isolated: Path) -> None:
    (isolated / "old.yaml").write_text(FORMAT_2, "utf-8")
    document = _assess(isolated / "garden.yaml", answers_file=isolated / "old.yaml")
    answers = document["answers"]
    assert "sector" not in answers["organisation"] and "minors" not in answers["audience"]
    assert answers["organisation"]["country"] == "other"
    findings = document["readiness"]["dimensions"]["goals_audience"]["findings"]
    said = next(f["says"] for f in findings if f["rule"] == "goals.answers-assumed")
    assert said == (
        "Not answered, so this plan assumes: sector: something else; country: another country, "
        "or not known; children under 16: no; what the budget is for: products, services, "
        "tickets or vacancies."
    )


def test_asked_again_a_plan_offers_each_channels_use_as_it_was(keys: Keys, isolated: Path) -> None:
    keys("".join(FLEMISH_RUN))
    first = _assess(isolated / "zottegem.yaml", lang="nl")
    keys(ENTER * 40)  # Enter keeps every saved answer, 4,5 posts a week included
    again = _assess(isolated / "zottegem.yaml", lang="nl")
    assert again["answers"] == first["answers"]
    current = model.as_channels(again["answers"]["channels"]["current"])
    assert current["facebook"]["posts_per_week"] == 4.5


@pytest.mark.parametrize("stop_at", [0, 1, 3, 5, 10, 15, 21], ids="question-{}".format)
def test_ctrl_c_at_any_question_keeps_exactly_the_answers_before_it(
    keys: Callable[[str], None], isolated: Path, stop_at: int
) -> None:
    """Enter takes each default; Ctrl-C at the Nth question asked keeps what came before."""
    qs = questionnaire.load()
    full = answers.with_defaults(qs, {"organisation.name": "Org"})
    order = [question.key for question in qs.questions]
    asked = [
        key
        for n, key in enumerate(order)
        if qs.by_key[key].applies({earlier: full[earlier] for earlier in order[:n]})
    ]
    keys(("Org" + ENTER + ENTER * (stop_at - 1) if stop_at else "") + CTRL_C)
    with pytest.raises(Interrupted):
        assess.run(
            None, Sources(None, [], False, False),
            force=False, lang="en",
        )  # fmt: skip
    before = order[: order.index(asked[stop_at])]
    kept = {key: full[key] for key in before if full[key] is not None}  # region: not asked
    assert resume.ASSESS.load().answers == kept
    assert not (isolated / "plans").exists()


def test_ctrl_c_among_a_channels_parts_keeps_what_was_chosen_for_resume(
    keys: Keys, isolated: Path
) -> None:
    """Instagram and Facebook ticked, Instagram's use answered, Ctrl-C at Facebook's: --resume
    offers both ticked and Instagram's answers as given, and asks only what is left."""
    current = DOWN * 3 + SPACE + DOWN + SPACE + ENTER  # instagram, facebook
    instagram = UP * 4 + ENTER + "3" + ENTER  # works well (the first choice), 3 posts a week
    keys("".join(WHOLE_RUN[:11]) + current + instagram + CTRL_C)
    with pytest.raises(Interrupted):
        _assess()
    kept = resume.ASSESS.load()
    assert "channels.current" not in kept.answers
    assert kept.unfinished == {
        "channels.current": {"instagram": {"works": "well", "posts_per_week": 3}, "facebook": {}}
    }

    # Ctrl-C again before that question is reached: what was begun is still kept.
    keys(CTRL_C)
    with pytest.raises(Interrupted):
        _assess(resume_session=True)
    assert resume.ASSESS.load().unfinished == kept.unfinished

    # Enter keeps both ticked and Instagram's answers; Facebook: so-so, 1 a week.
    keys(ENTER + ENTER + ENTER + UP * 3 + ENTER + "1" + ENTER + "".join(WHOLE_RUN[12:]))
    document = _assess(resume_session=True)
    assert model.as_channels(document["answers"]["channels"]["current"]) == {
        "instagram": {"works": "well", "posts_per_week": 3},
        "facebook": {"works": "so_so", "posts_per_week": 1},
    }
    assert not resume.ASSESS.path().exists()
