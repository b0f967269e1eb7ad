"""The output folder between builds: one build at a time, and a manifest that never lies.

A build holds `<output>/.briefgen.lock` (`fcntl.flock`, with its pid inside) from before
its first file until after its manifest, so two builds never mix their files; the
second one stops with "another build is writing to …", or waits with `--wait`. Holding
the lock, a build may remove the temporary files that killed builds left behind.

`manifest.json` must describe only files on disk, with their true hashes, even if the
build is stopped or killed half-way. So before the first file changes, the entries of
the files this build will replace are dropped (and the manifest says it is not
complete); at the end, stopped or not, it lists what was committed, plus the previous
entries that are still true on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefgen.batch.atomic import sweep, write_all
from briefgen.batch.units import Made
from briefgen.errors import BriefgenError, Diagnostic, Pos

LOCK = ".briefgen.lock"
MANIFEST = "manifest.json"
DELIVERABLES = (".pdf", ".docx", ".html")


@contextlib.contextmanager
def claimed(folder: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold the folder's lock for the duration; stale temporary files are removed first."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock to take
        yield
        return
    path = folder / LOCK
    fd = _locked(path, fcntl, wait)
    try:
        sweep(folder)
        yield
    finally:
        # Removed while still held: whoever opens it next finds a new file (see _locked).
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


def _locked(path: Path, fcntl: object, wait: bool) -> int:
    flock, ex, nb = fcntl.flock, fcntl.LOCK_EX, fcntl.LOCK_NB  # type: ignore[attr-defined]
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            try:
                flock(fd, ex | nb)
            except BlockingIOError:
                if not wait:
                    raise _busy(path.parent, _holder(fd)) from None
                print(
                    f"briefgen: waiting for the build of pid {_holder(fd)} to finish writing to {path.parent}",
                    file=sys.stderr,
                )
                flock(fd, ex)
            # The holder removes the file as it lets go: a lock on that old file is no lock.
            if os.path.samestat(os.fstat(fd), os.stat(path)):
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
                return fd
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _holder(fd: int) -> str:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"


def _busy(folder: Path, pid: str) -> BriefgenError:
    return BriefgenError(
        [
            Diagnostic(
                Pos("briefgen"),
                f"another build is writing to {folder} (pid {pid})",
                "wait for it to finish, or add --wait to wait for it",
            )
        ]
    )


class Manifest:
    """`manifest.json` in `folder`: `begin` before the first file changes, `finish` at the end."""

    def __init__(self, folder: Path):
        self.path = folder / MANIFEST
        self.previous: dict[str, dict[str, object]] = {}
        self.replacing: set[str] = set()
        if self.path.is_file():
            try:
                files = json.loads(self.path.read_text(encoding="utf-8")).get("files", [])
                self.previous = {e["file"]: e for e in files}
            except (ValueError, KeyError, TypeError, AttributeError):
                self.previous = {}

    def begin(self, names: Iterable[str]) -> None:
        """Drop the entries of files about to be replaced, before any is."""
        self.replacing = set(names)
        if self.replacing & set(self.previous):
            untouched = {n: e for n, e in self.previous.items() if n not in self.replacing}
            self._write(untouched, complete=False)

    def finish(self, outputs: list[Made]) -> None:
        """List what this build committed, and what was there before and still is."""
        entries = {e["file"]: e for out in outputs for e in _entry(out)}
        if entries or self.replacing & set(self.previous):
            self._write(self._still_true(entries) | entries, complete=True)

    def _still_true(self, committed: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
        """Previous entries that still describe the disk. A file this build meant to
        replace but did not commit is hashed again: a worker stopped by a signal may
        have committed it without saying so."""
        kept = {}
        for name, entry in self.previous.items():
            if name in committed:
                continue
            file = self.path.parent / name
            try:
                if file.stat().st_size != entry.get("bytes"):
                    continue
                if name in self.replacing and hashlib.sha256(file.read_bytes()).hexdigest() != entry.get("sha256"):
                    continue
            except OSError:
                continue
            kept[name] = entry
        return kept

    def _write(self, entries: dict[str, dict[str, object]], *, complete: bool) -> None:
        on_disk = {n for n in os.listdir(self.path.parent) if n.endswith(DELIVERABLES)}
        manifest = {
            "generator": "briefgen",
            # Every PDF, DOCX and HTML file in the folder is listed (a killed build leaves false).
            "complete": complete and on_disk <= set(entries),
            "files": [entries[k] for k in sorted(entries)],
        }
        write_all({self.path: (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()})


def _entry(out: Made) -> list[dict[str, object]]:
    entries = []
    for fmt, file in out.files.items():
        if fmt in out.digests:
            size, digest = out.digests[fmt]
        else:
            data = file.read_bytes()
            size, digest = len(data), hashlib.sha256(data).hexdigest()
        entries.append(
            {
                "file": file.name,
                "cut": out.request.cut,
                "client": out.request.client,
                "audience": out.audience,
                "format": fmt,
                "pages": out.pages.get(fmt),
                "bytes": size,
                "sha256": digest,
                "seconds": round(out.seconds.get(fmt, 0.0), 3),
                "omitted": [str(o) for o in out.omissions],
            }
        )
    return entries
