"""HTML handlers for figures: images (embedded as data URIs) and charts (inline SVG from
the PDF's own drawings), numbered together and captioned "Figure N: …"; a locator inset
is unnumbered and uncaptioned, as in the PDF.

Each chart's SVG has `role="img"` and is labelled by its `<title>` (the chart's title)
and described by its `<desc>` (the alt text, `charts/alt.py`): a screen reader gets the
data the picture shows.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from briefgen.design.system import body_margins_mm
from briefgen.design.theme import Theme
from briefgen.model import nodes as m
from briefgen.model.labels import Labels, fill
from briefgen.writers.html.markup import attrs, esc, own_id
from briefgen.writers.html.render import Ctx

# The picture types a project may use (`load/images.py` checks them); `mimetypes` would
# read the system's table on first use.
MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}


def chart_width(theme: Theme) -> float:
    """The PDF's text width in points, computed as the PDF writer does (to the last bit):
    a chart is the PDF's very drawing, drawn once for both, shown at its printed size and
    scaled down with a narrower column (the text column's measure)."""
    from reportlab.lib.units import mm

    _, right, _, left = (v * mm for v in body_margins_mm(theme))
    return float(theme.page_mm[0] * mm - left - right)


@lru_cache(maxsize=32)
def data_uri(path: Path) -> str:
    mime = MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode()}"


def figure(b: m.Figure, c: Ctx) -> str:
    c.figures += 1
    img = f"<img{attrs(src=data_uri(b.path), alt=b.alt or None, width=str(b.width_px), height=str(b.height_px))}"
    img += ' alt=""' if not b.alt else ""
    caption = f"<figcaption><b>{_number(c)}:</b> {c.run(b.caption)}</figcaption>"
    return f'<figure class="image">{img}>{caption}</figure>'


def _chart_svg(b: m.Chart, c: Ctx, ident: str, width: float, title: str) -> str:
    from briefgen.charts import drawing
    from briefgen.charts.svg import svg

    fonts = c.extras["fonts"]
    faces = (fonts.heading.regular, fonts.heading.bold)  # type: ignore[attr-defined]
    art = drawing(b.spec, c.theme, width, fonts=faces, titles=not b.spec.numbered)
    label = f' role="img" aria-labelledby="{ident}:title" aria-describedby="{ident}:desc"'
    head = f'<title id="{ident}:title">{esc(title)}</title><desc id="{ident}:desc">{esc(b.alt)}</desc>'
    return svg(art, c.extras["svg_fonts"], label, head)  # type: ignore[arg-type]


def chart(b: m.Chart, c: Ctx) -> str:
    """A numbered figure (chart, caption, source) or, for a locator, the bare inset."""
    c.extras["charts"] = n = int(c.extras.get("charts", 0)) + 1  # type: ignore[call-overload]
    ident = own_id("chart", n)
    if not b.spec.numbered:
        from briefgen.charts.locator import WIDTH_PT

        return f'<div class="locator">{_chart_svg(b, c, ident, WIDTH_PT, b.alt)}</div>'
    c.figures += 1
    title = b.spec.title or fill(_labels(c).figure, number=c.figures)
    art = _chart_svg(b, c, ident, chart_width(c.theme), title)
    # On a phone the chart keeps a legible width and scrolls sideways in its own frame
    # (css.py); a scrolling region is a keyboard stop, named by the chart's title.
    art = f'<div class="scroll chart-frame" role="region" tabindex="0" aria-labelledby="{ident}:title">{art}</div>'
    caption = f"<b>{_number(c)}:</b> {esc(b.spec.title)}" if b.spec.title else f"<b>{_number(c)}:</b>"
    source = fill(_labels(c).source, source=b.spec.source) if b.spec.source else ""
    source = f'<span class="source">{esc(source)}</span>' if source else ""
    return f'<figure class="chart"{attrs(id=b.anchor or None)}>{art}<figcaption>{caption}{source}</figcaption></figure>'


def _labels(c: Ctx) -> Labels:
    labels = c.extras.get("labels")
    return labels if isinstance(labels, Labels) else Labels()


def _number(c: Ctx) -> str:
    """ "Figure N" in the project's words, escaped."""
    return esc(fill(_labels(c).figure, number=c.figures))
