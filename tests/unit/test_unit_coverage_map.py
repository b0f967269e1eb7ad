"""tests/unit mirrors the package: every module of `briefgen/` has a unit test file of its own.

A module `briefgen/<p1>/.../<pn>/<module>.py` is covered by `tests/unit/test_<name>.py` or
`test_<name>_<more>.py`, where `<name>` is `<p1>_..._<module>` with any of the inner
packages left out (`writers/docx/package/zipout.py` → `test_writers_docx_zipout.py`), and
a package's `__init__.py` with code of its own by `test_<packages>.py` or
`test_<packages>_init*.py`. Read from the file names only: nothing is imported.

An `__init__.py` holding nothing but a docstring, imports and `__all__` has nothing to
test and needs no file; the few other exceptions are listed below with their reasons,
and an entry that no longer applies fails too, so the lists only shrink.
"""

from __future__ import annotations

import ast
import itertools
from pathlib import Path

UNIT = Path(__file__).resolve().parent
PACKAGE = UNIT.parents[1] / "briefgen"

# module (relative to briefgen/) → why it has no unit test file of its own
EXEMPT: dict[str, str] = {
    "__main__.py": "three lines that call cli.main; tests/test_invocation.py runs `python -m briefgen`",
    "writers/pdf/__init__.py": "one call before its re-exports: `load_platypus()`, checked by test_rl_internals.py"
    " (and the import order by tests/test_pdf_imports.py)",
    "design/theme.py": "pure data: the frozen records `load/brand.py` fills and checks (test_load_brand.py)",
}


# module → its unit test file, where the file is named for something else than the module
NAMED_OTHERWISE: dict[str, str] = {
    # libs/__init__.py promises `tests/unit/test_<module>.py`, named for the library they fence
    "libs/rl_internals.py": "test_rl_internals.py",
    "libs/rl_hooks.py": "test_rl_hooks.py",
    "libs/opc_internals.py": "test_opc_internals.py",
    "libs/jinja_internals.py": "test_jinja_internals.py",
    # the typed front matter and its enum are tested against the field table in one file
    "model/layout.py": "test_section_meta.py",
}


def _tests() -> set[str]:
    return {p.name for p in UNIT.glob("test_*.py")}


def _only_reexports(path: Path) -> bool:
    """A module whose statements are its docstring, imports, `__all__` and `__version__`."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else []
        if targets and all(isinstance(t, ast.Name) and t.id in ("__all__", "__version__") for t in targets):
            continue
        return False
    return True


def names_for(module: str) -> list[str]:
    """The test name stems that cover `module` (relative to briefgen/, as posix)."""
    parts = module.removesuffix(".py").split("/")
    packages, leaf = parts[:-1], parts[-1]
    if leaf == "__init__":
        packages, leaf = packages[:-1], packages[-1]
    if not packages:
        return [leaf]
    first, inner = packages[0], packages[1:]
    stems = []
    for n in range(len(inner) + 1):
        for kept in itertools.combinations(inner, n):
            stems.append("_".join((first, *kept, leaf)))
    return stems


def covered(module: str, tests: set[str]) -> bool:
    init = module.endswith("__init__.py")
    for stem in names_for(module):
        suffixes = ("_init",) if init else ("_",)
        if f"test_{stem}.py" in tests or any(t.startswith(f"test_{stem}{s}") for t in tests for s in suffixes):
            return True
    return False


def _modules() -> list[str]:
    found = [p.relative_to(PACKAGE).as_posix() for p in sorted(PACKAGE.rglob("*.py"))]
    assert "model/nodes.py" in found and "cli/main.py" in found  # the walk really sees the package
    return found


def needs_a_test(module: str) -> bool:
    if module in EXEMPT or module in NAMED_OTHERWISE:
        return False
    return not (module.endswith("__init__.py") and _only_reexports(PACKAGE / module))


def test_the_names_cover_the_path_with_inner_packages_optional() -> None:
    assert names_for("writers/docx/package/zipout.py") == [
        "writers_zipout",
        "writers_docx_zipout",
        "writers_package_zipout",
        "writers_docx_package_zipout",
    ]
    assert names_for("errors.py") == ["errors"]
    assert names_for("geo/__init__.py") == ["geo"]
    assert names_for("writers/docx/__init__.py") == ["writers_docx"]
    tests = {"test_writers_docx_tables_zebra.py", "test_writers_docx_zipout.py"}
    assert covered("writers/docx/tables.py", tests)
    assert not covered("writers/docx/tablestyles.py", tests)  # a longer word is another module
    assert not covered("writers/docx/__init__.py", tests)  # the package's files do not cover its __init__
    assert covered("writers/docx/__init__.py", {"test_writers_docx_init.py"})


def test_the_reexport_check_tells_code_from_a_table_of_contents() -> None:
    assert _only_reexports(PACKAGE / "markdown" / "__init__.py")
    assert not _only_reexports(PACKAGE / "writers" / "__init__.py")  # the WRITERS table


def test_every_module_has_a_unit_test_file() -> None:
    tests = _tests()
    missing = [m for m in _modules() if needs_a_test(m) and not covered(m, tests)]
    assert not missing, "add tests/unit/test_<package>_<module>.py for: " + ", ".join(missing)


def test_the_exceptions_still_apply() -> None:
    modules, tests = set(_modules()), _tests()
    assert set(EXEMPT) <= modules and set(NAMED_OTHERWISE) <= modules
    assert {t for t in NAMED_OTHERWISE.values() if t not in tests} == set()
    stale = [m for m in EXEMPT if covered(m, tests)]
    assert not stale, "these have a unit test file now; drop them from EXEMPT: " + ", ".join(stale)
