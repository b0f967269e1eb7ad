"""Running one function in a forked child, so that a deliverable's two formats are
written at the same time on two cores.

The child inherits the assembled document for free (copy-on-write), may wait for one
message from the parent (the PDF's page numbers, for the DOCX contents), and sends its
result back through a pipe. Only on Linux, and only from a single-threaded process:
forking a process with threads can deadlock the child. Elsewhere `available()` is false
and callers work sequentially.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from briefgen.batch import stopping
from briefgen.errors import BriefgenError

T = TypeVar("T")


def available() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


class Forked(Generic[T]):
    """`fn(receive, *args)` in a child process; `receive()` there returns what `send` sent."""

    def __init__(self, fn: Callable[..., T], *args: Any):
        up_r, up_w = os.pipe()
        down_r, down_w = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        stopping.prepare()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            stopping.helper_child(parent)
            os.close(up_r)
            os.close(down_w)
            _child(up_w, down_r, fn, args)
        os.close(up_w)
        os.close(down_r)
        self.pid, self._up, self._down = pid, up_r, down_w

    def send(self, value: Any) -> None:
        """Send the child its one message (later calls do nothing)."""
        if self._down < 0:
            return
        fd, self._down = self._down, -1
        # A child that already stopped (it failed early) reads nothing: result() says why.
        with contextlib.suppress(BrokenPipeError), os.fdopen(fd, "wb") as pipe:
            pipe.write(pickle.dumps(value))

    def result(self) -> T:
        """The child's return value; its BriefgenError is raised here with the same diagnostics."""
        try:
            self.send(None)  # a child still waiting must not wait for ever
            with os.fdopen(self._up, "rb", closefd=False) as pipe:
                data = pipe.read()
        except BaseException:  # stopped while waiting: the child is not wanted any more
            self.cancel()
            raise
        os.close(self._up)
        os.waitpid(self.pid, 0)
        if not data:
            raise RuntimeError("the worker process for the second format died without a result")
        kind, value = pickle.loads(data)
        if kind == "diagnostics":
            raise BriefgenError(value)
        if kind == "crash":
            raise RuntimeError(f"the worker process for the second format failed:\n{value}")
        return value  # type: ignore[no-any-return]

    def cancel(self) -> None:
        """Stop the child (the parent failed: its result is not wanted)."""
        if self._down >= 0:
            os.close(self._down)
            self._down = -1
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self._up)


def _child(up: int, down: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    def receive() -> Any:
        with os.fdopen(down, "rb") as pipe:
            data = pipe.read()
        return pickle.loads(data) if data else None

    try:
        try:
            payload: tuple[str, Any] = ("ok", fn(receive, *args))
        except BriefgenError as exc:
            payload = ("diagnostics", exc.diagnostics)
        except BaseException:  # everything must reach the parent, as text
            payload = ("crash", traceback.format_exc())
        with os.fdopen(up, "wb") as pipe:
            pipe.write(pickle.dumps(payload))
    finally:
        os._exit(0)  # no atexit handlers, no second flush of the parent's buffers
