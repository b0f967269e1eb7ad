"""Deliverables built in worker processes, their results streamed back as they finish.

With the fork start method (Linux) a worker inherits the parent's loaded project and
its parse cache: each worker assembles and writes its own deliverables, and only file
bytes come back. Elsewhere the parent assembles and sends each document to a worker.
Either way a result is handed on as soon as it arrives and then dropped, so a long
batch does not hold every finished file in memory.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
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
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux"):
        _WORK = (work, items)
        try:
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = {pool.submit(_by_index, i): item for i, item in enumerate(items)}
                for future in as_completed(futures):
                    yield futures.pop(future), _unwrap(future.result())
        finally:
            _WORK = None
        return
    if prepare is None or finish is None:
        raise ValueError("without fork, run() needs prepare and finish")
    with ProcessPoolExecutor(jobs) as pool:
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
    return _guarded(work, items[index])


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
