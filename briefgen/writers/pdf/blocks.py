"""Model blocks → reportlab flowables: one handler per node type, in a dispatch table.

A node type without a handler is an error naming its source position; nothing is
silently dropped. Layout problems (a figure that cannot fit) are errors too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, white
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)

from briefgen.errors import BriefgenError, Diagnostic
from briefgen.markdown.images import MAX_HEIGHT_SHARE, printed_size, too_small
from briefgen.model import nodes as m
from briefgen.model.walk import plain
from briefgen.writers.common.columns import CellFonts, Columns, lay_out
from briefgen.writers.common.typeset import TAB_COLUMNS
from briefgen.writers.pdf.inline import InlineRenderer
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.styles import Palette

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


class Anchored(Paragraph):
    """A heading paragraph that registers a bookmark and an outline entry."""

    def __init__(self, text: str, style: ParagraphStyle, *, key: str, title: str, level: int):
        super().__init__(text, style)
        self.bookmark = (key, title, level)


@dataclass
class Renderer:
    """Per-document state the handlers share: styles, widths, counters."""

    styles: dict[str, ParagraphStyle]
    inline: InlineRenderer
    pal: Palette
    width: float
    max_image_height: float
    figures: int = 0
    paragraph_style: str = ""
    extras: dict[str, object] = field(default_factory=dict)
    depth: int = 0  # boxes (quotes, call-outs) around these blocks

    def blocks(self, blocks: tuple[m.Block, ...]) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            handler = HANDLERS.get(type(block))
            if handler is None:
                raise BriefgenError([Diagnostic(block.pos, f"{type(block).__name__} cannot be rendered in PDF")])
            flowables = handler(block, self)
            for flowable in flowables:
                flowable.source_pos = block.pos  # lets layout errors name the user's line
            out.extend(flowables)
        return out

    def para(self, inlines: tuple[m.Inline, ...], style: str) -> Paragraph:
        return Paragraph(self.inline.run(inlines), self.styles[self.paragraph_style or style])


def _paragraph(b: m.Paragraph, r: Renderer) -> list[Flowable]:
    return [r.para(b.children, b.style if b.style in r.styles else "body")]


def _heading(b: m.Heading, r: Renderer) -> list[Flowable]:
    style = r.styles[f"h{min(max(b.level, 2), 4)}"]
    text = f'<a name="{b.anchor}"/>{r.inline.heading(b.children)}'
    return [Anchored(text, style, key=b.anchor, title=plain(b.children), level=b.level - 1)]


def _list_items(items: tuple[m.ListItem, ...], r: Renderer, indent: float) -> list[ListItem]:
    inner = _inner(r, r.width - indent)  # a table in an item is as wide as the item, not the page
    out = []
    for item in items:
        flows = inner.blocks(item.blocks)
        r.figures = inner.figures
        if flows and isinstance(flows[-1], Paragraph):
            flows[-1].style = _tight(flows[-1].style)
        out.append(ListItem(flows or [Spacer(1, 1)]))
    return out


def _tight(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-li", parent=style, spaceAfter=style.fontSize * 0.3)


def _bullets(b: m.BulletList, r: Renderer) -> list[Flowable]:
    size = r.styles["body"].fontSize
    return [
        ListFlowable(
            _list_items(b.items, r, size * 1.3),
            bulletType="bullet",
            start="•",
            bulletColor=r.pal.accent,
            bulletFontName=r.styles["body"].fontName,
            leftIndent=size * 1.3,
            bulletFontSize=size,
            spaceAfter=size * 0.4,
        )
    ]


def _numbers(b: m.OrderedList, r: Renderer) -> list[Flowable]:
    size = r.styles["body"].fontSize
    heads = r.styles["h4"].fontName
    return [
        ListFlowable(
            _list_items(b.items, r, size * 1.8),
            bulletType="1",
            start=b.start,
            bulletFormat="%s.",
            bulletColor=r.pal.accent,
            bulletFontName=heads,
            leftIndent=size * 1.8,
            bulletFontSize=size,
            spaceAfter=size * 0.4,
        )
    ]


def _style(commands: list[tuple[object, ...]], r: Renderer) -> TableStyle:
    """A TableStyle in the brand font: reportlab's default cell font is unembedded Helvetica."""
    font = r.styles["body"]
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), font.fontName), ("FONTSIZE", (0, 0), (-1, -1), font.fontSize), *commands]
    )


def _cell(cell: m.Cell, r: Renderer, style: str, whole_words: bool) -> Paragraph:
    key = f"{style}-{cell.align}-{whole_words}"
    cells: dict[str, ParagraphStyle] = r.extras.setdefault("cell_styles", {})  # type: ignore[assignment]
    if key not in cells:
        base = r.styles[style]
        # reportlab splits a word that does not fit the rest of a line letter by letter,
        # even when it would fit the next line ("Unit ed"); when every word fits its
        # column (hyphenated where needed), words move to the next line whole.
        cells[key] = ParagraphStyle(
            key,
            parent=base,
            alignment=ALIGN[cell.align] if cell.align else base.alignment,
            splitLongWords=0 if whole_words else base.splitLongWords,
        )
    return Paragraph(r.inline.run(cell.children), cells[key])


