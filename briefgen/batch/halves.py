"""A deliverable's PDF and DOCX made as two units of work, and joined again.

An annex's DOCX needs nothing from its PDF (`model.layout.PDF_FREE_DOCX`), so in a batch on
several cores the two formats can be made by different workers: each worker then warms
up one writer (its imports, fonts, styles, map pictures) instead of both, which is most
of what the first deliverable costs. Each worker stages its file (`make` with
`commit=False`: written and checked under a temporary name); `join` commits a
deliverable's two files together, so they still appear together or not at all.
Reports and summaries stay whole: their DOCX takes page numbers or a type scale from
the PDF. Also here: which worker prefers which kind of unit.
"""

from __future__ import annotations

import dataclasses

from briefgen.batch.atomic import commit, discard
from briefgen.batch.units import Kind, Made
from briefgen.errors import BriefgenError

# Kinds in order of preference, by worker. With two workers, one takes the whole
# deliverables (reports and summaries, the longest units: started first, they do not
# finish last alone) and then PDFs, the other the DOCX files and then PDFs. The baseline
# is the build's one-off full assembly, which the first worker does first.
PREFERENCES = ((Kind.BASELINE, Kind.WHOLE, Kind.PDF, Kind.DOCX), (Kind.DOCX, Kind.PDF, Kind.WHOLE))
# A half leaves about half a deliverable's garbage: collect after every second one.
WEIGHTS = {Kind.PDF: 1, Kind.DOCX: 1}


def join(first: Made | BriefgenError, second: Made | BriefgenError) -> Made | BriefgenError:
    """Both halves committed together as one record; or the first error, nothing left staged.

    Both halves assemble the same document, so a problem in its sources fails both with
    the same diagnostics: it is reported once.
    """
    if isinstance(first, BriefgenError) or isinstance(second, BriefgenError):
        abandon(first)
        abandon(second)
        return first if isinstance(first, BriefgenError) else second  # type: ignore[return-value]
    try:
        commit({**first.staged, **second.staged})
    except BriefgenError as exc:
        return exc
    # The record lists its formats in the usual order, whichever half came back first.
    pdf, docx = (first, second) if "pdf" in first.files else (second, first)
    return dataclasses.replace(
        pdf,
        files={**pdf.files, **docx.files},
        pages={**pdf.pages, **docx.pages},
        seconds={**pdf.seconds, **docx.seconds},
        notes=(*pdf.notes, *docx.notes),
        digests={**pdf.digests, **docx.digests},
        staged={},
    )


def abandon(outcome: object) -> None:
    """Remove what a half staged, when its deliverable will not be committed."""
    if isinstance(outcome, Made):
        discard(outcome.staged)
