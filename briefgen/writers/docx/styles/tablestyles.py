"""Table styles: "Briefgen Table" for data tables and "Briefgen Facts" for label/value boxes.

Borders, shading and cell padding live in the table style so tables carry no direct
formatting beyond their widths; the header row look is the style's `firstRow`
condition, switched on by each table's `w:tblLook`.
"""

from __future__ import annotations

from lxml.etree import _Element

from briefgen.writers.docx.package.ooxml import border, el, no_border, ordered, shading, spacing
from briefgen.writers.docx.styles.styles import Palette, define

DATA_TABLE = "Briefgen Table"
FACTS_TABLE = "Briefgen Facts"
FACTS_IN_BOX = "Briefgen Facts in Box"
FIGURES_TABLE = "Briefgen Figures"
BOX_TABLE = "Briefgen Box"


def cell_margins(top: int, side: int) -> _Element:
    """Cell padding in twips, used by the styles and by the box tables."""
    edges = [
        el(f"w:{s}", {"w": v, "type": "dxa"})
        for s, v in (("top", top), ("left", side), ("bottom", top), ("right", side))
    ]
    return ordered("w:tblCellMar", edges)


def define_table_styles(styles: _Element, p: Palette, b: float) -> None:
    def tight() -> _Element:  # a fresh element per style: lxml moves, not copies
        return ordered("w:pPr", [spacing(before=0, after=0, line=1.0)])

    define(
        styles,
        DATA_TABLE,
        "table",
        based_on="Normal Table",
        extra=[
            tight(),
            ordered(
                "w:tblPr",
                [
                    ordered(
                        "w:tblBorders",
                        [
                            border("top", p.primary, 1.0),
                            border("bottom", p.primary, 1.0),
                            border("insideH", p.line, 0.5),
                            no_border("left"),
                            no_border("right"),
                            no_border("insideV"),
                        ],
                    ),
                    cell_margins(30, 100),
                ],
            ),
            el(
                "w:tblStylePr",
                {"type": "firstRow"},
                el("w:tcPr", None, ordered("w:tcBorders", [border("bottom", p.primary, 1.0)]), shading(p.panel)),
            ),
        ],
        priority=40,
    )
    define(
        styles,
        FACTS_TABLE,
        "table",
        based_on="Normal Table",
        extra=[
            tight(),
            ordered(
                "w:tblPr",
                [
                    ordered(
                        "w:tblBorders",
                        [
                            border("top", p.primary, 1.5),
                            no_border("left"),
                            no_border("bottom"),
                            no_border("right"),
                            border("insideH", "FFFFFF", 1.0),
                            no_border("insideV"),
                        ],
                    ),
                    cell_margins(50, 120),
                ],
            ),
            el("w:tcPr", None, shading(p.panel)),
        ],
        priority=40,
    )
    # Inside a fact box the box draws the frame: only the white row rules remain.
    define(
        styles,
        FACTS_IN_BOX,
        "table",
        based_on=FACTS_TABLE,
        extra=[
            tight(),
            ordered(
                "w:tblPr",
                [
                    ordered(
                        "w:tblBorders",
                        [
                            no_border("top"),
                            no_border("left"),
                            no_border("bottom"),
                            no_border("right"),
                            border("insideH", "FFFFFF", 1.0),
                            no_border("insideV"),
                        ],
                    ),
                ],
            ),
        ],
        priority=40,
    )
    define(
        styles,
        FIGURES_TABLE,
        "table",
        based_on="Normal Table",
        extra=[
            tight(),
            ordered(
                "w:tblPr",
                [
                    ordered(
                        "w:tblBorders",
                        [
                            border("top", p.accent, 1.5),
                            no_border("left"),
                            no_border("bottom"),
                            no_border("right"),
                            border("insideH", "FFFFFF", 2.0),
                            border("insideV", "FFFFFF", 2.0),
                        ],
                    ),
                    cell_margins(80, 140),
                ],
            ),
            el("w:tcPr", None, shading(p.panel)),
        ],
        priority=40,
    )
    define(
        styles,
        BOX_TABLE,
        "table",
        based_on="Normal Table",
        extra=[tight(), ordered("w:tblPr", [cell_margins(160, 200)])],
        priority=40,
    )
