"""Shared fixtures: small temporary briefing projects built on the sample's brand."""

from __future__ import annotations

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
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("sample-outputs")
    for args in (["full", "summary"], ["annex", "--client", "meridian"], ["public"]):
        result = subprocess.run(
            [sys.executable, "-m", "briefgen", "build", *args, "--output", str(out)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    return out


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
