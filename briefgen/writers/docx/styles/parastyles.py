"""The style table: what every paragraph and character style looks like in Word.

Each paragraph style names a role of the design's type scale (`design/system.py`): its
size, face, colour, leading and spacing come from there, the same values the PDF sets.
This module adds only what is Word's own: keep-with-next, outline levels, borders,
tab stops, indents in twips, and the Styles gallery's order. Sizes are relative to the
body size `b` (already multiplied by the build's scale) so the one-page summary shrinks
every style together; `compact` shortens vertical spacing. Leading is exact, in the
role's points (`styler.Styler`), so both formats set type alike and a DOCX page, as
Word or LibreOffice lays it out, holds what the PDF's page holds.
"""

from __future__ import annotations

from lxml.etree import _Element

from briefgen.design.spacing import MM, BlockSpace
from briefgen.model.typeset import TAB_COLUMNS
from briefgen.writers.docx.package.ooxml import border, el, half_points, tabs, twips, val
from briefgen.writers.docx.styles.styler import (
    Styler,
    Word,
    border_excess,
    list_gap,
    list_step,
    paragraph_gap,
    rest,
    rhythm,
    spacer,
)
from briefgen.writers.docx.styles.styles import Palette, define_character_styles, run_props
from briefgen.writers.docx.styles.tablestyles import define_table_styles

__all__ = ["code_tabs", "define_all", "list_gap", "list_step", "paragraph_gap", "rhythm"]

CODE_INDENT = twips(BlockSpace.code_inset)  # twips each side of a code block


def code_tabs(size: float, indent: int, width: int, advance: float = 0.6) -> _Element:
    """Tab stops every `TAB_COLUMNS` characters of the code font across the text width.

    Word's default stops (every 1.27 cm) fall mid-character in a monospaced font; these
    put a tab where the PDF, which expands tabs to spaces, puts the next column.
    Positions count from the margin, as WordprocessingML's do; `advance` is the code
    font's character width in ems.
    """
    step = TAB_COLUMNS * advance * half_points(size) * 10  # the size Word sets: whole half points
    count = max(1, int((width - 2 * indent) / step))
    # Each stop a hair before its column: text that ends exactly on a column has passed
    # that stop, so its tab goes on to the next one, as a tab expanded to spaces does.
    return tabs(*(("left", round(indent + k * step) - 2, "") for k in range(1, count + 1)))


def define_all(styles: _Element, p: Palette, b: float, width: int, compact: bool) -> None:
    """Define every style the writer uses. `width` is the text width in twips."""
    st = Styler(p, b, compact)
    for table in (_text_styles, _heading_styles, _box_styles, _furniture_styles, _cover_styles):
        for w in table(st, width):
            st.define(styles, w)
    define_character_styles(styles, p)
    define_table_styles(styles, p, b)


def _text_styles(st: Styler, width: int) -> list[Word]:
    b, p, rules, space = st.b, st.p, st.design.rules, st.design.block
    body_lead = st.role("body").leading * (1.38 / 1.42 if st.compact else 1.0)  # a shade tighter on the summary
    gallery = {"quick": True}
    bullet, number = list_step(False, b), list_step(True, b)
    lists = [
        Word(
            f"List {kind}{suffix}",
            ppr=[el("w:ind", ind)],
            gap=(0, st.design.lists.item_after * b),
            line=body_lead,
            exact=True,
            options=opts,
        )
        for n, suffix in enumerate(("", " 2", " 3"), start=1)
        for kind, ind, opts in (
            ("Bullet", {"left": bullet * n, "hanging": bullet}, {"priority": 36, "quick": n == 1}),
            ("Number", {"left": number * n, "hanging": number}, {"priority": 36, "quick": n == 1}),
            ("Continue", {"left": bullet * n}, {"priority": 36}),
        )
    ]
    quote = st.role("quote")
    return [
        Word(
            "Normal",
            "body",
            [el("w:widowControl")],
            line=body_lead,
            exact=True,
            options={"based_on": None, "priority": 0, **gallery},
        ),
        Word("Lead", "lead", options=gallery),
        Word("Small", "small", options=gallery),
        *lists,
        Word(
            "Quote",
            "quote",
            [
                el("w:pBdr", None, border("left", p.accent, rules.quote_bar, space=space.border_gap_quote)),
                el("w:ind", {"left": twips(quote.indent), "right": twips(quote.indent)}),
            ],
            options={"priority": 29, **gallery},
        ),
        Word("Caption", "caption", options={"priority": 35, **gallery}),
        Word(
            "Figure",
            None,
            [el("w:keepNext"), val("w:jc", "center")],
            gap=(space.figure_before_word * b, space.figure_after_word * b),
        ),
        Word(
            "Code Block",
            "code",
            [
                el("w:shd", {"val": "clear", "color": "auto", "fill": p.panel}),
                code_tabs(st.role("code").size, CODE_INDENT, width, p.mono_advance),
                el("w:ind", {"left": CODE_INDENT, "right": CODE_INDENT}),
            ],
        ),
        *_rule_styles(st, width),
    ]


