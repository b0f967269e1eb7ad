"""The style table: what every paragraph, character and table style looks like.

Sizes are relative to the body size `b` (already multiplied by the build's scale) so the
one-page summary shrinks every style together; `compact` shortens vertical spacing.
Leading is given in ems, as in the PDF writer, and turned into Word's "lines" multiple
with the font's own line height (`Palette.body_em` / `head_em`), so both formats set
type alike.
"""

from __future__ import annotations

from lxml.etree import _Element

from briefgen.design.contrast import BAND_LABEL_TINT
from briefgen.model.typeset import TAB_COLUMNS
from briefgen.writers.docx.package.ooxml import border, el, half_points, spacing, tabs, val
from briefgen.writers.docx.styles.styles import MONO, Palette, define, mix, run_props
from briefgen.writers.docx.styles.tablestyles import define_table_styles

LIST_INDENT = 400  # twips per list level
LIST_HANG = 280  # twips between the bullet and the text
WHITE = "FFFFFF"
CODE_INDENT = 113  # twips each side of a code block
MONO_ADVANCE = 1229 / 2048  # ems: every character of the monospaced code font (Courier New)


def code_tabs(size: float, indent: int, width: int) -> _Element:
    """Tab stops every `TAB_COLUMNS` characters of the code font across the text width.

    Word's default stops (every 1.27 cm) fall mid-character in a monospaced font; these
    put a tab where the PDF, which expands tabs to spaces, puts the next column.
    Positions count from the margin, as WordprocessingML's do.
    """
    step = TAB_COLUMNS * MONO_ADVANCE * half_points(size) * 10  # the size Word sets: whole half points
    count = max(1, int((width - 2 * indent) / step))
    # Each stop a hair before its column: text that ends exactly on a column has passed
    # that stop, so its tab goes on to the next one, as a tab expanded to spaces does.
    return tabs(*(("left", round(indent + k * step) - 2, "") for k in range(1, count + 1)))


def rhythm(compact: bool) -> float:
    """The factor on vertical spacing: tighter on the one-page summary."""
    return 0.7 if compact else 1.0


def paragraph_gap(b: float, compact: bool) -> float:
    """Points after a body paragraph (Normal's spacing after)."""
    return 0.6 * b * rhythm(compact)


