"""One design in both formats, page furniture: the cover band, the summary's masthead, the
marking, the document ID and the watermark, read from the written PDF (pdfplumber) and
the DOCX's XML.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from typing import Any

import pdfplumber
import pytest

from briefgen.design.system import design_of
from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.model.layout import Layout

POS = Pos("sections/cover.md", 1)
MARK = "RESTRICTED — prepared for a client with a long name"
DOC_ID = "TEST-ANNEX-CLIENT-0001"


def _document(layout: Layout) -> m.Document:
    meta = m.Meta(
        title="A report title long enough to wrap on the cover",
        subtitle="Its subtitle",
        series="Research",
        date="2021-09-30",
        authors=("An Author",),
        cut="annex" if layout == Layout.ANNEX else "summary",
        cut_title="Country annex",
        layout=layout,
        audience="business",
        client_name="A Client",
        marking=m.Marking(MARK, MARK),
        document_id=DOC_ID,
    )
    body = (m.Paragraph((m.Text("Body text."),), POS),)
    return m.Document(meta, (m.Section("s", "A section", 1, body, POS),))


def _write(doc: m.Document, theme: Any) -> tuple[bytes, bytes]:
    from briefgen.writers.docx import write_docx
    from briefgen.writers.pdf.document import write_pdf

    out = io.BytesIO()
    write_docx(doc, theme, out)
    return write_pdf(doc, theme).data, out.getvalue()


@pytest.fixture(scope="module")
def annex(theme: Any) -> tuple[bytes, bytes]:
    return _write(_document(Layout.ANNEX), theme)


@pytest.fixture(scope="module")
def summary(theme: Any) -> tuple[bytes, bytes]:
    return _write(_document(Layout.SUMMARY), theme)


def _parts(data: bytes, prefix: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode() for n in sorted(z.namelist()) if n.startswith(prefix))


def _hex(color: Any) -> str:
    return "#" + "".join(f"{round(float(v) * 255):02X}" for v in color)


def test_the_cover_band_and_its_edge_have_one_colour_and_size_in_both(annex, theme) -> None:
    design = design_of(theme)
    with pdfplumber.open(io.BytesIO(annex[0])) as pdf:
        page = pdf.pages[0]
        band = max(page.rects, key=lambda r: r["width"] * r["height"])
        assert band["width"] == pytest.approx(page.width) and band["top"] == pytest.approx(0)
        pdf_band = (_hex(band["non_stroking_color"]), band["height"] / page.height)
    body = _parts(annex[1], "word/document.xml")
    shapes = re.findall(
        r'<wp:extent cx="(\d+)" cy="(\d+)"/>.*?name="(Cover band[^"]*)".*?<a:srgbClr val="(\w+)"/>', body
    )
    named = {name: (int(cx), int(cy), "#" + color) for cx, cy, name, color in shapes}
    width_emu = theme.page_mm[0] * 36000
    cx, cy, color = named["Cover band"]
    assert (color, cx) == (design.colors.band, pytest.approx(width_emu, abs=2))
    assert pdf_band == (color, pytest.approx(cy / (theme.page_mm[1] * 36000), abs=1e-4))
    assert named["Cover band edge"][2] == design.colors.band_edge
    # behind the text, so the title is set on the band
    assert re.search(r'<wp:anchor[^>]*behindDoc="1"', body)


def test_the_cover_carries_title_subtitle_kicker_and_document_id_in_both(annex) -> None:
    with pdfplumber.open(io.BytesIO(annex[0])) as pdf:
        cover = pdf.pages[0].extract_text()
    body, footers = _parts(annex[1], "word/document.xml"), _parts(annex[1], "word/footer")
    for text in ("Its subtitle", "Prepared for A Client", DOC_ID):
        assert text in cover
        assert text in body + footers, text
    assert "COUNTRY ANNEX" in cover and "Country annex" in body  # Word sets it in capitals by its style


def test_the_document_id_is_in_the_footer_of_a_body_page_in_both(annex) -> None:
    with pdfplumber.open(io.BytesIO(annex[0])) as pdf:
        last = pdf.pages[-1]
        foot = last.crop((0, last.height * 0.9, last.width, last.height)).extract_text()
    assert DOC_ID in foot
    footers = _parts(annex[1], "word/footer")
    assert DOC_ID in footers
    # the PDF's order: the brand's footer and the document ID left, then "Page N of M"
    assert foot.index(DOC_ID) < foot.index("Page")
    body_footer = next(f for f in re.findall(r"<w:ftr.*?</w:ftr>", footers, re.S) if "NUMPAGES" in f)
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body_footer))
    assert text.index(DOC_ID) < text.index("Page")


def test_the_annex_running_head_is_its_own_in_both(annex) -> None:
    with pdfplumber.open(io.BytesIO(annex[0])) as pdf:
        head = pdf.pages[-1].crop((0, 0, pdf.pages[-1].width, 60)).extract_text()
    headers = _parts(annex[1], "word/header")
    assert "Country annex" in head and "Country annex" in headers
    assert "A report title" not in head and "A report title" not in headers


def test_the_cover_marking_reads_on_the_band(annex, theme) -> None:
    from briefgen.design.contrast import contrast

    design = design_of(theme)
    with pdfplumber.open(io.BytesIO(annex[0])) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["top"] < 40 and c["text"].strip()]
    assert chars, "no marking at the cover's top"
    assert {_hex(c["non_stroking_color"]) for c in chars} == {design.colors.marking_on_band}
    assert contrast(design.colors.marking_on_band, design.colors.band) >= 4.5
    headers = _parts(annex[1], "word/header")
    assert 'w:val="MarkingOnBand"' in headers


def test_the_summary_masthead_gives_the_marking_its_own_strip(summary, theme) -> None:
    with pdfplumber.open(io.BytesIO(summary[0])) as pdf:
        page = pdf.pages[0]
        band = max((r for r in page.rects if r["top"] < 120), key=lambda r: r["width"] * r["height"])
        words = page.extract_words()
    mark = [w for w in words if w["text"] == "RESTRICTED" and w["top"] < band["top"]]
    assert mark, "the marking is not above the band"
    label = next(w for w in words if w["text"] == "POLICY")
    assert mark[0]["bottom"] < band["top"] <= label["top"]
    # Word: the marking is in the header, above the same full-bleed band, as wide and as deep
    assert "RESTRICTED" in _parts(summary[1], "word/header")
    body = _parts(summary[1], "word/document.xml")
    y, cx, cy, color = re.search(
        r'<wp:positionV relativeFrom="page"><wp:posOffset>(\d+)</wp:posOffset></wp:positionV>'
        r'<wp:extent cx="(\d+)" cy="(\d+)"/>.*?name="Summary band".*?<a:srgbClr val="(\w+)"/>',
        body,
    ).groups()
    assert "#" + color == design_of(theme).colors.band == _hex(band["non_stroking_color"])
    assert int(y) / 36000 * 72 / 25.4 == pytest.approx(band["top"], abs=0.5)
    assert int(cy) / 36000 * 72 / 25.4 == pytest.approx(band["height"], abs=0.5)
    assert int(cx) == pytest.approx(theme.page_mm[0] * 36000, abs=2)


def test_the_watermark_fits_the_page_in_both(annex, theme) -> None:
    look = design_of(theme).watermark
    page_w, page_h = (v * 72 / 25.4 for v in theme.page_mm)
    guard = look.guard * 72 / 25.4
    with pdfplumber.open(io.BytesIO(annex[0])) as pdf:
        page = pdf.pages[-1]
        curves = [c for c in page.curves if c.get("fill")]
        assert curves, "no watermark outlines"
        x0, x1 = min(c["x0"] for c in curves), max(c["x1"] for c in curves)
        top, bottom = min(c["top"] for c in curves), max(c["bottom"] for c in curves)
    assert x0 >= guard * 0.9 and x1 <= page_w - guard * 0.9
    assert top >= 0 and bottom <= page_h
    assert x1 - x0 > page_w * 0.5  # as large as fits, not a stamp
    style = re.search(r'id="PowerPlusWaterMarkObject\d+"[^>]*style="([^"]+)"', _parts(annex[1], "word/header"))
    assert style
    width, height = (float(v) for v in re.findall(r"(?:width|height):([\d.]+)pt", style.group(1)))
    assert (width + height) / math.sqrt(2) <= page_w - 2 * guard + 1
    assert width > page_w * 0.6
