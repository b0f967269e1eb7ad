"""Atomic output: all files of one deliverable appear together, or none changes.

Each file is written to a temporary name in the destination folder, checked, and only
then renamed over the old file, so a failed build leaves the previous good outputs. The
old files are kept (hard-linked) until every rename succeeded; if one fails, the files
already renamed are put back, so a deliverable's PDF and DOCX never come from two builds.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

from .errors import BriefgenError, Diagnostic, Pos


def check_output_dir(folder: Path) -> None:
    """Fail before any work if the folder cannot be created or written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".briefgen-probe-"):
            pass
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
            problem = verify(Path(name), data) if verify else None
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


def commit(staged: dict[Path, Path]) -> None:
    """Rename staged files over their targets, all or none (old files come back on failure)."""
    temps = dict(staged)
    backups: dict[Path, Path] = {}
    renamed: list[Path] = []
    try:
        for target, temp in temps.items():
            os.chmod(temp, 0o644)
            if target.is_file():
                backups[target] = _keep(target)
        for target, temp in temps.items():
            os.replace(temp, target)
            renamed.append(target)
        temps.clear()
    except OSError as exc:
        _roll_back(renamed, backups)
        raise _write_error(staged, exc) from None
    except BaseException:
        _roll_back(renamed, backups)
        raise
    finally:
        for temp in [*temps.values(), *backups.values()]:
            temp.unlink(missing_ok=True)


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


def _keep(target: Path) -> Path:
    """A second name for the current `target`, so that it can be restored."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old.tmp")
    os.close(fd)
    backup = Path(name)
    try:
        backup.unlink()
        os.link(target, backup)
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
