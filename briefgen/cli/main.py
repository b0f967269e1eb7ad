"""The `briefgen` entry point: parse the command line, run the command, and turn every
outcome into an exit code (0 ok, 1 content, 2 usage; 128 + n when stopped by signal n).

The grammar is `parser.py`, the commands `commands.py`, what they print `report.py`, and
what is checked of the surroundings `environment.py`. Only here does an exception become
an exit code: a `BriefgenError` prints its diagnostics, anything else is an internal error.
"""

from __future__ import annotations

import argparse
import contextlib
import sys

from briefgen.cli import environment
from briefgen.cli.commands import COMMANDS
from briefgen.cli.parser import parser
from briefgen.cli.report import print_diagnostics
from briefgen.errors import BriefgenError, UsageError


def main(argv: list[str] | None = None) -> int:
    with environment.watched_stdout() as failed:
        code = _run(argv, failed)
        # A full disk may show only now, when what was printed is pushed out. Output lost
        # is an error of its own, said after whatever the command reported on stderr; a
        # command that failed keeps its own code.
        lost = environment.flush_stdout(failed)
        if lost is not None:
            _stdout_lost(lost)
            return code or 1
        return code


def _run(argv: list[str] | None, failed: list[OSError]) -> int:
    try:
        top, commands = parser()
        args, extra = top.parse_known_args(argv)
        if extra:  # reported by the command's own parser, so its usage is the one shown
            commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # --help and --version print before they exit
        if exc.code == 0 and environment.flush_stdout(failed):
            return 0  # `main` says the output was lost
        raise
    args.level = getattr(args, "verbose", 0) - getattr(args, "quiet", 0)
    try:
        environment.check_stdout()
        environment.check_cwd()
        if args.command == "build":
            from briefgen.batch import stopping

            with stopping.handled():  # SIGTERM and SIGHUP stop a build as Ctrl+C does
                return COMMANDS["build"](args)
        return COMMANDS[args.command](args)
    except BriefgenError as exc:
        with contextlib.suppress(OSError):  # standard error may be a closed pipe too: the code stays
            print_diagnostics(exc.diagnostics)
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt as exc:
        import signal

        from briefgen.batch.stopping import signum_of

        signum = signum_of(exc)
        print(
            f"briefgen: interrupted by {signal.Signals(signum).name} "
            "(files already written are complete; no partial file was left)",
            file=sys.stderr,
        )
        return 128 + signum
    except Exception as exc:
        return _internal(args, exc)


def _stdout_lost(exc: OSError) -> None:
    with contextlib.suppress(OSError):  # standard error may be the same closed pipe
        print(f"briefgen: error: cannot write to standard output: {exc.strerror or exc}", file=sys.stderr)


def _internal(args: argparse.Namespace, exc: Exception) -> int:
    if args.debug:
        raise exc
    print(f"briefgen: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
    return 1