def _rule_styles(st: Styler, width: int) -> list[Word]:
    """Thematic breaks and notes: Word draws a rule as the border of a paragraph `rule_paragraph` high."""
    b, p, rules, space = st.b, st.p, st.design.rules, st.design.block
    hang = twips(space.note_hang)
    return [
        Word(
            "Horizontal Rule",
            None,
            [el("w:pBdr", None, border("bottom", p.line, rules.thematic, space=space.border_gap_rule))],
            gap=(space.rule_before_word * b, space.rule_after_word * b),
            line=space.rule_paragraph,
            exact=True,
            rpr=run_props(size=2),
        ),
        # Notes close a section: a short rule, then small numbered paragraphs.
        Word(
            "Notes Rule",
            None,
            [
                el("w:keepNext"),
                el("w:pBdr", None, border("top", p.line, rules.thematic, space=space.border_gap_rule)),
                el("w:ind", {"right": rest(width, space.notes_rule_length)}),
            ],
            gap=(space.notes_rule_before_word * b, 0),
            line=space.rule_paragraph,
            exact=True,
            rpr=run_props(size=2),
        ),
        Word("Notes", "note", [el("w:ind", {"left": hang, "hanging": hang}), tabs(("left", hang, ""))]),
        # A Word footnote at the page's foot: the PDF's note look, its mark in Footnote Reference.
        Word("Footnote Text", "note", options={"priority": 99}),
    ]


def _heading_styles(st: Styler, width: int) -> list[Word]:
    gallery = {"priority": 9, "next_style": "Normal"}
    headings = [
        Word(
            f"Heading {level}",
            f"h{min(level, 4)}",
            [
                el("w:keepNext"),
                el("w:keepLines"),
                val("w:outlineLvl", level - 1),
            ],
            options={**gallery, "quick": level <= 3},
        )
        for level in range(1, 7)
    ]
    right = ("right", width, "dot")
    toc = {"priority": 39}
    return [
        # The cover's title and subtitle, on its band: exact leading, as the PDF sets them,
        # so the block's height (and the spacer above it) is known before Word lays it out.
        Word(
            "Title",
            "cover_title",
            [el("w:keepNext")],
            line=st.role("cover_title").leading,
            exact=True,
            tighten=False,
            options={"next_style": "Subtitle", "priority": 10, "quick": True},
        ),
        Word(
            "Subtitle",
            "cover_subtitle",
            [el("w:keepNext")],
            line=st.role("cover_subtitle").leading,
            exact=True,
            tighten=False,
            options={"priority": 11, "quick": True},
        ),
        *headings,
        _section_title(),
        Word(
            "TOC Heading",
            None,
            [val("w:outlineLvl", 9)],
            gap=(0, st.role("toc_title").after),
            line=st.role("h1").leading,
            exact=True,
            tighten=False,
            options={"based_on": "Heading 1", **toc},
        ),
        # As in the PDF: a section's entry has no dot leader, a heading's has.
        Word("TOC 1", "toc1", [el("w:keepNext"), tabs(("right", width, ""))], tighten=False, options=toc),
        Word(
            "TOC 2",
            "toc2",
            [tabs(right), el("w:ind", {"left": twips(st.role("toc2").indent)})],
            tighten=False,
            options=toc,
        ),
        Word("Section Kicker", "kicker", [el("w:keepNext")], tighten=False),
        _section_rule(st, width),
    ]


def _section_rule(st: Styler, width: int) -> Word:
    """Under a section's title, as in the PDF: a short accent rule (a paragraph's top
    border), its space after less what the border adds to the paragraph's height."""
    rules, block = st.design.rules, st.design.block
    return Word(
        "Section Rule",
        None,
        [
            el("w:keepNext"),
            el("w:pBdr", None, border("top", st.p.accent, rules.section)),
            el("w:ind", {"right": rest(width, block.section_rule_length)}),
        ],
        gap=(0, rules.section_after - border_excess(rules.section, block.accent_paragraph)),
        line=block.accent_paragraph,
        exact=True,
        tighten=False,
        rpr=run_props(size=2),
    )


def _section_title() -> Word:
    """A profile's title: the PDF's h1 look, at level 2 under its chapter in the contents."""
    keep = [el("w:keepNext"), el("w:keepLines"), val("w:outlineLvl", 1)]
    return Word("Section Title", "h1", keep, options={"based_on": "Heading 2", "priority": 9, "next_style": "Normal"})


