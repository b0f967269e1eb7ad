"""A time and memory budget for evaluating untrusted code (templates) in this process.

A template can loop or allocate for ever without producing a line of output, so limits
checked between pieces of output come too late. `bounded()` enforces both while the
code runs:

- **time**: an `ITIMER_PROF` interval timer counts this process's CPU time (the machine
  being busy does not eat the budget); its `SIGPROF` handler raises `TimeUp` in the
  evaluating thread, between two bytecodes of whatever runs. It then fires again every
  half second, in case something caught the first one. Python runs signal handlers only
  in the main thread, where briefgen evaluates templates (batch workers are forked from
  it); elsewhere the callers' own checks are all there is.
- **memory**: the soft `RLIMIT_AS` is lowered to the current address space plus
  `memory` bytes, so an allocation past it fails with `MemoryError` at once instead of
  taking the machine. The previous limit comes back on exit, before reportlab or the
  DOCX writer run.

Nothing forks while a budget is armed, so batch workers and the writers' forked
children never inherit the lowered limit (and interval timers are not inherited).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

try:
    import resource
except ImportError:  # not on Windows: the time budget still holds
    resource = None  # type: ignore[assignment]

_REPEAT = 0.5  # seconds of CPU time between further alarms, once the budget is spent
_armed = False


class Exceeded(Exception):  # noqa: N818 - read as "template exceeded …"
    """Evaluation went past a limit; the message says which (after "exceeded")."""


class TimeUp(Exceeded):
    """The CPU time budget is spent."""


def _address_space() -> int | None:
    """Bytes of address space this process maps now (Linux), or None when unknown."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            pages = int(statm.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pages * resource.getpagesize()


@contextlib.contextmanager
def _memory_ceiling(headroom: int) -> Iterator[None]:
    used = _address_space() if resource is not None else None
    if used is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = used + headroom
    if soft != resource.RLIM_INFINITY and soft <= ceiling:
        yield  # an outer limit is already tighter
        return
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeUp("its time limit")


@contextlib.contextmanager
def _cpu_timer(seconds: float) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds, _REPEAT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous if previous is not None else signal.SIG_DFL)


@contextlib.contextmanager
def bounded(seconds: float, memory: int) -> Iterator[None]:
    """Run the body with at most `seconds` of CPU time and `memory` more bytes of address space.

    Past the time, `TimeUp` is raised inside the body; past the memory, `MemoryError`.
    Nested uses run under the outer budget.
    """
    global _armed
    if _armed:
        yield
        return
    _armed = True
    try:
        with _memory_ceiling(memory), _cpu_timer(seconds):
            yield
    finally:
        _armed = False
