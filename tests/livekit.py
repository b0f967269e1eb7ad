"""Running `briefgen serve` and `briefgen watch` in a subprocess, for the live-preview tests.

Every wait polls with a generous deadline (the machine may be loaded), never a fixed
sleep; `Running` always ends its process, and `stop` checks that Ctrl+C ends it cleanly.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
ARCTIC = ROOT / "tests" / "roots" / "arctic"
DEADLINE_S = 90.0  # a rebuild takes well under a second; this is for a machine under load
T = TypeVar("T")


def arctic_copy(tmp_path: Path) -> Path:
    """A copy of the small Arctic project, to edit."""
    return Path(shutil.copytree(ARCTIC, tmp_path / "arctic"))


def poll(fn: Callable[[], T], until: Callable[[T], bool], what: str, deadline: float = DEADLINE_S) -> T:
    """`fn()` again and again until `until` holds for its value; fails after `deadline`."""
    end = time.monotonic() + deadline
    while True:
        value = fn()
        if until(value):
            return value
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}; last value:\n{str(value)[-3000:]}")
        time.sleep(0.05)


def fetch(url: str, headers: dict[str, str] | None = None) -> str:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as answer:
        return str(answer.read().decode("utf-8"))


def state(url: str) -> dict[str, object]:
    return dict(json.loads(fetch(url + "__briefgen/state")))


class Running:
    """`briefgen ARGS` in a subprocess, its output collected line by line as it comes."""

    def __init__(self, *args: str) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        self.proc = subprocess.Popen(
            [sys.executable, "-u", "-m", "briefgen", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def wait_for(self, pattern: str, after: int = 0) -> tuple[int, re.Match[str]]:
        """The first line from index `after` on that matches `pattern`, and its index."""

        def find() -> tuple[int, re.Match[str]] | None:
            for i, line in enumerate(self.lines[after:], after):
                found = re.search(pattern, line)
                if found:
                    return i, found
            if self.proc.poll() is not None and not self._reader.is_alive():
                raise AssertionError(f"briefgen exited ({self.proc.returncode}) before {pattern!r}:\n{self.output}")
            return None

        hit = poll(find, lambda x: x is not None, f"a line matching {pattern!r}:\n{self.output}")
        assert hit is not None
        return hit

    def stop(self) -> int:
        """Ctrl+C, then the exit code (killed, and failing, if it does not stop)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            code = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError(f"briefgen did not stop on Ctrl+C:\n{self.output}") from None
        self._reader.join(timeout=10)
        return code

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout:
            self.proc.stdout.close()


def edited(path: Path, *changes: tuple[str, str]) -> None:
    """Make each (old, new) replacement (old must be there) in a file, saved in one write."""
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, f"{old!r} not in {path}"
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
