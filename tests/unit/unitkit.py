"""Helpers for the unit tests: tiny projects written to disk, loaded in-process, and
bodies parsed without a build.

The projects use the brand of `tests/roots/arctic` (no fonts of its own: briefgen's
shipped faces), so writing one copies two small logos and nothing else.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from briefgen.errors import BriefgenError, Reporter

ROOTS = Path(__file__).resolve().parents[1] / "roots"
BRAND = ROOTS / "arctic" / "brand"


def write(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (project-relative path -> text) under `root`."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def section(title: str, body: str = "Some text.\n", **front: Any) -> str:
    """A section file: front matter (`title` first, then `front` as JSON flow values), then `body`."""
    lines = [f"title: {json.dumps(title)}", *(f"{k}: {json.dumps(v)}" for k, v in front.items())]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def project_dir(tmp: Path, files: dict[str, str] | None = None, **briefing: Any) -> Path:
    """A project folder: `briefing.yaml` (one key per line: title, date, audiences, outline,
    brand, then `briefing`'s keys), the arctic brand, and `files`."""
    root = tmp / "project"
    shutil.copytree(BRAND, root / "brand", dirs_exist_ok=True)
    settings: dict[str, Any] = {
        "title": "Unit briefing",
        "date": "2024-05-01",
        "audiences": ["government", "industry"],
        "outline": ["sections/*.md"],
        "brand": "brand/brand.yaml",
        **briefing,
    }
    text = "".join(f"{k}: {json.dumps(v)}\n" for k, v in settings.items() if v is not None)
    write(root, {"briefing.yaml": text})
    return write(root, files or {"sections/01-intro.md": section("Introduction")})


def load(root: Path) -> tuple[Any, Reporter]:
    """`load_project` in-process: the project (or None) and every diagnostic it reported."""
    from briefgen.load.project import load_project

    reporter = Reporter()
    return load_project(root, reporter), reporter


def loaded(root: Path) -> Any:
    """`load_project` in-process for a project that must load cleanly: the project."""
    project, reporter = load(root)
    assert project is not None and not reporter.errors, messages(reporter)
    return project


def messages(diagnostics: Any) -> list[str]:
    """Diagnostics as the user reads them (`file:line: error: message (hint)`)."""
    if isinstance(diagnostics, BriefgenError | Reporter):
        diagnostics = diagnostics.diagnostics
    return [str(d) for d in diagnostics]


def parse(text: str, tmp: Path, *, file: str = "sections/s.md", first: int = 1, shift: int = 1) -> tuple[Any, ...]:
    """Blocks of `text` as the parser makes them; line 0 of `text` is line `first` of `file`."""
    from briefgen.markdown.parse import parse_body

    return parse_body(text, file=file, line_of=lambda i: first + i, base=tmp, root=tmp, shift=shift)


def meta(**changes: Any) -> Any:
    """A deliverable's `Meta` for writer tests: the full report for government, with `changes`."""
    from briefgen.model.layout import Layout
    from briefgen.model.nodes import Meta

    fields: dict[str, Any] = {
        "title": "Unit briefing",
        "subtitle": "",
        "series": "Unit series",
        "date": "2024-05-01",
        "authors": (),
        "cut": "full",
        "cut_title": "",
        "layout": Layout.REPORT,
        "audience": "government",
    }
    return Meta(**{**fields, **changes})
