"""The full report PDF read back: fonts, outline, metadata, links, furniture, markings."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from support import COUNTRIES, flat, pdf_pages


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> whether its file is embedded."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            desc = desc.get_object() if desc is not None else {}
            found[str(font["/BaseFont"])] = any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def test_all_fonts_are_embedded_and_subset(sample_outputs: Path) -> None:
    fonts = _fonts(PdfReader(str(sample_outputs / "full.pdf")))
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in fonts), fonts


def test_metadata(sample_outputs: Path) -> None:
    info = PdfReader(str(sample_outputs / "full.pdf")).metadata
    assert info["/Title"] == "Afghanistan and Russia – A New Reality"
    assert info["/Author"] == "TESPA Research"
    assert info["/Creator"] == "briefgen"
    assert "Tajikistan" in info["/Keywords"]
    assert info["/Subject"]


def test_outline_mirrors_the_heading_tree(sample_outputs: Path) -> None:
    outline = PdfReader(str(sample_outputs / "full.pdf")).outline
    top = [item.title for item in outline if not isinstance(item, list)]
    assert top[:2] == ["Executive summary", "Introduction and context"]
    assert top[-1] == "Partner with TESPA"
    regional = top.index("Regional level: the first and second tiers")
    children = outline[
        outline.index(next(i for i in outline if not isinstance(i, list) and i.title == top[regional])) + 1
    ]
    assert isinstance(children, list)
    assert [c.title for c in children if not isinstance(c, list)][-10:] == COUNTRIES


def test_contents_entries_are_clickable(sample_outputs: Path) -> None:
    page = PdfReader(str(sample_outputs / "full.pdf")).pages[1]
    links = [a.get_object() for a in page.get("/Annots") or []]
    internal = [a for a in links if a.get("/Dest") or (a.get("/A") or {}).get("/S") == "/GoTo"]
    assert len(internal) >= 15


def test_external_links_are_uri_actions(sample_outputs: Path) -> None:
    reader = PdfReader(str(sample_outputs / "full.pdf"))
    uris = [
        str(a.get_object()["/A"]["/URI"])
        for page in reader.pages
        for a in page.get("/Annots") or []
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    ]
    assert "mailto:partners@tespa.example" in uris


def test_running_header_and_footer_but_not_on_the_cover(sample_outputs: Path) -> None:
    pages = pdf_pages(sample_outputs / "full.pdf")
    total = len(pages)
    assert "Page 1 of" not in pages[0]
    for n in (2, 5, total):
        text = flat(pages[n - 1])
        assert f"Page {n} of {total}" in text
        assert "TESPA · Research" in text


def test_text_extracts_with_special_characters(sample_outputs: Path) -> None:
    text = flat(" ".join(pdf_pages(sample_outputs / "full.pdf")))
    for sample in ("Erdoğan", "€200 million", "→", "“nuclear five”"):
        assert sample in text
    assert "\u25a0" not in text  # no black boxes


def test_annex_holds_exactly_the_clients_countries_in_order(sample_outputs: Path) -> None:
    pages = [flat(p) for p in pdf_pages(sample_outputs / "annex-meridian.pdf")]
    headings = [re.search(r"COUNTRY PROFILE · \w+ TIER (\w+)", p).group(1) for p in pages if "COUNTRY PROFILE" in p]
    assert headings == ["Turkmenistan", "Uzbekistan", "Iran"]
    every = " ".join(pages)
    for other in ("Pakistan at a glance", "Tajikistan at a glance", "China at a glance", "Qatar at a glance"):
        assert other not in every
    assert "Prepared for Meridian Energy" in pages[0]


def test_marking_is_on_every_page_of_the_annex(sample_outputs: Path) -> None:
    pages = pdf_pages(sample_outputs / "annex-meridian.pdf")
    assert len(pages) >= 4
    assert all("CONFIDENTIAL — prepared for Meridian Energy" in flat(p) for p in pages)


def test_client_metadata_in_the_annex(sample_outputs: Path) -> None:
    info = PdfReader(str(sample_outputs / "annex-meridian.pdf")).metadata
    assert "Meridian Energy" in info["/Subject"]
    assert re.search(r"TESPA-ANNEX-MERIDIAN-2021-09-30-[0-9A-F]{8}", info["/Subject"])


def test_business_blocks_show_for_the_energy_client_and_not_in_the_public_edition(sample_outputs: Path) -> None:
    annex = flat(" ".join(pdf_pages(sample_outputs / "annex-meridian.pdf")))
    public = flat(" ".join(pdf_pages(sample_outputs / "public.pdf")))
    assert "Implications for business" in annex
    assert "Implications for business" not in public
    full = flat(" ".join(pdf_pages(sample_outputs / "full.pdf")))
    assert "Assessment." in full
    assert "Assessment." not in public
