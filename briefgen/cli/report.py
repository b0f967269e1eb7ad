"""What the command line prints about its work: diagnostics, written files, the batch's
progress bar and summary table, and `--explain`'s omissions.

`level` is `--verbose` minus `--quiet`: below 0 only warnings and errors are printed,
above 0 sizes and timings too. rich is imported only when a bar or table is shown.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, Diagnostic

if TYPE_CHECKING:
    from briefgen.build.run import Made, Request
    from briefgen.model.omissions import Omission


def print_diagnostics(diags: list[Diagnostic]) -> None:
    seen = set()
    for d in diags:
        if str(d) not in seen:
            seen.add(str(d))
            print(str(d), file=sys.stderr)


def say(line: str) -> None:
    """Print a line in one write, flushed: a Ctrl+C (raised between any two writes) cannot
    part it from its newline, and a pipe (a test, an editor's task runner) sees it at once."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):  # elsewhere, or the current folder was removed
        return str(path)


def explain(name: str, omissions: tuple[Omission, ...]) -> None:
    print(f"{name}: {'omits nothing' if not omissions else 'omits, compared with the full report:'}")
    for o in omissions:
        print(f"  - {o}")


class Progress:
    """A rich progress bar on stderr for batch builds (quiet when not a terminal)."""

    def __init__(self, total: int):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        # No auto-refresh: rich would redraw from a thread, and the batch forks its
        # workers; forking a process with threads can deadlock the children.
        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=True,
            auto_refresh=False,
        )
        self.task = self.bar.add_task("building", total=total)

    def start(self) -> None:
        self.bar.start()

    def advance(self, req: object) -> None:
        self.bar.update(
            self.task, advance=1, description=f"built {getattr(req, 'cut', '')} {getattr(req, 'client', '') or ''}"
        )
        self.bar.refresh()

    def stop(self) -> None:
        self.bar.stop()


def on_done(args: argparse.Namespace, progress: Progress | None) -> Callable[[Made | BriefgenError, Request], None]:
    """What a build prints as each deliverable is done (or failed), in the order they finish."""

    def report(result: Made | BriefgenError, req: Request) -> None:
        if progress:
            progress.advance(req)
        if isinstance(result, BriefgenError):
            print_diagnostics(result.diagnostics)
            return
        for ext, path in result.files.items() if args.level >= 0 else ():
            pages = result.pages.get(ext)
            detail = f"{pages} page{'s' if pages != 1 else ''}, " if pages else ""
            if args.level > 0 and ext in result.digests:
                detail += f"{result.digests[ext][0]:,} bytes, "
            print(f"wrote {shown(path)} ({detail}{result.seconds.get(ext, 0):.2f} s)")
        for note in result.notes if args.level >= 0 else ():
            print(f"  {note}")
        print_diagnostics(list(result.warnings))
        if args.explain:
            explain(result.name, result.omissions)

    return report


def table(done: list[Made]) -> None:
    """The batch's summary: one row per file written."""
    from rich.console import Console
    from rich.table import Table

    grid = Table(title="Outputs")
    for col in ("file", "cut", "client", "audience", "pages", "seconds"):
        grid.add_column(col)
    for out in done:
        for ext, path in out.files.items():
            req = out.request
            grid.add_row(
                path.name,
                req.cut,
                req.client or "–",
                out.audience,
                str(out.pages.get(ext, "–")),
                f"{out.seconds.get(ext, 0):.2f}",
            )
    Console().print(grid)
