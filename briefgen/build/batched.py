"""A build's deliverables made one at a time here, or spread over worker processes.

`one_by_one` makes each deliverable in this process (with a second core, a single
deliverable's two formats side by side: `make.render`). `in_workers` plans the batch as
units (`batch/units.py`) and hands the workers `Deliverables.work` (forked workers share
the loaded project; elsewhere each unit's document is assembled here and sent). A worker
makes a deliverable whole, its DOCX after the PDF whose page decisions it follows. Both
report each deliverable to `finish` as soon as it is done.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from briefgen.batch import fork, units, workers
from briefgen.batch.units import FULL, Kind, Made, Request
from briefgen.build.assemble import Assembled
from briefgen.build.deliverables import Deliverables
from briefgen.build.make import make
from briefgen.design.theme import Theme
from briefgen.errors import BriefgenError, internal_error

Finish = Callable[[Request, Made | BriefgenError], None]


def one_by_one(deliverables: Deliverables, requests: list[Request], *, parallel: bool, finish: Finish) -> None:
    """Each deliverable in turn, here; `parallel`: its two formats side by side."""
    try:
        for req in requests:
            try:
                made: Made | BriefgenError = deliverables.make(req, parallel=parallel)
            except BriefgenError as exc:
                made = exc
            finish(req, made)
            if len(requests) > 1:
                workers.settle()
    finally:
        workers.unsettle()


def in_workers(deliverables: Deliverables, requests: list[Request], jobs: int, finish: Finish) -> None:
    """The deliverables made by `jobs` worker processes, reported as they come back.

    Forked workers share the loaded project, and the baseline's full assembly is then a
    worker's first unit, rather than this process taking a core from the workers when
    the first result comes.
    """
    plan = units.plan(requests, baseline=fork.available() and any(req != FULL for req in requests))
    outcomes = workers.run(
        plan,
        deliverables.work,
        jobs,
        prepare=lambda unit: (deliverables.assemble(unit.request), unit.request),
        finish=functools.partial(
            _make_elsewhere, theme=deliverables.project.theme, formats=deliverables.formats, output=deliverables.output
        ),
    )
    try:
        for unit, outcome in outcomes:
            if unit.kind is Kind.BASELINE:
                if isinstance(outcome, frozenset):
                    deliverables.take_baseline(outcome)
            else:
                finish(unit.request, outcome)
    finally:
        outcomes.close()  # stopped early: the workers finish, and no staged file stays behind


def _make_elsewhere(job: tuple[Assembled, Request], *, theme: Theme, formats: tuple[str, ...], output: Path) -> Made:
    """A spawned worker's unit: the document assembled by the parent, rendered and written."""
    assembled, request = job
    try:
        return make(assembled, theme, formats, output, request)
    except BriefgenError:
        raise
    except Exception as exc:
        raise internal_error(assembled.selection.name, exc) from exc
