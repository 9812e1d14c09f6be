"""The one text catalogue: every id in both languages with the same blanks, a plural in both
forms; every id the code names exists; no id of data/text.yaml is left that nothing names;
no English word of it on a Dutch session's screens."""

from __future__ import annotations

import ast
import json
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from socialready import grammar, text
from socialready.errors import BadInput, msg, told_in
from socialready.planfile import yamlio
from tests.conftest import NL, ORGANISATIONS, edit_plan, invoke, overdue_plan, review_plan

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "socialready"
LANGS = {"en", "nl"}
# A Dutch text may leave a blank out where its value is English: a step's id (`audience`).
DUTCH_LEAVES_OUT = {"diff.step": {"id"}, "diff.step_field": {"id"}}


def _all() -> dict[str, dict[str, Any]]:
    """Every text the lookup reaches: data/text.yaml, and rules.yaml's under `rules.`."""
    return text.every()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _amounts(template: str) -> set[str]:
    return {name for _, name, spec, _ in string.Formatter().parse(template) if name and spec}


def _forms(entry: dict[str, Any], lang: str) -> dict[str, str]:
    value = entry[lang]
    return value if isinstance(value, dict) else {"": value}


def test_every_text_is_in_both_languages_with_the_same_blanks() -> None:
    found = _all()
    assert len(text.catalogue()) > 300 and len(found) > 600
    for id, entry in found.items():
        assert set(entry) == LANGS, f"{id}: needs exactly en and nl"
        plural = [isinstance(entry[lang], dict) for lang in sorted(LANGS)]
        assert len(set(plural)) == 1, f"{id}: a plural in one language only"
        blanks = {}
        for lang in LANGS:
            forms = _forms(entry, lang)
            if plural[0]:
                assert set(forms) == {"one", "other"}, f"{id} ({lang}): needs `one` and `other`"
            assert all(isinstance(form, str) for form in forms.values()), id
            blanks[lang] = set().union(*(_fields(form) for form in forms.values()))
            if not id.startswith(text.RULES):  # a rule may say nothing (concerns.none)
                assert all(form.strip() for form in forms.values()), f"{id} ({lang}): empty"
        left_out = DUTCH_LEAVES_OUT.get(id, set())
        assert blanks["nl"] | left_out == blanks["en"], (
            f"{id}: en {blanks['en']}, nl {blanks['nl']}"
        )


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_every_text_renders_with_every_blank_filled(lang: str) -> None:
    for id, entry in _all().items():
        params: dict[str, Any] = {field: "X" for field in _fields(str(entry["en"]))}
        for form in _forms(entry, "en").values():
            params.update({field: "X" for field in _fields(form)})
        for form in (str(entry["en"]), str(entry["nl"])):  # "{hours:hour}": an amount
            params.update({field: grammar.Amount(1.5, lang) for field in _amounts(form)})
        for n in (1, 3):  # both forms of a plural; a singular form has no {n}
            said = text.text(id, lang, **{**params, "n": n})
            assert "{" not in said, f"{id} ({lang}): a blank is left unfilled"


def test_a_plural_agrees_with_the_count() -> None:
    assert text.text("calendar.written", "nl", path="k.ics", n=1).endswith("(1 afspraak)")
    assert text.text("calendar.written", "nl", path="k.ics", n=3).endswith("(3 afspraken)")
    assert msg("review.stopped", n=1, path="x").render("en").startswith("Stopped. Your answer ")


def test_an_id_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="given twice"):
        text.flatten({"a": {"b": {"en": "x", "nl": "x"}}, "a.b": {"en": "y", "nl": "y"}})


def test_the_data_file_is_the_catalogue() -> None:
    data = yamlio.loads((SOURCE / "data" / "text.yaml").read_text("utf-8"), "text.yaml")
    assert text.flatten(data) == text.catalogue()


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("source", ["text", "rules"])
def test_the_shipped_flat_texts_are_the_data_files_flattened(source: str, lang: str) -> None:
    """data/<source>.<lang>.json is what the lookup reads: the sentences of data/text.yaml, or
    of data/rules.yaml, in that language, flat."""
    data = yamlio.loads((SOURCE / "data" / f"{source}.yaml").read_text("utf-8"), source)
    shipped = json.loads((SOURCE / "data" / f"{source}.{lang}.json").read_text("utf-8"))
    assert shipped == text.flat(data, lang), "run python scripts/build_data.py"
    prefix = text.RULES if source == "rules" else ""
    for id, template in shipped.items():
        assert text.text(f"{prefix}{id}", lang) == text.fill(template, {}), id


