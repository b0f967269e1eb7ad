"""The command line's grammar: every subcommand, option and help text, as argparse parsers.

Nothing here imports more than argparse, so `briefgen --help` stays fast.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from briefgen import __version__


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _talk(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="count", default=0, help="print only warnings and errors")
    p.add_argument("-v", "--verbose", action="count", default=0, help="print more: sizes, timings, every step")
    p.add_argument("--debug", action="store_true", help="show Python tracebacks for unexpected failures")


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-p",
        "--project",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="briefing project folder (default: current folder)",
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    _talk(p)


def _build(sub: Any) -> argparse.ArgumentParser:
    b = sub.add_parser("build", help="build deliverables", description="Build one or more cuts as PDF, DOCX and HTML.")
    b.add_argument("cuts", nargs="*", metavar="CUT", help="cuts to build (default: full)")
    b.add_argument(
        "--format",
        type=str.lower,
        help="pdf, docx, html, or several with commas (default: briefing.yaml's 'formats', else pdf,docx)",
    )
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
    b.add_argument(
        "--pdf-standard",
        choices=("both", "ua1", "a2b", "none"),  # model.nodes.PDF_STANDARDS, not imported: --help stays fast
        type=str.lower,
        help="what the PDFs conform to: both (PDF/UA-1, tagged, and PDF/A-2b), ua1, a2b or none "
        "(default: briefing.yaml's pdf_standard, else both)",
    )
    b.add_argument("--explain", action="store_true", help="list what each output leaves out, and why")
    b.add_argument(
        "--wait", action="store_true", help="if another build is writing to the output folder, wait for it to finish"
    )
    _common(b)
    return b


def _init(sub: Any) -> argparse.ArgumentParser:
    i = sub.add_parser(
        "init",
        help="start a new briefing project",
        description="Write a small briefing project that builds at once, to edit into your own.",
    )
    i.add_argument("dir", nargs="?", type=Path, default=Path("."), metavar="DIR", help="an empty or new folder")
    _talk(i)
    return i


def _schema(sub: Any) -> argparse.ArgumentParser:
    sc = sub.add_parser(
        "schema",
        help="print a file format's JSON Schema, for editors",
        description="Print the JSON Schema (draft 2020-12) of briefing.yaml, the brand file, "
        "section front matter or a client file.",
    )
    sc.add_argument("kind", choices=("briefing", "brand", "section", "client"), help="which file format")
    sc.add_argument("--markdown", action="store_true", help="print the keys as a Markdown table instead")
    sc.add_argument("--debug", action="store_true", help="show Python tracebacks for unexpected failures")
    return sc


def _new(sub: Any) -> argparse.ArgumentParser:
    """`new country NAME`: its own block, so other subcommands can change freely around it."""
    new = sub.add_parser("new", help="start a new file from the map data", description="Start a new file.")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    nc = kinds.add_parser(
        "country",
        help="write sections/countries/<name>.md pre-filled from the world map",
        description="Write a country profile pre-filled from Natural Earth: official name, capital, "
        "region, population and land borders. An existing file is never overwritten.",
    )
    nc.add_argument("name", metavar="NAME", help="the country's name, a common alias or its ISO3 code")
    _common(nc)
    return nc


def _live(p: argparse.ArgumentParser) -> None:
    """What `watch` and `serve` share: the deliverable, and how saves are seen."""
    p.add_argument("--client", metavar="ID", help="build for the client clients/ID.yaml")
    p.add_argument("--audience", metavar="NAME", help="override the audience")
    p.add_argument(
        "--poll",
        action="store_true",
        help="look for changes by polling (for network or container file systems that do not report saves)",
    )
    _common(p)


def _watch(sub: Any) -> argparse.ArgumentParser:
    w = sub.add_parser(
        "watch",
        help="build, then build again on every save",
        description="Build, then rebuild on every save under the project folder, printing the files that "
        "changed, what was written and any errors. Ctrl+C stops.",
    )
    w.add_argument("cuts", nargs="*", metavar="CUT", help="cuts to build (default: full)")
    w.add_argument(
        "--format",
        type=str.lower,
        help="pdf, docx, html, or several with commas (default: briefing.yaml's 'formats', else pdf,docx)",
    )
    w.add_argument("-o", "--output", type=Path, metavar="DIR", help="output folder (default: <project>/output)")
    w.add_argument(
        "--jobs", type=_jobs, default=os.cpu_count() or 1, metavar="N", help="processes to use (default: cores)"
    )
    w.add_argument("--explain", action="store_true", help="list what each output leaves out, and why")
    _live(w)
    return w


def _serve(sub: Any) -> argparse.ArgumentParser:
    s = sub.add_parser(
        "serve",
        help="preview the web edition on localhost, reloaded on every save",
        description="Build a cut's web edition and serve it on localhost; every save rebuilds it and "
        "reloads the page, and a failed build shows its errors in the page. Ctrl+C stops.",
    )
    s.add_argument("cut", nargs="?", metavar="CUT", help="the cut to serve (default: full)")
    s.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="port to listen on (default: 8000; 0: any free one)"
    )
    s.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="ADDR",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    _live(s)
    return s


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be 0 to 65535, not {value}")
    return value


def parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser, and each command's own parser (its usage is the one an error shows)."""
    top = argparse.ArgumentParser(
        prog="briefgen", description="Build branded PDF and DOCX briefings from Markdown sections."
    )
    top.add_argument("--version", action="version", version=f"briefgen {__version__}")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = _build(sub)
    c = sub.add_parser(
        "check",
        help="validate everything without writing",
        description="Check every cut × audience × client; report all problems.",
    )
    _common(c)
    ls = sub.add_parser(
        "list",
        help="show sections, countries, audiences, cuts and clients",
        description="Show what the project holds and what each cut contains.",
    )
    _common(ls)
    i = _init(sub)
    sc = _schema(sub)
    nc = _new(sub)
    w, sv = _watch(sub), _serve(sub)
    return top, {"build": b, "check": c, "list": ls, "init": i, "schema": sc, "new": nc, "watch": w, "serve": sv}
