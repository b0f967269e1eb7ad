"""The orchestrator: load → select → template → parse → write, for one or many outputs.

Reads like a script on purpose. Documents are assembled (templated and parsed) in this
process, once per deliverable; writing PDF and DOCX, the slow part, may run in
parallel worker processes. Outputs are written atomically and recorded in
`manifest.json`.
"""

from __future__ import annotations

import hashlib
import io
import json
import time
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .atomic import check_output_dir, write_all
from .brand import Theme
from .errors import BriefgenError, Diagnostic, Reporter
from .filters import Omission
from .pipeline import Assembled, Assembler
from .project import Project, load_project
from .select import select

FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class Request:
    """One deliverable to build."""

    cut: str
    audience: str | None = None
    client: str | None = None


@dataclass
class Output:
    """What a finished deliverable wrote."""

    name: str
    request: Request
    audience: str
    files: dict[str, Path] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    omissions: tuple[Omission, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()


def load(root: Path, strict: bool = False) -> Project:
    reporter = Reporter()
    project = load_project(root, reporter)
    reporter.raise_if_errors(strict)
    assert project is not None
    return project


def render(
    assembled: Assembled, theme: Theme, formats: tuple[str, ...], *, parallel: bool = False
) -> tuple[dict[str, bytes], dict[str, int], dict[str, float], tuple[str, ...]]:
    """Write one assembled document in every format; returns bytes, pages, seconds, notes.

    The PDF is always laid out: the summary's budget is decided on it, and the DOCX
    contents take their page numbers from it. With `parallel` (and a second core's
    worth of `forked.available()`), a report's DOCX is written in a forked child while
    the PDF is laid out here; the child waits for the page numbers only at the end.
    """
    from .pdf import write_pdf

    doc = assembled.document
    if doc.meta.layout == "summary":
        return _render_summary(assembled, theme, formats)
    started = time.perf_counter()
    job = None
    if "docx" in formats and parallel:
        from . import forked

        if forked.available():
            job = forked.Forked(_docx_bytes, doc, theme)
    try:
        pdf = write_pdf(doc, theme, on_paginated=job.send if job else None)
    except BaseException:
        if job:
            job.cancel()
        raise
    data: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    seconds: dict[str, float] = {}
    if "pdf" in formats:
        data["pdf"], pages["pdf"] = pdf.data, pdf.pages
        seconds["pdf"] = time.perf_counter() - started
    if job:
        data["docx"] = job.result()
        seconds["docx"] = time.perf_counter() - started
    elif "docx" in formats:
        started = time.perf_counter()
        data["docx"] = _docx_bytes(lambda: pdf.anchor_pages, doc, theme)
        seconds["docx"] = time.perf_counter() - started
    return data, pages, seconds, ()


def _docx_bytes(
    toc_pages: Callable[[], dict[str, int] | None], doc: m.Document, theme: Theme, scale: float = 1.0
) -> bytes:
    from .docx import write_docx

    buffer = io.BytesIO()
    write_docx(doc, theme, buffer, toc_pages=toc_pages, scale=scale)
    return buffer.getvalue()


def _render_summary(
    assembled: Assembled, theme: Theme, formats: tuple[str, ...]
) -> tuple[dict[str, bytes], dict[str, int], dict[str, float], tuple[str, ...]]:
    """The summary's DOCX takes the type scale its PDF settled on: one after the other."""
    from .summary import fit_summary

    started = time.perf_counter()
    doc, pdf, scale, notes = fit_summary(assembled, theme)
    data: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    seconds: dict[str, float] = {}
    if "pdf" in formats:
        data["pdf"], pages["pdf"] = pdf.data, pdf.pages
        seconds["pdf"] = time.perf_counter() - started
    if "docx" in formats:
        started = time.perf_counter()
        data["docx"] = _docx_bytes(lambda: pdf.anchor_pages, doc, theme, scale)
        seconds["docx"] = time.perf_counter() - started
    return data, pages, seconds, notes


def _full_report_omissions(assembler: Assembler, pending: list[tuple[Request, Assembled]]) -> frozenset[str]:
    """What the full report itself leaves out: other deliverables are explained against it."""
    for req, assembled in pending:  # already assembled in this batch: don't do it twice
        if req == Request("full"):
            return frozenset(o.where for o in assembled.omissions)
    try:
        return frozenset(o.where for o in assembler.assemble("full").omissions)
    except BriefgenError:
        return frozenset()  # reported when (if) the full report itself is built


def verify(path: Path, data: bytes) -> str | None:
    if path.name.endswith(".pdf.tmp") or data[:5] == b"%PDF-":
        return None if data.startswith(b"%PDF-") and b"%%EOF" in data[-64:] else "not a complete PDF"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if z.testzip() is not None or "word/document.xml" not in z.namelist():
                return "not a complete DOCX"
    except zipfile.BadZipFile:
        return "not a complete DOCX"
    return None


def _work(
    args: tuple[Assembled, Theme, tuple[str, ...]],
) -> tuple[dict[str, bytes], dict[str, int], dict[str, float], tuple[str, ...]]:
    return render(*args)


def build(
    project: Project,
    requests: Iterable[Request],
    *,
    formats: tuple[str, ...] = FORMATS,
    output: Path,
    jobs: int = 1,
    on_done: Callable[[Output | BriefgenError, Request], None] | None = None,
    strict: bool = False,
) -> tuple[list[Output], list[BriefgenError]]:
    """Build every request; one failing deliverable does not stop the others.

    A request naming an unknown cut, client or audience is the caller's typo: it raises
    `UsageError` before any work, so nothing is built from a half-right command.
    """
    requests = list(requests)
    for req in requests:
        select(project, req.cut, req.audience, req.client)
    check_output_dir(output)
    assembler = Assembler(project)
    done: list[Output] = []
    failed: list[BriefgenError] = []
    pending: list[tuple[Request, Assembled]] = []
    for req in requests:
        try:
            assembled = assembler.assemble(req.cut, req.audience, req.client)
            if strict and assembled.warnings:
                raise BriefgenError(assembled.warnings)
            pending.append((req, assembled))
        except BriefgenError as exc:
            failed.append(exc)
            if on_done:
                on_done(exc, req)
    baseline = _full_report_omissions(assembler, pending)

    def finish(
        req: Request,
        assembled: Assembled,
        result: tuple[dict[str, bytes], dict[str, int], dict[str, float], tuple[str, ...]],
    ) -> None:
        data, pages, seconds, notes = result
        name = assembled.selection.name
        files = {output / f"{name}.{ext}": blob for ext, blob in data.items()}
        write_all(files, verify)
        out = Output(
            name,
            req,
            assembled.selection.audience,
            {p.suffix[1:]: p for p in files},
            pages,
            seconds,
            tuple(o for o in assembled.omissions if o.where not in baseline),
            notes,
            assembled.warnings,
        )
        done.append(out)
        if on_done:
            on_done(out, req)

    if jobs > 1 and len(pending) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(_work, (a, project.theme, formats)): (r, a) for r, a in pending}
            for future in as_completed(futures):
                req, assembled = futures[future]
                try:
                    finish(req, assembled, future.result())
                except BriefgenError as exc:
                    failed.append(exc)
                    if on_done:
                        on_done(exc, req)
    else:
        # One deliverable and a second core: its two formats are written side by side.
        both = jobs > 1 and len(pending) == 1
        for req, assembled in pending:
            try:
                finish(req, assembled, render(assembled, project.theme, formats, parallel=both))
            except BriefgenError as exc:
                failed.append(exc)
                if on_done:
                    on_done(exc, req)
    if done:
        write_manifest(output, done)
    return done, failed


def write_manifest(output: Path, outputs: list[Output]) -> Path:
    """Record every file: cut, client, audience, format, pages, bytes, sha256, seconds."""
    path = output / "manifest.json"
    entries: dict[str, dict[str, object]] = {}
    if path.is_file():
        try:
            entries = {e["file"]: e for e in json.loads(path.read_text(encoding="utf-8")).get("files", [])}
        except (ValueError, KeyError, TypeError, AttributeError):
            entries = {}
    for out in outputs:
        for fmt, file in out.files.items():
            data = file.read_bytes()
            entries[file.name] = {
                "file": file.name,
                "cut": out.request.cut,
                "client": out.request.client,
                "audience": out.audience,
                "format": fmt,
                "pages": out.pages.get(fmt),
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "seconds": round(out.seconds.get(fmt, 0.0), 3),
                "omitted": [str(o) for o in out.omissions],
            }
    manifest = {"generator": "briefgen", "files": [entries[k] for k in sorted(entries)]}
    write_all({path: (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()})
    return path
