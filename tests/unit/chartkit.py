"""Helpers for the chart drawing unit tests: the shipped brand's `Look` in reportlab's
built-in Helvetica (no font files to register), and the shapes of a drawn group."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Group

from briefgen.charts.look import Look
from briefgen.errors import Reporter
from briefgen.load.brand import load_brand

REPO = Path(__file__).resolve().parents[2]
FONTS = ("Helvetica", "Helvetica-Bold")


@cache
def theme() -> Any:
    loaded = load_brand(REPO / "templates" / "brand.yaml", REPO, Reporter())
    assert loaded is not None
    return loaded


def look() -> Look:
    return Look.of(theme(), FONTS)


def shapes(node: Any) -> list[Any]:
    """Every leaf shape under `node`, depth first, in drawing order."""
    out = []
    for child in getattr(node, "contents", []):
        out += shapes(child) if isinstance(child, Group) else [child]
    return out


def of(node: Any, kind: str) -> list[Any]:
    """The leaf shapes of one reportlab class name ('Rect', 'String', 'PolyLine', ...)."""
    return [s for s in shapes(node) if type(s).__name__ == kind]


def texts(node: Any) -> list[str]:
    return [s.text for s in of(node, "String")]