def define_all(styles: _Element, p: Palette, b: float, width: int, compact: bool) -> None:
    """Define every style the writer uses. `width` is the text width in twips."""
    k = rhythm(compact)
    body, head = p.body_font, p.head_font

    def bl(em: float) -> float:  # leading in ems -> Word's multiple, body font
        return em / p.body_em

    def hl(em: float) -> float:  # same, heading font
        return em / p.head_em

    def gap(before: float, after: float, line: float) -> _Element:
        """Spacing with `before`/`after` in multiples of the body size, `line` a multiple."""
        return spacing(before=before * b * k, after=after * b * k, line=line)

    def d(name: str, ppr: list, rpr: _Element | None, **kw) -> None:
        define(styles, name, ppr=ppr, rpr=rpr, **kw)

    # -- text
    body_lead = 1.38 if compact else 1.42
    d(
        "Normal",
        [el("w:widowControl"), gap(0, 0.6, bl(body_lead))],
        run_props(body, b, p.text),
        based_on=None,
        priority=0,
        quick=True,
    )
    d("Lead", [gap(0, 0.8, bl(1.38))], run_props(body, b * 1.15, p.primary), quick=True)
    d("Small", [gap(0, 0.4, bl(1.35))], run_props(body, b * 0.86, p.muted), quick=True)
    d(
        "Title",
        [el("w:keepNext"), spacing(before=1.4 * b, after=0.8 * b, line=hl(1.12))],
        run_props(head, b * 3.0, p.primary, bold=True),
        next_style="Subtitle",
        priority=10,
        quick=True,
    )
    d(
        "Subtitle",
        [el("w:keepNext"), spacing(before=0, after=0.4 * b * k, line=hl(1.3))],
        run_props(head, b * 1.4, p.muted),
        priority=11,
        quick=True,
    )

    heads = [  # size factor, colour, space before, space after (× body size)
        (2.0, p.primary, 1.6, 0.6),
        (1.45, p.primary, 1.3, 0.45),
        (1.15, p.text, 1.0, 0.3),
        (1.0, p.text, 0.8, 0.25),
    ]
    for level in range(1, 7):
        size, color, before, after = heads[min(level, 4) - 1]
        rule = [el("w:pBdr", None, border("bottom", p.line, 0.5, space=4))] if level == 1 and not compact else []
        d(
            f"Heading {level}",
            [el("w:keepNext"), el("w:keepLines"), *rule, gap(before, after, hl(1.2)), val("w:outlineLvl", level - 1)],
            run_props(head, b * size, color, bold=True, italic=level >= 4),
            next_style="Normal",
            priority=9,
            quick=level <= 3,
        )
    d(
        "TOC Heading",
        [val("w:outlineLvl", 9), spacing(before=0, after=1.2 * b)],
        None,
        based_on="Heading 1",
        priority=39,
    )

    right = ("right", width, "dot")
    d(
        "TOC 1",
        [el("w:keepNext"), tabs(right), spacing(before=0.7 * b, after=0.15 * b, line=hl(1.3))],
        run_props(head, b, p.primary, bold=True),
        priority=39,
    )
    d(
        "TOC 2",
        [tabs(right), spacing(before=0, after=0.1 * b, line=bl(1.3)), el("w:ind", {"left": 360})],
        run_props(body, b * 0.92, p.text),
        priority=39,
    )

    for n, suffix in enumerate(("", " 2", " 3"), start=1):
        ind = {"left": LIST_INDENT * n, "hanging": LIST_HANG}
        d(f"List Bullet{suffix}", [el("w:ind", ind), gap(0, 0.3, bl(body_lead))], None, priority=36, quick=n == 1)
        d(f"List Number{suffix}", [el("w:ind", ind), gap(0, 0.3, bl(body_lead))], None, priority=36, quick=n == 1)
        d(
            f"List Continue{suffix}",
            [el("w:ind", {"left": LIST_INDENT * n}), gap(0, 0.3, bl(body_lead))],
            None,
            priority=36,
        )

    d(
        "Quote",
        [
            el("w:pBdr", None, border("left", p.accent, 2.25, space=10)),
            gap(0.3, 0.8, bl(1.42)),
            el("w:ind", {"left": 340, "right": 567}),
        ],
        run_props(body, b * 1.05, p.text, italic=True),
        priority=29,
        quick=True,
    )
    d("Caption", [gap(0.3, 1.0, hl(1.3))], run_props(head, b * 0.8, p.muted), priority=35, quick=True)
    d("Figure", [el("w:keepNext"), gap(0.6, 0.2, 1.0), val("w:jc", "center")], None)
    d(
        "Code Block",
        [
            el("w:shd", {"val": "clear", "color": "auto", "fill": p.panel}),
            code_tabs(b * 0.82, CODE_INDENT, width),
            gap(0.4, 0.8, 1.05),
            el("w:ind", {"left": CODE_INDENT, "right": CODE_INDENT}),
        ],
        run_props(MONO, b * 0.82, p.text),
    )
    d(
        "Horizontal Rule",
        [
            el("w:pBdr", None, border("bottom", p.line, 0.75, space=1)),
            spacing(before=0.2 * b * k, after=1.0 * b * k, line=4, exact=True),
        ],
        run_props(size=2),
    )

    # -- notes close a section: a short rule, then small numbered paragraphs
    d(
        "Notes Rule",
        [
            el("w:keepNext"),
            el("w:pBdr", None, border("top", p.muted, 0.5, space=1)),
            spacing(before=1.0 * b * k, after=0, line=4, exact=True),
            el("w:ind", {"right": int(width * 0.7)}),
        ],
        run_props(size=2),
    )
    d(
        "Notes",
        [gap(0, 0.25, bl(1.35)), el("w:ind", {"left": 280, "hanging": 280}), tabs(("left", 280, ""))],
        run_props(body, b * 0.8, p.text),
    )

    # -- tables, fact boxes and call-outs (lxml moves elements: each style gets fresh ones)
    def cell() -> list[_Element]:
        return [spacing(before=0.12 * b, after=0.12 * b, line=hl(1.3))]

    d("Table Text", cell(), run_props(head, b * 0.84, p.text))
    d(
        "Table Heading",
        [el("w:keepNext"), *cell()],
        run_props(head, b * 0.84, p.primary, bold=True),
        based_on="Table Text",
    )
    d("Fact Label", cell(), run_props(head, b * 0.82, p.primary, bold=True), based_on="Table Text")
    d("Fact Value", cell(), run_props(head, b * 0.86, p.text), based_on="Table Text")
    d(
        "Figure Value",
        [el("w:keepNext"), spacing(before=0.1 * b, after=0, line=hl(1.1))],
        run_props(head, b * 1.45, p.primary, bold=True),
        based_on="Table Text",
    )
    d(
        "Figure Label",
        [spacing(before=0.1 * b, after=0.1 * b, line=hl(1.25))],
        run_props(head, b * 0.76, p.muted, italic=True),
        based_on="Table Text",
    )
    # After every table: Word merges tables that touch, and boxes need air below.
    d("Table Spacer", [spacing(before=0, after=0, line=0.9 * b * k, exact=True)], run_props(size=2))
    d("Box Title", [el("w:keepNext"), gap(0, 0.35, hl(1.2))], run_props(head, b * 1.0, p.primary, bold=True))
    d("Box Text", [gap(0, 0.4, bl(1.38 if not compact else 1.3))], run_props(body, b * 0.95, p.text))
    d(
        "Bottom Line Title",
        [el("w:keepNext"), gap(0, 0.35, hl(1.2))],
        run_props(head, b * 0.9, p.accent, bold=True, caps=True, tracking=0.6),
    )
    d("Bottom Line Text", [gap(0, 0.4, bl(1.4 if not compact else 1.32))], run_props(body, b * 1.08, p.text))

    # -- running heads and feet, and the client's marking
    def hf() -> list[_Element]:  # one right tab: left text, tab, right text
        return [tabs(("right", width, "")), spacing(before=0, after=0, line=hl(1.2))]

    d(
        "Header",
        [*hf(), el("w:pBdr", None, border("bottom", p.line, 0.5, space=4))],
        run_props(head, b * 0.76, p.muted),
        priority=99,
    )
    d("Footer", hf(), run_props(head, b * 0.76, p.muted), priority=99)
    d(
        "Marking",
        [spacing(before=0, after=0.3 * b, line=hl(1.2)), val("w:jc", "center")],
        run_props(head, b * 0.8, p.accent, bold=True, small_caps=True, tracking=0.8),
    )

    # -- cover and summary band
    d("Cover Logo", [spacing(before=0, after=0, line=1.0)], None)
    d("Cover Spacer", [spacing(before=0, after=0, line=b * 6, exact=True)], None)
    d("Cover Spacer Small", [spacing(before=0, after=0, line=b * 1.5, exact=True)], None)
    d(
        "Cover Rule",
        [
            el("w:pBdr", None, border("top", p.accent, 4.5)),
            spacing(before=1.6 * b, after=1.4 * b, line=2, exact=True),
            el("w:ind", {"right": int(width * 0.82)}),
        ],
        run_props(size=2),
    )
    d(
        "Cover Series",
        [spacing(before=0, after=0, line=hl(1.1))],
        run_props(head, b * 0.9, WHITE, bold=True, caps=True, tracking=1.5),
    )
    d("Cover Meta", [spacing(before=0, after=0.25 * b, line=hl(1.3))], run_props(head, b * 1.05, p.text))
    d(
        "Cover Label",
        [spacing(before=0, after=0.25 * b, line=hl(1.3))],
        run_props(head, b * 0.8, p.accent, bold=True, caps=True, tracking=1.0),
    )
    d(
        "Section Kicker",
        [el("w:keepNext"), spacing(before=0, after=0.1 * b, line=hl(1.2))],
        run_props(head, b * 0.8, p.accent, bold=True, caps=True, tracking=1.0),
    )
    d(
        "Band Title",
        [spacing(before=0, after=0.3 * b, line=hl(1.1)), val("w:jc", "right")],
        run_props(head, b * 1.6, WHITE, bold=True),
        based_on="Title",
    )
    d(
        "Band Label",
        [spacing(before=0, after=0.15 * b, line=hl(1.15)), val("w:jc", "right")],
        run_props(head, b * 0.85, mix(p.accent, "#FFFFFF", BAND_LABEL_TINT), bold=True, caps=True, tracking=1.0),
    )
    d("Band Meta", [spacing(before=0, after=0, line=hl(1.15)), val("w:jc", "right")], run_props(head, b * 0.85, WHITE))

    _character_styles(styles, p)
    define_table_styles(styles, p, b)


def _character_styles(styles: _Element, p: Palette) -> None:
    def c(name: str, rpr: _Element, priority: int = 20) -> None:
        define(
            styles,
            name,
            "character",
            based_on="Default Paragraph Font",
            rpr=rpr,
            priority=priority,
            quick=name in ("Strong", "Emphasis"),
        )

    c("Strong", run_props(bold=True), 22)
    c("Emphasis", run_props(italic=True), 20)
    c("Strikethrough", run_props(extra=(el("w:strike"),)))
    c("Hyperlink", run_props(color=p.primary, extra=(val("w:u", "single"),)), 99)
    c("Code", run_props(MONO, extra=(el("w:shd", {"val": "clear", "color": "auto", "fill": p.panel}),)))
    c("Footnote Reference", run_props(color=p.accent, extra=(val("w:vertAlign", "superscript"),)), 99)
