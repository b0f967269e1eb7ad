"""The batch worker pool: units by kind, failures that surface, and formats joined again."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from briefgen.batch import fork as forked
from briefgen.batch import workers
from briefgen.batch.halves import PREFERENCES, join
from briefgen.batch.units import FULL, Kind, Made
from briefgen.errors import BriefgenError, Diagnostic, Pos

needs_fork = pytest.mark.skipif(not forked.available(), reason="the fork pool needs Linux and no other thread")

# Set before the workers fork, so both share it: the DOCX worker has come to the PDFs.
_PDF_BY_DOCX_WORKER: list[multiprocessing.synchronize.Event] = []
_made_docx = False  # in a worker: whether it made a DOCX unit


def _ordered(item: tuple[Kind, int]) -> tuple[Kind, int, int]:
    """A unit whose order is forced, not timed: the first PDF is held until the worker
    that made the DOCX units takes a PDF, so that worker must have run out of DOCX units."""
    global _made_docx
    kind, n = item
    if kind is Kind.DOCX:
        _made_docx = True
    elif _made_docx:
        _PDF_BY_DOCX_WORKER[0].set()
    elif n == 0:
        assert _PDF_BY_DOCX_WORKER[0].wait(60), "the DOCX worker never came to the PDFs"
    return kind, n, os.getpid()


@needs_fork
def test_each_worker_keeps_to_its_kind_until_it_runs_out() -> None:
    # The PDF worker is held on its first PDF until the DOCX worker, done with its kind,
    # helps with the PDFs: never the other way round.
    _PDF_BY_DOCX_WORKER[:] = [multiprocessing.Event()]
    items = [(Kind.PDF, n) for n in range(8)] + [(Kind.DOCX, n) for n in range(8)]
    done = [
        outcome for _item, outcome in workers.run(items, _ordered, 2, kinds=[k for k, _n in items], prefer=PREFERENCES)
    ]
    assert sorted((kind.value, n) for kind, n, _pid in done) == sorted((kind.value, n) for kind, n in items)
    pids = {(kind, n): pid for kind, n, pid in done}
    docx_pids = {pid for (kind, _n), pid in pids.items() if kind is Kind.DOCX}
    pdf_pids = {pid for (kind, _n), pid in pids.items() if kind is Kind.PDF}
    assert len(docx_pids) == 1, "one worker makes every DOCX"
    assert pids[(Kind.PDF, 0)] not in docx_pids, "the first PDF goes to the other worker"
    assert docx_pids <= pdf_pids, "the DOCX worker then takes PDFs that are left"


def _children() -> set[int]:
    """This process's children (multiprocessing may keep a helper of its own running)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            found.add(int(stat.parent.name))
    return found


def _fails_on_two(n: int) -> int:
    if n == 2:
        raise ZeroDivisionError("two is right out")
    if n == 3:
        raise BriefgenError([Diagnostic(Pos("sections/x.md", 3), "bad three", "fix it")])
    return n * 10


@needs_fork
def test_a_bug_in_a_worker_stops_the_batch_with_its_traceback() -> None:
    before = _children()
    with pytest.raises(RuntimeError, match=r"(?s)worker process failed.*ZeroDivisionError: two is right out"):
        list(workers.run([1, 2, 3, 4], _fails_on_two, 2))
    assert _children() == before, "every worker was waited for: none is left, not even a zombie"


@needs_fork
def test_a_briefgen_error_is_one_item_s_outcome_not_the_batch_s() -> None:
    outcomes = dict(workers.run([1, 3, 4], _fails_on_two, 2))
    assert outcomes[1] == 10 and outcomes[4] == 40
    assert isinstance(outcomes[3], BriefgenError)
    assert "sections/x.md:3" in str(outcomes[3]) and "bad three" in str(outcomes[3])


def _half(tmp_path: Path, fmt: str, text: bytes) -> Made:
    temp = tmp_path / f".x.{fmt}.tmp"
    temp.write_bytes(text)
    target = tmp_path / f"x.{fmt}"
    pages = {"pdf": 1} if fmt == "pdf" else {}
    return Made(
        "x",
        FULL,
        "public",
        {fmt: target},
        pages=pages,
        seconds={fmt: 0.1},
        digests={fmt: (len(text), "0")},
        staged={target: temp},
    )


def test_two_halves_appear_together(tmp_path: Path) -> None:
    joined = join(_half(tmp_path, "docx", b"D"), _half(tmp_path, "pdf", b"P"))
    assert not isinstance(joined, BriefgenError)
    assert list(joined.files) == ["pdf", "docx"] and joined.pages == {"pdf": 1} and joined.staged == {}
    assert (tmp_path / "x.pdf").read_bytes() == b"P" and (tmp_path / "x.docx").read_bytes() == b"D"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx", "x.pdf"], "no temporary file is left"


def test_a_failed_half_takes_the_other_one_with_it(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"old")
    error = BriefgenError([Diagnostic(Pos("templates/cover.j2", 4), "undefined 'clinet'", "did you mean 'client'?")])
    joined = join(_half(tmp_path, "pdf", b"new"), error)
    assert joined is error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"], "the staged PDF is removed"
    assert (tmp_path / "x.pdf").read_bytes() == b"old", "the previous good file stays"
