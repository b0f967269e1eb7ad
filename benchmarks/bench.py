"""Time briefgen's builds on the sample, stage by stage, and print medians.

Run: python3 benchmarks/bench.py [--runs N]. For the comparison with Pandoc and the
batch, memory and contents figures, see run.py.

Measures, each as the median of N runs:
- `build full` as a user runs it (a fresh process: start-up included), per format;
- the stages in-process: load, assemble (template + parse), PDF write, DOCX write;
- `build --all` wall time, with 1 worker and with one per core, and time per document.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "briefgen", *args], cwd=ROOT, check=True, capture_output=True)


def cli_python(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from briefgen.build.assemble import Assembler
    from briefgen.build.run import load
    from briefgen.writers.docx import write_docx
    from briefgen.writers.pdf import write_pdf

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        results["cli: python -m briefgen --version (start-up)"] = timed(lambda: cli("--version"), runs)
        results["cli: build full --format pdf"] = timed(
            lambda: cli("build", "full", "--format", "pdf", "--output", str(out)), runs
        )
        results["cli: build full (pdf + docx)"] = timed(lambda: cli("build", "full", "--output", str(out)), runs)
        results["cli: build summary (pdf + docx)"] = timed(lambda: cli("build", "summary", "--output", str(out)), runs)
        project = load(ROOT)
        results["stage: load project"] = timed(lambda: load(ROOT), runs)
        results["stage: assemble full (template + parse)"] = timed(lambda: Assembler(project).assemble("full"), runs)
        doc = Assembler(project).assemble("full").document
        pdf = write_pdf(doc, project.theme)
        results["stage: write PDF (full)"] = timed(lambda: write_pdf(doc, project.theme), runs)
        import io

        from briefgen.charts.draw import _drawing
        from briefgen.charts.draw import drawing as draw_chart
        from briefgen.writers.docx import _styled_blank
        from briefgen.writers.docx.figures import _raster
        from briefgen.writers.docx.package.embedfonts import subset_font

        def docx_cold() -> None:
            # Per-process caches (chart rasters, font subsets) would hide the first build's cost.
            _raster.cache_clear()
            subset_font.cache_clear()
            _drawing.cache_clear()
            _styled_blank.cache_clear()
            write_docx(doc, project.theme, io.BytesIO(), toc_pages=pdf.anchor_pages)

        results["stage: write DOCX (full, cold caches)"] = timed(docx_cold, runs)
        results["stage: write DOCX (full, warm caches, as in a batch)"] = timed(
            lambda: write_docx(doc, project.theme, io.BytesIO(), toc_pages=pdf.anchor_pages), runs
        )
        from briefgen.charts import png
        from briefgen.charts.locator import WIDTH_PT
        from briefgen.fonts.register import register
        from briefgen.model import nodes as m
        from briefgen.model.walk import iter_blocks

        charts = [b for s in doc.sections for b in iter_blocks(s.blocks) if isinstance(b, m.Chart)]
        fonts = register(project.theme)
        pair = (fonts.heading.regular, fonts.heading.bold)
        text_width = 481.9  # A4 less the sample's 20 mm margins, in points

        def art(c: m.Chart):  # type: ignore[no-untyped-def]
            width = text_width if c.spec.numbered else WIDTH_PT
            _drawing.cache_clear()  # a batch reuses drawings; time drawing them
            return draw_chart(c.spec, project.theme, width, fonts=pair, titles=False)

        results[f"charts: draw {len(charts)} (vector, for the PDF)"] = timed(lambda: [art(c) for c in charts], runs)
        arts = [art(c) for c in charts]
        results[f"charts: rasterise {len(charts)} at 300 dpi (for the DOCX)"] = timed(
            lambda: [png(a, dpi=300) for a in arts], runs
        )
        cold = timed(lambda: cli_python("import briefgen.charts"), runs)
        results["charts: import cost in a cold process"] = cold - timed(lambda: cli_python("import briefgen"), runs)
        all_runs = max(1, runs // 2)
        results["cli: build --all --jobs 1"] = timed(
            lambda: cli("build", "--all", "--jobs", "1", "--output", str(out)), all_runs
        )
        cores = os.cpu_count() or 1
        results[f"cli: build --all --jobs {cores}"] = timed(
            lambda: cli("build", "--all", "--jobs", str(cores), "--output", str(out)), all_runs
        )
        docs = len(json.loads((out / "manifest.json").read_text())["files"])
    width = max(len(k) for k in results)
    print(
        f"briefgen benchmarks on the sample (median of {runs} runs; --all: {max(1, runs // 2)}), {os.cpu_count()} cores"
    )
    for key, value in results.items():
        print(f"  {key:<{width}}  {value * 1000:8.0f} ms")
    single = results["cli: build --all --jobs 1"]
    parallel = results[f"cli: build --all --jobs {os.cpu_count() or 1}"]
    print(
        f"  --all: {docs} files; {parallel / docs * 1000:.0f} ms per file in parallel; speed-up {single / parallel:.2f}x over one worker"
    )
    cold_docx = results["stage: write DOCX (full, cold caches)"]
    print(f"  DOCX/PDF write ratio (cold): {cold_docx / results['stage: write PDF (full)']:.2f}")


if __name__ == "__main__":
    main()
