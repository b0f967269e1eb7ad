"""writers.docx.figures: pictures fitted to the text (never enlarged past 96 dpi) with alt
text and a "Figure N" caption whose number is a SEQ field; charts as pictures or native
charts, captioned, with their source; unreadable images an error at the author's line."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docxkit
import pytest
from docxkit import text, xp
from PIL import Image

from briefgen.charts.spec import ChartSpec, Datum
from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.writers.docx.figures import EMU_PER_PX, add_picture, fit, image_size
from briefgen.writers.docx.package.ooxml import el


def png(path: Path, size: tuple[int, int]) -> Path:
    Image.new("RGB", size, (20, 120, 200)).save(path)
    return path


def captions(body: Any) -> list[str]:
    return [text(p) for p in xp(body, "w:p[w:pPr/w:pStyle/@w:val='Caption']")]


def test_fit_keeps_the_aspect_within_both_limits_and_never_enlarges() -> None:
    assert fit(100, 50, 10**9, 10**9) == (100 * EMU_PER_PX, 50 * EMU_PER_PX)  # small: its own size
    w, h = fit(2000, 1000, 1_000_000, 10**9)
    assert w == 1_000_000 and h == 500_000
    w, h = fit(1000, 2000, 10**9, 400_000)
    assert h == 400_000 and w == 200_000
    assert fit(0, 0, 10, 10)[0] > 0  # a degenerate size still gives a picture


def test_a_figure_is_a_picture_with_alt_text_and_a_numbered_caption(theme: Any, tmp_path: Path) -> None:
    c = docxkit.ctx(theme)
    path = png(tmp_path / "map.png", (4000, 1000))
    fig = m.Figure(path, (m.Text("The "), m.Emph((m.Text("route"),))), "A map of the route", 4000, 1000)
    body = docxkit.render(c, fig, m.Figure(path, (), "again", 4000, 1000))
    assert captions(body) == ["Figure 1: The route", "Figure 2"]
    assert xp(body, ".//w:instrText/text()") == [" SEQ Figure \\* ARABIC "] * 2
    [first, _] = xp(body, ".//wp:inline")
    assert xp(first, "wp:docPr/@descr") == ["A map of the route"] and xp(first, "wp:docPr/@name") == ["map.png"]
    assert int(xp(first, "wp:extent/@cx")[0]) == c.width * 635  # wide: scaled to the text width
    assert first.get("distL") == "0"  # LibreOffice would otherwise pad and shift it
    assert c.figures == 2


def test_image_size_and_a_bad_picture_are_errors_at_the_authors_line(tmp_path: Path) -> None:
    assert image_size(png(tmp_path / "a.png", (7, 3))) == (7, 3)
    assert image_size(tmp_path / "a.png") == (7, 3)  # remembered
    assert image_size(png(tmp_path / "a.png", (9, 3))) == (9, 3)  # the file replaced (as under `serve`): read again
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"nope")
    with pytest.raises(BriefgenError) as caught:
        image_size(bad, Pos("sections/a.md", 4))
    assert caught.value.diagnostics[0].pos == Pos("sections/a.md", 4)
    with pytest.raises(BriefgenError) as caught:
        add_picture(el("w:p"), None, io.BytesIO(b"nope"), 10, 10, "alt", Pos("sections/a.md", 9), "x.png")
    [d] = caught.value.diagnostics
    assert d.pos == Pos("sections/a.md", 9) and "cannot put image 'x.png' in the DOCX" in d.message


def spec(**kw: Any) -> ChartSpec:
    rows = (Datum("Alpha", 12.0, "USD"), Datum("Beta", 7.5, "USD"))
    return ChartSpec("bar", rows, title="Pledges", source="Unit data", note="Rounded.", **kw)


def test_a_chart_picture_is_captioned_bookmarked_and_sourced(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, m.Chart(spec(), "Pledges by donor", anchor="fig-pledges"))
    assert captions(body) == ["Figure 1: Pledges", "Source: Unit data"]  # a picture shows its note itself
    assert xp(body, "w:p/w:bookmarkStart/@w:name") == ["fig-pledges"]
    [pic] = xp(body, ".//wp:inline")
    assert xp(pic, "wp:docPr/@descr") == ["Pledges by donor"] and xp(pic, ".//pic:pic")


def test_a_native_chart_is_an_editable_chart_with_its_note_under_the_caption(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, m.Chart(spec(docx="native"), "Pledges by donor"))
    assert captions(body) == ["Figure 1: Pledges", "Rounded.", "Source: Unit data"]
    assert xp(body, ".//c:chart") and not xp(body, ".//pic:pic")
