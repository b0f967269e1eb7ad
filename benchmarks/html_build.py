"""The web edition's build time: the full report written as HTML, in process, with the
project already loaded (issue 17 asks for at most 150 ms).

Prints medians, in milliseconds, and asserts nothing:
- `first`: the first HTML build in a fresh process after the PDF's (charts drawn; fonts
  subset and packed as WOFF2 for the first time), over separate processes, as wall clock
  and as the process's CPU time (on a loaded machine the CPU time is the steadier figure);
- `warm`: assemble + write again in the same process (what `briefgen serve` pays on a
  save that changes a section's text: the writer's font subsets and chart SVGs are kept);
- `write`: `write_html` alone on an assembled document.

    PYTHONPATH=. python3 benchmarks/html_build.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST = """
import time
from pathlib import Path
from briefgen.build.run import load
from briefgen.build.assemble import Assembler
from briefgen.writers.pdf import write_pdf
from briefgen.writers.html import write_html
project = load(Path({root!r}))
doc = Assembler(project).assemble("full").document
write_pdf(doc, project.theme)
started, cpu = time.perf_counter(), time.process_time()
write_html(doc, project.theme)
print(time.perf_counter() - started, time.process_time() - cpu)
"""


def first(rounds: int) -> tuple[float, float]:
    """Medians of the wall clock and CPU time, in milliseconds."""
    times, cpus = [], []
    for _ in range(rounds):
        out = subprocess.run(
            [sys.executable, "-c", FIRST.format(root=str(ROOT))], capture_output=True, text=True, check=True
        )
        wall, cpu = out.stdout.split()[-2:]
        times.append(float(wall))
        cpus.append(float(cpu))
    return statistics.median(times) * 1000, statistics.median(cpus) * 1000


def warm(rounds: int) -> tuple[float, float]:
    from briefgen.build.assemble import Assembler
    from briefgen.build.run import load
    from briefgen.writers.html import write_html

    project = load(ROOT)
    assembler = Assembler(project)
    write_html(assembler.assemble("full").document, project.theme)
    whole, write = [], []
    for _ in range(rounds):
        started = time.perf_counter()
        doc = assembler.assemble("full").document
        mid = time.perf_counter()
        write_html(doc, project.theme)
        done = time.perf_counter()
        whole.append(done - started)
        write.append(done - mid)
    return statistics.median(whole) * 1000, statistics.median(write) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    whole, write = warm(args.rounds)
    wall, cpu = first(max(3, args.rounds // 2))
    print(f"full report as HTML: first {wall:.0f} ms (CPU {cpu:.0f} ms), warm {whole:.0f} ms, write {write:.0f} ms")


if __name__ == "__main__":
    main()
