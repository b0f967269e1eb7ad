"""Atomic output: all files of one deliverable appear together, or none changes.

Each file is written to a temporary name in the destination folder, checked, and only
then renamed over the old file, so a failed build leaves the previous good outputs. The
old files are kept (hard-linked) until every rename succeeded; if one fails, the files
already renamed are put back, so a deliverable's PDF and DOCX never come from two builds.
`write_new` and `publish_new` do the same for what must not replace anything (`init`,
`new country`): a name taken meanwhile, by a concurrent run, is refused, never overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from briefgen.batch import stopping
from briefgen.errors import BriefgenError, Diagnostic, Pos


def check_output_dir(folder: Path) -> None:
    """Fail before any work if the folder cannot be created or written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".briefgen-probe-")
        os.close(fd)
        # A build holding the folder may have swept it away already (see `sweep`).
        Path(probe).unlink(missing_ok=True)
    except OSError as exc:
        raise BriefgenError(
            [
                Diagnostic(
                    Pos(str(folder)),
                    f"cannot write to the output folder: {exc.strerror or exc}",
                    "choose another folder with --output, or fix its permissions",
                )
            ]
        ) from None


def write_all(files: dict[Path, bytes], verify: Callable[[Path, bytes], str | None] | None = None) -> None:
    """Write every file under a temporary name, verify each, then rename them all."""
    commit(stage(files, verify))


def stage(files: dict[Path, bytes], verify: Callable[[Path, bytes], str | None] | None = None) -> dict[Path, Path]:
    """Write and check each file under a temporary name beside it; returns target -> temporary.

    The first half of `write_all`, for files made in different processes: `commit` the
    staged files together, or `discard` them. On failure nothing staged is left behind.
    """
    temps: dict[Path, Path] = {}
    try:
        for target, data in files.items():
            fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            temps[target] = Path(name)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            problem = verify(target, data) if verify else None  # by the name it will have
            if problem:
                raise BriefgenError(
                    [
                        Diagnostic(
                            Pos(str(target)),
                            f"output failed its check: {problem}",
                            "this is a briefgen bug; please report it",
                        )
                    ]
                )
    except OSError as exc:
        discard(temps)
        raise _write_error(files, exc) from None
    except BaseException:
        discard(temps)
        raise
    return temps


