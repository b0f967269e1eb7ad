"""Table styles: "Briefgen Table" for data tables and "Briefgen Facts" for label/value boxes.

Borders, shading and cell padding live in the table style so tables carry no direct
formatting beyond their widths; the header row look is the style's `firstRow`
condition, switched on by each table's `w:tblLook`.
"""

from __future__ import annotations

from lxml.etree import _Element

from briefgen.design.spacing import Pad
from briefgen.writers.docx.package.ooxml import border, el, no_border, ordered, shading, spacing, twips
from briefgen.writers.docx.styles.styles import Palette, define

DATA_TABLE = "Briefgen Table"
FACTS_TABLE = "Briefgen Facts"
FACTS_IN_BOX = "Briefgen Facts in Box"
FIGURES_TABLE = "Briefgen Figures"
BOX_TABLE = "Briefgen Box"


NO_PAD = Pad(0.0, 0.0, 0.0, 0.0)


def cell_margins(pad: Pad, tag: str = "w:tblCellMar") -> _Element:
    """A design `Pad` as Word's cell margins (`w:tblCellMar` of a table or style, `w:tcMar` of a cell)."""
    edges = [
        el(f"w:{s}", {"w": twips(v), "type": "dxa"})
        for s, v in (("top", pad.top), ("left", pad.left), ("bottom", pad.bottom), ("right", pad.right))
    ]
    return ordered(tag, edges)


def rule_height(points: float) -> float:
    """The height a row border `points` wide adds to its row, as LibreOffice lays a table
    out: Word's eighths of a point, in whole twips. The PDF draws its rules on the cell
    edges, adding nothing, so a DOCX row gives this much of its padding to its rule."""
    eighths = max(2, min(96, round(points * 8)))  # as `border` writes it
    return eighths * 20 // 8 / 20


def define_table_styles(styles: _Element, p: Palette, b: float) -> None:
    """The table styles, one row of `_looks` each: borders, cell padding, conditional looks."""
    for name, based_on, edges, margins, conditions in _looks(p):
        tbl_pr = ordered("w:tblPr", [ordered("w:tblBorders", _edges(edges)) if edges else None, margins])
        # a fresh pPr per style: lxml moves, not copies
        tight = ordered("w:pPr", [spacing(before=0, after=0, line=1.0)])
        define(styles, name, "table", based_on=based_on, extra=[tight, tbl_pr, *conditions], priority=40)


Edge = tuple[str, str, float] | str  # (side, RRGGBB, points), or a side without a border


def _edges(edges: list[Edge]) -> list[_Element]:
    return [no_border(e) if isinstance(e, str) else border(*e) for e in edges]


def _looks(p: Palette) -> list[tuple[str, str, list[Edge], _Element | None, list[_Element]]]:
    """(style, based on, table borders, cell margins, conditional looks) for every table
    style, with the design's rule widths: the same rules and fills as the PDF's tables."""
    r, t = p.design.rules, p.design.table
    no_frame: list[Edge] = ["top", "left", "bottom", "right"]
    head = el(
        "w:tblStylePr",
        {"type": "firstRow"},
        el("w:tcPr", None, ordered("w:tcBorders", [border("bottom", p.band_edge, r.table_head)]), shading(p.band)),
    )
    zebra = el("w:tblStylePr", {"type": "band2Horz"}, el("w:tcPr", None, shading(p.zebra)))
    facts_rows: list[Edge] = [*no_frame, ("insideH", p.line, r.facts_row), "insideV"]
    return [
        (
            DATA_TABLE,
            "Normal Table",
            ["top", "left", ("bottom", p.line, r.table_row), "right", ("insideH", p.line, r.table_row), "insideV"],
            cell_margins(Pad(t.data_word_y, t.data.right, t.data_word_y, t.data.left)),
            [head, zebra],
        ),
        (FACTS_TABLE, "Normal Table", facts_rows, cell_margins(t.facts), []),
        # Inside a fact box the box draws the frame and the fill.
        (FACTS_IN_BOX, FACTS_TABLE, list(facts_rows), None, []),
        (
            FIGURES_TABLE,
            "Normal Table",
            [
                ("top", p.accent, r.figures_top),
                "left",
                "bottom",
                "right",
                "insideH",
                ("insideV", p.line, r.figures_between),
            ],
            cell_margins(t.figures),
            [el("w:tcPr", None, shading(p.panel))],
        ),
        (BOX_TABLE, "Normal Table", [], cell_margins(p.design.box.pad), []),
    ]
