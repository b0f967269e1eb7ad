"""writers.docx.cover: the report and annex covers (logos, the series tab, title, date,
client) and the one-page summary's band, built of styles and borderless tables."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import paragraphs, text, xp
from unitkit import meta

from briefgen.design.wording import long_date
from briefgen.model.layout import Layout
from briefgen.writers.docx.cover import report_cover, summary_band
from briefgen.writers.docx.styles.styles import palette


def cover(theme: Any, annex: bool = False, **changes: Any) -> Any:
    c = docxkit.ctx(theme, meta(**changes))
    report_cover(docxkit.container(c), c, annex=annex)
    return docxkit.body(c)


def styled_texts(body: Any) -> list[tuple[str, str]]:
    return [(s, t) for s, t in paragraphs(body) if t]


def test_the_report_cover_reads_series_title_subtitle_date_and_authors(theme: Any) -> None:
    body = cover(theme, subtitle="What changed", authors=("A. Author", "B. Author"), cut="x", cut_title="Edition")
    assert styled_texts(body) == [
        ("Title", "Unit briefing"),
        ("Subtitle", "What changed"),
        ("CoverMeta", long_date("2024-05-01")),
        ("CoverMeta", "A. Author, B. Author"),
    ]
    [tab] = [t for t in xp(body, "w:tbl") if "Edition" in text(t)]  # the series tab, a filled cell
    assert text(tab) == "Unit series · Edition"
    assert xp(tab, ".//w:tcPr/w:shd/@w:fill") == [palette(theme).band]
    assert len(xp(body, ".//w:drawing")) == 1  # the brand logo, alone


def test_the_annex_cover_is_shorter_and_names_the_client_beside_its_logo(theme: Any) -> None:
    body = cover(
        theme,
        annex=True,
        layout=Layout.ANNEX,
        subtitle="left out",
        authors=("left out",),
        client_name="Client Co",
        client_logo=theme.logo,
    )
    texts = [t for _, t in styled_texts(body)]
    assert "left out" not in " ".join(texts)
    assert texts[-2:] == ["Prepared for", "Client Co"]
    logos = xp(body, "w:tbl[1]//w:drawing//wp:docPr/@descr")
    assert logos == [f"{theme.name} logo", "Client Co logo"]  # brand left, client right, with alt text


def test_the_summary_band_shows_the_title_only_when_asked(theme: Any) -> None:
    for show in (True, False):
        c = docxkit.ctx(theme, meta(layout=Layout.SUMMARY, cut_title="", client_name="Client Co"))
        summary_band(docxkit.container(c), c, show_title=show)
        [band] = xp(docxkit.body(c), "w:tbl")
        cells = xp(band, "w:tr/w:tc")
        assert len(cells) == 2 and all(xp(tc, "w:tcPr/w:shd/@w:fill") == [palette(theme).band] for tc in cells)
        styles = [xp(p, "string(w:pPr/w:pStyle/@w:val)") for p in xp(cells[1], "w:p") if text(p)]
        expected = ["BandLabel", "BandMeta", "BandMeta"]
        assert styles == (["BandTitle", *expected] if show else expected)
        assert text(cells[1]).endswith("Prepared for Client Co") and "Summary" in text(cells[1])
