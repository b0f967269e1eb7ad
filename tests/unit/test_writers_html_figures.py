"""writers.html.figures: pictures as data URIs, charts as labelled inline SVG, locators bare."""

from __future__ import annotations

import re
from pathlib import Path

from htmlkit import AT, ctx, text

from briefgen.charts.spec import ChartSpec, Datum
from briefgen.model import nodes as m

LOGO = Path(__file__).resolve().parents[2] / "templates" / "logo.png"


def test_an_image_is_embedded_numbered_and_captioned() -> None:
    c = ctx()
    out = c.blocks((m.Figure(LOGO, text("The <logo>"), "Our logo", 400, 100, AT),))
    assert out.startswith('<figure class="image"><img src="data:image/png;base64,')
    assert 'alt="Our logo" width="400" height="100">' in out
    assert "<figcaption><b>Figure 1:</b> The &lt;logo&gt;</figcaption>" in out and c.figures == 1


def test_a_chart_is_an_svg_labelled_by_its_title_and_described_by_its_alt_text() -> None:
    spec = ChartSpec("bar", (Datum("North", 10), Datum("South", 20)), title="Aid <2021>", source="Us & them")
    c = ctx()
    c.figures = 1  # after an image: charts and images share the numbering
    out = c.blocks((m.Chart(spec, "Bar chart: aid.", "fig-aid", AT),))
    # In a frame of its own, which scrolls on a phone: a keyboard stop named by the title.
    frame = '<div class="scroll chart-frame" role="region" tabindex="0" aria-labelledby="chart:1:title"><svg '
    assert out.startswith('<figure class="chart" id="fig-aid">' + frame)
    assert 'role="img" aria-labelledby="chart:1:title" aria-describedby="chart:1:desc"' in out
    assert '<title id="chart:1:title">Aid &lt;2021&gt;</title><desc id="chart:1:desc">Bar chart: aid.</desc>' in out
    # The drawing's words are text, and the title and source are the caption's, not the SVG's.
    words = re.findall(r"<text[^>]*>([^<]*)</text>", out)
    assert {"North", "South", "10", "20"} <= set(words) and "Aid &lt;2021&gt;" not in words
    assert "<b>Figure 2:</b> Aid &lt;2021&gt;" in out and "Source: Us &amp; them" in out


def test_a_locator_is_a_bare_inset_with_its_alt_text() -> None:
    c = ctx()
    out = c.blocks((m.Chart(ChartSpec("locator", (), focus="NOR"), "Locator map: Norway.", "", AT),))
    assert out.startswith('<div class="locator"><svg ') and "<figcaption>" not in out
    assert '<title id="chart:1:title">Locator map: Norway.</title>' in out and c.figures == 0
