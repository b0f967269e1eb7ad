"""writers/pdf/archival.py: subset tags, the XMP packet, the sRGB profile and the catalog entries."""

from __future__ import annotations

import io

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from briefgen.writers.pdf import archival

INFO = archival.Info("A <title> & more", "Ann", "Subject", "a, b", "briefgen", "briefgen (reportlab)", 1700000000)


def test_subset_tags_are_six_capitals_by_content() -> None:
    one = archival.subset_tag(b"Face", [65, 66])
    assert len(one) == 6 and one.isalpha() and one.isupper()
    assert one == archival.subset_tag(b"Face", [65, 66])
    assert one != archival.subset_tag(b"Face", [65, 67]) and one != archival.subset_tag(b"Other", [65, 66])


def test_xmp_repeats_the_information_and_claims_the_standards() -> None:
    both = archival.xmp(INFO, ua=True, archival=True)
    assert "A &lt;title&gt; &amp; more" in both and "2023-11-14T22:13:20+00:00" in both
    assert "<pdfuaid:part>1</pdfuaid:part>" in both and "<pdfaid:conformance>B</pdfaid:conformance>" in both
    only_ua = archival.xmp(INFO, ua=True, archival=False)
    assert "pdfaid" not in only_ua and "pdfuaid" in only_ua


def test_the_srgb_profile_is_reproducible() -> None:
    profile = archival.srgb_profile()
    assert profile[36:40] == b"acsp" and profile[16:20] == b"RGB "
    assert profile[24:26] == bytes([0x07, 0xD0])  # the year 2000, not today


def _finished(standard: str) -> pikepdf.Pdf:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(10, 10, "x")
    canvas.showPage()
    archival.finish(canvas, INFO, standard, "en-GB")
    canvas.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def test_finish_sets_what_each_standard_needs() -> None:
    with _finished("both") as pdf:
        assert str(pdf.Root.Lang) == "en-GB" and bool(pdf.Root.MarkInfo.Marked)
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        assert pdf.Root.OutputIntents[0].S == "/GTS_PDFA1"
        assert "/Filter" not in pdf.Root.Metadata  # PDF/A: readable as it is
    with _finished("a2b") as pdf:
        assert "/MarkInfo" not in pdf.Root and "/OutputIntents" in pdf.Root
    with _finished("none") as pdf:
        assert str(pdf.Root.Lang) == "en-GB" and "/Metadata" not in pdf.Root
