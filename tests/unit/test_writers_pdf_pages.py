"""writers.pdf.pages: the furniture around the text frame (running head and foot with
"Page N of M" drawn when the total is known, the cover and the summary's band), the
marking on every page and the watermark as outlines that never enter the text layer."""

from __future__ import annotations

import io
from typing import Any

import pdfkit
from reportlab.pdfgen.canvas import Canvas

from briefgen.design.wording import long_date
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.writers.pdf.pages import WATERMARK, NumberedCanvas, _fit


def drawn(theme: Any, page: str, count: int = 1, **changes: Any) -> tuple[list[str], NumberedCanvas]:
    """The text of `count` pages decorated by the furniture's `page` method."""
    furniture = pdfkit.setup(theme, **changes).furniture
    out = io.BytesIO()
    c = NumberedCanvas(out, pagesize=(furniture.page_w, furniture.page_h))
    for _ in range(count):
        getattr(furniture, page)(c, None)
        c.showPage()
    c.save()
    return pdfkit.pages(out.getvalue()), c


def test_body_pages_have_title_brand_footer_and_page_n_of_m(theme: Any) -> None:
    texts, _ = drawn(theme, "body_page", 2, document_id="DOC-3", client_name="Client Co")
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of 2" in text
        assert "Unit briefing" in text and theme.name in text and "DOC-3" in text


def test_the_running_head_of_an_annex_is_its_cuts_title(theme: Any) -> None:
    texts, _ = drawn(theme, "body_page", layout=Layout.ANNEX, cut_title="Regional annex")
    assert "Regional annex" in texts[0] and "Unit briefing" not in texts[0]


def test_a_marking_is_printed_but_the_watermark_holds_no_text(theme: Any) -> None:
    mark = m.Marking("RESTRICTED", watermark="CLIENTCOPY")
    texts, c = drawn(theme, "body_page", 2, marking=mark)
    assert all(t.count("RESTRICTED") == 2 for t in texts)  # top and bottom of each page
    assert all("CLIENTCOPY" not in t and "CLIENT" not in t for t in texts)
    assert WATERMARK in c.forms_at_save  # one form, drawn once at save, shown on every page


def test_the_cover_shows_label_title_date_and_client(theme: Any) -> None:
    [text], _ = drawn(theme, "cover_page", subtitle="A subtitle", client_name="Client Co", authors=("A. Author",))
    for expected in ("UNIT SERIES", "Unit briefing", "A subtitle", "Prepared for Client Co", long_date("2024-05-01")):
        assert expected in text
    assert "A. Author" in text and theme.tagline.split()[0] in text


def test_the_summary_band_names_the_client_and_the_date(theme: Any) -> None:
    [text], _ = drawn(theme, "summary_page", layout=Layout.SUMMARY, client_name="Client Co")
    assert "PREPARED FOR CLIENT CO" in text and long_date("2024-05-01") in text
    assert "Page" not in text


def test_fit_shortens_with_an_ellipsis_only_when_needed() -> None:
    c = Canvas(io.BytesIO())
    assert _fit(c, "Short", "Helvetica", 10, 200) == "Short"
    long = "A very long running title " * 5
    cut = _fit(c, long, "Helvetica", 10, 100)
    assert cut.endswith("…") and c.stringWidth(cut, "Helvetica", 10) <= 100 and long.startswith(cut[:-1])
