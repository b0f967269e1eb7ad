"""Watching a project for saves: the batches of changed files that call for a rebuild,
shared by `briefgen watch` and `briefgen serve`.

The whole project folder is watched, recursively, rather than a list of known inputs:
sections, templates, the brand file, logos, fonts, images, CSV files and clients may sit
anywhere inside it, and a file added to an outline glob must be seen too. What no build
reads is filtered out: the output folders (a build's own writes would trigger the next
one), hidden and tool folders (`.git`, `__pycache__`, `node_modules`), and editors'
swap and backup files. watchfiles (imported only when watching starts) groups the
events of one save (an editor's write, rename and chmod) into one batch, and keeps the
saves made during a rebuild for the next batch, so none is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from pathlib import Path

# A save is one batch once its events have been quiet this long (watchfiles' `step`):
# an editor's write, rename and chmod come within a few milliseconds.
QUIET_MS = 30
# How often the watch wakes up when nothing changes (and how long setting it up waits).
IDLE_MS = 100
# Folders no build reads, besides hidden ones (watchfiles' default filter adds its own).
SKIPPED_DIRS = frozenset({"__pycache__", "node_modules"})


class Watcher:
    """The saves under `root`, as sorted lists of paths relative to it."""

    def __init__(self, root: Path, ignore: tuple[Path, ...] = (), *, poll: bool = False) -> None:
        self.root = root.resolve()
        self.ignore = tuple(p.resolve() for p in ignore)
        self.poll = poll
        self._batches: Generator[set[tuple[object, str]], None, None] | None = None

    def relevant(self, path: Path) -> bool:
        """Whether a change at `path` (absolute) may change what a build reads."""
        try:
            rel = path.relative_to(self.root)
        except ValueError:
            return False
        if any(part.startswith(".") or part in SKIPPED_DIRS for part in rel.parts):
            return False
        return not any(path == skip or skip in path.parents for skip in self.ignore)

    def _filter(self) -> Callable[[object, str], bool]:
        from watchfiles import DefaultFilter

        editors = DefaultFilter()  # swap files, backups, .DS_Store, compiled Python

        def keep(change: object, path: str) -> bool:
            return editors(change, path) and self.relevant(Path(path))  # type: ignore[arg-type]

        return keep

    def start(self) -> Watcher:
        """Begin watching now: saves made from here on (during a first build too) are seen."""
        from watchfiles import watch

        self._batches = watch(
            self.root,
            watch_filter=self._filter(),
            step=QUIET_MS,
            rust_timeout=IDLE_MS,
            yield_on_timeout=True,  # an empty batch: the watch is set up, or nothing was saved
            force_polling=True if self.poll else None,  # None: watchfiles' own choice (inotify)
            ignore_permission_denied=True,
        )
        next(self._batches)  # the first returns once the watch is in place
        return self

    def changes(self) -> Iterator[list[str]]:
        """Each batch of saved files, until Ctrl+C (raised as KeyboardInterrupt). Saves
        made while the caller rebuilds are kept for the next batch."""
        if self._batches is None:
            self.start()
        assert self._batches is not None
        try:
            for batch in self._batches:
                saved = self.saved(batch)
                if saved:
                    yield saved
        finally:
            self.close()

    def close(self) -> None:
        if self._batches is not None:
            self._batches.close()
            self._batches = None

    def saved(self, batch: set[tuple[object, str]]) -> list[str]:
        """The files a batch changed, less the temporary files an editor (or `sed -i`)
        made and removed within it (created, gone again, and no input of any build) and
        the folders that hold the changes (polling reports them too)."""
        from watchfiles import Change

        kinds: dict[str, set[object]] = {}
        for change, path in batch:
            kinds.setdefault(path, set()).add(change)
        return sorted(
            self.shown(Path(path))
            for path, seen in kinds.items()
            if (Change.added not in seen or Change.deleted not in seen or Path(path).exists())
            and not Path(path).is_dir()
        )

    def shown(self, path: Path) -> str:
        """A changed file as the user knows it: relative to the project."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def listed(files: list[str], most: int = 5) -> str:
    """A batch of changed files in one line; a long batch (a checkout) is abridged."""
    if len(files) <= most:
        return ", ".join(files)
    return f"{', '.join(files[:most])} and {len(files) - most} more"
