"""Shared fixtures: small temporary briefing projects built on the sample's brand."""

from __future__ import annotations

import difflib
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # test this checkout, installed or not (plain `pytest` too)
    sys.path.insert(0, str(REPO))
BRAND_FILES = ("brand.yaml", "logo.png", "logo-white.png")
GOLDENS = REPO / "tests" / "goldens"
MAX_DIFF_LINES = 120

DEFAULT_SECTIONS = {
    "sections/01-intro.md": "---\ntitle: Introduction\n---\n\nThe first section has a short paragraph.\n",
    "sections/02-detail.md": "---\ntitle: Detail\n---\n\nThe second section adds one more paragraph.\n",
}


def write_project(
    tmp_path: Path, files: dict[str, str | bytes | None] | None = None, **briefing_overrides: Any
) -> Path:
    """Write a minimal valid project under `tmp_path/project` and return its folder.

    `files` maps project-relative paths to text (or bytes); they are written after the
    defaults, so they may replace a default section or `briefing.yaml` itself; None
    deletes a default file. Keyword arguments override keys of `briefing.yaml` (None
    drops the key). `briefing.yaml` has one key per line, in the order title, date,
    audiences, outline, then the overrides, so tests can rely on its line numbers.
    """
    root = tmp_path / "project"
    templates = root / "templates"
    templates.mkdir(parents=True, exist_ok=True)
    for name in BRAND_FILES:
        shutil.copyfile(REPO / "templates" / name, templates / name)
    if not (templates / "fonts").exists():
        shutil.copytree(REPO / "templates" / "fonts", templates / "fonts")
    briefing: dict[str, Any] = {
        "title": "Test briefing",
        "date": "2021-09-30",
        "audiences": ["government", "business", "public"],
        "outline": ["sections/*.md"],
    }
    briefing.update(briefing_overrides)
    briefing = {k: v for k, v in briefing.items() if v is not None}
    # JSON is YAML flow syntax: one key per line, strings always quoted.
    yaml_text = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in briefing.items())
    (root / "briefing.yaml").write_text(yaml_text, encoding="utf-8")
    for rel, content in {**DEFAULT_SECTIONS, **(files or {})}.items():
        path = root / rel
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def make_project() -> Callable[..., Path]:
    """`make_project(tmp_path, files=None, **briefing_overrides) -> Path` (see `write_project`)."""
    return write_project


# ---------------------------------------------------------------- the sample, built once
@pytest.fixture(scope="session")
def sample_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's full report, summary and Meridian annex, built once for the session."""
    out = tmp_path_factory.mktemp("sample-outputs")
    for args in (["full", "summary", "public"], ["annex", "--client", "meridian"]):
        _build_sample(out, args, timeout=300)
    return out


@pytest.fixture(scope="session")
def sample_all(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every deliverable of the sample (`build --all`), built once for the session."""
    out = tmp_path_factory.mktemp("sample-all")
    _build_sample(out, ["--all", "-q"], timeout=600)
    return out


def _build_sample(out: Path, args: list[str], timeout: int) -> None:
    """`briefgen build ARGS --output OUT` on the sample, in a fresh process; it must succeed."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", *args, "--output", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- the sample's brand
@pytest.fixture(scope="session")
def theme() -> Any:
    """The sample's brand as a `Theme` (tests that draw without building)."""
    from briefgen.errors import Reporter
    from briefgen.load.brand import load_brand

    reporter = Reporter()
    loaded = load_brand(REPO / "templates" / "brand.yaml", REPO, reporter)
    assert loaded is not None, reporter.diagnostics
    return loaded


@pytest.fixture(scope="session")
def fonts(theme: Any) -> tuple[str, str]:
    """The sample's heading faces registered with reportlab: (regular, bold) names."""
    from briefgen.fonts.register import register

    names = register(theme)
    return names.heading.regular, names.heading.bold


# ---------------------------------------------------------------- golden files
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files under tests/goldens/ from this checkout's output (see its README)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """`golden(name, text)`: `text` must equal `tests/goldens/<name>`; a difference fails
    with a unified diff. With `--update-goldens` the file is rewritten instead."""
    update = request.config.getoption("--update-goldens")

    def check(name: str, text: str) -> None:
        path = GOLDENS / name
        if update:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            return
        how = "run `python3 -m pytest tests/test_goldens.py --update-goldens`, review the diff and commit it"
        if not path.is_file():
            pytest.fail(f"tests/goldens/{name} does not exist: {how}", pytrace=False)
        kept = path.read_text(encoding="utf-8")
        if text == kept:
            return
        diff = list(
            difflib.unified_diff(
                kept.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"tests/goldens/{name} (kept)",
                f"{name} (made now)",
                n=2,
            )
        )
        shown = "".join(diff[:MAX_DIFF_LINES])
        more = f"\n… and {len(diff) - MAX_DIFF_LINES} more diff lines" if len(diff) > MAX_DIFF_LINES else ""
        pytest.fail(
            f"{name} differs from its golden file:\n{shown}{more}\n"
            f"If the change is intended (see tests/goldens/README.md), {how}.",
            pytrace=False,
        )

    return check


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The name of every template Jinja parses, in order (to count parses)."""
    import jinja2.parser

    seen: list[str | None] = []
    real = jinja2.parser.Parser.parse

    def counted(self: jinja2.parser.Parser) -> object:
        seen.append(self.name)
        return real(self)

    monkeypatch.setattr(jinja2.parser.Parser, "parse", counted)
    return seen
