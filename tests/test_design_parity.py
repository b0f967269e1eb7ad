"""The PDF and the DOCX draw one design: headings h1–h3 and every kind of box come out
with the same sizes and colours in both files, and a section's title has the same short
accent rule under it. (The cover band, the summary's masthead and the watermark are
compared in `test_design_cover.py`.)

The PDF side is read from the written file's content streams (pypdf: the size each text
is set in, the fill colour it is drawn in, the last rectangle filled before a box's title
and the first colour stroked after it); the DOCX side from `styles.xml` and `document.xml` (the
style each paragraph names, that style's `w:sz` and `w:color`, the box cell's shading and
left border).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfReader
from support import one_section, write_both

from briefgen.errors import Pos
from briefgen.model import nodes as m

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
POS = Pos("sections/parity.md", 1)
HEADINGS = {1: "Alpha heading", 2: "Beta heading", 3: "Gamma heading"}
LINKS = {"external": "Eta link", "cross-reference": "Theta reference"}
BOXES = {"callout": "Delta box", "factbox": "Epsilon box", "contact": "Zeta box", "bottom-line": "Omega box"}


def _document() -> m.Document:
    text = (m.Text("Plain words inside the box."),)
    blocks: list[m.Block] = [
        m.Heading(2, (m.Text(HEADINGS[2]),), "beta", POS),
        m.Paragraph((m.Text("Some body text."),), POS),
        m.Heading(3, (m.Text(HEADINGS[3]),), "gamma", POS),
        m.Paragraph((m.Text("More body text."),), POS),
        m.Paragraph((m.Link("https://example.org", (m.Text(LINKS["external"]),)),), POS),
        m.Paragraph((m.Link("#beta", (m.Text(LINKS["cross-reference"]),)),), POS),
    ]
    blocks += [m.Callout(title, (m.Paragraph(text, POS),), kind, POS) for kind, title in BOXES.items()]
    return one_section("Parity", "alpha", HEADINGS[1], blocks, POS)


def _hex(rgb: list[Any]) -> str:
    return "".join(f"{round(float(v) * 255):02X}" for v in rgb)


def _pdf_reading(data: bytes) -> tuple[dict[str, tuple[float, str]], dict[str, tuple[str, str]]]:
    """Per text run: (size, fill colour); and (the last rectangle filled before it, the
    first colour stroked after it: a table draws its rules after its cells)."""
    texts: dict[str, tuple[float, str]] = {}
    events: list[tuple[str, str]] = []  # ("rect", fill) | ("stroke", colour) | ("text", run), in drawing order
    state = {"fill": "000000", "rect": False}

    def op(operator: bytes, operands: list[Any], _cm: Any, _tm: Any) -> None:
        if operator == b"rg":
            state["fill"] = _hex(operands)
        elif operator == b"RG":
            events.append(("stroke", _hex(operands)))
        elif operator == b"re":
            state["rect"] = True
        elif operator in (b"f", b"f*", b"B") and state["rect"]:
            events.append(("rect", str(state["fill"])))
            state["rect"] = False
        elif operator in (b"S", b"n"):
            state["rect"] = False

    def text(t: str, _cm: Any, tm: Any, _font: Any, size: float) -> None:
        t = t.strip()
        if t and t not in texts:
            texts[t] = (round(size * tm[0], 2), str(state["fill"]))
            events.append(("text", t))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_operand_before=op, visitor_text=text)
    around: dict[str, tuple[str, str]] = {}
    for i, (kind, value) in enumerate(events):
        if kind == "text":
            fill = next((v for k, v in reversed(events[:i]) if k == "rect"), "")
            stroke = next((v for k, v in events[i:] if k == "stroke"), "")
            around[value] = (fill, stroke)
    return texts, around


def _find(texts: dict[str, Any], wanted: str) -> Any:
    """The reading of the run holding `wanted` (pypdf may split or join runs)."""
    for key, value in texts.items():
        if wanted.lower() in key.lower():
            return value
    raise AssertionError(f"{wanted!r} not found in the PDF's text runs: {list(texts)}")


class _Docx:
    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.styles = etree.fromstring(z.read("word/styles.xml"))
            self.body = etree.fromstring(z.read("word/document.xml"))

    def style(self, style_id: str) -> tuple[float, str]:
        """A paragraph style's size in points and colour, following `w:basedOn`."""
        size, color = None, None
        while style_id and (size is None or color is None):
            node = self.styles.find(f"{W}style[@{W}styleId='{style_id}']")
            assert node is not None, style_id
            sz, col = node.find(f"{W}rPr/{W}sz"), node.find(f"{W}rPr/{W}color")
            size = size if size is not None or sz is None else int(sz.get(f"{W}val")) / 2
            color = color if color is not None or col is None else col.get(f"{W}val")
            based = node.find(f"{W}basedOn")
            style_id = based.get(f"{W}val") if based is not None else ""
        assert size is not None and color is not None, style_id
        return size, color.upper()

    def paragraph(self, text: str) -> Any:
        for p in self.body.iter(f"{W}p"):
            if "".join(p.itertext()).strip() == text:
                return p
        raise AssertionError(f"{text!r} not found in document.xml")

    def paragraph_style(self, text: str) -> str:
        return self.paragraph(text).find(f"{W}pPr/{W}pStyle").get(f"{W}val")

    def run_color(self, text: str) -> str:
        """The colour of the character style on the run holding `text`."""
        run = next(r for r in self.body.iter(f"{W}r") if "".join(r.itertext()).strip() == text)
        style_id = run.find(f"{W}rPr/{W}rStyle").get(f"{W}val")
        node = self.styles.find(f"{W}style[@{W}styleId='{style_id}']")
        return node.find(f"{W}rPr/{W}color").get(f"{W}val").upper()

    def box(self, title: str) -> tuple[str, str]:
        """The fill and left-border colour of the table cell holding `title`."""
        tc = next(a for a in self.paragraph(title).iterancestors(f"{W}tc"))
        fill = tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill")
        left = tc.find(f"{W}tcPr/{W}tcBorders/{W}left")
        return fill.upper(), (left.get(f"{W}color") or "").upper()


