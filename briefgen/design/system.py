"""The design system: every colour, rule, spacing and type-scale step of the editions,
derived once from the brand's `Theme`.

The PDF styles, the Word styles and the charts all read one `Design`, so the editions
cannot drift apart: a heading, a box or a rule has one size and one colour wherever it
is drawn. Colours are "#RRGGBB" strings, mixed with `contrast.mix` (the one mixing rule);
type sizes are multiples of the body size (so the one-page summary shrinks them all
together) unless a role is `fixed` in points; rule widths and paddings are in points.
Writers turn these values into their own units and never invent one of their own.
"""

from __future__ import annotations

from dataclasses import field, replace
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

from briefgen.design.contrast import BAND_LABEL_TINT, WHITE, legible, mix
from briefgen.design.spacing import (
    WATERMARK_OPACITY,
    BlockSpace,
    BoxSpace,
    ChartLines,
    ListSpace,
    PageSpace,
    TableSpace,
    WatermarkLook,
)
from briefgen.design.theme import Theme
from briefgen.design.tiers import other_fill, tier_fills
from briefgen.frozen import frozen

Face = Literal["body", "heading", "mono"]


@frozen
class Palette:
    """The brand's five colours and everything mixed from them, by what they are drawn for."""

    primary: str
    accent: str
    text: str
    muted: str
    panel: str
    paper: str  # the page
    rule: str  # hairlines: running-head rule, table rows, thematic breaks, notes rule
    band: str  # the dark bands: cover, summary band, bottom-line box, table header row
    band_edge: str  # the stripe under a band
    on_band: str  # titles and text on a band
    band_label: str  # labels on a band
    band_subtitle: str  # the cover's subtitle on the band
    marking: str  # the client's marking line, on paper
    marking_on_band: str  # the same on a band (the cover's top marking)
    watermark: str  # the diagonal watermark, drawn at `Design.watermark.opacity` over the page
    watermark_on_paper: str  # the same, mixed opaque on paper (Word puts it behind the text)
    link: str  # links out of the document
    cross_ref: str  # links inside it
    zebra: str  # every other row of a data table
    chart_grid: str  # chart gridlines: visible on paper, quieter than any data
    chart_axis: str
    map_tiers: tuple[str, ...]  # the region map's tiers 1–9, then its other countries (`tiers.py`)


@frozen
class TextStyle:
    """One step of the type scale. Sizes and spacing are multiples of the body size
    (points when `fixed`); `leading` too, so `leading / size` is the line height in ems."""

    size: float
    leading: float
    color: str
    face: Face = "body"
    bold: bool = False
    italic: bool = False
    before: float = 0.0
    after: float = 0.6
    caps: bool = False  # shown in capitals (the writers upper-case or set Word's caps)
    tracking: float = 0.0  # letter spacing in points
    indent: float = 0.0  # left (and for quotes, right) indent
    fixed: bool = False

    def em(self) -> float:
        """The line height in ems of this style's own size."""
        return self.leading / self.size


@frozen
class Rules:
    """Rule widths in points."""

    hairline: float = 0.5  # running head's rule
    table_row: float = 0.4
    facts_row: float = 0.3
    thematic: float = 0.6  # a Markdown `---`, and the short rule above notes
    table_head: float = 1.2  # under a data table's header row
    figures_top: float = 2.0  # over a headline-figures panel
    figures_between: float = 0.6
    box_bar: float = 3.0  # the left bar of every box
    quote_bar: float = 2.0
    section: float = 2.2  # the short accent rule under a section title (a fifth of the text width)
    section_after: float = 14.0  # points between that rule and the section's text
    band_edge: float = 2.2  # mm: the stripe under the cover band (summary: `summary_band_edge`)
    summary_band_edge: float = 1.4  # mm


@frozen
class BoxLook:
    """A box kind's fill, left bar and the type-scale roles of its title and text."""

    fill: str
    bar: str
    title: str
    body: str
    caps_title: bool = False


