"""Instructions executed by briefgen's commands, counted by Valgrind's callgrind.

    python3 benchmarks/instructions.py                      # every measure (a few minutes)
    python3 benchmarks/instructions.py --only check,help
    python3 benchmarks/instructions.py --checkout /tmp/old  # the same measures of another checkout

On a shared machine wall clock is noise; the count of instructions a process executes
is not (it moves by well under 1% between runs), so this is the figure to compare
before and after a change to speed. It does not see cache misses or I/O waits, so a
change that trades instructions for memory traffic still needs a look at wall clock.
As a rough guide, one millisecond of briefgen is 3 to 5 million instructions here.

Every command runs the checkout's briefgen as run.py does (bytecode compiled once, in a
temporary folder, by an unmeasured first run of each command; PYTHONHASHSEED fixed, so
sets iterate alike in every run). A build that
forks (the DOCX written alongside the PDF) is given per process: main, and the largest
child, which bounds what the user waits for on two cores. Needs `valgrind`. Nothing here
asserts a count; it prints them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from inputs import many_clients_project, report_markdown, single_section_project  # noqa: E402

PY = os.path.realpath(sys.executable)  # not a shell shim: valgrind would measure the shell
MEASURES = ("version", "help", "check", "full", "report", "annex")

ANNEXES = """
import sys
from pathlib import Path
try:
    from briefgen.build.run import Request, build, load
except ImportError:  # a checkout from before the stage packages (issue 15)
    from briefgen.build import Request, build, load
project = load(Path(sys.argv[1]))
clients = sorted(project.clients)[: int(sys.argv[2])]
done, failed = build(project, [Request("annex", None, c) for c in clients], output=Path(sys.argv[3]), jobs=1)
assert not failed and len(done) == len(clients)
"""


@dataclass
class Count:
    """Instructions of one command: its main process and each forked child."""

    main: int
    children: list[int]

    @property
    def total(self) -> int:
        return self.main + sum(self.children)


def counted(cmd: list[str], cwd: Path, work: Path) -> Count:
    """Run `cmd` under callgrind; the instructions of each process it was.

    It runs once first, unmeasured: with PYTHONPYCACHEPREFIX, the bytecode of the standard
    library and of the dependencies is looked for in the prefix too, so the first process
    to import a module compiles it (more than a second of instructions for `check`).
    """
    subprocess.run(cmd, cwd=cwd, check=True, capture_output=True)
    out = work / "callgrind"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/cg.%p", *cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-3000:]}")
    first = re.search(r"==(\d+)== Command", done.stderr)
    totals: dict[int, int] = {}
    for path in out.iterdir():
        found = re.search(r"^totals: (\d+)", path.read_text(encoding="utf-8", errors="replace"), re.M)
        if found:
            totals[int(path.name.split(".")[1])] = int(found.group(1))
    main_pid = int(first.group(1)) if first else min(totals)
    return Count(totals.pop(main_pid), sorted(totals.values(), reverse=True))


def briefgen(*args: str) -> list[str]:
    return [PY, "-m", "briefgen", *args]


def millions(n: int) -> str:
    return f"{n / 1e6:,.1f} M"


def prepare(checkout: Path, work: Path) -> None:
    """Point every command at `checkout`, with its bytecode compiled once, as pip would."""
    os.environ["PYTHONPATH"] = str(checkout)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    os.environ["PYTHONHASHSEED"] = "0"
    subprocess.run([PY, "-m", "compileall", "-q", str(checkout / "briefgen")], check=True)


def measure(name: str, checkout: Path, work: Path, annexes: int) -> list[tuple[str, str]]:
    """Rows (label, figure) for one measure."""
    if name in ("version", "help"):
        return [(f"briefgen --{name}", millions(counted(briefgen(f"--{name}"), checkout, work).total))]
    if name == "check":
        return [("briefgen check (the sample)", millions(counted(briefgen("check"), checkout, work).total))]
    if name == "full":
        out = str(work / "full-out")
        one = counted(briefgen("build", "full", "--jobs", "1", "--output", out), checkout, work)
        return [("build full --jobs 1 (the sample, PDF + DOCX)", millions(one.total))]
    if name == "report":
        project = single_section_project(work / "report-1x", report_markdown(1))
        out = str(work / "report-out")
        two = counted(briefgen("build", "full", "--project", str(project), "--output", out), checkout, work)
        one = counted(
            briefgen("build", "full", "--jobs", "1", "--project", str(project), "--output", out), checkout, work
        )
        child = two.children[0] if two.children else 0
        return [
            ("build full, the 1× report: main process (PDF)", millions(two.main)),
            ("build full, the 1× report: DOCX process", millions(child)),
            ("build full --jobs 1, the 1× report", millions(one.total)),
        ]
    project = many_clients_project(work / f"clients-{annexes}", annexes)
    out = str(work / "annex-out")
    one = counted([PY, "-c", ANNEXES, str(project), "1", out], checkout, work).total
    many = counted([PY, "-c", ANNEXES, str(project), str(annexes), out], checkout, work).total
    return [
        ("1 client annex, one process (PDF + DOCX)", millions(one)),
        (f"{annexes} client annexes, one process", millions(many)),
        ("each annex after the first", millions((many - one) // (annexes - 1))),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(MEASURES), help=f"some of: {', '.join(MEASURES)}")
    parser.add_argument("--checkout", type=Path, default=HERE.parent, help="the briefgen checkout to measure")
    parser.add_argument("--annexes", type=int, default=16, help="annexes in the batch measure (default 16)")
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    checkout = args.checkout.resolve()
    with tempfile.TemporaryDirectory(prefix="briefgen-instr-") as tmp:
        work = Path(tmp)
        prepare(checkout, work)
        print(f"| measure (instructions, {checkout}) | count |\n|---|---|", flush=True)
        for name in args.only.split(","):
            for label, figure in measure(name, checkout, work, max(2, args.annexes)):
                print(f"| {label} | {figure} |", flush=True)


if __name__ == "__main__":
    main()
