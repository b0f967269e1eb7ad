"""charts.draw: the anatomy every figure shares: title, legend, body, notes, source, stacked in order."""

from __future__ import annotations

from chartkit import FONTS, of, texts, theme

from briefgen.charts.draw import drawing
from briefgen.charts.spec import ChartSpec, Datum

ROWS = (Datum("A", 10, "USD"), Datum("B", 20, "EUR"))


def ys(d: object, text: str) -> float:
    """The page height of the group holding the String `text` (each part is translated once)."""
    for group in d.contents[1:]:  # type: ignore[attr-defined]
        if text in texts(group):
            return group.transform[5]
    raise AssertionError(f"{text!r} not drawn")


def test_title_legend_body_note_and_source_stack_top_to_bottom() -> None:
    spec = ChartSpec("bar", ROWS, title="Aid by donor", note="Pledges only.", source="Ministry")
    d = drawing(spec, theme(), 400.0, fonts=FONTS)
    assert d.width == 400.0
    words = texts(d)
    for text in ("Aid by donor", "US dollars (USD)", "Euros (EUR)", "Pledges only.", "Source: Ministry"):
        assert words.count(text) == 1, text
    assert ys(d, "Aid by donor") > ys(d, "Euros (EUR)") > ys(d, "A") > ys(d, "Source: Ministry")
    assert d.initialFontName == FONTS[0]


def test_without_titles_the_title_and_source_are_left_to_the_writer() -> None:
    spec = ChartSpec("bar", ROWS, title="Aid by donor", note="Pledges only.", source="Ministry")
    full = drawing(spec, theme(), 400.0, fonts=FONTS)
    bare = drawing(spec, theme(), 400.0, fonts=FONTS, titles=False)
    words = texts(bare)
    assert "Aid by donor" not in words and "Source: Ministry" not in words
    assert "Pledges only." in words
    assert bare.height < full.height


def test_a_single_series_has_no_legend() -> None:
    d = drawing(ChartSpec("bar", (Datum("A", 1, "USD"), Datum("B", 2, "USD"))), theme(), 300.0, fonts=FONTS)
    assert "US dollars (USD)" not in texts(d)
    # The first shape is the invisible frame that fixes the bounds.
    frame = of(d, "Rect")[0]
    assert (frame.width, frame.height, frame.fillColor, frame.strokeColor) == (300.0, d.height, None, None)


def test_a_long_title_wraps_within_the_width() -> None:
    title = "A very long chart title that cannot possibly fit on one line of a narrow figure"
    d = drawing(ChartSpec("bar", ROWS, title=title), theme(), 150.0, fonts=FONTS)
    lines = [w for w in texts(d) if len(w) > 1 and w in title]  # not the bar label "A"
    assert len(lines) > 1 and " ".join(lines) == title
