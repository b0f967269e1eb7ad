"""`briefgen serve`: the web edition of one deliverable, served on localhost and rebuilt
on every save, with the page reloading itself.

The loop: watch (`watcher.py`), rebuild the page in this process (`rebuild.py`), publish
it to the server (`liveserver.py`). The page lives in memory; nothing is written to
disk. A failed build is shown in the page as `file:line: error: …` (and printed), and
the next save that builds replaces it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefgen.batch import stopping
from briefgen.batch.units import Request
from briefgen.cli import environment
from briefgen.cli.liveserver import Live, Server
from briefgen.cli.rebuild import Page, Rebuilder
from briefgen.cli.report import print_diagnostics, say, shown
from briefgen.cli.watcher import Watcher, listed


def _publish(live: Live, page: Page, started: float, level: int) -> None:
    if page.data is not None:
        live.publish(page.name, page.data)
        if level >= 0:
            say(f"built {page.name} ({len(page.data):,} bytes, {time.perf_counter() - started:.2f} s)")
        return
    print_diagnostics(list(page.errors))
    live.publish(page.name, None, tuple(dict.fromkeys(str(d) for d in page.errors)))
    if level >= 0:
        took = f"{time.perf_counter() - started:.2f} s"
        say(f"build failed ({took}): the page shows the errors until a save builds again")


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
            say(f"stopped serving {shown(root)}")
            return 0
        finally:
            server.stop()


def _serving(args: argparse.Namespace, root: Path, request: Request, server: Server) -> int:
    """The first build, then the server, then a build per batch of saves."""
    watcher = Watcher(root, (root / "output",), poll=args.poll).start()  # a save during the first build counts
    try:
        started = time.perf_counter()
        rebuilder = Rebuilder(root, request, strict=args.strict, debug=args.debug)
        page = rebuilder.page()
        if page.usage:  # a typo on the command line, not in the project: say so and stop
            print_diagnostics(list(page.errors))
            return 2
        _publish(server.live, page, started, args.level)
        server.start()
        if not server.loopback:
            say("warning: serving to the network: anyone who can reach this address can read the briefing")
        say(f"serving {server.live.shown.name} at {server.url} (Ctrl+C to stop)")
        for files in watcher.changes():
            started = time.perf_counter()
            if args.level >= 0:
                say(f"changed: {listed(files)}")
            rebuilder.saved(files)
            _publish(server.live, rebuilder.page(), started, args.level)
    finally:
        watcher.close()
    return 0
