"""What the tagged PDF costs: `build full` tagged (PDF/UA-1 and PDF/A-2b, the default)
against `--pdf-standard none`, in instructions (callgrind, where valgrind is installed; the
machine is shared, so wall clock is noise) and in file size; and, where Typst and Pandoc are
installed (`pip install typst pypandoc-binary`), the benchmark text's structure tree beside
the one Typst writes: element types and reading order.

    python3 benchmarks/tagging.py [--no-callgrind] [--no-typst]

Nothing here asserts anything: it prints numbers (see benchmarks/README.md).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]
PY = sys.executable


def build(out: Path, standard: str, callgrind: bool, project: Path = ROOT) -> int | None:
    """Build `full` (PDF and DOCX, one process) with `standard`; its instructions, if counted."""
    cmd = [PY, "-m", "briefgen", "build", "full", "--jobs", "1", "-q", "--project", str(project)]
    cmd += ["--output", str(out), "--pdf-standard", standard]
    if not callgrind:
        subprocess.run(cmd, check=True, cwd=ROOT)
        return None
    stats = out.parent / f"callgrind-{standard}.out"
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={stats}", *cmd],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if run.returncode:
        print(f"callgrind run failed ({run.returncode}):\n{run.stderr[-2000:]}")
        subprocess.run(cmd, check=True, cwd=ROOT)
        return None
    found = re.search(r"^(?:summary|totals): (\d+)", stats.read_text(), re.M)
    return int(found.group(1)) if found else None


def cost(work: Path, callgrind: bool) -> None:
    rows = {}
    for standard in ("none", "both"):
        out = work / standard
        instructions = build(out, standard, callgrind)
        rows[standard] = (instructions, (out / "full.pdf").stat().st_size)
    print("| build full (PDF + DOCX, --jobs 1) | instructions | full.pdf bytes |\n|---|---:|---:|")
    for standard, (instructions, size) in rows.items():
        counted = f"{instructions:,}" if instructions else "–"
        print(f"| --pdf-standard {standard} | {counted} | {size:,} |")
    (i0, s0), (i1, s1) = rows["none"], rows["both"]
    extra = f"instructions {100 * (i1 / i0 - 1):+.1f} %, " if i0 and i1 else ""
    print(f"\ntagged against untagged: {extra}file size {100 * (s1 / s0 - 1):+.1f} %\n")


def typst_side_by_side(work: Path) -> None:
    """The benchmark text through Pandoc → Typst (tagged by default) and through briefgen."""
    try:
        import pypandoc
        import typst
    except ImportError:
        print("Typst comparison skipped: pip install typst pypandoc-binary")
        return
    import pdfua
    from inputs import report_markdown, single_section_project

    text = report_markdown(1)
    (work / "r.md").write_text(text, encoding="utf-8")
    meta = ["-s", "--toc", "--metadata", "title=Report", "--metadata", "lang=en"]
    subprocess.run([pypandoc.get_pandoc_path(), str(work / "r.md"), *meta, "-o", str(work / "r.typ")], check=True)
    typst.compile(str(work / "r.typ"), output=str(work / "typst.pdf"))
    build(work / "ours", "both", False, single_section_project(work / "project", text))
    pdfs = {"Typst": work / "typst.pdf", "briefgen": work / "ours" / "full.pdf"}
    counts = {name: collections.Counter(kind for _, kind in pdfua.structure(p)) for name, p in pdfs.items()}
    kinds = sorted(set().union(*counts.values()))
    print("| element | " + " | ".join(pdfs) + " |\n|---|" + "---:|" * len(pdfs))
    for kind in kinds:
        print(f"| {kind} | " + " | ".join(str(counts[n][kind]) for n in pdfs) + " |")
    for name, path in pdfs.items():
        print(f"\n{name}: checker problems {dict(collections.Counter(p.split(':')[0] for p in pdfua.problems(path)))}")
    words = {n: _words(p) for n, p in pdfs.items()}
    match = difflib.SequenceMatcher(None, words["Typst"], words["briefgen"], autojunk=False)
    print(f"\nreading order outside the contents: {match.ratio():.3f} alike (word sequences, 1 = the same)")
    for op, a0, a1, b0, b1 in [o for o in match.get_opcodes() if o[0] != "equal"][:10]:
        print(
            f"  {op}: Typst {' '.join(words['Typst'][a0:a1][:10])!r} / briefgen {' '.join(words['briefgen'][b0:b1][:10])!r}"
        )


def _words(path: Path) -> list[str]:
    import pdfua

    kept = (t for k, t in pdfua.tagged_text(path) if k not in ("Figure", "TOC", "TOCI", "Reference", "Link"))
    return re.findall(r"\w+", " ".join(kept))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-callgrind", action="store_true", help="file sizes only")
    parser.add_argument("--no-typst", action="store_true", help="leave out the Typst comparison")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefgen-tagging-") as tmp:
        work = Path(tmp)
        cost(work, not args.no_callgrind and shutil.which("valgrind") is not None)
        if not args.no_typst:
            typst_side_by_side(work)


if __name__ == "__main__":
    main()
