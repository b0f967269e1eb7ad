"""Charts: a ```chart fence's YAML spec → a vector reportlab drawing (PDF) or a PNG (DOCX).

    spec.py       the checked, frozen `ChartSpec` and its typed rows
    specload.py   YAML (or a project CSV) → `ChartSpec`; errors at file:line
    specfields.py, specchecks.py   the keys as `Field` tables; the rules across keys and rows
    draw.py       `ChartSpec` → `Drawing`: title, legend, body, notes, source
    bars.py, lines.py, timeline.py, regionmap.py, locator.py   one chart type each
    look.py       brand colours, type sizes, text wrapping
    values.py     numbers, units, currencies (never converted) and dates, as readers see them
    alt.py        alternative text generated from the data
    projection.py a map's projection, centred on what it shows, and ring clipping
    mapdraw.py    what maps draw alike: country fills and borders, small-state dots, disputed areas
    segments.py   label placement geometry: a leader line through a box, two leaders crossing
    raster.py     `Drawing` → PNG with Pillow, imported only when a DOCX needs it

Nothing here touches the network. The world map's data and its country look-up are
`briefgen.geo`, below loading, which checks a briefing's context country against it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefgen.charts.alt import alt_text
from briefgen.charts.spec import ChartSpec
from briefgen.charts.specload import parse_spec

if TYPE_CHECKING:
    from briefgen.charts.draw import drawing
    from briefgen.charts.raster import png


def __getattr__(name: str) -> Any:
    # Parsing and checking a spec needs neither reportlab's graphics nor Pillow: `drawing`
    # and `png` load them only when a writer first draws (`briefgen check` never does).
    if name == "drawing":
        from briefgen.charts.draw import drawing

        return drawing
    if name == "png":
        from briefgen.charts.raster import png

        return png
    raise AttributeError(name)


__all__ = ["ChartSpec", "alt_text", "drawing", "parse_spec", "png"]
