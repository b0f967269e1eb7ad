"""Units of work built in worker processes, their results streamed back as they finish.

With fork (Linux, and no other thread running) the workers are forked here and inherit
the parent's loaded project, templates and caches; each unit is sent as an index over a
pipe and only a small record comes back; each idle worker takes the next unit in
order. Elsewhere the parent assembles and sends each document to a spawned worker.
Either way a result is handed on as soon as it arrives and then dropped, so a long
batch never holds its files in memory. `settle` keeps each process's memory flat from
one unit to the next.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import traceback
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from briefgen.batch import stopping
from briefgen.errors import BriefgenError, Diagnostic

Item = TypeVar("Item")
Outcome = Any | BriefgenError

# Set just before the workers are forked, which inherit them; never pickled.
_WORK: tuple[Callable[[Any], Any], Sequence[Any]] | None = None  # work, items


def run(
    items: Sequence[Item],
    work: Callable[[Item], Any],
    jobs: int,
    prepare: Callable[[Item], Any] | None = None,
    finish: Callable[[Any], Any] | None = None,
) -> Generator[tuple[Item, Outcome], None, None]:
    """Yield `(item, work(item))` in completion order, or the BriefgenError it raised.

    Fork only: the items go out in order, each to the next idle worker, which collects
    its garbage after every unit. If the caller stops early, the units still running
    are stopped (SIGTERM: they unwind and clean up; those that finished anyway keep
    what they made).
    Without fork, `prepare(item)` runs here and `finish(prepared)` in a worker, so what
    crosses the process boundary is picklable: prepare must do what `work` does first.
    """
    from briefgen.batch import fork as forked  # here: a single build never needs this module's callers

    if forked.available():
        yield from _forked(items, work, jobs)
        return
    if prepare is None or finish is None:
        raise ValueError("without fork, run() needs prepare and finish")
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

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


@dataclass
class _Worker:
    pid: int
    conn: Any  # multiprocessing.connection.Connection
    current: int | None = None
    status: int | None = None  # its wait status, once reaped


def _forked(
    items: Sequence[Item], work: Callable[[Item], Any], jobs: int
) -> Generator[tuple[Item, Outcome], None, None]:
    global _WORK
    from multiprocessing import Pipe
    from multiprocessing.connection import wait

    queue = iter(range(len(items)))  # the indices still to send
    _WORK = (work, items)
    sys.stdout.flush()
    sys.stderr.flush()
    gc.collect()
    gc.freeze()  # what the workers inherit stays shared, not copied on the collector's writes
    stopping.prepare()
    parent = os.getpid()
    pool: list[_Worker] = []
    try:
        for _slot in range(max(1, min(jobs, len(items)))):
            here, there = Pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover (the child's coverage is not collected)
                stopping.worker_child(parent)
                # Only the parent may hold a worker's end: a copy here would keep that
                # worker from seeing the end of its pipe.
                for conn in (here, *(w.conn for w in pool)):
                    conn.close()
                _serve(there)
            there.close()
            pool.append(_Worker(pid, here))
        busy: dict[Any, _Worker] = {}
        for worker in pool:
            if _assign(worker, queue):
                busy[worker.conn] = worker
        while busy:
            for ready in wait(list(busy)):
                worker = busy.pop(ready)
                unit = worker.current
                assert unit is not None, "a busy worker has a unit"
                try:
                    result: tuple[str, Any] = worker.conn.recv()
                except EOFError:
                    _reap(worker)
                    raise _lost(worker, items[unit]) from None
                worker.current = None
                # The next unit goes out before this result is handed on, so the worker
                # never waits for whatever the caller does with it.
                if _assign(worker, queue):
                    busy[worker.conn] = worker
                yield items[unit], _unwrap(result)
    finally:
        _WORK = None
        for worker in pool:
            # Stopped early (a signal that may have reached this process only, as from
            # `docker stop`, or a failing callback): the workers' units are not wanted, so
            # they stop them too, each cleaning up after itself (see `stopping.worker_child`).
            if worker.current is not None and worker.status is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGTERM)
        for worker in pool:
            if worker.current is not None and worker.status is None:  # stopped early: its unit ends
                with contextlib.suppress(Exception):  # it died, or its message was cut short
                    worker.conn.recv()
            worker.conn.close()  # the worker exits when it reads the end of its pipe
        for worker in pool:
            _reap(worker)
        gc.unfreeze()


def _reap(worker: _Worker) -> None:
    if worker.status is None:
        worker.status = os.waitpid(worker.pid, 0)[1]


def _lost(worker: _Worker, item: object) -> BaseException:
    """Why a worker ended without a result: a stop signal (the build stops too), or a crash."""
    code = os.waitstatus_to_exitcode(worker.status or 0)
    if code - 128 in stopping.SIGNALS:
        return stopping.Stopped(code - 128)
    return RuntimeError(f"a worker process stopped while building {item!r}")


def _assign(worker: _Worker, queue: Iterator[int]) -> bool:
    index = next(queue, None)
    if index is None:
        worker.current = None
        return False
    # Marked busy only once sent: a stop in between must not wait for a unit never sent.
    worker.conn.send(index)
    worker.current = index
    return True


def _serve(conn: Any) -> None:  # pragma: no cover (runs in the forked child)
    """A worker's life: build the unit whose index arrives, send back its record, repeat."""
    status = 0
    try:
        assert _WORK is not None, "workers.run sets the work before forking"
        work, items = _WORK
        while True:
            try:
                index = conn.recv()
            except EOFError:
                break
            try:
                result = _guarded(work, items[index])
            except Exception as exc:  # a bug: its traceback goes to the parent, which raises
                result = ("crash", "".join(traceback.format_exception(exc)))
            conn.send(result)
            settle()
    except stopping.Stopped as exc:  # its unit unwound: staged files removed, renames whole
        status = 128 + exc.signum
    except BaseException:
        status = 1
    finally:
        os._exit(status)


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
    if kind == "crash":
        raise RuntimeError(f"a worker process failed:\n{value}")
    if kind == "error":
        diagnostics: list[Diagnostic] = value
        return BriefgenError(diagnostics)
    return value
