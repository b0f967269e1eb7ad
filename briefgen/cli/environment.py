"""What the command line takes from its surroundings, checked before any work.

Standard output, the current folder, the paths given and `SOURCE_DATE_EPOCH` come from
the caller, not from the project; when one is unusable, the user gets one line,
`briefgen: error: …`, saying what to change, rather than an internal error.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from briefgen.errors import Diagnostic, Pos, UsageError

# The last second that every writer can date (31 December 9999).
_LATEST_EPOCH = 253402300799


def problem(message: str, hint: str) -> UsageError:
    return UsageError([Diagnostic(Pos("briefgen"), message, hint)])


def check_stdout() -> None:
    """Standard output must be open: what briefgen prints would be lost without a word."""
    if sys.stdout is None:
        raise problem("standard output is closed", "redirect it to a file or to /dev/null instead of closing it")


def check_source_date_epoch() -> None:
    """`SOURCE_DATE_EPOCH`, when set, is a whole number of seconds, as `date +%s` prints it."""
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) > _LATEST_EPOCH:
        raise problem(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 (it is {value!r})",
            "set it as `date +%s` prints it, or unset it to date files by the briefing's date",
        )


def check_cwd() -> None:
    """The current folder must exist: relative paths start there, and reportlab asks for it."""
    try:
        os.getcwd()
    except FileNotFoundError:
        raise problem(
            "the current folder no longer exists", "change to a folder that exists and run briefgen again"
        ) from None


def resolved(path: Path, option: str) -> Path:
    """`path` made absolute with its links followed; a loop of links is the caller's to fix."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:  # 3.11 raises RuntimeError for a loop, 3.13 OSError
        loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
        reason = "it is a loop of symbolic links" if loop else (getattr(exc, "strerror", None) or str(exc))
        raise problem(f"cannot use {option} {path}: {reason}", f"point {option} at a real folder") from None


class _Watched:
    """Standard output, remembering whether writing to it failed (a full disk, a closed
    pipe). After a failure what is printed goes nowhere, so the command still runs to
    its end and its errors reach standard error; `main` then reports the loss."""

    def __init__(self, stream: TextIO, failed: list[OSError]):
        self._stream, self._failed = stream, failed

    def write(self, text: str) -> int:
        if not self._failed:
            try:
                return self._stream.write(text)
            except OSError as exc:
                self._failed.append(exc)
        return len(text)

    def flush(self) -> None:
        if not self._failed:
            try:
                self._stream.flush()
            except OSError as exc:
                self._failed.append(exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def watched_stdout() -> Iterator[list[OSError]]:
    """While inside, `sys.stdout` records its write errors in the list yielded."""
    failed: list[OSError] = []
    real = sys.stdout
    if real is None:
        yield failed
        return
    sys.stdout = _Watched(real, failed)  # type: ignore[assignment]
    try:
        yield failed
    finally:
        sys.stdout = real


def flush_stdout(failed: list[OSError]) -> OSError | None:
    """Push out what is printed; the error if standard output could not be written.

    After an error, standard output goes to /dev/null: what is still buffered would
    otherwise fail again at exit, with a traceback."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:
        failed.append(exc)
    if failed:
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.close(devnull)
        except OSError:
            pass
        return failed[0]
    return None
