"""Helpers for the PDF writer's unit tests: the `Renderer` `write_pdf` sets up for a
document (the brand's styles, fonts and dispatch table), and the text of a tiny PDF made
of a few flowables, as a reader's tool extracts it."""

from __future__ import annotations

import io
from typing import Any

from unitkit import meta


def setup(theme: Any, scale: float = 1.0, **changes: Any) -> Any:
    """`write_pdf`'s setup for an empty document whose `Meta` has `changes`: renderer,
    furniture (page decoration), page size, margins and frame."""
    from briefgen.model import nodes as m
    from briefgen.writers.pdf.document import _setup

    return _setup(m.Document(meta(**changes), ()), theme, scale)


def renderer(theme: Any, scale: float = 1.0) -> Any:
    """The block renderer of a report, as `write_pdf` makes it."""
    return setup(theme, scale=scale).renderer


def pdf(flowables: list[Any], size: tuple[float, float] = (595, 842)) -> bytes:
    """`flowables` laid out on plain pages of `size` points (36 pt margins)."""
    from reportlab.platypus import SimpleDocTemplate

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=size, leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36).build(flowables)
    return out.getvalue()


def pages(data: bytes) -> list[str]:
    """The extracted text of each page."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def words(flowables: list[Any]) -> str:
    """All the text the flowables print, pages joined, whitespace folded."""
    return " ".join(" ".join(pages(pdf(flowables))).split())
