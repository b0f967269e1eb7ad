"""The orchestrator: load → select → template → parse → write, for one or many outputs.

Reads like a script on purpose. Each deliverable is assembled, rendered and written
in turn (`make`), by this process or, in a batch, by forked workers (`workers.py`); a
single report writes its DOCX in a second process while its PDF is laid out
(`forked.py`). Outputs are written atomically and recorded in `manifest.json`.
"""

from __future__ import annotations

import functools
import hashlib
import io
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.batch import halves, outdir
from briefgen.model import nodes as m
from briefgen.batch.atomic import check_output_dir, stage, sweep
from briefgen.batch.atomic import commit as atomic_commit
from briefgen.load.brand import Theme
from briefgen.errors import BriefgenError, Diagnostic, Reporter, internal_error
from briefgen.transform.filters import Omission
from briefgen.build.assemble import Assembled, Assembler
from briefgen.load.project import Project, load_project
from briefgen.model.layout import Layout
from briefgen.select.cut import Selection, select

FORMATS = ("pdf", "docx")
# Layouts whose DOCX takes nothing from the PDF (no contents page to number).
PDF_FREE_DOCX = (Layout.ANNEX,)


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
    digests: dict[str, tuple[int, str]] = field(default_factory=dict)  # format -> (bytes, sha256)


def load(root: Path, strict: bool = False, warnings: list[Diagnostic] | None = None) -> Project:
    """The loaded project, or an error; its warnings (the brand's contrast) go to `warnings`."""
    reporter = Reporter()
    project = load_project(root, reporter)
    reporter.raise_if_errors(strict)
    assert project is not None
    if warnings is not None:
        warnings.extend(reporter.warnings)
    return project


def render(
    assembled: Assembled, theme: Theme, formats: tuple[str, ...], *, parallel: bool = False
) -> tuple[dict[str, bytes], dict[str, int], dict[str, float], tuple[str, ...]]:
    """Write one assembled document in every format; returns bytes, pages, seconds, notes.

    The PDF is laid out whenever a DOCX depends on it: the summary's budget is decided
    on it, and a report's DOCX contents take their page numbers from it. An annex's DOCX
    takes nothing from it, so an annex asked only as DOCX skips it. With `parallel`
    (where `forked.available()`), a report's DOCX is written in a forked child while the
    PDF is laid out here; the child waits for the page numbers only at the end. The
    summary's DOCX needs the type scale its PDF settles on, so it always comes after.
    """
    doc, scale = assembled.document, 1.0
    notes: tuple[str, ...] = ()
    started = time.perf_counter()
    job = None
    pdf = None
    if doc.meta.layout == Layout.SUMMARY:
        from briefgen.build.summary import fit_summary

        doc, pdf, scale, notes = fit_summary(assembled, theme)
    elif "pdf" in formats or doc.meta.layout not in PDF_FREE_DOCX:
        from briefgen.writers.pdf import write_pdf

        if "docx" in formats and parallel:
            from briefgen.batch import fork as forked

            if forked.available():
                job = forked.Forked(docx_bytes, doc, theme)
        try:
            pdf = write_pdf(doc, theme, on_paginated=job.send if job else None)
        except BaseException:
            if job:
                job.cancel()
            raise
    data: dict[str, bytes] = {}
    pages: dict[str, int] = {}
    seconds: dict[str, float] = {}
    if pdf and "pdf" in formats:
        data["pdf"], pages["pdf"] = pdf.data, pdf.pages
        seconds["pdf"] = time.perf_counter() - started
    if job:
        data["docx"] = job.result()
        seconds["docx"] = time.perf_counter() - started
    elif "docx" in formats:
        started = time.perf_counter()
        data["docx"] = docx_bytes(lambda: pdf.anchor_pages if pdf else None, doc, theme, scale)
        seconds["docx"] = time.perf_counter() - started
    return data, pages, seconds, notes


def docx_bytes(
    toc_pages: Callable[[], dict[str, int] | None], doc: m.Document, theme: Theme, scale: float = 1.0
) -> bytes:
    from briefgen.writers.docx import write_docx

    buffer = io.BytesIO()
    write_docx(doc, theme, buffer, toc_pages=toc_pages, scale=scale)
    return buffer.getvalue()


