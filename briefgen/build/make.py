"""One deliverable, from its assembled document to its files: render, then write.

`render` runs the writers (`writers.WRITERS`) in the order their dependencies need: the
PDF is laid out whenever a DOCX is asked, since every DOCX takes its page decisions from
it. `make` writes the result atomically and returns a `Made` record: the only thing that
goes back to the parent in a batch.
"""

from __future__ import annotations

import hashlib
import io
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from briefgen.batch import fork
from briefgen.batch.atomic import commit as atomic_commit
from briefgen.batch.atomic import stage
from briefgen.batch.units import Made, Request
from briefgen.build.assemble import Assembled
from briefgen.design.theme import Theme
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.writers import WRITERS

FORMATS = tuple(WRITERS)
# What `build` writes when neither --format nor briefing.yaml's `formats` says.
DEFAULT_FORMATS = ("pdf", "docx")


class Rendered(NamedTuple):
    """One document written in every format asked for, still in memory."""

    data: dict[str, bytes]  # format -> file bytes
    pages: dict[str, int]
    seconds: dict[str, float]
    notes: tuple[str, ...]


def render(assembled: Assembled, theme: Theme, formats: tuple[str, ...], *, parallel: bool = False) -> Rendered:
    """Write one assembled document in every format.

    The PDF is laid out whenever a DOCX is asked, even alone (then only in memory): the
    summary's budget is decided on it, a report's DOCX contents take their page numbers
    from it, and every DOCX moves the boxes and figures the PDF floated to where the PDF
    drew them, so a DOCX is the same file however it is built. With `parallel` (where
    `fork.available()`), a report's or an annex's DOCX is written in a forked child while
    the PDF is laid out here; the child waits for the page data only at the end. The
    summary's DOCX needs the type scale its PDF settles on, so it always comes after.
    """
    doc, scale = assembled.document, 1.0
    notes: tuple[str, ...] = ()
    started = time.perf_counter()
    job = None
    pdf = None
    if doc.meta.layout == Layout.SUMMARY:
        from briefgen.build.summary import fit_summary

        doc, pdf, scale, notes = fit_summary(assembled.budget, theme)
    elif "pdf" in formats or "docx" in formats:
        job = _docx_beside(doc, theme) if "docx" in formats and parallel else None
        try:
            pdf = WRITERS["pdf"].load()(doc, theme, on_paginated=job.send if job else None)
        except BaseException:
            if job:
                job.cancel()
            raise
    out = Rendered({}, {}, {}, notes)
    if pdf and "pdf" in formats:
        out.data["pdf"], out.pages["pdf"] = pdf.data, pdf.pages
        out.seconds["pdf"] = time.perf_counter() - started
    if job:
        out.data["docx"] = job.result()
        out.seconds["docx"] = time.perf_counter() - started
    elif "docx" in formats:
        started = time.perf_counter()
        out.data["docx"] = docx_bytes(lambda: pdf.anchor_pages if pdf else None, doc, theme, scale)
        out.seconds["docx"] = time.perf_counter() - started
    if "html" in formats:
        # The web edition takes nothing from the PDF but the summary's chosen plan (`doc`).
        started = time.perf_counter()
        out.data["html"] = WRITERS["html"].load()(doc, theme)
        out.seconds["html"] = time.perf_counter() - started
    return out


def _docx_beside(doc: m.Document, theme: Theme) -> fork.Forked[bytes] | None:
    """The DOCX written in a forked child, or None where that is not possible."""
    return fork.Forked(docx_bytes, doc, theme) if fork.available() else None


def docx_bytes(
    toc_pages: Callable[[], dict[str, int] | None], doc: m.Document, theme: Theme, scale: float = 1.0
) -> bytes:
    """The DOCX file of `doc`; its contents take their page numbers from `toc_pages()`."""
    buffer = io.BytesIO()
    WRITERS["docx"].load()(doc, theme, buffer, toc_pages=toc_pages, scale=scale)
    return buffer.getvalue()


def verify(path: Path, data: bytes) -> str | None:
    """Why `data`, to be written at `path`, is not a whole file of its format, or None."""
    if path.suffix == ".html":
        return (
            None
            if data.startswith(b"<!DOCTYPE html>") and data.rstrip().endswith(b"</html>")
            else "not a complete HTML file"
        )
    if path.suffix == ".pdf" or data[:5] == b"%PDF-":
        return None if data.startswith(b"%PDF-") and b"%%EOF" in data[-64:] else "not a complete PDF"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            # The central directory lists every member; the body is read in full, as its
            # CRC is checked: the parts before it were written the same way.
            z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, zlib.error):
        return "not a complete DOCX"
    return None


def make(
    assembled: Assembled,
    theme: Theme,
    formats: tuple[str, ...],
    output: Path,
    request: Request,
    *,
    parallel: bool = False,
) -> Made:
    """Render and write one deliverable (its files staged and checked under temporary
    names, then renamed into place together); in a batch this runs in a worker, so only
    a small record, never the files' bytes, goes back to the parent.
    """
    rendered = render(assembled, theme, formats, parallel=parallel)
    sel = assembled.selection
    files = {output / f"{sel.name}.{ext}": blob for ext, blob in rendered.data.items()}
    atomic_commit(stage(files, verify))
    return Made(
        name=sel.name,
        request=request,
        audience=sel.audience,
        files={p.suffix[1:]: p for p in files},
        pages=rendered.pages,
        seconds=rendered.seconds,
        omissions=assembled.omissions,
        notes=rendered.notes,
        warnings=assembled.warnings,
        digests={ext: (len(blob), hashlib.sha256(blob).hexdigest()) for ext, blob in rendered.data.items()},
    )
