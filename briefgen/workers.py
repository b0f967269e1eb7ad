"""Deliverables built in worker processes, their results streamed back as they finish.

With the fork start method (Linux, and no other thread running) a worker inherits the
parent's loaded project, templates and caches: each worker assembles and writes its own
deliverables, and only a small record of each comes back. Elsewhere the parent
assembles and sends each document to a spawned worker. Either way a result is handed
on as soon as it arrives and then dropped, so a long batch never holds its files in
memory. `settle` keeps each process's memory flat from one deliverable to the next.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from .errors import BriefgenError, Diagnostic

Item = TypeVar("Item")
Outcome = Any | BriefgenError

# Set just before the workers are forked, which inherit them; never pickled.
_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def run(
    items: Sequence[Item],
    work: Callable[[Item], Any],
    jobs: int,
    prepare: Callable[[Item], Any] | None = None,
    finish: Callable[[Any], Any] | None = None,
) -> Iterator[tuple[Item, Outcome]]:
    """Yield `(item, work(item))` in completion order, or the BriefgenError it raised.

    Without fork, `prepare(item)` runs here and `finish(prepared)` in a worker, so what
    crosses the process boundary is picklable: prepare must do what `work` does first.
    """
    global _WORK
    # Imported here: a single build never needs them, and they cost 13 ms to load.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from . import forked

    if forked.available():
        _WORK = (work, items)
        gc.collect()
        gc.freeze()  # what the workers inherit stays shared, not copied on the collector's writes
        try:
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = {pool.submit(_by_index, i): item for i, item in enumerate(items)}
                for future in as_completed(futures):
                    yield futures.pop(future), _unwrap(future.result())
        finally:
            _WORK = None
            gc.unfreeze()
        return
    if prepare is None or finish is None:
        raise ValueError("without fork, run() needs prepare and finish")
    # Fresh interpreters: safe with threads, and the only way on Windows and macOS.
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        submitted = {}
        for item in items:
            try:
                submitted[pool.submit(_guarded, finish, prepare(item))] = item
            except BriefgenError as exc:
                yield item, exc
        for future in as_completed(submitted):
            yield submitted.pop(future), _unwrap(future.result())


def _by_index(index: int) -> tuple[str, Any]:
    assert _WORK is not None, "workers.run sets the work before forking"
    work, items = _WORK
    try:
        return _guarded(work, items[index])
    finally:
        settle()


_FROZEN = False


def settle() -> None:
    """Collect one deliverable's garbage now, in a batch.

    Writing a document leaves reference cycles (lxml proxies, reportlab frames) that
    Python's collector would gather only at its next full pass, so the resident size
    would creep up through a batch. The first call also freezes what is alive then
    (modules, fonts, caches), which makes every later collection cheap: about 2 ms,
    against 16 ms for a full pass.
    """
    global _FROZEN
    gc.collect()
    if not _FROZEN:
        gc.freeze()
        _FROZEN = True


def unsettle() -> None:
    """Give frozen objects back to the collector when the batch is over."""
    global _FROZEN
    if _FROZEN:
        gc.unfreeze()
        _FROZEN = False


def _guarded(fn: Callable[[Any], Any], arg: Any) -> tuple[str, Any]:
    # Diagnostics travel as data: an exception with a custom __init__ may not unpickle.
    try:
        return "ok", fn(arg)
    except BriefgenError as exc:
        return "error", list(exc.diagnostics)


def _unwrap(result: tuple[str, Any]) -> Outcome:
    kind, value = result
    if kind == "error":
        diagnostics: list[Diagnostic] = value
        return BriefgenError(diagnostics)
    return value