@pytest.fixture(scope="module")
def written(theme: Any) -> tuple[bytes, bytes]:
    return write_both(_document(), theme)


@pytest.fixture(scope="module")
def both(written: tuple[bytes, bytes]) -> tuple[tuple[dict, dict], _Docx]:
    return _pdf_reading(written[0]), _Docx(written[1])


@pytest.mark.parametrize("level", [1, 2, 3])
def test_headings_have_one_size_and_colour_in_both_formats(both, theme, level: int) -> None:
    (texts, _), word = both
    pdf_size, pdf_color = _find(texts, HEADINGS[level])
    style = word.paragraph_style(HEADINGS[level])
    assert style == f"Heading{level}"
    docx_size, docx_color = word.style(style)
    assert pdf_size == pytest.approx(docx_size, abs=0.26)  # Word keeps whole half points
    assert pdf_color == docx_color
    assert pdf_size > theme.base_size  # a heading, not body text that happens to match


def test_h3_is_in_the_heading_colour_not_the_text_colour(both, theme) -> None:
    (texts, _), word = both
    primary = theme.colors.primary.lstrip("#").upper()
    assert _find(texts, HEADINGS[3])[1] == primary
    assert word.style("Heading3")[1] == primary


@pytest.mark.parametrize("kind", list(BOXES))
def test_boxes_have_one_fill_bar_and_title_colour_in_both_formats(both, kind: str) -> None:
    (texts, before), word = both
    title = BOXES[kind]
    shown = title.upper() if kind == "bottom-line" else title
    pdf_fill, pdf_bar = _find(before, shown)
    docx_fill, docx_bar = word.box(title)  # Word shows it in capitals by its style
    assert (pdf_fill, pdf_bar) == (docx_fill, docx_bar)
    pdf_title_color = _find(texts, shown)[1]
    docx_title_color = word.style(word.paragraph_style(title))[1]
    assert pdf_title_color == docx_title_color
    assert pdf_title_color != pdf_fill  # the title reads on its box


def test_the_bottom_line_is_a_dark_band_in_both(both, theme) -> None:
    (_, before), word = both
    band = theme.colors.primary.lstrip("#").upper()
    assert _find(before, BOXES["bottom-line"].upper())[0] == band
    assert word.box(BOXES["bottom-line"])[0] == band
    assert re.fullmatch(r"[0-9A-F]{6}", band)


def test_links_out_and_cross_references_have_one_colour_each_in_both_formats(both, theme) -> None:
    (texts, _), word = both
    colours = {kind: _find(texts, text)[1] for kind, text in LINKS.items()}
    assert colours == {kind: word.run_color(text) for kind, text in LINKS.items()}
    assert colours["external"] != colours["cross-reference"]  # a link out stands out; a "see …" reads quietly


def test_a_section_title_has_the_same_short_accent_rule_in_both(written, both, theme) -> None:
    import pdfplumber

    from briefgen.design.system import design_of

    design = design_of(theme)
    accent = design.colors.accent.lstrip("#").upper()
    with pdfplumber.open(io.BytesIO(written[0])) as pdf:
        page = pdf.pages[0]
        frame = page.width - sum(v * 72 / 25.4 for v in (theme.margins_mm[1], theme.margins_mm[3]))
        rules = [ln for ln in page.lines if _hex(ln["stroking_color"]) == accent and ln["linewidth"] > 1]
    assert rules, "no accent rule under the section title"
    assert rules[0]["width"] / frame == pytest.approx(design.block.section_rule_length, abs=0.01)
    assert rules[0]["linewidth"] == pytest.approx(design.rules.section)
    (_, word) = both
    style = word.styles.find(f"{W}style[@{W}styleId='SectionRule']")
    top = style.find(f"{W}pPr/{W}pBdr/{W}top")
    assert top.get(f"{W}color").upper() == accent
    assert int(top.get(f"{W}sz")) == round(design.rules.section * 8)
    right = int(style.find(f"{W}pPr/{W}ind").get(f"{W}right"))
    width = round(frame * 20)
    assert 1 - right / width == pytest.approx(design.block.section_rule_length, abs=0.01)
    used = {
        p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        for p in word.body.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None
    }
    assert "SectionRule" in used
