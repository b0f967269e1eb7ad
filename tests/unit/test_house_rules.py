"""The house rules every module of `briefgen/` keeps, read from the source (nothing is imported).

Each module has a docstring saying what it owns; none is over 400 lines; no function is
over 80 lines except the declarative tables listed below, each with its reason; and
imports inside briefgen are absolute (`from briefgen.model.nodes import Paragraph`).
An allow-list entry that no longer breaks its rule fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "briefgen"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80

# module (relative to briefgen/) → why it may be longer than MAX_MODULE_LINES
LONG_MODULES: dict[str, str] = {}

# "module:function" (relative to briefgen/) → why it may be longer than MAX_FUNCTION_LINES
LONG_FUNCTIONS: dict[str, str] = {}


def _sources() -> dict[str, str]:
    found = {p.relative_to(PACKAGE).as_posix(): p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py"))}
    assert "cli/main.py" in found and "model/nodes.py" in found  # the walk really sees the package
    return found


SOURCES = _sources()
TREES = {name: ast.parse(text, name) for name, text in SOURCES.items()}


def _function_lines(tree: ast.Module) -> dict[str, int]:
    """Every function and method, nested ones too, by name → its length in lines (the longest of a name)."""
    sizes: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            sizes[node.name] = max(sizes.get(node.name, 0), node.end_lineno - node.lineno + 1)
    return sizes


def _relative_imports(tree: ast.Module) -> list[int]:
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level > 0]


def _has_docstring(tree: ast.Module) -> bool:
    return bool((ast.get_docstring(tree) or "").strip())


FUNCTION_LINES = {f"{name}:{func}": n for name, tree in TREES.items() for func, n in _function_lines(tree).items()}
MODULE_LINES = {name: len(text.splitlines()) for name, text in SOURCES.items()}


def test_every_module_has_a_docstring() -> None:
    missing = [name for name, tree in TREES.items() if not _has_docstring(tree)]
    assert not missing, "add a docstring saying what the module owns: " + ", ".join(missing)


def test_no_module_is_over_400_lines() -> None:
    long = {name: n for name, n in MODULE_LINES.items() if n > MAX_MODULE_LINES and name not in LONG_MODULES}
    assert not long, f"split by concern (over {MAX_MODULE_LINES} lines): {long}"


def test_no_function_is_over_80_lines_but_the_listed_tables() -> None:
    long = {key: n for key, n in FUNCTION_LINES.items() if n > MAX_FUNCTION_LINES and key not in LONG_FUNCTIONS}
    assert not long, f"split into named steps (over {MAX_FUNCTION_LINES} lines): {long}"


def test_every_allowed_exception_is_still_needed_and_says_why() -> None:
    stale = [key for key in LONG_MODULES if MODULE_LINES.get(key, 0) <= MAX_MODULE_LINES]
    stale += [key for key in LONG_FUNCTIONS if FUNCTION_LINES.get(key, 0) <= MAX_FUNCTION_LINES]
    assert not stale, f"short enough now (or gone): take them off the allow-list: {stale}"
    unexplained = [key for key, why in (LONG_MODULES | LONG_FUNCTIONS).items() if len(why.split()) < 3]
    assert not unexplained, f"give each exception its reason: {unexplained}"


def test_imports_inside_briefgen_are_absolute() -> None:
    relative = [f"briefgen/{name}:{line}" for name, tree in TREES.items() for line in _relative_imports(tree)]
    assert not relative, "import as `from briefgen.<package>.<module> import …`: " + ", ".join(relative)


def test_the_checks_see_a_breach() -> None:
    """A module without a docstring, with a relative import and a long function, is caught by each check."""
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    bad = ast.parse(f"from . import sibling\n\n\ndef short():\n    pass\n\n\ndef long():\n{body}\n")
    assert not _has_docstring(bad)
    assert _relative_imports(bad) == [1]
    assert _function_lines(bad) == {"short": 2, "long": MAX_FUNCTION_LINES + 1}
    good = ast.parse('"""Owns one thing."""\n\nfrom briefgen.errors import Pos\n')
    assert _has_docstring(good) and not _relative_imports(good) and not _function_lines(good)
