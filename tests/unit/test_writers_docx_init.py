"""writers.docx (its `write_docx`): the layouts' front matter (a report's cover and contents,
an annex's cover without contents, a summary's band without running heads), the scale
checked, and the styled blank made once per look."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from docxkit import xp
from lxml import etree
from unitkit import meta

from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.writers.docx import _styled_blank, write_docx


def doc(layout: Layout) -> m.Document:
    sections = (m.Section("intro", "Introduction", 1, (m.Paragraph((m.Text("Body words."),)),), Pos("a.md", 1)),)
    return m.Document(meta(layout=layout), sections)


def written(theme: Any, layout: Layout, **kw: Any) -> Any:
    out = io.BytesIO()
    write_docx(doc(layout), theme, out, **kw)
    with zipfile.ZipFile(out) as z:
        return etree.fromstring(z.read("word/document.xml"))


def styles_used(root: Any) -> list[str]:
    return xp(root, "//w:body/w:p/w:pPr/w:pStyle/@w:val")


def test_a_report_has_a_cover_section_contents_and_its_body(theme: Any) -> None:
    root = written(theme, Layout.REPORT, toc_pages={"intro": 3})
    used = styles_used(root)
    assert "Title" in used and "TOCHeading" in used and "Heading1" in used
    assert len(xp(root, "//w:sectPr")) == 2  # the cover's section, then the body's
    assert xp(root, "//w:hyperlink[@w:anchor='intro']//w:t/text()")[-1] == "3"  # numbers filled at save


def test_an_annex_has_a_cover_but_no_contents(theme: Any) -> None:
    used = styles_used(written(theme, Layout.ANNEX))
    assert "Title" in used and "TOCHeading" not in used


def test_a_summary_is_one_section_under_its_band(theme: Any) -> None:
    root = written(theme, Layout.SUMMARY, scale=0.9)
    assert "Title" not in styles_used(root) and len(xp(root, "//w:sectPr")) == 1
    assert xp(root, "//w:tbl//w:pStyle[@w:val='BandLabel']")


@pytest.mark.parametrize("scale", [0.1, 5.0])
def test_a_scale_out_of_range_is_an_error_before_anything_is_written(theme: Any, scale: float) -> None:
    out = io.BytesIO()
    with pytest.raises(BriefgenError) as caught:
        write_docx(doc(Layout.SUMMARY), theme, out, scale=scale)
    assert "out of range" in caught.value.diagnostics[0].message and out.getvalue() == b""


def test_the_styled_blank_is_made_once_per_look(theme: Any) -> None:
    assert _styled_blank(theme, 1.0, False) is _styled_blank(theme, 1.0, False)
    assert _styled_blank(theme, 1.0, True) != _styled_blank(theme, 1.0, False)  # the summary's is tighter
