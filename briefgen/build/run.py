"""The orchestrator: load → select → assemble → render → write, for one or many deliverables.

`build` reads as a script of named steps: the requests are selected (a typo fails
before any work), the output folder is claimed, and each deliverable is made and
reported, here or by worker processes (`batched.py`); whatever happens, the folder is
swept of staged files and `manifest.json` lists what was committed. One deliverable is
assembled, rendered and written by `make.py`; `deliverables.py` holds what a build's
deliverables share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from briefgen.batch import outdir
from briefgen.batch.atomic import check_output_dir, sweep
from briefgen.batch.units import Made, Request
from briefgen.build.batched import in_workers, one_by_one
from briefgen.build.deliverables import Deliverables
from briefgen.build.make import DEFAULT_FORMATS, FORMATS
from briefgen.errors import BriefgenError, Diagnostic, Reporter
from briefgen.load.project import Project, load_project
from briefgen.select.cut import select

__all__ = ["DEFAULT_FORMATS", "FORMATS", "Made", "Request", "build", "load"]

OnDone = Callable[[Made | BriefgenError, Request], None]


def load(root: Path, strict: bool = False, warnings: list[Diagnostic] | None = None) -> Project:
    """The loaded project, or an error; its warnings (the brand's contrast) go to `warnings`."""
    reporter = Reporter()
    project = load_project(root, reporter)
    reporter.raise_if_errors(strict)
    assert project is not None
    if warnings is not None:
        warnings.extend(reporter.warnings)
    return project


def build(
    project: Project,
    requests: Iterable[Request],
    *,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    output: Path,
    jobs: int = 1,
    on_done: OnDone | None = None,
    strict: bool = False,
    debug: bool = False,
    wait: bool = False,
) -> tuple[list[Made], list[BriefgenError]]:
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
    names = {req: sel.name for req, sel in zip(requests, selections, strict=True)}
    deliverables = Deliverables(project, formats, output, names, strict=strict, debug=debug)
    results = _Results(deliverables, on_done)
    with outdir.claimed(output, wait=wait):
        manifest = outdir.Manifest(output)
        manifest.begin(f"{sel.name}.{ext}" for sel in selections for ext in formats)
        try:
            if jobs > 1 and len(requests) > 1:
                in_workers(deliverables, requests, jobs, results.finish)
            else:
                one_by_one(deliverables, requests, parallel=jobs > 1, finish=results.finish)
        finally:
            sweep(output)  # what workers stopped by a signal staged and never reported
            manifest.finish(results.done)
    return results.done, results.failed


class _Results:
    """The deliverables done and failed so far, each passed on to `on_done` as it comes."""

    def __init__(self, deliverables: Deliverables, on_done: OnDone | None):
        self.deliverables, self.on_done = deliverables, on_done
        self.done: list[Made] = []
        self.failed: list[BriefgenError] = []

    def finish(self, req: Request, outcome: Made | BriefgenError) -> None:
        if isinstance(outcome, BriefgenError):
            self.failed.append(outcome)
        else:
            outcome = self.deliverables.explained(outcome)
            self.done.append(outcome)
        if self.on_done:
            self.on_done(outcome, req)
