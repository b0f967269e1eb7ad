"""`briefgen serve`: the web edition of one deliverable, served on localhost and rebuilt
on every save, with the page reloading itself.

Each save reloads the whole project (a few tens of milliseconds), so whatever changed
(a section, a template, the brand, a client, an image) is read afresh and nothing stale
survives; the modules, fonts and the writers' per-process caches stay warm between
rebuilds, which is what makes a rebuild fast. The page is built in memory
(`build.make.render`) and handed to `liveserver.Live`; nothing is written to disk. A
failed build is shown in the page as `file:line: error: …` (and printed), and the next
save that builds replaces it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import NamedTuple

from briefgen.batch import stopping
from briefgen.batch.units import Request
from briefgen.cli import environment
from briefgen.cli.liveserver import Live, Server
from briefgen.cli.report import print_diagnostics, shown
from briefgen.cli.watcher import Watcher, listed
from briefgen.errors import BriefgenError, Diagnostic, UsageError, internal_error


class Page(NamedTuple):
    """One build's outcome: the page (or None) and the diagnostics it printed."""

    name: str
    data: bytes | None
    errors: tuple[Diagnostic, ...]
    usage: bool = False  # the command line named what the project does not have


def build_page(root: Path, request: Request, *, strict: bool, debug: bool) -> Page:
    """The deliverable's web page, built in this process from the project as it is now."""
    from briefgen.build.assemble import Assembler
    from briefgen.build.make import render
    from briefgen.build.run import load

    name = request.cut if not request.client else f"{request.cut}-{request.client}"
    try:
        warnings: list[Diagnostic] = []
        project = load(root, strict, warnings)
        assembled = Assembler(project).assemble(request.cut, request.audience, request.client)
        name = assembled.selection.name
        print_diagnostics([*warnings, *assembled.warnings])
        if strict and assembled.warnings:
            raise BriefgenError(assembled.warnings)
        rendered = render(assembled, project.theme, ("html",))
        return Page(f"{name}.html", rendered.data["html"], ())
    except BriefgenError as exc:
        return Page(f"{name}.html", None, tuple(exc.diagnostics), isinstance(exc, UsageError))
    except Exception as exc:  # a bug: shown like any error, and the next save tries again
        if debug:
            raise
        return Page(f"{name}.html", None, tuple(internal_error(name, exc).diagnostics))


def _publish(live: Live, page: Page, started: float, level: int) -> None:
    if page.data is not None:
        live.publish(page.name, page.data)
        if level >= 0:
            print(f"built {page.name} ({len(page.data):,} bytes, {time.perf_counter() - started:.2f} s)", flush=True)
        return
    print_diagnostics(list(page.errors))
    live.publish(page.name, None, tuple(dict.fromkeys(str(d) for d in page.errors)))
    if level >= 0:
        took = f"{time.perf_counter() - started:.2f} s"
        print(f"build failed ({took}): the page shows the errors until a save builds again", flush=True)


def serve(args: argparse.Namespace) -> int:
    """Build, serve, then rebuild on every save until Ctrl+C (exit 0)."""
    root = environment.resolved(args.project, "--project")
    request = Request(args.cut or "full", args.audience, args.client)
    live = Live(f"{request.cut}.html")
    try:
        server = Server(args.host, args.port, live)
    except OSError as exc:
        print(
            f"briefgen serve: error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr
        )
        print("  (pick another port with --port N, or --port 0 for any free one)", file=sys.stderr)
        return 1
    with stopping.handled():
        try:
            return _serving(args, root, request, server)
        except KeyboardInterrupt:
            print(f"stopped serving {shown(root)}", flush=True)
            return 0
        finally:
            server.stop()


def _serving(args: argparse.Namespace, root: Path, request: Request, server: Server) -> int:
    """The first build, then the server, then a build per batch of saves."""
    watcher = Watcher(root, (root / "output",), poll=args.poll).start()  # a save during the first build counts
    try:
        started = time.perf_counter()
        page = build_page(root, request, strict=args.strict, debug=args.debug)
        if page.usage:  # a typo on the command line, not in the project: say so and stop
            print_diagnostics(list(page.errors))
            return 2
        _publish(server.live, page, started, args.level)
        server.start()
        if not server.loopback:
            print("warning: serving to the network: anyone who can reach this address can read the briefing")
        print(f"serving {server.live.shown.name} at {server.url} (Ctrl+C to stop)", flush=True)
        for files in watcher.changes():
            started = time.perf_counter()
            if args.level >= 0:
                print(f"changed: {listed(files)}", flush=True)
            _publish(server.live, build_page(root, request, strict=args.strict, debug=args.debug), started, args.level)
    finally:
        watcher.close()
    return 0
