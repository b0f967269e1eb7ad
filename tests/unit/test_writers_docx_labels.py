"""writers.docx.labels: a label's placeholders become Word fields, its text runs."""

from __future__ import annotations

from docxkit import xp
from lxml import etree

from briefgen.writers.docx.labels import label_runs

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraph() -> etree._Element:
    return etree.Element(f"{{{W}}}p", nsmap={"w": W})


def test_placeholders_become_fields_between_the_texts_runs() -> None:
    p = _paragraph()
    fields = {"page": ("PAGE", "1"), "pages": ("NUMPAGES", "1")}
    label_runs(p, "Seite {page} von {pages}", fields, before="Institut\t")
    assert xp(p, "w:r/w:instrText/text()") == [" PAGE ", " NUMPAGES "]
    assert xp(p, "w:r/w:t/text()") == ["Institut", "Seite ", "1", " von ", "1"]
    assert len(xp(p, "w:r[1]/w:tab")) == 1  # the tab, as Word's own element, in the first run


def test_a_label_that_starts_with_its_number_and_a_style() -> None:
    p = _paragraph()
    label_runs(p, "{number}. Abbildung", {"number": ("SEQ Figure \\* ARABIC", "3")}, style="Strong")
    assert xp(p, "w:r/w:t/text()") == ["3", ". Abbildung"]
    assert len(xp(p, "w:r/w:rPr/w:rStyle[@w:val='Strong']")) == len(xp(p, "w:r"))
