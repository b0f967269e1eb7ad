"""The `briefgen` command line: build, check, list, new. Exit codes: 0 ok, 1 content, 2 usage."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.cli import environment
from briefgen.errors import BriefgenError, Diagnostic, Reporter, UsageError, internal_error
from briefgen.transform.filters import Omission

if TYPE_CHECKING:
    from briefgen.build.run import Output, Request
    from briefgen.load.project import Project


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog="briefgen", description="Build branded PDF and DOCX briefings from Markdown sections."
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def talk(p: argparse.ArgumentParser) -> None:
        p.add_argument("-q", "--quiet", action="count", default=0, help="print only warnings and errors")
        p.add_argument("-v", "--verbose", action="count", default=0, help="print more: sizes, timings, every step")
        p.add_argument("--debug", action="store_true", help="show Python tracebacks for unexpected failures")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "-p",
            "--project",
            type=Path,
            default=Path("."),
            metavar="DIR",
            help="briefing project folder (default: current folder)",
        )
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")
        talk(p)

    b = sub.add_parser("build", help="build deliverables", description="Build one or more cuts as PDF and DOCX.")
    b.add_argument("cuts", nargs="*", metavar="CUT", help="cuts to build (default: full)")
    b.add_argument("--format", default="pdf,docx", type=str.lower, help="pdf, docx or pdf,docx (default)")
    b.add_argument("-o", "--output", type=Path, metavar="DIR", help="output folder (default: <project>/output)")
    b.add_argument("--client", metavar="ID", help="build for the client clients/ID.yaml")
    b.add_argument("--audience", metavar="NAME", help="override the audience for this build")
    b.add_argument(
        "--all",
        action="store_true",
        help="every cut for the default audience, plus every client's cuts (default: its annex)",
    )
    b.add_argument(
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes to use (default: cores): --all builds deliverables side by side; "
        "a single deliverable writes its PDF and DOCX side by side; 1 does all in turn",
    )
    b.add_argument("--explain", action="store_true", help="list what each output leaves out, and why")
    b.add_argument(
        "--wait", action="store_true", help="if another build is writing to the output folder, wait for it to finish"
    )
    common(b)
    c = sub.add_parser(
        "check",
        help="validate everything without writing",
        description="Check every cut × audience × client; report all problems.",
    )
    common(c)
    ls = sub.add_parser(
        "list",
        help="show sections, countries, audiences, cuts and clients",
        description="Show what the project holds and what each cut contains.",
    )
    common(ls)
    i = sub.add_parser(
        "init",
        help="start a new briefing project",
        description="Write a small briefing project that builds at once, to edit into your own.",
    )
    i.add_argument("dir", nargs="?", type=Path, default=Path("."), metavar="DIR", help="an empty or new folder")
    talk(i)
    sc = sub.add_parser(
        "schema",
        help="print a file format's JSON Schema, for editors",
        description="Print the JSON Schema (draft 2020-12) of briefing.yaml, the brand file, "
        "section front matter or a client file.",
    )
    sc.add_argument("kind", choices=("briefing", "brand", "section", "client"), help="which file format")
    sc.add_argument("--markdown", action="store_true", help="print the keys as a Markdown table instead")
    sc.add_argument("--debug", action="store_true", help="show Python tracebacks for unexpected failures")
    # `new country NAME`: its own block, so other subcommands can change freely around it.
    new = sub.add_parser("new", help="start a new file from the map data", description="Start a new file.")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    nc = kinds.add_parser(
        "country",
        help="write sections/countries/<name>.md pre-filled from the world map",
        description="Write a country profile pre-filled from Natural Earth: official name, capital, "
        "region, population and land borders. An existing file is never overwritten.",
    )
    nc.add_argument("name", metavar="NAME", help="the country's name, a common alias or its ISO3 code")
    common(nc)
    return parser, {"build": b, "check": c, "list": ls, "init": i, "schema": sc, "new": nc}


def _print_diagnostics(diags: list[Diagnostic]) -> None:
    seen = set()
    for d in diags:
        if str(d) not in seen:
            seen.add(str(d))
            print(str(d), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    with environment.watched_stdout() as failed:
        try:
            parser, commands = _parser()
            args, extra = parser.parse_known_args(argv)
            if extra:  # reported by the command's own parser, so its usage is the one shown
                commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
        except SystemExit as exc:  # --help and --version print before they exit
            if exc.code == 0 and environment.flush_stdout(failed):
                return _stdout_lost(failed[0])
            raise
        args.level = getattr(args, "verbose", 0) - getattr(args, "quiet", 0)
        try:
            environment.check_stdout()
            environment.check_cwd()
            if args.command == "build":
                from briefgen.batch import stopping

                with stopping.handled():  # SIGTERM and SIGHUP stop a build as Ctrl+C does
                    code = _build(args)
            else:
                code = _COMMANDS[args.command](args)
            # A full disk may show only now, when what was printed is pushed out.
            return _stdout_lost(failed[0]) if environment.flush_stdout(failed) else code
        except BriefgenError as exc:
            _print_diagnostics(exc.diagnostics)
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
        except BrokenPipeError:  # output piped into `head` and the like: not an error of ours
            sys.stderr.close()
            return 1
        except OSError as exc:
            if environment.flush_stdout(failed):
                return _stdout_lost(failed[0])
            return _internal(args, exc)
        except Exception as exc:
            return _internal(args, exc)


def _stdout_lost(exc: OSError) -> int:
    print(f"briefgen: error: cannot write to standard output: {exc.strerror or exc}", file=sys.stderr)
    return 1


def _internal(args: argparse.Namespace, exc: Exception) -> int:
    if args.debug:
        raise exc
    print(f"briefgen: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", file=sys.stderr)
    return 1


def _build(args: argparse.Namespace) -> int:
    from briefgen.build.run import FORMATS, Request, build, load

    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        print(f"briefgen build: error: unknown format '{','.join(bad)}' (use pdf, docx or pdf,docx)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    environment.check_source_date_epoch()
    load_warnings: list[Diagnostic] = []
    project = load(environment.resolved(args.project, "--project"), args.strict, load_warnings)
    _print_diagnostics(load_warnings)
    output = environment.resolved(args.output or project.root / "output", "--output")
    if args.level > 0:
        print(
            f"loaded {len(project.sources)} section(s) and {len(project.clients)} client(s) "
            f"in {time.perf_counter() - started:.3f} s; writing to {_shown(output)}"
        )
    if args.all:
        cuts = _batch_cuts(project, args.level)
        requests = [Request(cut) for cut in cuts]
        requests += [Request(cut, None, c.id) for c in project.clients.values() for cut in c.cuts if cut in cuts]
    else:
        requests = [Request(cut, args.audience, args.client) for cut in (args.cuts or ["full"])]
    progress = _Progress(len(requests)) if args.all and args.level >= 0 else None

    def report(result: Output | BriefgenError, req: Request) -> None:
        if progress:
            progress.advance(req)
        if isinstance(result, BriefgenError):
            _print_diagnostics(result.diagnostics)
            return
        for ext, path in result.files.items() if args.level >= 0 else ():
            pages = result.pages.get(ext)
            detail = f"{pages} page{'s' if pages != 1 else ''}, " if pages else ""
            if args.level > 0 and ext in result.digests:
                detail += f"{result.digests[ext][0]:,} bytes, "
            print(f"wrote {_shown(path)} ({detail}{result.seconds.get(ext, 0):.2f} s)")
        for note in result.notes if args.level >= 0 else ():
            print(f"  {note}")
        _print_diagnostics(list(result.warnings))
        if args.explain:
            _explain(result.name, result.omissions)

    jobs = max(1, args.jobs)
    if progress:
        progress.start()
    try:
        done, failed = build(
            project,
            requests,
            formats=formats,
            output=output,
            jobs=jobs,
            on_done=report,
            strict=args.strict,
            debug=args.debug,
            wait=args.wait,
        )
    finally:
        if progress:
            progress.stop()
    if args.all and args.level >= 0:
        _table(done)
    if args.level >= 0:
        print(f"built {len(done)} of {len(requests)} deliverable(s) in {time.perf_counter() - started:.2f} s")
    return 1 if failed else 0


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):  # elsewhere, or the current folder was removed
        return str(path)


def _explain(name: str, omissions: tuple[Omission, ...]) -> None:
    print(f"{name}: {'omits nothing' if not omissions else 'omits, compared with the full report:'}")
    for o in omissions:
        print(f"  - {o}")


class _Progress:
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


def _table(done: list[Output]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Outputs")
    for col in ("file", "cut", "client", "audience", "pages", "seconds"):
        table.add_column(col)
    for out in done:
        for ext, path in out.files.items():
            req = out.request
            table.add_row(
                path.name,
                req.cut,
                req.client or "–",
                out.audience,
                str(out.pages.get(ext, "–")),
                f"{out.seconds.get(ext, 0):.2f}",
            )
    Console().print(table)


def _batch_cuts(project: Project, level: int) -> list[str]:
    """The cuts `--all` builds and `check` checks: every cut but a built-in one with
    nothing to show (a summary with no bottom line, an annex with no countries)."""
    cuts = []
    for cut in project.cuts:
        why = project.idle_builtin(cut)
        if why is None:
            cuts.append(cut)
        elif level >= 0:
            print(f"note: left out the built-in cut '{cut}': {why}")
    return cuts


def _check(args: argparse.Namespace) -> int:
    from briefgen.build.assemble import Assembler
    from briefgen.load.project import load_project

    reporter = Reporter()
    project = load_project(environment.resolved(args.project, "--project"), reporter)
    combos = 0
    if project is not None:
        assembler = Assembler(project)
        for cut in _batch_cuts(project, args.level):
            for audience in project.audiences:
                for client in [None, *project.clients]:
                    combos += 1
                    before = len(reporter.diagnostics)
                    try:
                        result = assembler.assemble(cut, audience, client)
                        reporter.diagnostics.extend(result.warnings)
                    except BriefgenError as exc:
                        reporter.extend(exc)
                    except Exception as exc:  # a bug: reported with the rest, never a stop
                        if args.debug:
                            raise
                        name = "-".join(x for x in (cut, audience, client) if x)
                        reporter.extend(internal_error(name, exc))
                    if args.level > 0:
                        found = len(reporter.diagnostics) - before
                        print(f"  {cut} × {audience} × {client or '(no client)'}: {found or 'no'} problem(s)")
    _print_diagnostics(reporter.diagnostics)
    errors, warnings = len({str(d) for d in reporter.errors}), len({str(d) for d in reporter.warnings})
    if args.level >= 0:
        print(f"checked {combos} cut × audience × client combination(s): {errors} error(s), {warnings} warning(s)")
        # Everything else that fails a build is found above; page fit needs the real layout.
        print("page layout (the summary's page budget, a block too big for a page) is checked at build time")
    return 1 if errors or (args.strict and warnings) else 0


def _new(args: argparse.Namespace) -> int:
    from briefgen.cli.newcountry import new_country

    path, note = new_country(args.project, args.name)
    if args.level >= 0:
        print(f"wrote {_shown(path)}")
    if note:
        print(f"note: {note}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from briefgen.build.run import load
    from briefgen.select.cut import select

    project = load(environment.resolved(args.project, "--project"))
    print(
        f"{project.title}\n\nAudiences: {', '.join(project.audiences)} (default: {project.audiences[0]})\n\nSections:"
    )
    from briefgen.select.grouping import place

    for at in place(project.sources, project.profiles, {s.id for s in project.sources}):
        s = at.source
        if at.group_title:
            print(f"  {'(group)':<24} {at.group_title}")
        aud = f"  [{', '.join(s.meta.audiences)}]" if s.meta.audiences else ""
        indent = "    " if at.level == 2 else "  "
        where = f"  ({s.rel})" if args.level > 0 else ""
        print(f"{indent}{s.id:<24} {s.meta.title}{aud}{where}")
    tiers = {s.id: f" (tier {s.meta.tier})" if s.meta.tier is not None else "" for s in project.countries}
    print("\nCountries: " + ", ".join(f"{s.id}{tiers[s.id]}" for s in project.countries))
    print("\nCuts:")
    for cut in project.cuts.values():
        sel = select(project, cut.id)
        print(f"  {cut.id:<10} {cut.layout:<8} audience {sel.audience}: {', '.join(s.id for s in sel.sources)}")
    print("\nClients:")
    for client in project.clients.values():
        print(
            f"  {client.id:<12} {client.name} — audience {client.audience or '(default)'}; countries: {', '.join(client.countries or []) or 'all'}"
        )
    if not project.clients:
        print("  (none: add clients/<id>.yaml)")
    return 0


def _init(args: argparse.Namespace) -> int:
    from briefgen.cli.scaffold import write_project

    environment.resolved(args.dir, "DIR")  # a loop of links is refused before anything is written
    written = write_project(args.dir)
    for path in written if args.level > 0 else ():
        print(f"wrote {_shown(path)}")
    if args.level >= 0:
        where = _shown(args.dir.resolve())
        print(f"created a briefing project in {where} ({len(written)} files); build it with:")
        print(f"  briefgen build --all --project {where}" if where != "." else "  briefgen build --all")
    return 0


def _schema(args: argparse.Namespace) -> int:
    import json

    from briefgen.cli.schemagen import json_schema, markdown

    if args.markdown:
        print(markdown(args.kind), end="")
    else:
        print(json.dumps(json_schema(args.kind), indent=2, ensure_ascii=False))
    return 0


_COMMANDS = {"build": _build, "check": _check, "list": _list, "init": _init, "schema": _schema, "new": _new}
