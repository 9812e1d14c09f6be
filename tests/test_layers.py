"""Imports run one way, down the layers, and never in a circle.

cli → commands → wizard/output → planfile → rules → model and data. Every `import` counts,
also one inside a function (it runs as surely, only later). A module may import another of its
own layer, as long as that makes no cycle. What a package's `__init__` runs when a submodule is
imported is not counted as an edge: Python has the package in `sys.modules` before its modules.

Allowed: an import under `if TYPE_CHECKING:` for a type annotation only, as long as it points
down or sideways (it never runs, but it is still read as a dependency: an upward one is an
error all the same).
"""

from __future__ import annotations

import ast
from itertools import pairwise
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "socialready"
PACKAGE = "socialready"

# The layers, top first; a module is in the layer of its longest prefix listed here.
LAYERS = (
    ("cli", "__main__"),
    ("commands",),
    ("wizard", "output"),
    ("planfile",),
    ("rules",),
    (
        "answers",
        "catalog",
        "errors",
        "files",
        "grammar",
        "language",
        "locales",
        "model",
        "packaged",
        "progress",
        "questionnaire",
        "review_dates",
        "status",
        "text",
        "",  # the package's own __init__
    ),
)


def module_name(path: Path, root: Path = SRC) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(SRC.rglob("*.py"))}


def layer(module: str) -> int:
    """0 for the top layer; fails for a module no layer names (add it to LAYERS)."""
    inner = module.removeprefix(PACKAGE).removeprefix(".")
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for rank, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            inside = inner == prefix or inner.startswith(prefix + ".") or not (prefix or inner)
            if inside and (best is None or len(prefix) > best[0]):
                best = (len(prefix), rank)
    assert best is not None, f"{module} is in no layer: add it to LAYERS in {__file__}"
    return best[1]


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Line numbers of imports under `if TYPE_CHECKING:`."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and (
            (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
            or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
        ):
            for inner in node.body:
                for sub in ast.walk(inner):
                    if isinstance(sub, (ast.Import, ast.ImportFrom)):
                        lines.add(sub.lineno)
    return lines


def imports(path: Path, known: set[str], root: Path = SRC) -> list[tuple[str, int, bool]]:
    """(module imported, line, under TYPE_CHECKING) for each import of our own modules,
    at the top or inside a function, relative imports resolved."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    typing_only = _type_checking_only(tree)
    own = module_name(path, root)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found: list[tuple[str, int, bool]] = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.append(full if full in known else base)
        for target in targets:
            if target == PACKAGE or not target.startswith(PACKAGE + "."):
                continue
            while target not in known and "." in target:  # a name inside a module
                target = target.rpartition(".")[0]
            if target != own:
                found.append((target, node.lineno, node.lineno in typing_only))
    return found


def graph() -> dict[str, list[tuple[str, int, bool]]]:
    found = modules()
    return {name: imports(path, set(found)) for name, path in found.items()}


def where(module: str, line: int) -> str:
    return f"{modules()[module].relative_to(SRC.parent)}:{line}"


def test_every_module_has_a_layer() -> None:
    for name in modules():
        layer(name)


def test_no_import_runs_up_the_layers() -> None:
    upward = [
        f"{where(source, line)}: {source} (layer {layer(source)}) imports {target} "
        f"(layer {layer(target)}){' under TYPE_CHECKING' if typing_only else ''}"
        for source, edges in graph().items()
        for target, line, typing_only in edges
        if layer(target) < layer(source)
    ]
    assert not upward, "imports that run up the layers:\n" + "\n".join(upward)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of more than one module (or one importing itself), as a
    cycle through it (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1 or node in edges[node]:
                        groups.append(_path(sorted(group), edges))
    return groups


def _path(group: list[str], edges: dict[str, set[str]]) -> list[str]:
    """A cycle through the group's first module, found breadth first: the edges to break."""
    start, members = group[0], set(group)
    came: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(edges[node] & members):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if child not in came:
                    came[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"no cycle in {group}")


