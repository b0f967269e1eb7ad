"""The import rules hold: import-linter's contracts in pyproject.toml, and no module cycle.

The contracts (`[tool.importlinter]`) say which stage package may import which; this file
runs them, checks that they see every package, and looks for import cycles between any
two modules of briefgen, type-only imports included.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "briefgen"


def _contracts() -> list[dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def test_every_folder_of_modules_is_a_package() -> None:
    """A folder without `__init__.py` is a namespace package, which import-linter and grimp
    do not see: its imports would break every contract unnoticed."""
    folders = {p.parent for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    missing = sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").is_file())
    assert not missing, f"add an __init__.py (with a docstring saying what the package owns) to: {missing}"


def test_import_contracts_are_kept() -> None:
    pytest.importorskip("importlinter")
    contracts = _contracts()
    assert {c["id"] for c in contracts} >= {"layers", "writers", "writers-apart", "model", "acyclic"}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
            "pyproject.toml",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report
    assert f"Contracts: {len(contracts)} kept, 0 broken." in report, report


def _cycles(imports: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of two or more modules, as one cycle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(imports):
        if start in index:
            continue
        # Tarjan's algorithm, iterative: the package is deep enough to matter for recursion.
        work = [(start, iter(sorted(imports[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(imports[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
    return [_path(imports, group) for group in groups]


def _path(imports: dict[str, set[str]], group: set[str]) -> list[str]:
    """The shortest way round from the group's first module back to it."""
    first = min(group)
    came: dict[str, str] = {}
    frontier = [first]
    while frontier:
        nxt = []
        for node in frontier:
            for child in sorted(imports[node] & group):
                if child == first:
                    path = [node]
                    while path[-1] != first:
                        path.append(came[path[-1]])
                    return [first, *reversed(path[:-1]), first]
                if child not in came:
                    came[child] = node
                    nxt.append(child)
        frontier = nxt
    raise AssertionError(f"no way round {group}")


def test_cycle_finder_finds_a_cycle() -> None:
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert _cycles(imports) == [["a", "b", "c", "a"]]


def test_no_module_imports_itself_round_about() -> None:
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("briefgen", cache_dir=None)
    imports = {module: set(graph.find_modules_directly_imported_by(module)) for module in graph.modules}
    assert len(imports) > 100, "grimp should see every module of briefgen"
    cycles = [" -> ".join(c) for c in _cycles(imports)]
    assert not cycles, "import cycles (type-only imports count too):\n" + "\n".join(cycles)