def _box_styles(st: Styler, width: int) -> list[Word]:
    """Tables, fact boxes, figures and call-outs: cells space their text as Word pads cells."""
    b = st.b
    cell = (st.design.table.cell_text * b, st.design.table.cell_text * b)
    table_text = {"based_on": "Table Text"}
    return [
        Word("Table Text", "cell", gap=cell, tighten=False),
        Word("Table Heading", "cell_head", [el("w:keepNext")], gap=cell, tighten=False, options=table_text),
        Word("Fact Label", "fact_label", gap=cell, tighten=False, options=table_text),
        Word("Fact Value", "fact_value", gap=cell, tighten=False, options=table_text),
        Word("Figure Value", "figure_value", [el("w:keepNext")], gap=(0.1 * b, 0), tighten=False, options=table_text),
        Word("Figure Label", "caption", gap=(0.1 * b, 0.1 * b), tighten=False, options=table_text),
        # After every table: Word merges tables that touch, and boxes need air below.
        # After every table and figure: Word merges tables that touch, and each block has the
        # PDF's space after it, a height of its own that no spacing before or after collapses.
        Word("Table Spacer", None, gap=(0, 0), line=st.design.box.after * b * st.k, exact=True, rpr=run_props(size=2)),
        spacer("Grid Spacer", st.design.table.after * b * st.k),
        spacer("Figures Spacer", st.design.table.figures_after * b * st.k),
        spacer("Figure Spacer", st.design.block.figure_after * st.k),
        Word("Box Title", "box_title", [el("w:keepNext")]),
        Word("Box Heading", "h2", [el("w:keepNext"), el("w:keepLines")]),
        Word("Box Text", "box_body"),
        Word("Bottom Line Title", "bottom_title", [el("w:keepNext")]),
        Word("Bottom Line Text", "bottom_body"),
    ]


def _furniture_styles(st: Styler, width: int) -> list[Word]:
    """Running heads and feet, and the client's marking, at the design's furniture size
    (which the summary's scale may shrink, never grow)."""
    p = st.p
    size = st.design.furniture_size * min(1.0, st.b / st.design.base_size)
    line = 1.2 / p.head_em
    gap = st.design.block.border_gap_head
    head_rule = el("w:pBdr", None, border("bottom", p.line, st.design.rules.hairline, space=gap))

    def furniture(name: str, ppr: list[_Element | None]) -> Word:  # fresh elements per style: lxml moves them
        rpr = run_props(p.head_font, size, p.muted)
        return Word(name, None, ppr, gap=(0.0, 0.0), line=line, rpr=rpr, options={"priority": 99})

    return [
        furniture("Header", [tabs(("right", width, "")), head_rule]),
        furniture("Footer", [tabs(("right", width, ""))]),
        Word(
            "Marking",
            None,
            [val("w:jc", "center")],
            gap=(0, 0.3 * st.b),
            line=line,
            tighten=False,
            rpr=run_props(p.head_font, size, p.marking, bold=True),
        ),
        Word(
            "Marking On Band",
            None,
            [val("w:jc", "center")],
            gap=(0, 0.3 * st.b),
            line=line,
            tighten=False,
            rpr=run_props(p.head_font, size, p.marking_on_band, bold=True),
            options={"based_on": "Marking"},
        ),
    ]


def _cover_styles(st: Styler, width: int) -> list[Word]:
    page = st.design.page

    def right() -> list[_Element | None]:
        return [val("w:jc", "right")]

    def cover(name: str, role: str, line: float | None = None, ppr: list[_Element | None] | None = None) -> Word:
        """The PDF's cover and band roles, in points, with exact leading."""
        s = st.role(role)
        after = page.cover_details_gap * MM if role in ("cover_info", "cover_client") else s.after
        return Word(name, role, ppr or [], gap=(s.before, after), line=line or s.leading, exact=True, tighten=False)

    # The summary band's label and date: their baselines `summary_label_rise` and
    # `summary_date_rise` above the band's foot, as in the PDF.
    rise = (page.summary_label_rise - page.summary_date_rise) * MM
    return [
        Word("Cover Logo", None, gap=(0, 0)),
        Word("Cover Spacer", None, gap=(0, 0), line=1, exact=True, tighten=False),  # each sets its height
        cover("Cover Series", "cover_kicker"),
        cover("Cover Client", "cover_client"),
        cover("Cover Meta", "cover_info"),
        cover("Cover Small", "cover_small"),
        Word("Band Title", "band_title", right(), tighten=False, options={"based_on": "Title"}),
        cover("Band Label", "summary_label", ppr=right()),
        cover("Band Meta", "summary_date", rise, right()),
    ]
