"""The style table: what every paragraph, character and table style looks like.

Sizes are relative to the body size `b` (already multiplied by the build's scale) so the
one-page summary shrinks every style together; `compact` shortens vertical spacing.
"""

from __future__ import annotations

from lxml.etree import _Element

from .ooxml import border, el, spacing, tabs, val
from .styles import MONO, Palette, define, run_props
from .tablestyles import define_table_styles

LIST_INDENT = 400  # twips per list level
LIST_HANG = 280  # twips between the bullet and the text


def define_all(styles: _Element, p: Palette, b: float, width: int, compact: bool) -> None:
    """Define every style the writer uses. `width` is the text width in twips."""
    k = 0.55 if compact else 1.0  # vertical rhythm
    body, head = p.body_font, p.head_font

    def d(name: str, ppr: list, rpr: _Element | None, **kw) -> None:
        define(styles, name, ppr=ppr, rpr=rpr, **kw)

    d("Normal", [el("w:widowControl"), spacing(after=0.6 * b * k, line=1.22 if not compact else 1.12)],
      run_props(body, b, p.text), based_on=None, priority=0, quick=True)
    d("Lead", [spacing(after=0.9 * b * k, line=1.25)], run_props(body, b * 1.2, p.primary), quick=True)
    d("Small", [spacing(after=0.4 * b * k)], run_props(body, b * 0.86, p.muted), quick=True)
    d("Title", [el("w:keepNext"), spacing(before=0, after=0.5 * b, line=1.05), el("w:contextualSpacing")],
      run_props(head, b * 2.7, p.primary, bold=True), next_style="Subtitle", priority=10, quick=True)
    d("Subtitle", [el("w:keepNext"), spacing(before=0, after=1.0 * b * k, line=1.15)],
      run_props(head, b * 1.3, p.muted), priority=11, quick=True)

    heads = [  # size factor, colour, space before, space after
        (1.9, p.primary, 2.0, 0.7),
        (1.35, p.primary, 1.5, 0.45),
        (1.1, p.text, 1.2, 0.3),
        (1.0, p.text, 1.0, 0.25),
    ]
    for level in range(1, 7):
        size, color, before, after = heads[min(level, 4) - 1]
        bdr = [el("w:pBdr", None, border("bottom", p.line, 0.5, space=4))] if level == 1 and not compact else []
        d(f"Heading {level}",
          [el("w:keepNext"), el("w:keepLines"), *bdr, spacing(before=before * b * k, after=after * b * k, line=1.1),
           val("w:outlineLvl", level - 1)],
          run_props(head, b * size, color, bold=True, italic=level >= 4), next_style="Normal", priority=9, quick=level <= 3)
    d("TOC Heading", [val("w:outlineLvl", 9), spacing(before=0, after=1.2 * b)], None, based_on="Heading 1", priority=39)

    right = (("right", width, "dot"),)
    d("TOC 1", [el("w:keepNext"), tabs(*right), spacing(before=0.8 * b, after=0.2 * b)],
      run_props(head, b, p.primary, bold=True), priority=39)
    d("TOC 2", [tabs(*right), spacing(before=0, after=0.2 * b), el("w:ind", {"left": 360})],
      run_props(body, b * 0.95, p.text), priority=39)

    for n, suffix in enumerate(("", " 2", " 3"), start=1):
        ind = el("w:ind", {"left": LIST_INDENT * n, "hanging": LIST_HANG})
        gap = spacing(after=0.3 * b * k)
        d(f"List Bullet{suffix}", [ind, gap], None, priority=36, quick=n == 1)
        d(f"List Number{suffix}", [ind, gap], None, priority=36, quick=n == 1)
        d(f"List Continue{suffix}", [el("w:ind", {"left": LIST_INDENT * n}), gap], None, priority=36)

    d("Quote", [el("w:pBdr", None, border("left", p.accent, 2.25, space=10)), spacing(before=0.3 * b * k, after=0.8 * b * k),
                el("w:ind", {"left": 340, "right": 567})],
      run_props(body, b * 1.05, p.text, italic=True), priority=29, quick=True)
    d("Caption", [spacing(before=0.3 * b * k, after=1.1 * b * k, line=1.1)], run_props(head, b * 0.8, p.muted), priority=35, quick=True)
    d("Figure", [el("w:keepNext"), spacing(before=0.6 * b * k, after=0.2 * b * k, line=1.0), val("w:jc", "center")], None)
    d("Code Block", [el("w:shd", {"val": "clear", "color": "auto", "fill": p.panel}), spacing(before=0.4 * b * k, after=0.8 * b * k, line=1.05),
                     el("w:ind", {"left": 113, "right": 113})],
      run_props(MONO, b * 0.82, p.text))
    d("Horizontal Rule", [el("w:pBdr", None, border("bottom", p.line, 0.75, space=1)), spacing(before=0.2 * b * k, after=1.0 * b * k, line=4, exact=True)],
      run_props(size=2))

    # Notes close a section: a short rule, then small numbered paragraphs.
    d("Notes Rule", [el("w:keepNext"), el("w:pBdr", None, border("top", p.muted, 0.5, space=1)), spacing(before=1.0 * b * k, after=0, line=4, exact=True),
                     el("w:ind", {"right": int(width * 0.7)})], run_props(size=2))
    d("Notes", [spacing(after=0.25 * b * k, line=1.1), el("w:ind", {"left": 280, "hanging": 280}), tabs(("left", 280, ""))],
      run_props(body, b * 0.8, p.text))

    # Tables, fact boxes and call-outs.
    cell = [spacing(before=0.12 * b, after=0.12 * b, line=1.1)]
    d("Table Text", cell, run_props(head, b * 0.84, p.text))
    d("Table Heading", [el("w:keepNext"), *cell], run_props(head, b * 0.84, p.primary, bold=True), based_on="Table Text")
    d("Fact Label", cell, run_props(head, b * 0.82, p.primary, bold=True), based_on="Table Text")
    d("Fact Value", cell, run_props(head, b * 0.86, p.text), based_on="Table Text")
    d("Box Title", [el("w:keepNext"), spacing(before=0, after=0.35 * b * k, line=1.1)], run_props(head, b * 1.0, p.primary, bold=True))
    d("Box Text", [spacing(after=0.4 * b * k, line=1.2)], run_props(body, b * 0.95, p.text))
    d("Bottom Line Title", [el("w:keepNext"), spacing(before=0, after=0.35 * b * k, line=1.1)],
      run_props(head, b * 0.9, p.accent, bold=True, caps=True, tracking=0.6))
    d("Bottom Line Text", [spacing(after=0.4 * b * k, line=1.25)], run_props(body, b * 1.08, p.text))

    # Running heads, feet and the client's marking.
    # One right tab only: left text, tab, right text; a centre stop would catch the tab.
    hf = [tabs(("right", width, "")), spacing(before=0, after=0, line=1.0)]
    d("Header", [*hf, el("w:pBdr", None, border("bottom", p.line, 0.5, space=4))], run_props(head, b * 0.76, p.muted), priority=99)
    d("Footer", hf, run_props(head, b * 0.76, p.muted), priority=99)
    d("Marking", [spacing(before=0, after=0.3 * b, line=1.0), val("w:jc", "center")],
      run_props(head, b * 0.8, p.accent, bold=True, small_caps=True, tracking=0.8))

    # Cover and summary band: light text on the primary colour.
    d("Cover Logo", [spacing(before=0, after=0, line=1.0)], None)
    d("Cover Spacer", [spacing(before=0, after=0, line=b * 9, exact=True)], None)
    d("Cover Rule", [el("w:pBdr", None, border("top", p.accent, 6.0)), spacing(before=1.4 * b, after=1.2 * b, line=2, exact=True),
                     el("w:ind", {"right": int(width * 0.82)})], run_props(size=2))
    d("Cover Series", [spacing(before=0, after=0.8 * b)], run_props(head, b * 0.9, p.panel, bold=True, caps=True, tracking=1.5))
    d("Cover Title", [el("w:keepNext"), spacing(before=0, after=0.7 * b, line=1.05)], run_props(head, b * 2.9, "FFFFFF", bold=True), based_on="Title")
    d("Cover Subtitle", [spacing(before=0, after=0, line=1.2)], run_props(head, b * 1.3, p.panel), based_on="Subtitle")
    d("Cover Meta", [spacing(before=0, after=0.25 * b, line=1.1)], run_props(head, b * 1.05, p.text))
    d("Cover Label", [spacing(before=0, after=0.25 * b, line=1.1)], run_props(head, b * 0.8, p.accent, bold=True, caps=True, tracking=1.0))
    d("Band Title", [spacing(before=0, after=0.2 * b, line=1.05)], run_props(head, b * 1.9, "FFFFFF", bold=True), based_on="Title")
    d("Band Meta", [spacing(before=0, after=0, line=1.1)], run_props(head, b * 0.9, p.panel))

    _character_styles(styles, p, b)
    define_table_styles(styles, p, b)


def _character_styles(styles: _Element, p: Palette, b: float) -> None:
    def c(name: str, rpr: _Element, priority: int = 20) -> None:
        define(styles, name, "character", based_on="Default Paragraph Font", rpr=rpr, priority=priority, quick=name in ("Strong", "Emphasis"))

    c("Strong", run_props(bold=True), 22)
    c("Emphasis", run_props(italic=True), 20)
    c("Strikethrough", run_props(extra=(el("w:strike"),)))
    c("Hyperlink", run_props(color=p.primary, extra=(val("w:u", "single"),)), 99)
    c("Code", run_props(MONO, extra=(el("w:shd", {"val": "clear", "color": "auto", "fill": p.panel}),)))
    c("Footnote Reference", run_props(color=p.accent, extra=(val("w:vertAlign", "superscript"),)), 99)
