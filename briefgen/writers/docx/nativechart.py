"""Native Word charts: a bar or line `ChartSpec` with `docx: native` → an editable DrawingML chart.

The figure paragraph gets `wp:inline` → `a:graphic` → `c:chart r:id` (alt text in `wp:docPr/@descr`),
related from the document (`…/relationships/chart`) to `/word/charts/chartN.xml`: one `c:chartSpace`
holding a `c:barChart` (`barDir` bar or col) or `c:lineChart`, one `c:ser` per series (currencies
apart, never converted), whose names, labels and values are `c:f` formulas into the workbook
embedded beside it (`chartbook`; `…/relationships/package`, named by `c:externalData`) with
cached copies: Word draws the chart without Excel, and "Edit Data" works.

House style as in the picture: brand colours, the brand heading font, each bar labelled with its
value (currency and unit as a number format, so an edited value relabels itself), light gridlines,
no title inside (the caption says "Figure N: title"), the axis caption from `values.axis_caption`.
A row's `qualifier` or `note` makes its label static text ("more than $1 billion"), which Word
keeps if the value is edited. No bar is broken: the scale is linear, so an outlier squeezes the
other bars but all stay to scale.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree
from lxml.etree import _Element
from reportlab.lib.colors import Color

from briefgen.charts import values as fmt
from briefgen.charts.look import WHITE, Look
from briefgen.charts.spec import ChartSpec, Datum
from briefgen.fonts.fontfile import family_name
from briefgen.model import nodes as m
from briefgen.writers.docx.chartbook import Table, bar_scale, height_pt, number, table, value_format, workbook
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.text import clean, plain

CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NSMAP = {p: etree.QName(qn(f"{p}:x")).namespace for p in ("c", "a", "r")}
CHART_PART, BOOK_PART = "/word/charts/chart%d.xml", "/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"
CAT_AX, VAL_AX = "10001", "10002"
EMU_PER_PT = 12700
INLINE = (
    f"<w:r {nsdecls('w', 'wp', 'a', 'c', 'r')}><w:drawing>"
    '<wp:inline distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="0" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    '<wp:docPr id="1" name=""/><wp:cNvGraphicFramePr/>'
    f'<a:graphic><a:graphicData uri="{CHART_URI}"><c:chart r:id=""/></a:graphicData></a:graphic>'
    "</wp:inline></w:drawing></w:r>"
)


def add_chart(p: _Element, node: m.Chart, ctx: Ctx, width: int, max_height: int) -> None:
    """Append the chart of `node` to the `w:p` `p`, `width` EMU wide (height from the data, at most `max_height`)."""
    spec, data, package = node.spec, table(node.spec), ctx.docx.part.package
    chart = XmlPart(package.next_partname(CHART_PART), CT.DML_CHART, el("c:chartSpace"), package)
    book = Part(package.next_partname(BOOK_PART), CT.SML_SHEET, workbook(data), package)
    book_rid = chart.relate_to(book, RT.PACKAGE)
    chart.element.extend(chart_space(spec, data, _Style.of(ctx), book_rid, width / EMU_PER_PT))
    etree.cleanup_namespaces(chart.element, top_nsmap=NSMAP)
    height = min(int(height_pt(spec, data, width / EMU_PER_PT) * EMU_PER_PT), max_height)
    r, doc = parse_xml(INLINE), ctx.docx.part
    r.find(f".//{qn('wp:extent')}").attrib.update({"cx": str(width), "cy": str(height)})
    names = {"id": str(doc.next_id), "name": f"Chart {ctx.figures + 1}", "descr": plain(node.alt)}
    r.find(f".//{qn('wp:docPr')}").attrib.update(names)
    r.find(f".//{qn('c:chart')}").set(qn("r:id"), doc.relate_to(chart, RT.CHART))
    p.append(r)


# ------------------------------------------------------------------ XML building
def el(tag: str, attrs: dict[str, Any] | None = None, *children: _Element | None) -> _Element:
    """`el("c:barDir", {"val": "bar"})`: prefixed names, values as text, None children skipped."""
    node = etree.Element(qn(tag), nsmap=NSMAP)
    for key, value in (attrs or {}).items():
        node.set(qn(key) if ":" in key else key, str(value))
    node.extend(c for c in children if c is not None)
    return node


def val(tag: str, value: Any) -> _Element:
    """An element whose only attribute is `val`."""
    return el(tag, {"val": value})


def vals(**values: Any) -> list[_Element]:
    """`c:` elements with only a `val`, in the order given: `vals(delete=0, axPos="l")`."""
    return [val(f"c:{name}", value) for name, value in values.items()]


def hexcolor(color: Color) -> str:
    return "".join(f"{round(v * 255):02X}" for v in (color.red, color.green, color.blue))


class _Style:
    """The brand as chart XML needs it: colours as RRGGBB and the heading font's family."""

    def __init__(self, look: Look, font: str):
        self.look, self.font = look, font
        self.text, self.muted = hexcolor(look.text), hexcolor(look.muted)
        self.grid, self.axis = hexcolor(look.grid), hexcolor(look.axis)

    @classmethod
    def of(cls, ctx: Ctx) -> _Style:
        from briefgen.fonts.register import register  # the brand's TTFs, registered for measuring label widths

        face = register(ctx.theme).heading
        return cls(Look.of(ctx.theme, (face.regular, face.bold)), plain(family_name(ctx.theme.heading_fonts.regular)))

    def colors(self, n: int) -> list[str]:
        return [hexcolor(c) for c in self.look.series_colors(n)]

    def rpr(self, tag: str, size: float, color: str) -> _Element:
        """`a:defRPr` or `a:rPr`: size, colour and the brand heading font for every script."""
        font = [el(f"a:{script}", {"typeface": self.font}) for script in ("latin", "ea", "cs")]
        return el(tag, {"lang": "en-GB", "sz": round(size * 100), "b": 0}, fill(color), *font)

    def txpr(self, size: float, color: str, **body: Any) -> _Element:
        para = el("a:p", None, el("a:pPr", None, self.rpr("a:defRPr", size, color)))
        return el("c:txPr", None, el("a:bodyPr", body), el("a:lstStyle"), para)

    def rich(self, runs: list[tuple[str, str]], size: float, **body: Any) -> _Element:
        """`c:tx` of static text: (text, colour) runs in one paragraph."""
        para = el("a:p", None, el("a:pPr", None, self.rpr("a:defRPr", size, self.text)))
        for text, color in runs:
            t = el("a:t")
            t.text = clean(text).replace("\n", " ").replace("\t", " ")  # spaces between runs kept
            para.append(el("a:r", None, self.rpr("a:rPr", size, color), t))
        return el("c:tx", None, el("c:rich", None, el("a:bodyPr", body), el("a:lstStyle"), para))