def _columns(b: m.Table, r: Renderer) -> Columns:
    """The table's shared column plan (see columns.py), in this renderer's cell fonts."""
    theme = r.extras["theme"]
    fonts = CellFonts(theme.heading_fonts.bold, theme.fonts.regular, r.styles["cell"].fontSize)  # type: ignore[attr-defined]
    return lay_out(b, r.width, fonts)


def _table(b: m.Table, r: Renderer) -> list[Flowable]:
    if b.kind == "facts":
        return [_facts(b, r, r.width)]
    if b.kind == "figures":
        return [_figures(b, r), Spacer(1, r.styles["body"].fontSize * 0.6)]
    if not (b.header or b.rows):
        return []
    plan = _columns(b, r)
    widths = list(plan.widths)
    n_head = len(plan.header)
    data = [
        [_cell(c, r, "cell_head", (i, j) not in plan.loose) for j, c in enumerate(row)]
        for i, row in enumerate(plan.header)
    ]
    data += [
        [_cell(c, r, "cell", (i + n_head, j) not in plan.loose) for j, c in enumerate(row)]
        for i, row in enumerate(plan.rows)
    ]
    cols = len(widths)
    data = [row + [""] * (cols - len(row)) for row in data]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, r.pal.rule),
    ]
    if n_head:
        style += [
            ("BACKGROUND", (0, 0), (-1, n_head - 1), r.pal.primary),
            ("LINEBELOW", (0, n_head - 1), (-1, n_head - 1), 1.2, r.pal.accent),
        ]
    style.append(("ROWBACKGROUNDS", (0, n_head), (-1, -1), [white, r.pal.panel]))
    table = Table(data, colWidths=widths, repeatRows=n_head, style=_style(style, r), hAlign="LEFT", splitByRow=1)
    out: list[Flowable] = [table, Spacer(1, r.styles["body"].fontSize * 0.8)]
    if b.caption:
        out.insert(1, r.para(b.caption, "caption"))
    return out


def _fact_cells(b: m.Table, r: Renderer) -> list[list[Paragraph | str]]:
    data: list[list[Paragraph | str]] = []
    for row in b.rows:
        label = Paragraph(r.inline.run(row[0].children), r.styles["fact_label"]) if row else ""
        value = (
            Paragraph(r.inline.run(tuple(i for c in row[1:] for i in c.children)), r.styles["fact_value"])
            if len(row) > 1
            else ""
        )
        data.append([label, value])
    return data


def _facts(
    b: m.Table, r: Renderer, width: float, label_share: float = 0.32, data: list[list[Paragraph | str]] | None = None
) -> Table:
    data = data if data is not None else _fact_cells(b, r)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, r.pal.rule),
    ]
    return Table(
        data, colWidths=[width * label_share, width * (1 - label_share)], style=_style(style, r), hAlign="LEFT"
    )


def _figures(b: m.Table, r: Renderer, per_row: int = 3) -> Table:
    """Headline figures, `per_row` to a line: the value large, its label small beneath."""
    size = r.styles["body"].fontSize
    big = ParagraphStyle(
        "figure",
        parent=r.styles["h2"],
        fontSize=size * 1.5,
        leading=size * 1.75,
        spaceBefore=0,
        spaceAfter=size * 0.1,
        textColor=r.pal.primary,
    )
    cells = [
        [
            Paragraph(r.inline.heading(row[0].children), big),
            Paragraph(r.inline.run(row[1].children if len(row) > 1 else ()), r.styles["caption"]),
        ]
        for row in b.rows
    ]
    grid = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    grid = [row + [""] * (per_row - len(row)) for row in grid]
    style = _style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), r.pal.panel),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEAFTER", (0, 0), (-2, -1), 0.6, r.pal.rule),
            ("LINEABOVE", (0, 0), (-1, 0), 2, r.pal.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ],
        r,
    )
    return Table(grid, colWidths=[r.width / per_row] * per_row, style=style, hAlign="LEFT")


def _boxed(
    content: list[Flowable], r: Renderer, *, bg: Color, bar: Color, bar_width: float = 3.0, pad: float = 9
) -> Table:
    style = _style(
        [
            ("BACKGROUND", (0, 0), (-1, -1), bg),
            ("LINEBEFORE", (0, 0), (0, -1), bar_width, bar),
            ("LEFTPADDING", (0, 0), (-1, -1), pad + 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad - 2),
        ],
        r,
    )
    return Table([[content]], colWidths=[r.width], style=style, hAlign="LEFT", splitInRow=split_in_row(r))


