"""HTML handlers for figures: images (embedded as data URIs) and charts (inline SVG from
the PDF's own drawings), numbered together and captioned "Figure N: …"; a locator inset
is unnumbered and uncaptioned, as in the PDF.

Each chart's SVG has `role="img"` and is labelled by its `<title>` (the chart's title)
and described by its `<desc>` (the alt text, `charts/alt.py`): a screen reader gets the
data the picture shows.
"""

from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path

from briefgen.model import nodes as m
from briefgen.writers.html.markup import attrs, esc
from briefgen.writers.html.render import Ctx

# The PDF's text width on A4 with the default margins, in points: charts are drawn as
# wide as in the PDF and scale down with the column.
CHART_WIDTH = 453.5


@lru_cache(maxsize=32)
def data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def figure(b: m.Figure, c: Ctx) -> str:
    c.figures += 1
    img = f"<img{attrs(src=data_uri(b.path), alt=b.alt or None, width=str(b.width_px), height=str(b.height_px))}"
    img += ' alt=""' if not b.alt else ""
    caption = f"<figcaption><b>Figure {c.figures}:</b> {c.run(b.caption)}</figcaption>"
    return f'<figure class="image">{img}>{caption}</figure>'


def _chart_svg(b: m.Chart, c: Ctx, ident: str, width: float, title: str) -> str:
    from briefgen.charts import drawing
    from briefgen.charts.svg import svg

    fonts = c.extras["fonts"]
    art = drawing(
        b.spec,
        c.theme,
        width,
        fonts=(fonts.heading.regular, fonts.heading.bold),
        titles=not b.spec.numbered,  # type: ignore[attr-defined]
    )
    label = f' role="img" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc"'
    opening, inner, closing = svg(art, ident, c.extras["svg_fonts"], label)  # type: ignore[arg-type]
    head = f'<title id="{ident}-title">{esc(title)}</title><desc id="{ident}-desc">{esc(b.alt)}</desc>'
    return f"{opening}{head}{inner}{closing}"


def chart(b: m.Chart, c: Ctx) -> str:
    """A numbered figure (chart, caption, source) or, for a locator, the bare inset."""
    c.extras["charts"] = n = int(c.extras.get("charts", 0)) + 1  # type: ignore[call-overload]
    ident = f"chart-{n}"
    if not b.spec.numbered:
        from briefgen.charts.locator import WIDTH_PT

        return f'<div class="locator">{_chart_svg(b, c, ident, WIDTH_PT, b.alt)}</div>'
    c.figures += 1
    title = b.spec.title or f"Figure {c.figures}"
    art = _chart_svg(b, c, ident, CHART_WIDTH, title)
    caption = f"<b>Figure {c.figures}:</b> {esc(b.spec.title)}" if b.spec.title else f"<b>Figure {c.figures}:</b>"
    source = f'<span class="source">Source: {esc(b.spec.source)}</span>' if b.spec.source else ""
    return f'<figure class="chart"{attrs(id=b.anchor or None)}>{art}<figcaption>{caption}{source}</figcaption></figure>'
