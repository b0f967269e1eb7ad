"""A DOCX-only annex loads none of the PDF writer (the batch splits the two writers for that).

Each build runs in a fresh interpreter, so `sys.modules` shows what that build alone
imported. An annex without charts needs no reportlab at all. One with charts (the
sample's locator maps) needs reportlab's font registry, to measure labels, and its
graphics shapes, which the charts draw before they are rasterised; reportlab's
`graphics.shapes` itself imports `platypus` (its `Drawing` is a flowable), so platypus
is loaded, but only through it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from support import ROOT

# Prints the modules of interest as JSON, and who first imported reportlab.platypus.
PROBE = """
import json, sys, traceback
first = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "reportlab.platypus" and not first:
            first.extend(f.filename for f in traceback.extract_stack())
        return None

sys.meta_path.insert(0, Watch())
from briefgen.cli.main import main
rc = main({args!r})
prefixes = ("reportlab", "briefgen.writers", "briefgen.charts", "briefgen.fonts.register")
print(json.dumps({{"rc": rc, "modules": sorted(m for m in sys.modules if m.startswith(prefixes)), "first": first}}))
"""


def _build(args: list[str]) -> dict:
    code = PROBE.format(args=[*args, "--format", "docx", "--jobs", "1", "-q"])
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["rc"] == 0
    return result


def test_a_docx_only_annex_without_charts_loads_no_reportlab(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    project = make_project(tmp_path, cuts={"annex": {"title": "Annex", "layout": "annex"}})
    result = _build(["build", "annex", "--project", str(project), "--output", str(tmp_path / "out")])
    assert (tmp_path / "out" / "annex.docx").is_file()
    assert "briefgen.writers.docx" in result["modules"]
    assert [m for m in result["modules"] if m.startswith(("reportlab", "briefgen.writers.pdf"))] == []


def test_a_docx_only_annex_with_charts_loads_no_pdf_writer(tmp_path: Path) -> None:
    result = _build(["build", "annex", "--client", "meridian", "--output", str(tmp_path)])
    assert (tmp_path / "annex-meridian.docx").is_file()
    modules = result["modules"]
    assert "briefgen.charts.raster" in modules  # the annex's locator maps were drawn
    assert [m for m in modules if m.startswith("briefgen.writers.pdf")] == []
    # platypus comes in with reportlab's graphics shapes, never through briefgen's PDF writer
    importers = [f.replace("\\", "/") for f in result["first"]]
    assert any(f.endswith("reportlab/graphics/shapes.py") for f in importers), importers
    assert not any("briefgen/writers/pdf" in f for f in importers), importers
