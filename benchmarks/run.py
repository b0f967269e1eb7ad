"""briefgen against the Pandoc route, plus start-up, batch, memory and contents figures.

    python3 benchmarks/run.py                 # everything, 5 runs each (about 6 minutes)
    python3 benchmarks/run.py --runs 3 --only compare,startup
    python3 benchmarks/run.py --readme        # also write the tables into benchmarks/README.md

Every figure is a median over whole processes, started cold, as a user runs them.
Pandoc (`pypandoc-binary`) and Typst (`typst`, whose Python binding compiles .typ) are
used where installed: `pip install pypandoc-binary typst`. Nothing here asserts a time;
it prints numbers.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from inputs import many_clients_project, report_markdown, single_section_project  # noqa: E402

PY = sys.executable
SECTIONS = ("compare", "startup", "batch", "memory", "contents")


def run(cmd: list[str], cwd: Path | None = None) -> float:
    """Seconds one command takes, start to exit; a failure stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def spread(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})"


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:,.0f} ms"


def pandoc() -> str | None:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


def has_typst() -> bool:
    try:
        import typst  # noqa: F401
    except ImportError:
        return False
    return True


def pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(str(path)).pages)


def briefgen(*args: str) -> list[str]:
    return [PY, "-m", "briefgen", *args]


