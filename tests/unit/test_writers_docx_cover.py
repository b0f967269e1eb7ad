"""writers.docx.cover: the report and annex covers as the PDF draws them (a floating band
in the brand colour behind the series label, title and subtitle; the client, date and
authors below; the client's logo with alt text, the brand's and the band decorative) and the one-page summary's band."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import paragraphs, text, xp
from lxml import etree
from unitkit import meta

from briefgen.design.wording import long_date
from briefgen.model.layout import Layout
from briefgen.writers.docx.cover import report_cover, summary_band


def cover(theme: Any, annex: bool = False, **changes: Any) -> Any:
    c = docxkit.ctx(theme, meta(**changes))
    report_cover(docxkit.container(c), c, annex=annex)
    return docxkit.body(c)


def styled_texts(body: Any) -> list[tuple[str, str]]:
    return [(s, t) for s, t in paragraphs(body) if t]


def alt_texts(body: Any) -> list[str]:
    return xp(body, ".//wp:docPr/@descr")


def decorative(body: Any) -> list[str]:
    """The names of the drawings marked decorative (Word's 2017 extension in `wp:docPr`)."""
    return [xp(d, "string(@name)") for d in xp(body, ".//wp:docPr") if "decorative" in etree.tostring(d).decode()]


def test_the_report_cover_reads_series_title_subtitle_then_date_and_authors(theme: Any) -> None:
    body = cover(theme, subtitle="What changed", authors=("A. Author", "B. Author"), cut="x", cut_title="Edition")
    assert styled_texts(body) == [
        ("CoverSeries", "Unit series · Edition"),
        ("Title", "Unit briefing"),
        ("Subtitle", "What changed"),
        ("CoverMeta", long_date("2024-05-01")),
        ("CoverMeta", "A. Author, B. Author"),
    ]
    # the brand's logo, on the band, is decorative (its name is in the running heads), as are the band and edge
    assert f"{theme.name} logo" not in alt_texts(body)
    assert {"Cover band", "Cover band edge"} < set(decorative(body)) and len(decorative(body)) == 3


def test_an_annex_cover_names_its_client_and_the_report_it_comes_from(theme: Any) -> None:
    body = cover(theme, annex=True, layout=Layout.ANNEX, client_name="Client Co", client_logo=theme.logo)
    texts = [t for _, t in styled_texts(body)]
    assert texts.index("Prepared for Client Co") < texts.index(long_date("2024-05-01"))
    assert texts[-1] == "Unit briefing"  # the report it comes from, last
    assert "Client Co logo" in alt_texts(body)  # the client's logo keeps its alt text


def test_the_summary_band_shows_the_title_only_when_asked(theme: Any) -> None:
    for show in (True, False):
        c = docxkit.ctx(theme, meta(layout=Layout.SUMMARY, cut_title="", client_name="Client Co"))
        summary_band(docxkit.container(c), c, show_title=show)
        [band] = xp(docxkit.body(c), "w:tbl")
        cells = xp(band, "w:tr/w:tc")
        assert len(cells) == 2
        styles = [xp(p, "string(w:pPr/w:pStyle/@w:val)") for p in xp(cells[1], "w:p") if text(p)]
        expected = ["BandLabel", "BandMeta"]
        assert styles == (["BandTitle", *expected] if show else expected)
        # the project's `labels.summary`, as on the PDF's band (no longer the cut's title)
        assert "Policy brief · Prepared for Client Co" in text(cells[1]) and long_date("2024-05-01") in text(cells[1])
