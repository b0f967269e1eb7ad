"""Charts: a ```chart fence's YAML spec → a vector reportlab drawing (PDF) or a PNG (DOCX).

    spec.py       YAML (or a project CSV) → checked, frozen `ChartSpec`; errors at file:line
    draw.py       `ChartSpec` → `Drawing`: title, legend, body, notes, source
    bars.py, lines.py, timeline.py, regionmap.py   one chart type each
    look.py       brand colours, type sizes, text wrapping
    values.py     numbers, units, currencies (never converted) and dates, as readers see them
    alt.py        alternative text generated from the data
    geo.py        `region.json` (Natural Earth extract) and the map projection
    raster.py     `Drawing` → PNG with Pillow, imported only when a DOCX needs it

Nothing here touches the network; `region.json` is the only data file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .alt import alt_text
from .spec import ChartSpec, parse_spec

if TYPE_CHECKING:
    from .draw import drawing
    from .raster import png


def __getattr__(name: str) -> Any:
    # Parsing and checking a spec needs neither reportlab's graphics nor Pillow: `drawing`
    # and `png` load them only when a writer first draws (`briefgen check` never does).
    if name == "drawing":
        from .draw import drawing

        return drawing
    if name == "png":
        from .raster import png

        return png
    raise AttributeError(name)


__all__ = ["ChartSpec", "alt_text", "drawing", "parse_spec", "png"]