@frozen
class Design:
    """What every edition draws, derived from one `Theme` (see `design_of`)."""

    colors: Palette
    type: MappingProxyType[str, TextStyle]
    boxes: MappingProxyType[str, BoxLook]
    rules: Rules
    base_size: float  # the body size in points
    furniture_size: float = 7.5  # points: running head, footer, marking (never grows with the body)
    # paddings, indents, spacing and offsets (`design/spacing.py`)
    table: TableSpace = field(default_factory=TableSpace)
    box: BoxSpace = field(default_factory=BoxSpace)
    lists: ListSpace = field(default_factory=ListSpace)
    block: BlockSpace = field(default_factory=BlockSpace)
    page: PageSpace = field(default_factory=PageSpace)
    chart: ChartLines = field(default_factory=ChartLines)
    watermark: WatermarkLook = field(default_factory=WatermarkLook)
    # The text column of body pages at most this many ems of the body size: some 70-75
    # characters a line in the usual text faces (60-80 read well; a full A4 width at
    # 10.5 pt holds 95-100). The one-page summary keeps the brand's margins.
    measure_em: float = 35.0

    def text(self, role: str) -> TextStyle:
        return self.type[role]

    def heading(self, level: int) -> TextStyle:
        """Heading `level` (1–6); 4 to 6 look alike."""
        return self.type[f"h{min(max(level, 1), 4)}"]


def palette(theme: Theme) -> Palette:
    c = theme.colors
    return Palette(
        primary=c.primary,
        accent=c.accent,
        text=c.text,
        muted=c.muted,
        panel=c.panel,
        paper=WHITE,
        rule=mix(c.muted, WHITE, 0.65),
        band=c.primary,
        band_edge=c.accent,
        # Every text on the band is drawn in a colour that reads on it (WCAG AA, `legible`).
        on_band=legible(WHITE, c.primary),
        band_label=legible(mix(c.accent, WHITE, BAND_LABEL_TINT), c.primary),
        band_subtitle=legible(mix(c.primary, WHITE, 0.82), c.primary),
        marking=c.accent,
        marking_on_band=legible(c.accent, c.primary),
        watermark=c.accent,
        watermark_on_paper=mix(c.accent, WHITE, 1 - WATERMARK_OPACITY),
        link=c.accent,
        cross_ref=c.primary,
        zebra=c.panel,
        chart_grid=mix(c.muted, WHITE, 0.78),
        chart_axis=mix(c.muted, WHITE, 0.35),
        map_tiers=(*tier_fills(c.primary, c.accent, c.muted, c.text), other_fill(c.muted)),
    )


def type_scale(p: Palette) -> dict[str, TextStyle]:
    """The whole type scale: a declarative table, one role per line."""
    T = TextStyle  # noqa: N806 - the table reads better with a one-letter constructor
    head, text = "heading", p.text
    return {
        # -- running text
        "body": T(1.0, 1.42, text),
        "lead": T(1.15, 1.15 * 1.42, text),
        "small": T(0.85, 0.85 * 1.42, text),
        "quote": T(1.0, 1.42, p.primary, italic=True, indent=1.4),
        "code": T(0.85, 1.15, text, face="mono", indent=1.0),
        "note": T(0.8, 0.8 * 1.35, text, after=0.2),
        "notes_title": T(0.85, 1.1, p.muted, head, bold=True, before=0.8, after=0.3),
        "caption": T(0.82, 1.05, p.muted, head, italic=True, before=0.3),
        # -- headings: sections use h1 (or h2 below level 1), body headings h2 to h4
        "h1": T(2.0, 2.4, p.primary, head, bold=True, before=0.0, after=0.5),
        "h2": T(1.45, 1.8, p.primary, head, bold=True, before=1.1, after=0.45),
        "h3": T(1.15, 1.45, p.primary, head, bold=True, before=0.9, after=0.3),
        "h4": T(1.0, 1.3, text, head, bold=True, before=0.7, after=0.2),
        "kicker": T(0.8, 1.0, p.accent, head, bold=True, after=0.2, caps=True, tracking=1.0),
        # -- tables, facts and figures
        "cell": T(0.86, 0.86 * 1.3, text, after=0.0),
        "cell_head": T(0.86, 0.86 * 1.3, p.on_band, head, bold=True, after=0.0),
        "fact_label": T(0.84, 0.84 * 1.3, p.primary, head, bold=True, after=0.0),
        "fact_value": T(0.86, 0.86 * 1.3, text, after=0.0),
        "figure_value": T(1.5, 1.75, p.primary, head, bold=True, after=0.1),
        # -- boxes
        "box_title": T(0.95, 1.2, p.accent, head, bold=True, after=0.35),
        "box_body": T(1.0, 1.42, text, after=0.4),
        "bottom_title": T(0.9, 1.15, p.band_label, head, bold=True, after=0.3, caps=True, tracking=0.6),
        "bottom_body": T(1.08, 1.08 * 1.4, p.on_band, after=0.3),
        # -- contents
        "toc_title": T(2.0, 2.4, p.primary, head, bold=True, after=1.4),
        "toc1": T(1.0, 1.5, p.primary, head, bold=True, before=0.55),
        "toc2": T(0.92, 1.3, text, indent=1.6),
        # -- Word's summary band (the PDF draws its own, below)
        "band_title": T(1.6, 1.76, p.on_band, head, bold=True, after=0.3),
        # -- the cover (both formats) and the PDF's summary band, in points: they do not shrink with the body
        "cover_kicker": T(10, 13, p.band_label, head, bold=True, after=0, caps=True, fixed=True),
        "cover_title": T(30, 36, p.on_band, head, bold=True, before=6, after=0, fixed=True),
        "cover_subtitle": T(13, 18, p.band_subtitle, head, before=10, after=0, fixed=True),
        "cover_info": T(11, 16, text, head, after=0, fixed=True),
        "cover_client": T(12, 16, p.primary, head, bold=True, after=0, fixed=True),
        "cover_small": T(8.5, 10.2, p.muted, head, after=0, fixed=True),
        "summary_label": T(8.5, 10.2, p.band_label, head, bold=True, after=0, caps=True, fixed=True),
        "summary_date": T(8.5, 10.2, p.on_band, head, after=0, fixed=True),
    }