def fill(color: str | None) -> _Element:
    return el("a:solidFill", None, val("a:srgbClr", color)) if color else el("a:noFill")


def line(color: str | None, width_pt: float = 0.0) -> _Element:
    attrs = {"w": round(width_pt * EMU_PER_PT), "cap": "rnd"} if color else {}
    return el("a:ln", attrs, fill(color), el("a:round") if color else None)


def shape(fill_color: str | None, line_color: str | None = None, width_pt: float = 0.0) -> _Element:
    return el("c:spPr", None, fill(fill_color), line(line_color, width_pt))


# ------------------------------------------------------------------ the chart space
def chart_space(spec: ChartSpec, data: Table, style: _Style, book_rid: str, width_pt: float) -> list[_Element]:
    """The children of `c:chartSpace`, in schema order."""
    horizontal = spec.type == "bar" and spec.orientation == "horizontal"
    legend = None
    if len(data.series) > 1:
        legend = el("c:legend", None, *vals(legendPos="t", overlay=0), style.txpr(style.look.label_size, style.text))
    kind = _bars(spec, data, style) if spec.type == "bar" else _lines(spec, data, style)
    axes = [_category_axis(style, horizontal), _value_axis(spec, data, style, horizontal, width_pt)]
    plot = el("c:plotArea", None, el("c:layout"), kind, *axes, shape(None, None))
    # autoTitleDeleted: else Word titles a one-series chart with the series' name.
    chart = el("c:chart", None, val("c:autoTitleDeleted", 1), plot, legend, *vals(plotVisOnly=1, dispBlanksAs="gap"))
    return [
        *vals(date1904=0, lang="en-GB", roundedCorners=0),
        chart,
        shape(None, None),
        style.txpr(style.look.label_size, style.text),
        el("c:externalData", {"r:id": book_rid}, val("c:autoUpdate", 0)),
    ]


