"""Answers: every id of the contract, validation that names the key, --set parsing, skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from socialready import answers, questionnaire
from socialready.errors import AnswerError
from socialready.planfile import yamlio

QS = questionnaire.load()
DESIGN = Path(__file__).resolve().parents[2] / "shared" / "DESIGN.md"


def test_questionnaire_has_every_key_of_the_contract_in_nl_and_en() -> None:
    keys = [q.key for q in QS.questions]
    assert len(keys) == 25 == len(set(keys))
    if DESIGN.exists():  # the contract sits beside the project in development and CI
        table = [line for line in DESIGN.read_text("utf-8").splitlines() if line.startswith("| `")]
        ids = [line.split("`")[1] for line in table]
        contract = [key for key in ids if " " not in key and "." in key]
        assert keys == contract
    for section in QS.sections:
        assert section.title.keys() == section.why.keys() == {"nl", "en"}
        for q in section.questions:
            assert q.prompt.keys() == {"nl", "en"}
            assert all(c.label.keys() == {"nl", "en"} for c in q.choices)


@pytest.mark.parametrize(
    ("key", "value", "problem"),
    [
        ("organisation.name", "", "is required"),
        ("organisation.name", "x" * 121, "keep it to 120"),
        ("organisation.name", 1984, "put it in quotes"),
        ("organisation.kind", "shop", "'shop' is not one of"),
        ("goals.objectives", [], "choose at least 1"),
        ("goals.objectives", "awareness", "must be a list"),
        ("audience.segments", ["aliens"], "'aliens' is not one of"),
        ("capacity.hours_per_week", 81, "out of range; give 0 to 80"),
        ("capacity.hours_per_week", -1, "out of range"),
        ("capacity.hours_per_week", "four", "must be a number"),
        ("capacity.people", 1.5, "whole number"),
        ("capacity.people", 51, "out of range"),
        ("capacity.weekend_cover", "maybe", "yes or no"),
    ],
)
def test_bad_values_name_the_key(key: str, value: object, problem: str) -> None:
    with pytest.raises(AnswerError) as caught:
        answers.validate(QS.question(key), value, "a.yaml")
    assert caught.value.message.startswith("a.yaml: ‘")  # the question's label, then its key
    assert f"({key}): " in caught.value.message
    assert problem in caught.value.message


def test_values_are_normalised() -> None:
    assert answers.validate(QS.question("capacity.hours_per_week"), 4.0) == 4
    assert answers.validate(QS.question("capacity.hours_per_week"), 2.5) == 2.5
    assert answers.validate(QS.question("willingness.guidelines"), True) == "yes"
    picked = answers.validate(
        QS.question("goals.objectives"), ["community", "awareness", "community"]
    )
    assert picked == ["awareness", "community"]
    assert answers.validate(QS.question("organisation.name"), "  שלום עולם  ") == "שלום עולם"


def test_set_options_parse_each_kind() -> None:
    parsed = answers.parse_sets(
        QS,
        [
            "capacity.hours_per_week=4,5",
            "capacity.people=2",
            "capacity.weekend_cover=ja",
            "goals.objectives=community, awareness",
            "organisation.name=De Korenschoof = bakkerij",
        ],
    )
    assert parsed == {
        "capacity.hours_per_week": 4.5,
        "capacity.people": 2,
        "capacity.weekend_cover": True,
        "goals.objectives": ["awareness", "community"],
        "organisation.name": "De Korenschoof = bakkerij",
    }


@pytest.mark.parametrize(
    ("option", "problem"),
    [
        ("capacity.people", "--set needs KEY=VALUE"),
        ("capacity.staff=2", "is not a question"),
        ("capacity.hours_per_week=lots", "'lots' is not a number"),
    ],
)
def test_bad_set_options(option: str, problem: str) -> None:
    with pytest.raises(AnswerError, match=problem):
        answers.parse_sets(QS, [option])


def test_nested_files_reject_unknown_keys_and_parts() -> None:
    with pytest.raises(AnswerError, match=r"capacity\.staff: is not a question"):
        answers.from_nested(QS, {"capacity": {"staff": 2}}, "a.yaml")
    with pytest.raises(AnswerError, match="must be a mapping"):
        answers.from_nested(QS, {"capacity": [1]}, "a.yaml")
    with pytest.raises(AnswerError, match="must be a mapping of parts"):
        answers.from_nested(QS, ["a"], "a.yaml")


def test_skipped_questions_take_their_implied_value() -> None:
    given = answers.with_defaults(QS, {"organisation.name": "Solo", "capacity.people": 0})
    assert given["capacity.response_time"] == "unmonitored"
    assert given["capacity.weekend_cover"] is False
    assert given["willingness.staff"] == "eager"  # micro: no staff to persuade
    filled, missing = answers.complete(QS, {"organisation.name": "Solo"})
    assert "capacity.people" in missing and "organisation.name" not in missing
    assert "organisation.name" in filled


def test_nested_round_trip_keeps_questionnaire_order() -> None:
    full = answers.with_defaults(QS, {"organisation.name": "Solo"})
    nested = answers.to_nested(QS, full)
    assert list(nested) == [
        "organisation",
        "goals",
        "audience",
        "channels",
        "capacity",
        "willingness",
        "persistence",
    ]
    assert answers.from_nested(QS, yamlio.loads(yamlio.dumps(nested), "x"), "x") == full
