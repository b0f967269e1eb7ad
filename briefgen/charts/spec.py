"""What a checked chart is: the frozen `ChartSpec` and its typed rows (`Datum`, `Event`, `Place`).

A ```chart fence's YAML (or a project CSV) becomes one in `specload.py`, checked against
the key tables of `specfields.py` and the rules of `specchecks.py`. Everything a writer
needs is settled by then: the rows are typed (numbers are numbers, dates are dates,
countries are ISO codes of the world map).
"""

from __future__ import annotations

import datetime as dt

from briefgen.errors import Pos
from briefgen.frozen import frozen

FIGURE_TYPES = ("bar", "line", "timeline", "map")
TYPES = (*FIGURE_TYPES, "locator")
# A locator is an inset, not a figure: it takes no rows, no caption and no number.
LOCATOR_KEYS = ("type", "focus", "context", "alt")
NOWHERE = Pos("<chart>")
# How the DOCX shows a bar or line chart: a 300 dpi picture, or an editable Word chart.
DOCX_MODES = ("picture", "native")


@frozen
class Datum:
    """One bar or line point. `series` groups rows (a currency code makes it a currency)."""

    label: str
    value: float
    series: str = ""
    qualifier: str = ""  # words before the value label, e.g. "more than"
    note: str = ""  # words after the value label, e.g. "plus 3 million vaccine doses"
    pos: Pos = NOWHERE


@frozen
class Event:
    """One dated event on a timeline."""

    date: dt.date
    label: str
    pos: Pos = NOWHERE


@frozen
class Place:
    """One country on the regional map: tier 1 borders the focus country, tier 2 does not."""

    iso3: str
    name: str
    tier: int
    label: str = ""  # extra text under the name, e.g. "1,135 km"
    pos: Pos = NOWHERE


Row = Datum | Event | Place


@frozen
class ChartSpec:
    """A checked chart. `pos` is the fence's first content line."""

    type: str  # "bar", "line", "timeline", "map" or "locator"
    rows: tuple[Row, ...]
    title: str = ""
    orientation: str = "horizontal"  # bar charts only
    unit: str = ""
    source: str = ""
    note: str = ""
    alt: str = ""
    focus: str = ""  # map and locator: ISO3 of the highlighted country ("" on a map without one)
    context: str = ""  # locator only: ISO3 of the country outlined for orientation ("" for none)
    tiers: tuple[str, ...] = ()  # map only: the legend's wording of tiers 1, 2, ... (else "Tier N")
    id: str = ""  # cross-reference name; the figure's anchor is "fig-<id>"
    docx: str = "picture"  # bar and line: "native" makes the DOCX figure an editable Word chart
    pos: Pos = NOWHERE

    @property
    def numbered(self) -> bool:
        """Whether writers caption it "Figure N" and count it; a locator inset is not a figure."""
        return self.type != "locator"

    @property
    def series(self) -> list[str]:
        """Distinct series in order of first appearance ("" when rows name none)."""
        return list(dict.fromkeys(r.series for r in self.rows if isinstance(r, Datum)))
