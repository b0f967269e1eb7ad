"""Stopping a build cleanly: SIGTERM and SIGHUP handled like Ctrl+C, and children that
die with their parent.

`timeout`, CI cancellation, systemd and `docker stop` send SIGTERM (a closed terminal,
SIGHUP); Python would die on the spot and leave the workers running on. Here both raise
`Stopped`, a KeyboardInterrupt, so a build unwinds exactly as on Ctrl+C: workers stop,
staged files are removed, and only whole deliverables remain. Only the first signal
raises: a second one must not break the cleanup that the first one started.

Forked children set `PR_SET_PDEATHSIG` (Linux), so that even a SIGKILL of the parent
reaches them: a worker gets SIGTERM and unwinds like its parent would; the DOCX helper,
which writes no file, is killed outright.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from types import FrameType

SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_PR_SET_PDEATHSIG = 1

_stopping: list[int] = []  # the signal being handled, once one arrived


class Stopped(KeyboardInterrupt):
    """A signal asked the build to stop; `signum` says which (exit code 128 + signum)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def signum_of(exc: KeyboardInterrupt) -> int:
    return exc.signum if isinstance(exc, Stopped) else signal.SIGINT


def _on_signal(signum: int, _frame: FrameType | None) -> None:
    if _stopping:  # already unwinding: let the cleanup finish
        return
    _stopping.append(signum)
    raise Stopped(signum)


@contextlib.contextmanager
def handled() -> Iterator[None]:
    """Inside, SIGINT, SIGTERM and SIGHUP raise `Stopped`, unless they are ignored (`nohup`)."""
    _stopping.clear()
    if threading.current_thread() is not threading.main_thread():  # only it may set handlers
        yield
        return
    before = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig, current in before.items():
        if current in (signal.SIG_DFL, signal.default_int_handler):
            signal.signal(sig, _on_signal)
    try:
        yield
    finally:
        for sig, current in before.items():
            if current is not None:
                signal.signal(sig, current)


def worker_child(parent: int) -> None:
    """In a forked worker: stop like the parent on any of the signals, and on its death."""
    _stopping.clear()
    for sig in SIGNALS:
        signal.signal(sig, _on_signal)
    _die_with(parent, signal.SIGTERM)


def helper_child(parent: int) -> None:
    """In a forked helper that writes no file: the parent cancels it, or its death kills it."""
    for sig in SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    _die_with(parent, signal.SIGKILL)


@functools.cache
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl  # type: ignore[no-any-return]
    except (OSError, AttributeError):
        return None


def prepare() -> None:
    """Look prctl up before forking, once, rather than in every child."""
    _prctl()


def _die_with(parent: int, sig: int) -> None:
    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, int(sig), 0, 0, 0)
    # The parent may have died before prctl: then no signal would ever come.
    if os.getppid() != parent:
        os._exit(128 + sig)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Hold the stop signals back for a moment that must not be cut in two (renames)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
