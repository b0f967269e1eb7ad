"""`briefgen watch`: build, then build again on every save, printing what changed.

Each rebuild is an ordinary `build` of the same deliverables (the project reloaded from
disk, so any file's change is seen; the files written atomically into the output
folder, under its lock). It prints the saved files that triggered it, each file written
with its pages and time, and errors as `file:line: error: …`; a failed rebuild leaves
the last good files in place, and the next save tries again. Ctrl+C (or SIGTERM) stops
it between or during builds, with no partial file left, and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefgen.batch import stopping
from briefgen.batch.units import Request
from briefgen.cli import environment
from briefgen.cli.report import on_done, print_diagnostics, say, shown
from briefgen.cli.watcher import Watcher, listed
from briefgen.errors import BriefgenError, Diagnostic, UsageError, internal_error


def formats_of(text: str | None, command: str) -> tuple[str, ...] | None:
    """The formats `--format` names (empty: the project's default), or None after printing why not."""
    from briefgen.build.make import FORMATS

    formats = tuple(f.strip() for f in (text or "").split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or (text is not None and not formats):
        message = f"unknown format '{','.join(bad)}' (use {', '.join(FORMATS)}, or several with commas)"
        print(f"briefgen {command}: error: {message}", file=sys.stderr)
        return None
    return formats


class _Rebuild:
    """One watch session's build: the same requests, formats and folder every time."""

    def __init__(self, args: argparse.Namespace, root: Path, output: Path, formats: tuple[str, ...]) -> None:
        self.args, self.root, self.output, self.formats = args, root, output, formats
        self.requests = [Request(cut, args.audience, args.client) for cut in (args.cuts or ["full"])]

    def __call__(self) -> bool | None:
        """Build everything once; True if all was built, False if not, None for a usage error."""
        from briefgen.build.run import DEFAULT_FORMATS, build, load

        args = self.args
        started = time.perf_counter()
        failed: list[BriefgenError] = []
        done = []
        try:
            warnings: list[Diagnostic] = []
            project = load(self.root, args.strict, warnings)
            print_diagnostics(warnings)
            done, failed = build(
                project,
                self.requests,
                # as `build` does: briefing.yaml's `formats` (read afresh), else PDF and DOCX
                formats=self.formats or tuple(dict.fromkeys(project.meta.get("formats") or DEFAULT_FORMATS)),
                output=self.output,
                jobs=args.jobs,
                on_done=on_done(args, None),
                strict=args.strict,
                debug=args.debug,
            )
        except BriefgenError as exc:
            print_diagnostics(exc.diagnostics)
            failed.append(exc)
        except Exception as exc:  # a bug: reported, and the next save tries again
            if args.debug:
                raise
            failed.append(internal_error("watch", exc))
            print_diagnostics(failed[-1].diagnostics)
        if args.level >= 0:
            took = f"{time.perf_counter() - started:.2f} s"
            advice = "; fix the errors above and save to build again" if failed else ""
            say(f"built {len(done)} of {len(self.requests)} deliverable(s) in {took}{advice}")
        sys.stderr.flush()
        if any(isinstance(exc, UsageError) for exc in failed):
            return None
        return not failed


def watch(args: argparse.Namespace) -> int:
    """Build, then rebuild on every save until Ctrl+C (exit 0)."""
    formats = formats_of(args.format, "watch")
    if formats is None:
        return 2
    environment.check_source_date_epoch()
    root = environment.resolved(args.project, "--project")
    output = environment.resolved(args.output or root / "output", "--output")
    rebuild = _Rebuild(args, root, output, formats)
    watcher = Watcher(root, (output,), poll=args.poll)
    with stopping.handled():
        try:
            watcher.start()  # before the first build, so a save made during it is seen
            if rebuild() is None:  # the command line names a cut or client the project lacks
                return 2
            if args.level >= 0:
                say(f"watching {shown(root)} for changes (Ctrl+C to stop)")
            for files in watcher.changes():
                if args.level >= 0:
                    say(f"changed: {listed(files)}")
                rebuild()
        except KeyboardInterrupt:
            say("stopped watching")
        finally:
            watcher.close()
    return 0
