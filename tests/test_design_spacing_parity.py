"""The design's paddings and indents reach both writers: Word's cell margins and list
indents are the `Design` values in twips, and the PDF draws box and table text that far
inside the box's fill and the table's header fill (read with pdfplumber).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pdfplumber
import pytest
from lxml import etree
from support import one_section, write_both

from briefgen.design.spacing import Pad
from briefgen.design.system import design_of
from briefgen.errors import Pos
from briefgen.model import nodes as m

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
POS = Pos("sections/spacing.md", 1)
BOX_TITLE = "Kappa box"
HEAD = "Lambda"


def _document() -> m.Document:
    cells = lambda *texts: tuple(m.Cell((m.Text(t),)) for t in texts)  # noqa: E731
    blocks: list[m.Block] = [
        m.Paragraph((m.Text("Body text before the box."),), POS),
        m.Callout(BOX_TITLE, (m.Paragraph((m.Text("Inside the box."),), POS),), "callout", POS),
        m.Table((cells(HEAD, "Mu"),), (cells("one", "two"), cells("three", "four")), POS),
        m.BulletList((m.ListItem((m.Paragraph((m.Text("An item."),), POS),)),), POS),
    ]
    return one_section("Spacing", "s", "Spacing", blocks, POS)


@pytest.fixture(scope="module")
def written(theme: Any) -> tuple[bytes, bytes]:
    return write_both(_document(), theme)


def _twips(pt: float) -> int:
    return round(pt * 20)


def _style(styles: Any, style_id: str) -> Any:
    node = styles.find(f"{W}style[@{W}styleId='{style_id}']")
    assert node is not None, style_id
    return node


def _margins(node: Any) -> Pad:
    mar = node.find(f"{W}tblPr/{W}tblCellMar")
    assert mar is not None
    get = {side: int(mar.find(f"{W}{side}").get(f"{W}w")) / 20 for side in ("top", "right", "bottom", "left")}
    return Pad(get["top"], get["right"], get["bottom"], get["left"])


def test_word_cell_margins_are_the_design_paddings(written, theme) -> None:
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(written[1])).read("word/styles.xml"))
    design = design_of(theme)
    t = design.table
    assert _margins(_style(styles, "BriefgenBox")) == design.box.pad
    assert _margins(_style(styles, "BriefgenFacts")) == t.facts
    assert _margins(_style(styles, "BriefgenFigures")) == t.figures
    data = _margins(_style(styles, "BriefgenTable"))
    assert (data.left, data.right) == (t.data.left, t.data.right)
    # Word's cell paragraphs add their own spacing: with it, the space above a cell's text
    # is within a point of the PDF's padding.
    cell_gap = t.cell_text * theme.base_size
    assert data.top + cell_gap == pytest.approx(t.data.top, abs=1.0)


def test_word_list_indents_are_the_design_indents(written, theme) -> None:
    # The PDF's: a list's text its marker's room in from its parent's, the marker at the level's start.
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(written[1])).read("word/styles.xml"))
    lists = design_of(theme).lists
    for n, style_id, em in (
        (1, "ListBullet", lists.bullet),
        (2, "ListBullet2", lists.bullet),
        (3, "ListNumber3", lists.number),
    ):
        ind = _style(styles, style_id).find(f"{W}pPr/{W}ind")
        assert int(ind.get(f"{W}left")) == _twips(em * theme.base_size) * n
        assert int(ind.get(f"{W}hanging")) == _twips(em * theme.base_size)


def _word_left(words: list[dict], text: str) -> dict:
    return next(w for w in words if w["text"] == text)


def test_the_pdf_draws_text_the_design_padding_inside_a_box_and_a_table(written, theme) -> None:
    design = design_of(theme)
    with pdfplumber.open(io.BytesIO(written[0])) as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        rects = page.rects
    title = _word_left(words, BOX_TITLE.split()[0])
    box = next(
        r for r in rects if r["x0"] <= title["x0"] and r["top"] <= title["top"] <= r["bottom"] and r["width"] > 100
    )
    assert title["x0"] - box["x0"] == pytest.approx(design.box.pad.left, abs=0.3)
    assert box["x1"] - box["x0"] > 200  # the box, not its bar
    head = _word_left(words, HEAD)
    header = next(r for r in rects if r["top"] <= head["top"] <= r["bottom"] and r["x0"] <= head["x0"])
    assert head["x0"] - header["x0"] == pytest.approx(design.table.data.left, abs=0.3)
    # a one-line header row is its padding above and below around one line of its style
    leading = design.text("cell_head").leading * theme.base_size
    pad = design.table.data
    assert header["bottom"] - header["top"] == pytest.approx(pad.top + leading + pad.bottom, abs=0.3)


def test_the_table_header_is_the_band_with_white_bold_text_in_both(written, theme) -> None:
    design = design_of(theme)
    head_style = design.text("cell_head")
    with pdfplumber.open(io.BytesIO(written[0])) as pdf:
        page = pdf.pages[0]
        head = _word_left(page.extract_words(extra_attrs=["non_stroking_color", "fontname"]), HEAD)
        fill = next(r for r in page.rects if r["top"] <= head["top"] <= r["bottom"] and r["x0"] <= head["x0"])
    hexed = lambda c: "#" + "".join(f"{round(float(v) * 255):02X}" for v in c)  # noqa: E731
    assert hexed(fill["non_stroking_color"]) == design.colors.band
    assert hexed(head["non_stroking_color"]) == head_style.color and "Bold" in head["fontname"]
    styles = etree.fromstring(zipfile.ZipFile(io.BytesIO(written[1])).read("word/styles.xml"))
    first = _style(styles, "BriefgenTable").find(f"{W}tblStylePr[@{W}type='firstRow']")
    assert "#" + first.find(f"{W}tcPr/{W}shd").get(f"{W}fill").upper() == design.colors.band
    word_head = _style(styles, "TableHeading")
    assert "#" + word_head.find(f"{W}rPr/{W}color").get(f"{W}val").upper() == head_style.color
    assert word_head.find(f"{W}rPr/{W}b") is not None
