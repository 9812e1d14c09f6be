"""The real wizard: questionary prompts driven through prompt_toolkit pipe input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from socialready.commands import assess
from socialready.errors import Interrupted, MissingAnswers
from socialready.planfile import owned, yamlio
from socialready.wizard import resume
from tests.conftest import CTRL_C, DOWN, ENTER, SPACE, UP

Keys = Callable[[str], None]

# One keystroke string per question, in the wizard's order, for a small B2B firm of 2 people.
WHOLE_RUN = [
    "Acme Advies" + ENTER,  # organisation.name
    DOWN + ENTER,  # kind: business_b2b
    UP * 2 + ENTER,  # country: NL (the default, from an English locale, is other)
    DOWN + ENTER,  # size: small
    DOWN * 4 + SPACE + ENTER,  # objectives: awareness (default) + leads_sales
    ENTER,  # measurable: rough (default)
    DOWN + SPACE + DOWN * 2 + SPACE + ENTER,  # segments: untick adults, tick professionals
    "guides and cases" + ENTER,  # interests
    ENTER,  # whereabouts: assumed
    ENTER,  # channels.current: none
    DOWN * 2 + SPACE + ENTER,  # considering: linkedin
    "\x7f" + "abc" + ENTER + "\x7f" * 3 + "99" + ENTER + "\x7f" * 2 + "6" + ENTER,  # hours
    "\x7f" + "2" + ENTER,  # people
    ENTER,  # publish_frequency: monthly
    ENTER,  # response_time: same_day
    "y",  # weekend_cover
    ENTER,  # budget: none
    ENTER,  # management: supportive
    ENTER,  # staff: mixed
    ENTER,  # workplace_access
    ENTER,  # guidelines
    ENTER,  # dialogue
    ENTER,  # internal_network
    ENTER,  # horizon
    ENTER,  # monitoring
]


def _assess(target: Path | None = None, **options: object) -> dict[str, object]:
    settings: dict[str, object] = {
        "answers_file": None,
        "sets": [],
        "use_defaults": False,
        "resume_session": False,
        "force": False,
        "lang": "en",
    }
    settings.update(options)
    return assess.run(target, **settings)  # type: ignore[arg-type]


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
        "country": "NL",
        "size": "small",
    }
    assert answers["goals"]["objectives"] == ["awareness", "leads_sales"]
    assert answers["audience"]["segments"] == ["professionals"]
    assert answers["channels"]["considering"] == ["linkedin"]
    # "abc" and 99 were refused with a reason and asked again; 6 was taken.
    assert answers["capacity"]["hours_per_week"] == 6
    assert answers["capacity"]["people"] == 2
    assert answers["capacity"]["weekend_cover"] is True
    assert stored["channels"]["recommended"][0]["channel"] == "linkedin"


def test_ctrl_c_keeps_answers_and_resume_continues(keys: Keys, isolated: Path) -> None:
    keys("".join(WHOLE_RUN[:6]) + CTRL_C)
    with pytest.raises(Interrupted) as caught:
        _assess()
    assert caught.value.exit_code == 130
    assert "--resume" in caught.value.message
    kept = resume.load()
    assert kept.answers["organisation.name"] == "Acme Advies"
    assert kept.answers["goals.measurable"] == "rough"
    assert "audience.segments" not in kept.answers
    assert not (isolated / "plans").exists()

    keys("".join(WHOLE_RUN[6:]))  # only the questions not yet answered are asked
    document = _assess(resume_session=True)
    assert document["answers"]["organisation"]["kind"] == "business_b2b"  # type: ignore[index]
    assert (isolated / "plans" / "acme-advies.yaml").exists()
    assert not resume.state_file().exists()


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
        f"{said}{resume.state_file()}; "
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
    document = _assess(sets=["organisation.name=Solo"], use_defaults=True)
    assert (isolated / "plans" / "solo.yaml").exists()
    # The defaults describe a cautious one-person start: 2 hours for adults, nothing run yet,
    # so one channel with evidence for adults and room for dialogue; no blog nobody asked for.
    assert document["readiness"]["verdict"] == "ready"  # type: ignore[index]
    recommended = document["channels"]["recommended"]  # type: ignore[index]
    assert [item["channel"] for item in recommended] == ["facebook"]