def _inner(r: Renderer, width: float) -> Renderer:
    return Renderer(
        r.styles, r.inline, r.pal, width, r.max_image_height, r.figures, r.paragraph_style, r.extras, r.depth + 1
    )


def split_in_row(r: Renderer) -> int:
    # Only the outermost box splits inside its row: reportlab's row splitting of boxes
    # nested in boxes grows exponentially with depth (a build that never ends). A nested
    # box moves whole; one taller than a page is then a layout error at its line.
    return 1 if r.depth == 0 else 0


def _callout(b: m.Callout, r: Renderer) -> list[Flowable]:
    pad = 9.0
    inner = _inner(r, r.width - 2 * pad - 2)
    title_style = "box_title"
    bg, bar = r.pal.panel, r.pal.accent
    if b.kind == "bottom-line":
        inner.paragraph_style = "bottom_body"
        title_style, bg = "bottom_title", r.pal.primary
    if b.kind == "contact":
        title_style = "h2"
        bar = r.pal.primary
    content: list[Flowable] = []
    if b.title:
        content.append(
            Paragraph(
                r.inline.plain(b.title.upper() if b.kind in ("bottom-line",) else b.title, heading=True),
                r.styles[title_style],
            )
        )
    if b.kind == "factbox":
        bar = r.pal.primary
    beside = _with_locator(b, inner)
    content += beside if beside else inner.blocks(b.blocks)
    r.figures = inner.figures
    size = r.styles["body"].fontSize
    return [_boxed(content, r, bg=bg, bar=bar, pad=pad), Spacer(1, size * 0.9)]


LABEL_SHARES = (0.28, 0.31, 0.34, 0.37, 0.40, 0.43, 0.46)


def _is_locator(block: m.Block) -> bool:
    return isinstance(block, m.Chart) and not block.spec.numbered


def _with_locator(b: m.Callout, r: Renderer) -> list[Flowable]:
    """A fact box of [facts, locator]: the facts left and the map right, top-aligned, in one row.

    Empty for any other box, and for a box too narrow to share (under three map widths),
    which then stacks its blocks as usual.
    """
    blocks = b.blocks
    if not (
        b.kind == "factbox"
        and len(blocks) == 2
        and isinstance(blocks[0], m.Table)
        and blocks[0].kind == "facts"
        and _is_locator(blocks[1])
    ):
        return []
    from briefgen.charts.locator import WIDTH_PT  # loaded already: the locator's spec came from it

    if r.width < 3 * WIDTH_PT:
        return []
    art = _locator(blocks[1], r)
    gutter = r.styles["body"].fontSize * 1.2
    facts_width = r.width - art.width - gutter
    # Narrowed, the usual 32 % label column wraps most labels: take the split that
    # makes the facts shortest (ties go to the narrower label column).
    cells = _fact_cells(blocks[0], r)
    share = _label_share(cells, facts_width)
    facts = _facts(blocks[0], r, facts_width, share, cells)
    facts.source_pos = blocks[0].pos
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (1, 0), gutter),
        # The map's top edge level with the first fact's text, not with its cell padding.
        ("TOPPADDING", (1, 0), (1, 0), 2.5),
    ]
    return [Table([[facts, art]], colWidths=[facts_width, art.width + gutter], style=_style(style, r), hAlign="LEFT")]


def _label_share(cells: list[list[Paragraph | str]], width: float) -> float:
    """The label share that makes the facts shortest (ties: the narrower label column).

    Remembered by the cells' text and type: a batch prints the same country's facts in
    many annexes, and each search wraps some hundred paragraphs.
    """
    key = (
        width,
        tuple(
            (c.text, c.style.fontName, c.style.fontSize, c.style.leading) if isinstance(c, Paragraph) else c
            for row in cells
            for c in row
        ),
    )
    if key not in _SHARES:
        if len(_SHARES) >= 256:
            _SHARES.clear()
        _SHARES[key] = min(LABEL_SHARES, key=lambda s: (round(_facts_height(cells, width, s)), s))
    return _SHARES[key]


_SHARES: dict[tuple[object, ...], float] = {}


def _facts_height(cells: list[list[Paragraph | str]], width: float, share: float) -> float:
    """The height `_facts` would have with this label share: each row's taller cell plus its padding."""
    widths = (width * share - 6.0, width * (1 - share) - 6.0)  # less RIGHTPADDING
    total = 0.0
    for row in cells:
        heights = [c.wrap(w, 1e6)[1] if isinstance(c, Paragraph) else 0.0 for c, w in zip(row, widths, strict=True)]
        total += max(heights) + 2.5 + 2.5  # TOPPADDING + BOTTOMPADDING
    return total


