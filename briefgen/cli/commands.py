"""The command line's commands: `build`, `check`, `list`, `init`, `schema`, `new`, `watch` and
`serve`, each an `argparse.Namespace` → exit code, in the `COMMANDS` table.

Each command imports the stages it needs when it runs, so `--help` and a usage error stay fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from briefgen.cli import environment
from briefgen.cli.report import Progress, on_done, print_diagnostics, shown, table
from briefgen.errors import BriefgenError, Diagnostic, Reporter, internal_error

if TYPE_CHECKING:
    from briefgen.load.project import Project


def _build(args: argparse.Namespace) -> int:
    from briefgen.build.run import DEFAULT_FORMATS, FORMATS, Request, build, load

    formats = tuple(f.strip() for f in (args.format or "").split(",") if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad or (args.format is not None and not formats):
        known = ", ".join(FORMATS)
        print(
            f"briefgen build: error: unknown format '{','.join(bad)}' (use {known}, or several with commas)",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    environment.check_source_date_epoch()
    load_warnings: list[Diagnostic] = []
    project = load(environment.resolved(args.project, "--project"), args.strict, load_warnings)
    print_diagnostics(load_warnings)
    formats = formats or tuple(dict.fromkeys(project.meta.get("formats") or DEFAULT_FORMATS))
    if args.pdf_standard:  # the command line over briefing.yaml's pdf_standard
        project = dataclasses.replace(project, meta={**project.meta, "pdf_standard": args.pdf_standard})
    output = environment.resolved(args.output or project.root / "output", "--output")
    if args.level > 0:
        print(
            f"loaded {len(project.sources)} section(s) and {len(project.clients)} client(s) "
            f"in {time.perf_counter() - started:.3f} s; writing to {shown(output)}"
        )
    if args.all:
        cuts = batch_cuts(project, args.level)
        requests = [Request(cut) for cut in cuts]
        requests += [Request(cut, None, c.id) for c in project.clients.values() for cut in c.cuts if cut in cuts]
    else:
        requests = [Request(cut, args.audience, args.client) for cut in (args.cuts or ["full"])]
    progress = Progress(len(requests)) if args.all and args.level >= 0 else None
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
            on_done=on_done(args, progress),
            strict=args.strict,
            debug=args.debug,
            wait=args.wait,
        )
    finally:
        if progress:
            progress.stop()
    if args.all and args.level >= 0:
        table(done)
    if args.level >= 0:
        print(f"built {len(done)} of {len(requests)} deliverable(s) in {time.perf_counter() - started:.2f} s")
    return 1 if failed else 0


def batch_cuts(project: Project, level: int) -> list[str]:
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
        for cut in batch_cuts(project, args.level):
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
    print_diagnostics(reporter.diagnostics)
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
        print(f"wrote {shown(path)}")
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
        print(f"wrote {shown(path)}")
    if args.level >= 0:
        where = shown(args.dir.resolve())
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


def _watch(args: argparse.Namespace) -> int:
    from briefgen.cli.watch import watch

    return watch(args)


def _serve(args: argparse.Namespace) -> int:
    from briefgen.cli.serve import serve

    return serve(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": _build,
    "check": _check,
    "list": _list,
    "init": _init,
    "schema": _schema,
    "new": _new,
    "watch": _watch,
    "serve": _serve,
}
