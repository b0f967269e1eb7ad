"""writers/pdf/packing.py: reportlab's output repacked into object streams, read back the same."""

from __future__ import annotations

import io

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from briefgen.writers.pdf.packing import pack


def _reportlab_pdf(pages: int) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setTitle("Packed")
    for n in range(pages):
        canvas.drawString(72, 720, f"page {n + 1}")
        canvas.linkURL("https://example.org", (72, 700, 200, 730))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_packed_pdf_reads_the_same_and_is_smaller() -> None:
    plain = _reportlab_pdf(30)
    packed = pack(plain)
    assert packed.startswith(b"%PDF-1.7") and len(packed) < len(plain)
    assert b"/Type /ObjStm" in packed and b"/Type /XRef" in packed and b"\nxref\n" not in packed
    with pikepdf.open(io.BytesIO(packed)) as pdf, pikepdf.open(io.BytesIO(plain)) as before:
        assert pdf.check_pdf_syntax() == []
        assert len(pdf.pages) == 30 and str(pdf.docinfo.Title) == "Packed"
        assert str(pdf.pages[29].Annots[0].A.URI) == "https://example.org"
        assert pdf.pages[5].Contents.read_bytes() == before.pages[5].Contents.read_bytes()
        assert pdf.trailer.ID == before.trailer.ID


def test_what_is_not_reportlab_output_is_left_alone() -> None:
    assert pack(b"%PDF-1.4\nnot a pdf") == b"%PDF-1.4\nnot a pdf"
    assert pack(pack(_reportlab_pdf(1))) == pack(_reportlab_pdf(1))  # packed once; reproducible
