"""The JSON Schema and the tool accept and refuse the same plan files: both are made from one
declaration (planfile/shape.py). The schema's side reads each file as an editor's validator does,
with a YAML 1.2 parser of its own (ruamel.yaml), not the tool's reader."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from socialready import files
from socialready.errors import SocialreadyError
from socialready.planfile import owned, shape, yamlio
from socialready.planfile.document import Plan, build, dumps, header_comment, parse
from tests import bad_files as catalogue
from tests.conftest import invoke
from tests.strategies import examples, languages, valid_answers
from tests.test_fuzz import mutated_tree

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "src" / "socialready" / "data" / "plan.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)
V1 = Path(__file__).parents[1] / "fixtures" / "v1-software.yaml"
# What a schema of the data cannot say: the tool's limit on the size of the file.
ONLY_THE_TOOL = {name for name, _ in catalogue.COMMON if name.startswith("over-")}


def _json_ready(value: object, done: dict[int, object] | None = None) -> object:
    """Dates as the ISO text an editor's YAML 1.2 validator sees; a value met twice (an alias)
    is converted once, so that the "billion laughs" stay small."""
    done = {} if done is None else done
    if id(value) in done:
        return done[id(value)]
    result: object = value
    if isinstance(value, dict):
        result = {key: _json_ready(item, done) for key, item in value.items()}
    elif isinstance(value, list):
        result = [_json_ready(item, done) for item in value]
    elif hasattr(value, "isoformat"):
        result = value.isoformat()
    done[id(value)] = result
    return result


def schema_accepts(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
        loaded = YAML(typ="safe", pure=True).load(io.StringIO(text))
    except Exception:  # not YAML at all: an editor's validator has nothing to check
        return False
    return loaded is not None and VALIDATOR.is_valid(_json_ready(loaded))


def tool_accepts(data: bytes, folder: Path) -> bool:
    """What `show` accepts (it reads every section); `plan` reads no more than this."""
    path = folder / "p.yaml"
    path.write_bytes(data)
    try:
        parse(yamlio.loads(files.read_text(path), str(path)), str(path), deep=True)
    except SocialreadyError:
        return False
    return True


def test_the_shipped_schema_is_made_from_the_declaration() -> None:
    assert shape.json_schema() == SCHEMA, "run python scripts/build_data.py"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert json.loads(invoke("schema").stdout) == SCHEMA


CASES = [
    pytest.param(mutate, id=name)
    for name, mutate in [*catalogue.COMMON, *catalogue.PLAN_ONLY]
    if name not in ONLY_THE_TOOL
] + [catalogue.HUGE]


@pytest.mark.parametrize("mutate", CASES)
def test_both_refuse_the_bad_input_catalogue(
    isolated: Path, plan_text: str, mutate: catalogue.Mutation
) -> None:
    data, _ = mutate(plan_text)
    assert not tool_accepts(data, isolated)
    assert not schema_accepts(data)


# Hand edits a person makes: (old, new, accepted by both)
INTERESTS = "interests: daily bread specials, seasonal cakes, opening hours"
EDITS = [
    ("verdict: ready", "verdict: maybe", False),
    ("  weekend_cover: true", "  weekend_cover: yes", True),  # YAML 1.2: the text yes
    ("  weekend_cover: true", "  weekend_cover: Ja", True),
    ("  weekend_cover: true", "  weekend_cover: on", False),  # neither yes nor no
    ("  weekend_cover: true", "  weekend_cover: 1", False),
    ("  guidelines: none", "  guidelines: yes", True),
    ("  guidelines: none", "  guidelines: 'on'", False),
    ("  guidelines: none", "  guidelines: true", True),  # a bool for a choice with `yes`
    (f"\n    {INTERESTS}", "", True),  # optional text: left out, it is empty
    (INTERESTS, "interests: null", True),
    (INTERESTS, "interests: 7", False),
    ("  people: 1", "  people: 1.0", True),
    ("  people: 1", "  people: 1.5", False),
    ("  people: 1", "  people: 0o1", True),  # YAML 1.2 octal
    ("  people: 1", "  people: '1'", False),
    ("  status: to do", "  status: Klaar", True),
    ("  status: to do", "  status: ' te doen'", True),
    ("  status: to do", "  status: null", True),
    ("  status: to do", "  status: DONE", True),
    ("  status: to do", "  status: ' Skipped '", True),
    ("  status: to do", "  status: 'klaar!'", False),
    ("  status: to do", "  status: finished", False),
    ("  status: to do", "  status: 1", False),
    ("  due: null", "  due: 2026-04-01", True),
    ("  due: null", "  due: '2026-04-01'", True),
    ("  due: null", "  due: 2026-04-01 10:00:00", False),
    ("  due: null", "  due: next week", False),
    ("  owner: ", "  owner: 1984\n  x_owner: ", False),
    ("  notes: null", "  notes: 42", False),
    ("started: 2026-03-02", "started: null", True),
    ("started: 2026-03-02\n", "", True),  # absent until the user or `assess` sets it
    ("started: 2026-03-02", "started: March", False),
    ("started: 2026-03-02", "started: 0241-09-13", False),  # outside 1900 to 2999, as a typo
    ("started: 2026-03-02", "started: '13-09-0241'", False),
    ("started: 2026-03-02", "started: 2999-12-31", True),
    ("reviews: []", "reviews: null", True),
    ("reviews: []", "reviews:\n- date: 2026-04-01\n  published: {facebook: 3}", True),
    ("reviews: []", "reviews:\n- date: 2026-04-01\n  published: {facebook: 2.5}", False),
    ("reviews: []", "reviews:\n- date: 2026-04-01\n  measures: {awareness: 3, community: x}", True),
    ("reviews: []", "reviews:\n- date: 2026-04-01\n  measures: {awareness: [3]}", False),
    ("reviews: []", "reviews:\n- date: 2026-04-01\n  reply_time: same_day\n  notes: ok", True),
    ("reviews: []", "reviews:\n- date: 2026-04-01\n  reply_time: soon", False),
    ("reviews: []", "reviews:\n- notes: no date", False),
    ("socialready: 3", "socialready: 1", True),
    ("socialready: 3", "socialready: 3.0", True),  # 3.0 is 3, to JSON Schema too
    ("language: en", "language: fr", False),
    ("answers:\n", "answers:\n  colours: {}\n", False),  # a part that does not exist, empty
    ("  score: ", "  score: 101\n  x_score: ", False),
    ("  tier: ", "  tier: huge\n  x_tier: ", False),
]


@pytest.mark.parametrize(("old", "new", "accepted"), EDITS)
def test_both_agree_on_hand_edits(
    isolated: Path, plan_text: str, old: str, new: str, accepted: bool
) -> None:
    header = header_comment("en")
    body = plan_text.removeprefix(header)
    assert old in body, old
    data = header + body.replace(old, new, 1)
    if "x_" in new:  # the rest of the line that was replaced, under a name no plan has
        data = data.replace("\n  x_", " # ", 1)
    edited = data.encode()
    assert (tool_accepts(edited, isolated), schema_accepts(edited)) == (accepted, accepted)


def test_both_accept_the_example_plans_and_a_version_1_plan(isolated: Path) -> None:
    for path in [*sorted((ROOT / "plans").glob("*.yaml")), V1]:
        data = path.read_bytes()
        assert tool_accepts(data, isolated) and schema_accepts(data), path


@settings(deadline=None, max_examples=examples(700), suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), valid_answers(), languages)
def test_both_agree_on_generated_and_mutated_plans(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject, answers: Any, lang: str
) -> None:
    folder = tmp_path_factory.mktemp("agree")
    document = build(Plan(answers, lang, started=None))
    text = dumps(document).encode()
    assert tool_accepts(text, folder) and schema_accepts(text)
    mutated = data.draw(mutated_tree(document))
    try:
        text = dumps(mutated).encode()
    except Exception:  # a value YAML cannot hold
        return
    assert tool_accepts(text, folder) == schema_accepts(text), text.decode()[:3000]


@pytest.fixture(scope="module")
def plan_text(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A real plan, made once by the command, with its status and dates as a user
    fills them in."""
    folder = tmp_path_factory.mktemp("real")
    path = folder / "bakery.yaml"
    made = invoke("assess", str(path), "--answers", str(catalogue.BAKERY), "--lang", "en",
                   env={"SOCIALREADY_TODAY": "2026-03-02"})  # fmt: skip
    assert made.returncode == 0, made.stderr
    shutil.copy(path, folder / "copy.yaml")
    return path.read_text("utf-8")


