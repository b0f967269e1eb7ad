"""A chart `Drawing` → inline SVG markup for the web edition: the same drawing as the
PDF's, drawn by reportlab's `renderSVG`, with its text kept as real `<text>`.

What the web page needs beyond reportlab's output: no XML prolog (the SVG sits inside
HTML), ids of its own (every drawing's clip path is called "clip"), the brand's CSS font
families instead of reportlab's internal font names, and a size that scales with the
column (the viewBox stays; the width becomes a maximum). The title and description (the
alt text) are the caller's, who escapes them (`<title>`/`<desc>` go just after `<svg …>`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from reportlab.graphics.shapes import Drawing

_FONT = re.compile(r"font-family: ([^;]+);")
_OPEN = re.compile(r"<svg [^>]*>")
_TEXT_NOISE = re.compile(r"\s*<title>\.\.\.</title>\s*<desc>\.\.\.</desc>")


@lru_cache(maxsize=64)
def _rendered(drawing: Drawing) -> str:
    """reportlab's SVG of a drawing, without its prolog (drawings are cached and read-only)."""
    from reportlab.graphics import renderSVG

    text = renderSVG.drawToString(drawing)
    return text[text.index("<svg ") :]


def svg(drawing: Drawing, ident: str, fonts: Mapping[str, str], attrs: str = "") -> tuple[str, str, str]:
    """(opening tag, inner markup, closing tag) of `drawing` as inline SVG.

    `fonts` maps reportlab's font names to CSS declarations (`font-family: X; font-weight: 700`);
    `ident` prefixes the drawing's own ids; `attrs` is added to the opening tag as is.
    """
    text = _TEXT_NOISE.sub("", _rendered(drawing), count=1)
    text = text.replace('id="clip"', f'id="{ident}-clip"').replace("url(#clip)", f"url(#{ident}-clip)")
    text = text.replace(' id="group"', "")
    text = _FONT.sub(lambda mt: (fonts.get(mt.group(1).strip()) or f"font-family: {mt.group(1)}") + ";", text)
    width, height = drawing.width, drawing.height
    opening = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}pt" style="max-width: 100%; height: auto" fill-rule="evenodd"{attrs}>'
    )
    inner = _OPEN.sub("", text, count=1).rsplit("</svg>", 1)[0]
    return opening, inner, "</svg>"