# --- What the code names ----------------------------------------------------------------------

RULES_CALLERS = ("ctx", "self.ctx")  # Context.text: an id under `rules.`
ID_KEYWORDS = ("missing_id", "nothing", "not_file", "bad_target", "bad_answers")  # take an id


def _pattern(node: ast.expr) -> Iterator[str]:
    """The ids an argument can be, as regular expressions: a literal is itself, an f-string or
    a concatenation has `.+` for each part the code fills in; either side of `a if c else b`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield re.escape(node.value)
    elif isinstance(node, ast.JoinedStr):
        yield "".join(
            re.escape(str(part.value)) if isinstance(part, ast.Constant) else ".+"
            for part in node.values
        )
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        for left in _pattern(node.left) if _literal(node.left) else [".+"]:
            for right in _pattern(node.right) if _literal(node.right) else [".+"]:
                yield left + right
    elif isinstance(node, ast.IfExp):
        yield from _pattern(node.body)
        yield from _pattern(node.orelse)


def _literal(node: ast.expr) -> bool:
    return isinstance(node, (ast.Constant, ast.JoinedStr, ast.BinOp, ast.IfExp))


def _named() -> Iterator[tuple[str, str, str]]:
    """(where, prefix, pattern) for every id argument in src/ that is written in the code."""
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = ast.unparse(node.func)
            rules_caller = (*RULES_CALLERS, *(["self"] if path.name == "context.py" else []))
            prefix = None
            if func in ("text", "msg", "Msg", "text.text"):
                prefix = ""
            elif func in (f"{caller}.text" for caller in rules_caller):
                prefix = text.RULES
            if prefix is not None and node.args:
                for pattern in _pattern(node.args[0]):
                    yield f"{where}:{node.lineno}", prefix, pattern
            for keyword in node.keywords:
                if keyword.arg in ID_KEYWORDS:
                    for pattern in _pattern(keyword.value):
                        yield f"{where}:{node.lineno}", "", pattern


def test_every_id_the_code_names_exists() -> None:
    ids = _all()
    named = list(_named())
    assert len(named) > 400
    missing = [
        f"{where}: {prefix}{pattern}"
        for where, prefix, pattern in named
        if not any(re.fullmatch(re.escape(prefix) + pattern, id) for id in ids)
    ]
    assert missing == [], "the code names texts that data/text.yaml and rules.yaml lack"


def _strings() -> set[str]:
    """Every string written in src/, whole (ids kept in a variable or a table first), and those
    quoted in the scripts (the installer's Python is inside a shell script)."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    for path in (ROOT / "scripts").iterdir():
        if path.is_file():
            found.update(re.findall(r"[\"']([a-z_.]+)[\"']", path.read_text("utf-8")))
    return found


def test_no_id_of_the_catalogue_is_unused() -> None:
    patterns = [  # a pattern that starts with a blank (`{group}.{value}`) would cover anything
        re.compile(pattern)
        for _, prefix, pattern in _named()
        if not prefix and pattern[:1].isalpha()
    ]
    strings = _strings()
    unused = [
        id
        for id in text.catalogue()
        if id not in strings and not any(pattern.fullmatch(id) for pattern in patterns)
    ]
    assert unused == [], "ids nothing names; remove them from data/text.yaml"


# --- The language: given by the command, never kept ---------------------------------------------


def test_an_error_is_said_in_the_language_the_innermost_block_gave() -> None:
    with pytest.raises(BadInput) as caught, told_in("en"), told_in("nl"):
        raise BadInput(msg("where", where="x.yaml", problem=msg("file.missing")))
    assert caught.value.lang == "nl"
    assert caught.value.message == "x.yaml: dit bestand bestaat niet; controleer het pad"
    assert caught.value.render("en") == "x.yaml: no such file; check the path"


def test_an_error_raised_before_any_language_is_said_in_the_environments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    error = BadInput(msg("file.missing"))
    monkeypatch.setenv("SOCIALREADY_LANG", "nl")
    assert str(error) == "dit bestand bestaat niet; controleer het pad"
    monkeypatch.setenv("SOCIALREADY_LANG", "en")
    assert str(error) == "no such file; check the path"  # nothing was kept from before


def test_no_module_keeps_a_language() -> None:
    """No module-level name holds the run's language, and nothing sets one."""
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else []
            targets += [node.target] if isinstance(node, ast.AnnAssign) else []
            state = [ast.unparse(t) for t in targets if not ast.unparse(t)[:1].isupper()]
            held = [name for name in state if "lang" in name.lower() or "session" in name]
            assert not held, f"{path}: {held}"  # constants and types (upper case) may
        calls = {ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
        kept = {c for c in calls if c.rsplit(".", 1)[-1] in ("use_language", "language")}
        assert not kept, f"{path}: {kept}"


def _catalogue_english() -> set[str]:
    """Words of the English texts of the catalogue that no Dutch text uses: a Dutch screen that
    shows one of them shows English. Names (capitalised in both) and ids are left out."""

    data = ROOT / "src" / "socialready" / "data"
    words: dict[str, set[str]] = {"en": set(), "nl": set()}

    def walk(node: Any, lang: str | None = None) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, key if key in words else lang)
        elif isinstance(node, list):
            for item in node:
                walk(item, lang)
        elif isinstance(node, str) and lang:
            text = re.sub(r"`[^`]*`|\{[^}]*\}|\b\w+[._]\w+\b", " ", node)
            words[lang].update(re.findall(r"\b[a-z]{4,}\b", text.lower()))

    walk(text.every())
    for name in ("review", "questions", "facts"):
        walk(json.loads((data / f"{name}.json").read_text("utf-8")))
    from socialready import questionnaire

    ids = set()  # the file's own words (answer ids and keys), shown where a file is explained
    for question in questionnaire.load().questions:
        for asked in (question, *question.fields):  # a channel's posts_per_week and works too
            ids.update(re.findall(r"[a-z]+", asked.key))
            for choice in asked.choices:
                ids.update(re.findall(r"[a-z]+", choice.value))
    return words["en"] - words["nl"] - ids


INTERESTS = {
    name: yamlio.loads((ORGANISATIONS / f"{name}.yaml").read_text("utf-8"), name)["audience"][
        "interests"
    ]
    for name in ("bakery", "school")
}


def test_a_dutch_session_shows_no_english_word_of_the_catalogue(isolated: Path) -> None:
    english = _catalogue_english()
    assert {"would", "comments", "edited", "overdue", "promised"} <= english
    path = review_plan(overdue_plan(isolated), "2026-06-02", "2026-09-02")
    edit_plan(path, "\nlanguage: nl\n", "\n# nog overleggen\nlanguage: nl\n")
    edit_plan(path, "  notes: null", "  notes: Meedoen met #LindewaardPeilt")
    screens = [
        invoke("plan", "--force", str(path), env=NL),
        invoke("show", str(path), env={**NL, "COLUMNS": "120"}),
        invoke("show", "--format", "markdown", str(path), env=NL),
        invoke("show", "--format", "html", str(path), env=NL),
        invoke("overview", str(isolated), env=NL),
        invoke("questions", env=NL),
        invoke("questions", "--format", "yaml", env=NL),
        invoke("assess", "--answers", str(ORGANISATIONS / "school.yaml"), env=NL),
        invoke("assess", "--answers", str(ORGANISATIONS / "school.yaml"), env=NL),  # refused
    ]
    found: dict[str, set[str]] = {}
    for screen in screens:
        said = screen.stdout + screen.stderr
        said = re.sub(r"<style>.*?</style>", " ", said, flags=re.DOTALL)
        said = re.sub(r"[\w\[\]]+[._]\w+|[\w./-]+\.ya?ml|--?\w[\w-]*|<[^>]+>|`[^`]*`", " ", said)
        for own in ("Meedoen met #LindewaardPeilt", "Erasmus College", *INTERESTS.values()):
            said = said.replace(own, "")  # what the user typed is theirs
        for word in set(re.findall(r"\b[a-z]{4,}\b", said.lower())) & english:
            found.setdefault(word, set()).add(" ".join(screen.args[1:3]))
    assert not found, f"English in a Dutch session: {found}"
