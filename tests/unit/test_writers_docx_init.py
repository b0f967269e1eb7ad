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
from briefgen.writers.docx import _blank_copy, _styled_blank, write_docx


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


def _styles_xml(document: Any) -> bytes:
    return etree.tostring(document.styles.element)


def test_the_styled_blank_is_made_once_per_look(theme: Any) -> None:
    assert _styled_blank(theme, 1.0, False) is _styled_blank(theme, 1.0, False)
    # the summary's is tighter
    assert _styles_xml(_styled_blank(theme, 1.0, True)) != _styles_xml(_styled_blank(theme, 1.0, False))


def test_each_deliverable_writes_in_a_copy_of_its_own(theme: Any) -> None:
    blank = _styled_blank(theme, 1.0, False)
    before = {part.partname: part.blob for part in blank.part.package.parts}
    first, second = _blank_copy(theme, 1.0, False), _blank_copy(theme, 1.0, False)
    first.add_paragraph("only in the first")
    assert first.element is not second.element and first.part.package is not second.part.package
    assert "only in the first" not in etree.tostring(second.element).decode()
    assert {part.partname: part.blob for part in second.part.package.parts} == before
    assert {part.partname: part.blob for part in blank.part.package.parts} == before  # the blank itself untouched


def test_a_copy_saves_as_the_blank_reopened_does(theme: Any) -> None:
    import docx

    saved = io.BytesIO()
    _blank_copy(theme, 1.0, True).save(saved)
    fresh = io.BytesIO()
    reopened = io.BytesIO()
    blank = _styled_blank(theme, 1.0, True)
    blank.save(fresh)
    docx.Document(io.BytesIO(fresh.getvalue())).save(reopened)
    with zipfile.ZipFile(saved) as a, zipfile.ZipFile(reopened) as b:
        assert a.namelist() == b.namelist()
        assert all(a.read(name) == b.read(name) for name in a.namelist())


def test_writing_another_document_between_leaves_no_trace(theme: Any) -> None:
    """The per-look blank, the fonts' keys and the zip's memo serve every document alike."""

    def written(document: m.Document) -> bytes:
        out = io.BytesIO()
        write_docx(document, theme, out)
        return out.getvalue()

    first = written(doc(Layout.ANNEX))
    other = m.Section("other", "Überblick", 1, (m.Paragraph((m.Text("Ærø, Şişli and Łódź."),)),), Pos("b.md", 1))
    between = written(m.Document(meta(layout=Layout.ANNEX), (other,)))
    assert written(doc(Layout.ANNEX)) == first and between != first
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert "Łódź" not in z.read("word/document.xml").decode()
