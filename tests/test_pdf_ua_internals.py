"""The reportlab internals the tagged PDF relies on (`rl_internals`, tagged-PDF part): one test per trick."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, ListFlowable, ListItem, Paragraph, Table

from briefgen.libs import rl_internals as rl

FONT = Path(__file__).resolve().parents[1] / "briefgen" / "fonts" / "NotoSans-Regular.ttf"


def _saved(canvas: Canvas, buffer: io.BytesIO) -> pikepdf.Pdf:
    canvas.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def test_allow_keys_writes_entries_reportlab_does_not_list() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(10, 10, "x")
    canvas.showPage()
    rl.allow_keys(rl.catalog(canvas), "OutputIntents")
    canvas.setCatalogEntry("OutputIntents", PDFArray([PDFDictionary({"S": PDFName("GTS_PDFA1")})]))
    page = rl.document_pages(canvas)[0]
    rl.allow_keys(page, "Tabs")
    page.Tabs = PDFName("S")
    with _saved(canvas, buffer) as pdf:
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"
        assert pdf.pages[0].Tabs == "/S"


def test_annotation_entries_of_both_kinds_of_link() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(10, 40, "x")
    canvas.bookmarkPage("here")
    canvas.linkURL("https://example.org", (0, 0, 10, 10))
    canvas.linkRect("", "here", (0, 20, 10, 30))
    refs = list(rl.annotation_refs(canvas))
    assert len(refs) == 2
    for n, ref in enumerate(refs):
        rl.set_annotation_entry(canvas, ref, "StructParent", n)
        rl.set_annotation_entry(canvas, ref, "Contents", "described")
    assert rl.annotation_entry(canvas, refs[0], "A") is not None
    assert rl.annotation_entry(canvas, refs[1], "Destination") is not None
    with _saved(canvas, buffer) as pdf:
        annots = pdf.pages[0].Annots
        assert [int(a.StructParent) for a in annots] == [0, 1]
        assert str(annots[1].Contents) == "described"


def test_reference_registers_once() -> None:
    canvas = Canvas(io.BytesIO())
    obj = PDFDictionary({"S": PDFName("P")})
    first, second = rl.reference(canvas, obj), rl.reference(canvas, obj)
    assert first.name == second.name


def test_contained_sees_into_tables_keep_togethers_and_lists() -> None:
    a, b = Paragraph("a", ParagraphStyle("s")), Paragraph("b", ParagraphStyle("s"))
    assert rl.contained(Table([[a, "x"], [[b], ""]])) == [[a, "x"], [[b], ""]]
    assert rl.contained(KeepTogether([a, b])) == [a, b]
    items = [ListItem([a]), ListItem([b])]
    listed = ListFlowable(items)
    assert rl.contained(listed) == items and rl.contained(items[0]) == [a]