class Report:
    """Collects Markdown tables as they are printed."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def table(self, title: str, header: list[str], rows: list[list[str]], note: str = "") -> None:
        lines = [f"### {title}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        if note:
            lines += ["", note]
        text = "\n".join(lines) + "\n"
        self.parts.append(text)
        print(text, flush=True)


# ---------------------------------------------------------------- 1. against Pandoc
def compare(report: Report, runs: int, sizes: list[int], source: Path | None, work: Path) -> None:
    exe, typst_ok = pandoc(), has_typst()
    rows = []
    for k in sizes:
        text = source.read_text(encoding="utf-8") * k if source else report_markdown(k)
        md = work / f"report-{k}x.md"
        md.write_text(text, encoding="utf-8")
        project = single_section_project(work / f"project-{k}x", text)
        out = work / f"out-{k}x"
        commands: dict[str, list[str]] = {
            "briefgen": briefgen("build", "full", "--project", str(project), "--output", str(out)),
            "briefgen --jobs 1": briefgen(
                "build", "full", "--jobs", "1", "--project", str(project), "--output", str(out)
            ),
        }
        if exe:
            meta = ["-s", "--toc", "--metadata", "title=Report"]
            commands["pandoc → docx"] = [exe, str(md), *meta, "-o", str(work / "p.docx")]
            if typst_ok:
                commands["pandoc → typst"] = [exe, str(md), *meta, "-t", "typst", "-o", str(work / "p.typ")]
                commands["typst compile"] = [
                    PY,
                    "-c",
                    f"import typst; typst.compile({str(work / 'p.typ')!r}, output={str(work / 'p.pdf')!r})",
                ]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):  # alternate the commands, so drift hits all of them alike
            for name, cmd in commands.items():
                times[name].append(run(cmd))
        words = len(text.split())
        ours = pdf_pages(out / "full.pdf")
        theirs = pdf_pages(work / "p.pdf") if typst_ok and exe else None
        row = [f"{k}× ({words:,} words, {ours or '?'} pages)"]
        row += [median_ms(times["briefgen"]), median_ms(times["briefgen --jobs 1"])]
        if exe and typst_ok:
            route = [
                a + b + c
                for a, b, c in zip(times["pandoc → docx"], times["pandoc → typst"], times["typst compile"], strict=True)
            ]
            paired = [b / r for b, r in zip(times["briefgen"], route, strict=True)]
            paired1 = [b / r for b, r in zip(times["briefgen --jobs 1"], route, strict=True)]
            row += [
                median_ms(times["pandoc → docx"]),
                median_ms([a + b for a, b in zip(times["pandoc → typst"], times["typst compile"], strict=True)])
                + (f" ({theirs} pages)" if theirs else ""),
                median_ms(route),
                f"{statistics.median(paired):.2f}",
                f"{statistics.median(paired1):.2f}",
            ]
        else:
            row += ["not installed"] * 5
        rows.append(row)
    report.table(
        "Full build: briefgen against Pandoc's two commands",
        [
            "size",
            "briefgen PDF + DOCX",
            "same, --jobs 1",
            "pandoc → docx",
            "pandoc → typst → PDF",
            "Pandoc route",
            "ratio",
            "ratio, --jobs 1",
        ],
        rows,
        f"Medians of {runs} cold processes, run alternately. Ratio: the median of the paired ratios "
        "briefgen ÷ (pandoc → docx + pandoc → typst + typst compile). By default briefgen writes the "
        "DOCX in a second process while it lays out the PDF; `--jobs 1` does both on one core.",
    )


# ---------------------------------------------------------------- 2. start-up
def startup(report: Report, runs: int) -> None:
    rows = []
    for label, args in (
        ("briefgen --version", ["--version"]),
        ("briefgen --help", ["--help"]),
        ("briefgen check (the sample project)", ["check"]),
    ):
        rows.append([label, median_ms([run(briefgen(*args), cwd=ROOT) for _ in range(runs)])])
    rows.append(["python3 -c pass (the interpreter alone)", median_ms([run([PY, "-c", "pass"]) for _ in range(runs)])])
    report.table("Start-up", ["command", "median"], rows, f"Medians of {runs} runs, in the sample project.")


# ---------------------------------------------------------------- 3. batch
BATCH = """
import sys, time
from pathlib import Path
from briefgen.build.run import Request, build, load
project = load(Path(sys.argv[1]))
clients = sorted(project.clients)[: int(sys.argv[2])]
done, failed = build(project, [Request("annex", None, c) for c in clients], output=Path(sys.argv[3]), jobs=int(sys.argv[4]))
assert not failed and len(done) == len(clients)
print(done[0].pages["pdf"])
"""


def batch(report: Report, runs: int, work: Path) -> None:
    project = many_clients_project(work / "clients-50", 50)
    out = work / "batch-out"

    def once(n: int, jobs: int) -> float:
        return run([PY, "-c", BATCH, str(project), str(n), str(out), str(jobs)])

    one: list[float] = []
    fifty: list[float] = []
    fifty2: list[float] = []
    runs = max(runs, 7)  # the speed-up is a ratio of two noisy times: more rounds
    for _ in range(runs):  # one run of each per round, so drift hits all three alike
        one.append(once(1, 1))
        fifty.append(once(50, 1))
        fifty2.append(once(50, 2))
    pages = subprocess.run(
        [PY, "-c", BATCH, str(project), "1", str(out), "1"], capture_output=True, text=True, check=True
    ).stdout.strip()
    each = (statistics.median(fifty) - statistics.median(one)) / 49
    cli1: list[float] = []
    cli2: list[float] = []
    for _ in range(runs):
        for jobs, times in (("1", cli1), ("2", cli2)):
            times.append(
                run(briefgen("build", "--all", "--jobs", jobs, "--project", str(project), "--output", str(out)))
            )
    rows = [
        ["1 client annex, one process, --jobs 1", median_ms(one)],
        ["50 client annexes, one process, --jobs 1", median_ms(fifty)],
        ["each annex after the first (PDF + DOCX, one core)", f"{each * 1000:.0f} ms"],
        ["50 client annexes, --jobs 2", median_ms(fifty2)],
        ["speed-up of --jobs 2 over --jobs 1", f"{statistics.median(fifty) / statistics.median(fifty2):.2f}×"],
        ["same, per round (median, lowest–highest)", spread([a / b for a, b in zip(fifty, fifty2, strict=True)])],
        ["`briefgen build --all --jobs 1` (5 cuts + 50 annexes)", median_ms(cli1)],
        ["`briefgen build --all --jobs 2`", median_ms(cli2)],
        ["speed-up of the whole `--all`", f"{statistics.median(cli1) / statistics.median(cli2):.2f}×"],
        ["same, per round (median, lowest–highest)", spread([a / b for a, b in zip(cli1, cli2, strict=True)])],
    ]
    report.table(
        "Batch: 50 client annexes",
        ["measure", "median"],
        rows,
        f"A copy of the sample with 50 made-up clients, three countries each: each annex is {pages} pages "
        f"(cover, client note, three profiles with fact box and locator map, contact page). Medians of {runs}.",
    )


# ---------------------------------------------------------------- 4. memory
PEAK = """
import resource, sys
from briefgen.cli.main import main
code = main(sys.argv[1:])
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(own, kids)
sys.exit(code)
"""

FLAT = """
import sys
from pathlib import Path
from briefgen.build.run import Request, build, load
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
project = load(Path(sys.argv[1]))
samples = []
build(project, [Request("annex", None, c) for c in sorted(project.clients)], output=Path(sys.argv[2]), jobs=1,
      on_done=lambda out, req: samples.append(rss()))
