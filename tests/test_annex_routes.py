"""An annex's DOCX follows its PDF's floats, and is one file however it is built.

The PDF floats a box that does not fit to the next page's top and fills the page with the
text after it; the DOCX, which cannot float, moves the box where the PDF drew it. So the
PDF is laid out for every DOCX, even one asked alone, and the annex's DOCX is the same
bytes from a batch (`sample_all`: `build --all`, in workers where there are two cores),
from a build of the annex alone (its DOCX written beside the PDF, or after it), and from
`--format docx`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import ROOT

from briefgen.build.assemble import Assembler
from briefgen.build.make import docx_bytes
from briefgen.build.run import Request, build, load
from briefgen.writers.pdf.document import write_pdf


@pytest.fixture(scope="module")
def project() -> Any:
    return load(ROOT)


def test_the_sample_annex_docx_follows_the_boxes_its_pdf_floats(project: Any, sample_all: Path) -> None:
    doc = Assembler(project).assemble("annex").document
    pages = write_pdf(doc, project.theme).anchor_pages
    assert len(pages.floats) >= 2, "the sample annex floats fact boxes (the holes on the DOCX's pages)"
    followed = docx_bytes(lambda: pages, doc, project.theme)
    assert followed == (sample_all / "annex.docx").read_bytes()
    assert followed != docx_bytes(lambda: dict(pages), doc, project.theme), "without the floats it differs"


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_annex_asked_only_as_docx_is_the_batch_s_file(
    project: Any, sample_all: Path, tmp_path: Path, jobs: int
) -> None:
    # jobs 2: the DOCX written in a forked child, the PDF laid out here in memory only
    done, failed = build(project, [Request("annex")], formats=("docx",), output=tmp_path, jobs=jobs)
    assert not failed and list(done[0].files) == ["docx"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx")) == ["annex.docx"]
    assert (tmp_path / "annex.docx").read_bytes() == (sample_all / "annex.docx").read_bytes()


def test_a_client_annex_built_alone_is_the_batch_s_file(sample_outputs: Path, sample_all: Path) -> None:
    # `build annex --client meridian` alone, against the same annex made by `build --all`
    for ext in ("pdf", "docx"):
        alone = (sample_outputs / f"annex-meridian.{ext}").read_bytes()
        assert alone == (sample_all / f"annex-meridian.{ext}").read_bytes(), ext