def _locator(b: m.Chart, r: Renderer) -> Flowable:
    """A locator inset at its own small width (never wider than the space): vector, no caption."""
    from briefgen.charts import drawing
    from briefgen.charts.locator import WIDTH_PT

    fonts = r.extras["fonts"]
    art = drawing(b.spec, r.extras["theme"], min(WIDTH_PT, r.width), fonts=(fonts.heading.regular, fonts.heading.bold))
    art.hAlign = "LEFT"
    return art


def _quote(b: m.BlockQuote, r: Renderer) -> list[Flowable]:
    inner = _inner(r, r.width - 24)
    inner.paragraph_style = "quote"
    content = inner.blocks(b.blocks)
    r.figures = inner.figures
    style = _style(
        [
            ("LINEBEFORE", (0, 0), (0, -1), 2, r.pal.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
        r,
    )
    table = Table([[content]], colWidths=[r.width - 4], style=style, hAlign="LEFT", splitInRow=split_in_row(r))
    return [table, Spacer(1, 6)]


def _figure(b: m.Figure, r: Renderer) -> list[Flowable]:
    r.figures += 1
    width, height = printed_size(b.width_px, b.height_px, r.width, r.max_image_height / MAX_HEIGHT_SHARE)
    problem = too_small(b.path, (width, height), b.pos)
    if problem:
        raise BriefgenError([problem])
    image = Image(str(b.path), width=width, height=height)
    image.hAlign = "CENTER"
    caption = f"<b>Figure {r.figures}:</b> {r.inline.run(b.caption)}"
    return [KeepTogether([image, Paragraph(caption, r.styles["caption"])]), Spacer(1, 8)]


def _chart(b: m.Chart, r: Renderer) -> list[Flowable]:
    """A vector drawing (selectable text), captioned and numbered with the figures.

    A locator inset is not a figure: drawn small, without caption or number.
    """
    from briefgen.charts import drawing

    if not b.spec.numbered:
        return [KeepTogether([_locator(b, r)]), Spacer(1, 8)]  # a Drawing takes no `source_pos`

    fonts = r.extras["fonts"]
    art = drawing(b.spec, r.extras["theme"], r.width, fonts=(fonts.heading.regular, fonts.heading.bold), titles=False)
    art.hAlign = "CENTER"
    r.figures += 1
    anchor = f'<a name="{b.anchor}"/>' if b.anchor else ""
    title = r.inline.plain(b.spec.title) if b.spec.title else ""
    parts: list[Flowable] = [art, Paragraph(f"{anchor}<b>Figure {r.figures}:</b> {title}", r.styles["caption"])]
    if b.spec.source:
        parts.append(Paragraph(r.inline.plain(f"Source: {b.spec.source}"), r.styles["caption"]))
    return [KeepTogether(parts), Spacer(1, 8)]


def _code(b: m.CodeBlock, r: Renderer) -> list[Flowable]:
    # reportlab collapses runs of spaces and treats a tab as one: spaces become
    # non-breaking, and tabs are expanded to the stops every TAB_COLUMNS columns that the
    # DOCX's code style sets, so indentation (meaning, in Python) survives in both.
    lines = [r.inline.plain(line.expandtabs(TAB_COLUMNS)).replace(" ", "&nbsp;") for line in b.text.split("\n")]
    return [Paragraph("<br/>".join(lines), r.styles["code"])]


def _rule(b: m.Rule, r: Renderer) -> list[Flowable]:
    return [HRFlowable(width="100%", thickness=0.6, color=r.pal.rule, spaceBefore=6, spaceAfter=10)]


def _notes(b: m.Notes, r: Renderer) -> list[Flowable]:
    out: list[Flowable] = [
        HRFlowable(width="30%", thickness=0.6, color=r.pal.rule, hAlign="LEFT", spaceBefore=8, spaceAfter=2),
        Paragraph("Notes", r.styles["notes_title"]),
    ]
    for note in b.notes:
        inner = _inner(r, r.width)
        inner.paragraph_style = "note"
        flows = inner.blocks(note.blocks)
        if flows and isinstance(flows[0], Paragraph):
            flows[0] = Paragraph(f"<b>{note.number}.</b> " + flows[0].text, r.styles["note"])
        else:
            flows.insert(0, Paragraph(f"<b>{note.number}.</b>", r.styles["note"]))
        out.extend(flows)
    return out


HANDLERS: dict[type, Callable[..., list[Flowable]]] = {
    m.Paragraph: _paragraph,
    m.Heading: _heading,
    m.BulletList: _bullets,
    m.OrderedList: _numbers,
    m.Table: _table,
    m.Callout: _callout,
    m.BlockQuote: _quote,
    m.Figure: _figure,
    m.Chart: _chart,
    m.CodeBlock: _code,
    m.Rule: _rule,
    m.Notes: _notes,
}