SPELLINGS = st.sampled_from(sorted(owned.status_words())).flatmap(
    lambda word: st.sampled_from([word, word.upper(), word.title(), f" {word} ", f"{word}."])
)
VALUES = (
    SPELLINGS
    | st.sampled_from(["yes", "No", "JA", "nee", "on", "true", "2026-04-01", "2026-4-1", "", " "])
    | st.text(max_size=12)
    | st.integers(-3, 100)
    | st.floats(-1, 100, allow_nan=False)
    | st.booleans()
    | st.none()
)
LINES = [
    *("  status: to do", "  owner: ", "  due: null", "  notes: null", "started: 2026-03-02"),
    *("  weekend_cover: true", "  guidelines: none", "  people: 1", "  measurable: none"),
]


@settings(deadline=None, max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(LINES), VALUES)
def test_both_agree_on_any_value_of_an_owned_field(
    tmp_path_factory: pytest.TempPathFactory, plan_text: str, line: str, value: object
) -> None:
    """Each value written as JSON, which YAML reads the same way (a double-quoted string)."""
    header = header_comment("en")
    body = plan_text.removeprefix(header)
    start = body.index(line)
    end = body.index("\n", start)
    key = line.split(":")[0]
    written = json.dumps(value, ensure_ascii=False)
    edited = (header + body[:start] + f"{key}: {written}" + body[end:]).encode()
    folder = tmp_path_factory.mktemp("value")
    assert tool_accepts(edited, folder) == schema_accepts(edited), (line, value)


def test_a_section_plan_only_checks_the_kind_of_is_checked_whole_when_shown() -> None:
    """The checks of readiness, channels, rules and the reviews are made when first needed."""
    text = (ROOT / "plans" / "bakery.yaml").read_text("utf-8")
    data = yamlio.loads(text, "p.yaml")
    data["readiness"]["score"] = 101
    data["rules"]["version"] = "drie"
    data["reviews"] = [{"date": "2026-04-06", "hours_spent": -2}]
    with pytest.raises(SocialreadyError) as refused:
        shape.check_plan(
            yamlio.loads(text, "p.yaml") | {"reviews": data["reviews"]}, "p", deep=False
        )
    assert "reviews[1].hours_spent" in str(refused.value)
    del data["reviews"]
    shape.check_plan(yamlio.loads(yamlio.dumps(data), "p.yaml"), "p.yaml", deep=False)
    with pytest.raises(SocialreadyError) as refused:
        shape.check_plan(data, "p.yaml", deep=True)
    assert "rules.version" in str(refused.value)
    del data["rules"]["version"]
    data["rules"]["version"] = 3
    with pytest.raises(SocialreadyError) as refused:
        shape.check_plan(data, "p.yaml", deep=True)
    assert "readiness.score" in str(refused.value)
