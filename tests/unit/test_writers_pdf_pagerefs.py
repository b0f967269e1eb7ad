"""writers/pdf/pagerefs.py: markers resolve to ", p. N" for pages laid out, to nothing otherwise."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle

from briefgen.writers.pdf.pagerefs import has_markers, laying_out, marker, resolve
from briefgen.writers.pdf.para import Paragraph


def test_markers_resolve_from_the_pages_laid_out_so_far() -> None:
    text = f"Intro{marker('intro')} and later{marker('later')}."
    assert has_markers(text) and not has_markers("plain") and not has_markers(None)
    pages: dict[str, int] = {"intro": 3}
    with laying_out(pages):
        assert resolve(text) == "Intro, p.\u00a03 and later."
        pages["later"] = 12  # the layout went on
        assert resolve(text) == "Intro, p.\u00a03 and later, p.\u00a012."
    assert resolve(text) == "Intro and later."  # outside a layout nothing is known


def test_a_paragraph_resolves_its_markers_when_first_wrapped() -> None:
    para = Paragraph(f"See the survey{marker('survey')}.", ParagraphStyle("t", fontName="Helvetica"))
    with laying_out({"survey": 7}):
        para.wrap(400, 100)
    assert para.text == "See the survey, p.\u00a07."
    assert "".join(f.text for f in para.frags) == "See the survey, p.\u00a07."