def verify(path: Path, data: bytes) -> str | None:
    if path.name.endswith(".pdf.tmp") or data[:5] == b"%PDF-":
        return None if data.startswith(b"%PDF-") and b"%%EOF" in data[-64:] else "not a complete PDF"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            # The central directory lists every member; the body is read in full, as its
            # CRC is checked: the parts before it were written the same way.
            z.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, zlib.error):
        return "not a complete DOCX"
    return None


@dataclass(frozen=True)
class Made:
    """One deliverable's files, written, and what the manifest says of them."""

    name: str
    audience: str
    omissions: tuple[Omission, ...]
    warnings: tuple[Diagnostic, ...]
    files: dict[str, Path]
    pages: dict[str, int]
    seconds: dict[str, float]
    notes: tuple[str, ...]
    digests: dict[str, tuple[int, str]]  # format -> (bytes, sha256)
    staged: dict[Path, Path] = field(default_factory=dict)  # target -> temporary, until committed


def make(
    assembled: Assembled,
    theme: Theme,
    formats: tuple[str, ...],
    output: Path,
    *,
    parallel: bool = False,
    commit: bool = True,
) -> Made:
    """Render and write one deliverable (atomically); in a batch this runs in a worker,
    so only a small record, never the files' bytes, goes back to the parent.

    With `commit=False` the files are only staged (written and checked under temporary
    names): the caller commits them, with another format's, or discards them.
    """
    data, pages, seconds, notes = render(assembled, theme, formats, parallel=parallel)
    sel = assembled.selection
    files = {output / f"{sel.name}.{ext}": blob for ext, blob in data.items()}
    staged = stage(files, verify)
    if commit:
        atomic_commit(staged)
        staged = {}
    digests = {ext: (len(blob), hashlib.sha256(blob).hexdigest()) for ext, blob in data.items()}
    return Made(
        sel.name,
        sel.audience,
        assembled.omissions,
        assembled.warnings,
        {p.suffix[1:]: p for p in files},
        pages,
        seconds,
        notes,
        digests,
        staged,
    )


def build(
    project: Project,
    requests: Iterable[Request],
    *,
    formats: tuple[str, ...] = FORMATS,
    output: Path,
    jobs: int = 1,
    on_done: Callable[[Output | BriefgenError, Request], None] | None = None,
    strict: bool = False,
    debug: bool = False,
    wait: bool = False,
) -> tuple[list[Output], list[BriefgenError]]:
    """Build every request; one failing deliverable does not stop the others.

    Not even through a bug: an unexpected exception fails its deliverable with an
    "internal error" diagnostic (with `debug`, it propagates with its traceback).

    A request naming an unknown cut, client or audience is the caller's typo: it raises
    `UsageError` before any work, so nothing is built from a half-right command.
    Deliverables are made and written one at a time (or one per worker), so memory
    does not grow with the size of the batch. The output folder is held for the whole
    build (`outdir.py`): another build there fails at once, or waits with `wait`.
    """
    requests = list(requests)
    selections = [select(project, req.cut, req.audience, req.client) for req in requests]
    check_output_dir(output)
    done: list[Output] = []
    failed: list[BriefgenError] = []
    with outdir.claimed(output, wait=wait):
        manifest = outdir.Manifest(output)
        manifest.begin(f"{sel.name}.{ext}" for sel in selections for ext in formats)
        try:
            _build(project, requests, selections, formats, output, jobs, on_done, strict, debug, done, failed)
        finally:
            sweep(output)  # what workers stopped by a signal staged and never reported
            manifest.finish(done)
    return done, failed