def _bars(spec: ChartSpec, data: Table, style: _Style) -> _Element:
    colors = style.colors(len(data.series))
    series = [
        _series(spec, data, s, style, [shape(c, None), val("c:invertIfNegative", 0)]) for s, c in enumerate(colors)
    ]
    # One value per label: overlapping the series puts each bar in the middle of its slot.
    spacing = vals(gapWidth=60 if len(data.series) == 1 or data.one_each else 80, overlap=100 if data.one_each else 0)
    head = vals(barDir="bar" if spec.orientation == "horizontal" else "col", grouping="clustered", varyColors=0)
    return el("c:barChart", None, *head, *series, *spacing, val("c:axId", CAT_AX), val("c:axId", VAL_AX))


def _lines(spec: ChartSpec, data: Table, style: _Style) -> _Element:
    series = []
    lines = style.look.lines
    for s, color in enumerate(style.colors(len(data.series))):
        dot = shape(color, hexcolor(WHITE), lines.marker_edge)
        marker = el("c:marker", None, *vals(symbol="circle", size=max(2, round(2 * lines.marker))), dot)
        series.append(_series(spec, data, s, style, [shape(None, color, lines.series), marker], smooth=True))
    axes = [val("c:axId", CAT_AX), val("c:axId", VAL_AX)]
    return el("c:lineChart", None, *vals(grouping="standard", varyColors=0), *series, val("c:marker", 1), *axes)


def _series(
    spec: ChartSpec, data: Table, s: int, style: _Style, looks: list[_Element], smooth: bool = False
) -> _Element:
    """One `c:ser`: name, colours, data labels, then categories and values pointing into the sheet."""
    cells = data.cells[s]
    name = el("c:strRef", None, _text("c:f", data.name_cell(s)), _str_cache([data.names[s]]))
    labels = el("c:strRef", None, _text("c:f", data.label_range()), _str_cache(list(data.labels)))
    points = [el("c:pt", {"idx": i}, _text("c:v", number(row.value))) for i, row in enumerate(cells) if row]
    cache = el("c:numCache", None, _text("c:formatCode", "General"), val("c:ptCount", len(cells)), *points)
    values = el("c:numRef", None, _text("c:f", data.value_range(s)), cache)
    return el(
        "c:ser",
        None,
        *vals(idx=s, order=s),
        el("c:tx", None, name),
        *looks,
        _labels(spec, cells, data.series[s], style),
        el("c:cat", None, labels),
        el("c:val", None, values),
        val("c:smooth", 0) if smooth else None,
    )