def box_looks(p: Palette) -> dict[str, BoxLook]:
    return {
        "callout": BoxLook(p.panel, p.accent, "box_title", "box_body"),
        "factbox": BoxLook(p.panel, p.primary, "box_title", "box_body"),
        "contact": BoxLook(p.panel, p.primary, "h2", "box_body"),
        "bottom-line": BoxLook(p.band, p.accent, "bottom_title", "bottom_body", caps_title=True),
    }


@lru_cache(maxsize=8)
def design_of(theme: Theme) -> Design:
    """The `Design` of a brand, derived once per theme (a batch shares it)."""
    p = palette(theme)
    return Design(
        colors=p,
        type=MappingProxyType(type_scale(p)),
        boxes=MappingProxyType(box_looks(p)),
        rules=Rules(),
        base_size=theme.base_size,
    )


# The type-scale roles drawn on a band: the PDF's cover and summary band, Word's title
# page tab and summary band.
BAND_ROLES = (
    *("cover_kicker", "cover_title", "cover_subtitle", "summary_label", "summary_date"),
    *("band_title", "cell_head"),
)


def band_texts(design: Design) -> list[tuple[str, str, str]]:
    """(what, text colour, background) for every text drawn on a coloured band or a dark
    box: what the contrast test holds to WCAG AA in both writers."""
    c = design.colors
    pairs = [(role, design.text(role).color, c.band) for role in BAND_ROLES]
    pairs.append(("marking on the band", c.marking_on_band, c.band))
    for kind, look in design.boxes.items():
        if look.fill == c.band:
            pairs += [
                (f"{kind} {part}", design.text(role).color, look.fill)
                for part, role in (("title", look.title), ("text", look.body))
            ]
    return pairs


def box_look(design: Design, kind: str) -> BoxLook:
    """The look of a box `kind`; kinds without their own look are call-outs."""
    return design.boxes.get(kind, design.boxes["callout"])


def scaled(style: TextStyle, body: float) -> TextStyle:
    """`style` in points for a body size of `body` points (fixed styles stay as they are).

    The size is rounded to half a point, the step Word sets type in: both formats then
    set each role at the same size and break its lines alike (a label of 8.82 pt would
    be 9 pt in Word and wrap sooner there). Leading and spacing are rounded to the twip
    (a twentieth of a point), Word's unit for them: 14.91 pt lines would be 14.9 in Word,
    and over a page the DOCX's text would sit half a point higher than the PDF's.
    """
    if style.fixed:
        return style
    return replace(
        style,
        size=half_point(style.size * body),
        leading=twip(style.leading * body),
        before=twip(style.before * body),
        after=twip(style.after * body),
        indent=style.indent * body,
        fixed=True,
    )


def twip(points: float) -> float:
    """`points` rounded to the nearest twip (1/20 pt), the unit of Word's spacing and leading."""
    return round(points * 20) / 20


def half_point(size: float) -> float:
    """`size` in points rounded to the nearest half point (Word's `w:sz` is in half points)."""
    return max(1.0, round(size * 2)) / 2


def body_margins_mm(theme: Theme) -> tuple[float, float, float, float]:
    """(top, right, bottom, left) margins of body pages in mm: the brand's, widened evenly on
    both sides where the text column would be wider than the design's measure."""
    top, right, bottom, left = theme.margins_mm
    width = theme.page_mm[0] - left - right
    measure = design_of(theme).measure_em * theme.base_size * 25.4 / 72
    spare = max(0.0, width - measure) / 2
    return top, right + spare, bottom, left + spare
