"""One build's deliverables: each assembled, made and explained against the full report.

`Deliverables` holds what a build shares between its deliverables: the assembler (and
its caches), the full report assembled once as the baseline that `--explain` compares
every deliverable with, and how strict the build is. Its `make` is what a batch worker
runs for a unit; a bug there fails that deliverable, not the batch.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from briefgen.batch.units import FULL, Kind, Made, Request, Unit
from briefgen.build.assemble import Assembled, Assembler
from briefgen.build.make import make
from briefgen.errors import BriefgenError, internal_error
from briefgen.load.project import Project


class Deliverables:
    """Assembles and makes the deliverables of one build."""

    def __init__(
        self,
        project: Project,
        formats: tuple[str, ...],
        output: Path,
        names: dict[Request, str],
        *,
        strict: bool,
        debug: bool,
    ) -> None:
        self.project, self.formats, self.output, self.names = project, formats, output, names
        self.strict, self.debug = strict, debug
        self.assembler = Assembler(project)
        # The full report, assembled when first needed; in a forked batch, by a worker
        # as its first unit (then only its omissions come back, as the baseline).
        self._full: tuple[Assembled | None] | None = None
        self._omitted: frozenset[str] | None = None

    # ------------------------------------------------------------ the baseline
    def full_report(self) -> Assembled | None:
        """The full report, or None if it fails (reported when, if, it is built itself)."""
        if self._full is None:
            try:
                self._full = (self.assembler.assemble(FULL.cut),)
            except Exception as exc:  # a bug too
                if self.debug and not isinstance(exc, BriefgenError):
                    raise
                self._full = (None,)
        return self._full[0]

    def baseline(self) -> frozenset[str]:
        """Where the full report omits something: not worth explaining for the others."""
        if self._omitted is None:
            report = self.full_report()
            self._omitted = frozenset(o.where for o in report.omissions) if report else frozenset()
        return self._omitted

    def take_baseline(self, omitted: frozenset[str]) -> None:
        """The baseline, as a worker computed it."""
        if self._omitted is None:
            self._omitted = omitted

    # ------------------------------------------------------------ one deliverable
    def assemble(self, req: Request) -> Assembled:
        assembled = (self.full_report() if req == FULL else None) or self.assembler.assemble(
            req.cut, req.audience, req.client
        )
        if self.strict and assembled.warnings:
            raise BriefgenError(assembled.warnings)
        return assembled

    def make(self, req: Request, *, parallel: bool = False) -> Made:
        """Assemble, render and write one deliverable in the build's formats."""
        try:
            assembled = self.assemble(req)
            return make(
                assembled,
                self.project.theme,
                self.formats,
                self.output,
                req,
                parallel=parallel,
            )
        except Exception as exc:
            if self.debug or isinstance(exc, BriefgenError):
                raise
            raise internal_error(self.names.get(req, req.cut), exc) from exc

    def work(self, unit: Unit) -> Made | frozenset[str]:
        """What a batch worker does with a unit: a deliverable, or the baseline."""
        if unit.kind is Kind.BASELINE:
            return self.baseline()
        return self.make(unit.request)

    def explained(self, made: Made) -> Made:
        """The record as reported: only the omissions the full report does not share."""
        omitted = self.baseline()
        kept = tuple(self.assembler.caches.omissions.once(o) for o in made.omissions if o.where not in omitted)
        return dataclasses.replace(made, omissions=kept)
