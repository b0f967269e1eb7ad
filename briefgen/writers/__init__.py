"""The writers, one package per output format, and `WRITERS`: the table that names them.

Each writer reads only the document model and the theme. A new format is one package
here plus one row in `WRITERS`. The table names each
entry point by module and function and imports it only when it is first called, so
`check`, `list` and `--help` never import reportlab or python-docx, and a DOCX-only build
never imports the PDF writer.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Writer:
    """A format's writer: its entry point `module.function`, imported on first use."""

    format: str
    module: str
    function: str

    def load(self) -> Callable[..., Any]:
        """The entry point, looked up on every call (a test may replace it on the module)."""
        return getattr(importlib.import_module(self.module), self.function)  # type: ignore[no-any-return]


WRITERS: dict[str, Writer] = {
    # write_pdf(doc, theme, *, scale, on_paginated) -> PdfResult (bytes, pages, anchor pages)
    "pdf": Writer("pdf", "briefgen.writers.pdf", "write_pdf"),
    # write_docx(doc, theme, out, *, toc_pages, scale): page numbers from the PDF, if any
    "docx": Writer("docx", "briefgen.writers.docx", "write_docx"),
    # write_html(doc, theme) -> bytes: one self-contained page (the web edition)
    "html": Writer("html", "briefgen.writers.html", "write_html"),
}