def _build(
    project: Project,
    requests: list[Request],
    selections: list[Selection],
    formats: tuple[str, ...],
    output: Path,
    jobs: int,
    on_done: Callable[[Output | BriefgenError, Request], None] | None,
    strict: bool,
    debug: bool,
    done: list[Output],
    failed: list[BriefgenError],
) -> None:
    """The work of `build`: `done` and `failed` fill up as deliverables finish."""
    layouts = [sel.cut.layout for sel in selections]
    names = {req: sel.name for req, sel in zip(requests, selections, strict=True)}
    assembler = Assembler(project)
    # The full report is the baseline other deliverables are explained against. It is
    # assembled when first needed; in a forked batch, by a worker as its first unit.
    full: list[Assembled | None] = []
    omitted: list[frozenset[str]] = []

    def full_report() -> Assembled | None:
        if not full:
            try:
                full.append(assembler.assemble("full"))
            except Exception as exc:  # a bug too: reported when (if) the full report itself is built
                if debug and not isinstance(exc, BriefgenError):
                    raise
                full.append(None)
        return full[0]

    def baseline() -> frozenset[str]:
        if not omitted:
            report = full_report()
            omitted.append(frozenset(o.where for o in report.omissions) if report else frozenset())
        return omitted[0]

    def assemble(req: Request) -> Assembled:
        report = full_report() if req == Request("full") else None
        assembled = report or assembler.assemble(req.cut, req.audience, req.client)
        if strict and assembled.warnings:
            raise BriefgenError(assembled.warnings)
        return assembled

    def guarded(req: Request, fn: Callable[[Request], Made]) -> Made:
        # A bug while making one deliverable fails that deliverable, not the batch.
        try:
            return fn(req)
        except Exception as exc:
            if debug or isinstance(exc, BriefgenError):
                raise
            raise internal_error(names.get(req, req.cut), exc) from exc

    def finish(req: Request, made: Made | BriefgenError) -> None:
        if isinstance(made, BriefgenError):
            failed.append(made)
            if on_done:
                on_done(made, req)
            return
        out = Output(
            made.name,
            req,
            made.audience,
            made.files,
            made.pages,
            made.seconds,
            tuple(_shared(o) for o in made.omissions if o.where not in baseline()),
            made.notes,
            made.warnings,
            made.digests,
        )
        done.append(out)
        if on_done:
            on_done(out, req)

    from briefgen.batch import workers  # here, not at the top: `check` and `list` never build

    if jobs > 1 and len(requests) > 1:
        from briefgen.batch import fork as forked

        # Forked workers share the loaded project. An annex's two formats then go to
        # different workers, so each warms up one writer (see halves.py); and the
        # baseline's full assembly is a worker's first unit, rather than this process
        # taking a core from the workers when the first result comes.
        fork = forked.available()
        split = fork and set(formats) == set(FORMATS)
        units: list[tuple[int, Request, str]] = [
            (i, req, kind)
            for i, (req, layout) in enumerate(zip(requests, layouts, strict=True))
            for kind in (FORMATS if split and layout in PDF_FREE_DOCX else ("whole",))
        ]
        if fork and any(req != Request("full") for req in requests):
            units.insert(0, (-1, Request("full"), "baseline"))

        def unit_work(unit: tuple[int, Request, str]) -> Made | frozenset[str]:
            _i, req, kind = unit
            if kind == "baseline":
                return baseline()
            if kind == "whole":
                return guarded(req, lambda r: make(assemble(r), project.theme, formats, output))
            return guarded(req, lambda r: make(assemble(r), project.theme, (kind,), output, commit=False))

        waiting: dict[int, Made | BriefgenError] = {}
        outcomes = workers.run(
            units,
            unit_work,
            jobs,
            prepare=lambda unit: assemble(unit[1]),
            finish=functools.partial(_make_elsewhere, theme=project.theme, formats=formats, output=output),
            kinds=[kind for _i, _req, kind in units],
            prefer=halves.PREFERENCES,
            weights=halves.WEIGHTS,
            abandon=halves.abandon,
        )
        try:
            for (i, req, kind), outcome in outcomes:
                if kind == "baseline":
                    if not omitted and isinstance(outcome, frozenset):
                        omitted.append(outcome)
                elif kind == "whole":
                    finish(req, outcome)
                elif i not in waiting:
                    waiting[i] = outcome
                else:
                    finish(req, halves.join(waiting.pop(i), outcome))
        finally:
            outcomes.close()  # stopped early: the workers finish, and no staged file stays behind
            for outcome in waiting.values():
                halves.abandon(outcome)
    else:
        # One deliverable and a second core: its two formats are written side by side.
        both = jobs > 1
        try:
            for req in requests:
                try:
                    made: Made | BriefgenError = guarded(
                        req, lambda r: make(assemble(r), project.theme, formats, output, parallel=both)
                    )
                except BriefgenError as exc:
                    made = exc
                finish(req, made)
                if len(requests) > 1:
                    workers.settle()
        finally:
            workers.unsettle()


@functools.lru_cache(maxsize=4096)
def _shared(omission: Omission) -> Omission:
    # One object per distinct omission: a batch's results then hold references, not copies.
    return omission


def _make_elsewhere(assembled: Assembled, *, theme: Theme, formats: tuple[str, ...], output: Path) -> Made:
    try:
        return make(assembled, theme, formats, output)
    except BriefgenError:
        raise
    except Exception as exc:
        raise internal_error(assembled.selection.name, exc) from exc