def write_new(target: Path, data: bytes) -> None:
    """Write `target` whole (a temporary file first, as `stage` does), refusing to
    overwrite: FileExistsError if it exists, even if a concurrent run made it a moment ago."""
    temp = stage({target: data})[target]
    try:
        os.chmod(temp, new_file_mode())
        publish_new(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def publish_new(temp: Path, target: Path) -> None:
    """Move the finished file or folder `temp` to `target`, which must not exist.

    Unlike `os.replace` this never overwrites: a file is hard-linked under its new name
    (which fails if the name is taken), a folder first claims its name with `mkdir`.
    Raises FileExistsError if `target` exists.
    """
    if temp.is_dir():
        os.mkdir(target)  # claims the name: a concurrent run's mkdir now fails
        try:
            os.replace(temp, target)  # onto the empty folder just made
        except OSError as exc:  # another run filled it meanwhile
            with contextlib.suppress(OSError):
                os.rmdir(target)  # ours, if still empty
            raise FileExistsError(exc.errno, exc.strerror, str(target)) from None
        return
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here: the narrowest check-then-rename there is
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.replace(temp, target)
        return
    os.unlink(temp)


def commit(staged: dict[Path, Path]) -> None:
    """Rename staged files over their targets, all or none (old files come back on failure).

    A stop signal waits until the renames are done (or undone): a deliverable's files
    are never cut in two. Even a SIGKILL cannot: a journal names the old files kept
    until the renames are done, and the next build in the folder puts them back
    (`sweep`). A file replaced keeps its mode; a new one follows the umask.
    """
    temps = dict(staged)
    backups: dict[Path, Path] = {}
    renamed: list[Path] = []
    journal: Path | None = None
    with stopping.deferred():
        try:
            tag = secrets.token_hex(4)
            for target, temp in temps.items():
                old = _stat(target)
                os.chmod(temp, stat.S_IMODE(old.st_mode) if old else new_file_mode())
                if old and stat.S_ISREG(old.st_mode):
                    backups[target] = _keep(target, tag)
            if len(temps) > 1:  # one file is replaced in one step: nothing to journal
                journal = _journal(temps, backups, tag)
            for target, temp in temps.items():
                os.replace(temp, target)
                renamed.append(target)
            temps.clear()
            if journal:  # done: from here on the backups are only litter
                journal.unlink()
                journal = None
        except OSError as exc:
            _roll_back(renamed, backups)
            raise _write_error(staged, exc) from None
        except BaseException:
            _roll_back(renamed, backups)
            raise
        finally:
            for temp in [*temps.values(), *backups.values(), *([journal] if journal else [])]:
                temp.unlink(missing_ok=True)


def _journal(temps: dict[Path, Path], backups: dict[Path, Path], tag: str) -> Path:
    """A record of one commit: each target, and whether an old file was kept for it."""
    folder = next(iter(temps)).parent
    path = folder / f".briefgen-commit-{tag}"
    entries = [[target.name, target in backups] for target in temps]
    with open(path, "x", encoding="utf-8") as handle:
        json.dump(entries, handle)
    return path


def _recover(folder: Path, name: str) -> None:
    """Undo a commit whose process was killed between its renames (its journal remains)."""
    tag = name.rsplit("-", 1)[1]
    try:
        entries = json.loads((folder / name).read_text(encoding="utf-8"))
        for target, had_old in entries:
            if Path(target).name != target:
                continue  # not one of ours
            backup = folder / f".{target}.{tag}.old.tmp"
            if had_old and backup.exists():
                os.replace(backup, folder / target)
            elif not had_old:
                (folder / target).unlink(missing_ok=True)
    except (OSError, ValueError, TypeError):
        pass
    with contextlib.suppress(OSError):
        os.unlink(folder / name)


def new_file_mode() -> int:
    """What `open` would give a new file here: read-write for whom the umask allows."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


# What `stage`, `_keep` and `_journal` leave if a build is killed: `.<name>.<8 random>.tmp`
# (or `.old.tmp`) for an output, a commit's journal, and `check_output_dir`'s probe.
_LITTER = re.compile(r"\.(?:.+\.(?:pdf|docx|json)\.[a-z0-9_]{8}(?:\.old)?\.tmp|briefgen-probe-[a-z0-9_]{8})")
_JOURNAL = re.compile(r"\.briefgen-commit-[0-9a-f]{8}")


def sweep(folder: Path) -> None:
    """Remove temporary files that killed builds left in `folder` (only briefgen's own).

    Only while holding the folder's lock (`outdir.py`), or after this build's workers
    ended: no live build is then writing any of them.
    """
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:  # first the commits cut short, which need their old files
        if name.startswith(".") and _JOURNAL.fullmatch(name):
            _recover(folder, name)
    for name in os.listdir(folder):
        if name.startswith(".") and _LITTER.fullmatch(name):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)


def discard(staged: dict[Path, Path]) -> None:
    for temp in staged.values():
        temp.unlink(missing_ok=True)


def _write_error(files: Mapping[Path, object], exc: OSError) -> BriefgenError:
    return BriefgenError(
        [
            Diagnostic(
                Pos(str(next(iter(files)).parent)),
                f"could not write output: {exc.strerror or exc}",
                "check free space and permissions",
            )
        ]
    )


def _keep(target: Path, tag: str) -> Path:
    """A second name for the current `target`, so that it can be restored."""
    backup = target.parent / f".{target.name}.{tag}.old.tmp"
    try:
        os.link(target, backup)
    except FileExistsError:
        raise
    except OSError:  # no hard links here: copy instead
        shutil.copy2(target, backup)
    return backup


def _roll_back(renamed: list[Path], backups: dict[Path, Path]) -> None:
    """Undo the renames done so far: old files come back, new ones without an old go."""
    for target in reversed(renamed):
        try:
            if target in backups:
                os.replace(backups.pop(target), target)
            else:
                target.unlink(missing_ok=True)
        except OSError:
            pass