def _labels(spec: ChartSpec, cells: tuple[Datum | None, ...], series: str, style: _Style) -> _Element:
    """Data labels: every bar's value, a line's last value (as in the picture), static text for qualified rows."""
    bar = spec.type == "bar"
    present = [i for i, row in enumerate(cells) if row]
    code = value_format([row.value for row in cells if row], spec.unit, series)
    special = []
    for i, row in enumerate(cells):
        words = row and (row.qualifier or row.note)
        if row is None or not (words or (not bar and i == present[-1])):
            continue
        runs = [(fmt.amount(row.value, spec.unit, row.series, row.qualifier), style.text)]
        runs += [(f" {row.note}", style.muted)] if row.note else []
        text = style.rich(runs, style.look.label_size, wrap="none") if words else None
        position = "outEnd" if bar else ("r" if i == present[-1] else "t")
        special.append(el("c:dLbl", None, val("c:idx", i), text, *_label_look(code, style, position, shown=True)))
    return el("c:dLbls", None, *special, *_label_look(code, style, "outEnd" if bar else "r", shown=bar))


def _label_look(code: str, style: _Style, position: str, *, shown: bool) -> list[_Element]:
    return [
        el("c:numFmt", {"formatCode": code, "sourceLinked": 0}),
        shape(None, None),
        style.txpr(style.look.label_size, style.text, wrap="none"),
        val("c:dLblPos", position),
        *vals(showLegendKey=0, showVal=int(shown), showCatName=0, showSerName=0, showPercent=0, showBubbleSize=0),
    ]


def _category_axis(style: _Style, horizontal: bool) -> _Element:
    # Horizontal bars read top down, as in the picture; Word's default puts the first label lowest.
    scaling = el("c:scaling", None, val("c:orientation", "maxMin" if horizontal else "minMax"))
    return el(
        "c:catAx",
        None,
        val("c:axId", CAT_AX),
        scaling,
        *vals(delete=0, axPos="l" if horizontal else "b"),
        el("c:numFmt", {"formatCode": "General", "sourceLinked": 1}),
        *vals(majorTickMark="none", minorTickMark="none", tickLblPos="low"),
        shape(None, style.axis, style.look.lines.axis),
        style.txpr(style.look.label_size, style.text),
        *vals(crossAx=VAL_AX, crosses="autoZero", auto=1, lblAlgn="ctr", lblOffset=100, noMultiLvlLbl=0),
    )


def _value_axis(spec: ChartSpec, data: Table, style: _Style, horizontal: bool, width_pt: float) -> _Element:
    values = [row.value for col in data.cells for row in col if row]
    # A fixed scale only when the value labels need more room than an automatic one leaves.
    top, step = bar_scale(spec, data, width_pt, style.look.width) or (None, None)
    caption = fmt.axis_caption(spec.unit, list(data.series))
    title = None
    if caption:
        text = style.rich(
            [(caption, style.muted)], style.look.small_size, **({} if horizontal else {"rot": -5400000, "vert": "horz"})
        )
        title = el("c:title", None, text, val("c:overlay", 0))
    limits = [val("c:max", top) if top else None, val("c:min", 0) if spec.type == "bar" else None]
    scaling = el("c:scaling", None, val("c:orientation", "minMax"), *limits)
    return el(
        "c:valAx",
        None,
        val("c:axId", VAL_AX),
        scaling,
        *vals(delete=0, axPos="b" if horizontal else "l"),
        el("c:majorGridlines", None, shape(None, style.grid, style.look.lines.grid)),
        title,
        el("c:numFmt", {"formatCode": "#,##0" if max(map(abs, values)) >= 1000 else "General", "sourceLinked": 0}),
        *vals(majorTickMark="none", minorTickMark="none", tickLblPos="nextTo"),
        shape(None, None),
        style.txpr(style.look.small_size, style.muted),
        val("c:crossAx", CAT_AX),
        # With the categories reversed, the value axis belongs at their far end: the bottom.
        *vals(crosses="max" if horizontal else "autoZero", crossBetween="between"),
        val("c:majorUnit", step) if step else None,
    )


def _text(tag: str, text: str) -> _Element:
    node = el(tag)
    node.text = plain(text)
    return node


def _str_cache(texts: list[str]) -> _Element:
    points = (el("c:pt", {"idx": i}, _text("c:v", t)) for i, t in enumerate(texts))
    return el("c:strCache", None, val("c:ptCount", len(texts)), *points)