print(" ".join(str(s) for s in samples))
"""


def memory(report: Report, work: Path) -> None:
    rows = []
    for label, args in (
        ("`build full` (the sample, PDF + DOCX)", ["build", "full"]),
        ("`build full --jobs 1`", ["build", "full", "--jobs", "1"]),
        ("`build summary`", ["build", "summary"]),
    ):
        done = subprocess.run(
            [PY, "-c", PEAK, *args, "--output", str(work / "mem-out")], cwd=ROOT, capture_output=True, text=True
        )
        own, kids = (int(v) for v in done.stdout.split()[-2:])
        rows.append([label, f"{own / 1024:.0f} MiB", f"{kids / 1024:.0f} MiB" if kids else "–"])
    report.table(
        "Peak resident memory",
        ["command", "main process", "DOCX process"],
        rows,
        "ru_maxrss of the process, and of the forked process that writes the DOCX alongside.",
    )
    project = many_clients_project(work / "clients-200", 200)
    done = subprocess.run(
        [PY, "-c", FLAT, str(project), str(work / "flat-out")], capture_output=True, text=True, check=True
    )
    samples = [int(v) / 2**20 for v in done.stdout.split()]
    marks = [1, 10, 50, 100, 150, 200]
    slope = (samples[199] - samples[49]) / 150 * 1024
    report.table(
        "Resident memory through a 200-annex batch (one process, --jobs 1)",
        ["after document", *[str(m) for m in marks]],
        [["RSS", *[f"{samples[m - 1]:.1f} MiB" for m in marks]]],
        f"From document 50 to 200: {slope:+.0f} KiB per document.",
    )


# ---------------------------------------------------------------- 5. contents
PASSES = """
import sys, time
from pathlib import Path
from reportlab.platypus.doctemplate import BaseDocTemplate
from briefgen.build.run import load
from briefgen.build.assemble import Assembler
from briefgen.writers.pdf import write_pdf
calls = []
original = BaseDocTemplate.build
def counted(self, *a, **k):
    calls.append(1)
    return original(self, *a, **k)
BaseDocTemplate.build = counted
project = load(Path(sys.argv[1]))
doc = Assembler(project).assemble("full").document
start = time.perf_counter()
pdf = write_pdf(doc, project.theme)
print(len(calls), pdf.pages, time.perf_counter() - start)
"""


def contents(report: Report, sizes: list[int], work: Path) -> None:
    rows = []
    targets = [(f"{k}×", work / f"project-{k}x", k) for k in sizes] + [("the sample", ROOT, 0)]
    for label, project, k in targets:
        if k and not project.exists():
            single_section_project(project, report_markdown(k))
        passes, pages, seconds = subprocess.run(
            [PY, "-c", PASSES, str(project)], capture_output=True, text=True, check=True
        ).stdout.split()
        rows.append([label, pages, passes, f"{float(seconds) * 1000:,.0f} ms"])
    report.table(
        "Contents page: layout passes",
        ["size", "pages", "layout passes", "PDF write (in process)"],
        rows,
        "Page numbers in the contents are drawn when the file is saved, so the document is laid out once.",
    )


def measure_this_checkout(work: Path) -> None:
    """Every command below runs this checkout's briefgen, with its bytecode cached.

    PYTHONPATH puts the checkout first, whatever is installed and wherever this runs.
    `pip install` byte-compiles a package, so a user's briefgen never compiles its own
    source at start-up; where PYTHONDONTWRITEBYTECODE is set (as on some CI images) the
    checkout would, about 0.1 s a process. The bytecode goes to a temporary folder.
    """
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "briefgen")], check=True)


def machine() -> str:
    cpu = ""
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    versions = []
    for name in ("briefgen", "reportlab", "python-docx", "pypandoc-binary", "typst"):
        try:
            from importlib.metadata import version

            versions.append(f"{name} {version(name)}")
        except Exception:
            continue
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), "
        f"Python {platform.python_version()}; {', '.join(versions)}"
    )


def write_readme(report: Report, when: str) -> None:
    readme = HERE / "README.md"
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    block = f"<!-- results -->\nMeasured {when} on {machine()}.\n\n" + "\n".join(report.parts) + "<!-- /results -->"
    if "<!-- results -->" in text:
        text = re.sub(r"<!-- results -->.*<!-- /results -->", lambda _m: block, text, flags=re.S)
    else:
        text += "\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measure (default 5)")
    parser.add_argument("--sizes", default="1,4,16", help="multiples of the 12,000-word report (default 1,4,16)")
    parser.add_argument("--markdown", type=Path, help="your own Markdown file instead of the generated report")
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"some of: {', '.join(SECTIONS)}")
    parser.add_argument("--readme", action="store_true", help="write the tables into benchmarks/README.md")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    only = set(args.only.split(","))
    report = Report()
    print(f"# briefgen benchmarks\n\n{machine()}\n", flush=True)
    steps: dict[str, Callable[[Path], None]] = {
        "compare": lambda w: compare(report, args.runs, sizes, args.markdown, w),
        "startup": lambda _w: startup(report, args.runs),
        "batch": lambda w: batch(report, args.runs, w),
        "memory": lambda w: memory(report, w),
        "contents": lambda w: contents(report, sizes, w),
    }
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp:
        measure_this_checkout(Path(tmp))
        for name in SECTIONS:
            if name in only:
                steps[name](Path(tmp))
    if args.readme:
        write_readme(report, time.strftime("%Y-%m-%d"))


if __name__ == "__main__":
    main()