def test_no_import_cycles() -> None:
    found = graph()
    edges = {name: {target for target, _, _ in out} for name, out in found.items()}
    lines = {(name, target): line for name, out in found.items() for target, line, _ in out}
    described = [
        " → ".join(cycle)
        + "".join(f"\n    {where(a, lines[a, b])}: imports {b}" for a, b in pairwise(cycle))
        for cycle in cycles(edges)
    ]
    assert not described, "import cycles:\n" + "\n".join(described)


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, [["a", "b", "c", "a"]]),
        ({"a": {"a"}}, [["a", "a"]]),
        ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b", "a"], ["c", "d", "c"]]),
    ],
)
def test_cycles_are_found(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert sorted(cycles(edges)) == expected


def test_imports_inside_functions_and_relative_ones_count(tmp_path: Path) -> None:
    known = {f"{PACKAGE}.ui", f"{PACKAGE}.errors", f"{PACKAGE}.rules", f"{PACKAGE}.rules.scoring"}
    (tmp_path / "rules").mkdir()
    probe = tmp_path / "rules" / "probe.py"
    probe.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import scoring\n"
        "import json\n"
        "if TYPE_CHECKING:\n"
        "    from socialready.errors import Msg\n"
        "def f():\n"
        "    from socialready import ui\n"
        "    from ..ui import word\n"
        "    import socialready.rules.scoring\n",
        "utf-8",
    )
    assert imports(probe, known, root=tmp_path) == [
        (f"{PACKAGE}.rules.scoring", 2, False),
        (f"{PACKAGE}.errors", 5, True),
        (f"{PACKAGE}.ui", 7, False),
        (f"{PACKAGE}.ui", 8, False),
        (f"{PACKAGE}.rules.scoring", 9, False),
    ]


def test_layers_of_modules() -> None:
    assert layer(f"{PACKAGE}.cli") < layer(f"{PACKAGE}.commands.plan")
    assert layer(f"{PACKAGE}.commands.plan") < layer(f"{PACKAGE}.output.terminal")
    assert layer(f"{PACKAGE}.output.terminal") == layer(f"{PACKAGE}.wizard.flow")
    assert layer(f"{PACKAGE}.wizard.flow") < layer(f"{PACKAGE}.planfile.document")
    assert layer(f"{PACKAGE}.planfile.document") < layer(f"{PACKAGE}.rules.scoring")
    assert layer(f"{PACKAGE}.rules") < layer(f"{PACKAGE}.answers") == layer(PACKAGE)


# Each outside library (and the fast YAML writer, and the worker pool) behind one door.
DOORS = {
    "questionary": "wizard.prompts",
    "prompt_toolkit": "wizard.prompts",
    "rich": "output.terminal",
    "yaml": "planfile.yamlio",
    "icalendar": "output.ics",
    "markdown_it": "output.html",
    "holidays": "commands.calendar",
    "filelock": "files",
    "typer": "cli",
    "multiprocessing": "commands.plan",
    f"{PACKAGE}.planfile.canonical": "planfile.yamlio",
}


def imported_names(path: Path) -> list[tuple[str, int]]:
    """Every module an import statement names, as written (relative ones left out)."""
    tree = ast.parse(path.read_text("utf-8"), str(path))
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, node.lineno))
            found += [(f"{node.module}.{alias.name}", node.lineno) for alias in node.names]
    return found


def test_each_library_behind_one_door() -> None:
    strays = [
        f"{where(name, line)}: imports {imported}; only {PACKAGE}.{DOORS[door]} may"
        for name, path in modules().items()
        for imported, line in imported_names(path)
        for door in DOORS
        if (imported == door or imported.startswith(door + "."))
        and name != f"{PACKAGE}.{DOORS[door]}"
    ]
    assert not strays, "\n".join(strays)
