"""The machinery of Word styles: the theme's palette, style ids, and (re)defining a style.

Every look in the document is a named style (Normal, Heading 1–6, List Bullet, Caption,
TOC 1…), so a client can restyle the whole file in Word and "Update field" keeps the
TOC consistent; runs carry only character styles. Built-in styles are rebuilt in place
(keeping Word's ids, names and list links); `parastyles` holds the table of looks.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docx.oxml.ns import qn
from lxml.etree import _Element

from briefgen.design import contrast
from briefgen.design.system import Design, body_margins_mm, design_of
from briefgen.design.theme import Theme
from briefgen.fonts.fontfile import advances, family_name, natural_leading
from briefgen.writers.docx.package.ooxml import el, fonts, half_points, hexcolor, mm_twips, ordered, twips, val
from briefgen.writers.docx.text import plain

# Word's internal names for built-in styles differ in case from what its UI shows.
_BUILTIN_NAMES = {
    **{f"Heading {n}": f"heading {n}" for n in range(1, 10)},
    **{f"TOC {n}": f"toc {n}" for n in range(1, 10)},
    "Caption": "caption",
    "Header": "header",
    "Footer": "footer",
    "Footnote Reference": "footnote reference",
    "Footnote Text": "footnote text",
}

# Styles Word itself defines (the rest are marked customStyle).
WORD_BUILTINS = {
    *_BUILTIN_NAMES,
    *(f"List {k} {n}".rstrip() for k in ("Bullet", "Number", "Continue") for n in ("", "2", "3")),
    *["Normal", "Title", "Subtitle", "Quote", "Hyperlink", "Strong", "Emphasis"],
    "TOC Heading",
    "Table Grid",
}

# Paragraph styles whose text is bold: the Strong character style would toggle it off.
BOLD_STYLES = {
    *(f"Heading {n}" for n in range(1, 7)),
    "Section Title",
    "Title",
    "TOC 1",
    "Table Heading",
    "Fact Label",
    "Box Title",
    "Bottom Line Title",
    "Band Title",
    "Band Label",
    "Figure Value",
    "Marking",
}


_ODD_IDS = {"Normal Table": "TableNormal"}  # Word's id is not its name without spaces


def style_id(name: str) -> str:
    """The styleId Word itself uses for `name` ("List Bullet 2" -> "ListBullet2")."""
    return _ODD_IDS.get(name, name.replace(" ", ""))


@dataclass(frozen=True)
class Palette:
    """The design's colours in Word's form (RRGGBB), and the brand's font families."""

    design: Design
    primary: str
    accent: str
    text: str
    muted: str
    panel: str
    line: str  # the design's hairline rule colour
    band: str
    band_edge: str
    on_band: str
    band_label: str
    marking: str
    marking_on_band: str
    watermark: str
    zebra: str
    link: str
    cross_ref: str
    body_font: str
    head_font: str
    body_em: float  # the fonts' "single" line height in ems (see fonts.natural_leading)
    head_em: float
    mono_font: str  # the code font, as in the PDF: the brand's `mono`, else its regular face
    mono_advance: float  # ems: every character of the monospaced code font
    mono_em: float  # the code font's single line in ems
    symbol_font: str  # the fallback for characters the text fonts lack ("" when the brand names none)


@lru_cache(maxsize=8)
def palette(theme: Theme) -> Palette:
    design = design_of(theme)
    c = design.colors
    return Palette(
        design=design,
        primary=hexcolor(c.primary),
        accent=hexcolor(c.accent),
        text=hexcolor(c.text),
        muted=hexcolor(c.muted),
        panel=hexcolor(c.panel),
        line=hexcolor(c.rule),
        band=hexcolor(c.band),
        band_edge=hexcolor(c.band_edge),
        on_band=hexcolor(c.on_band),
        band_label=hexcolor(c.band_label),
        marking=hexcolor(c.marking),
        marking_on_band=hexcolor(c.marking_on_band),
        watermark=hexcolor(c.watermark_on_paper),
        zebra=hexcolor(c.zebra),
        link=hexcolor(c.link),
        cross_ref=hexcolor(c.cross_ref),
        body_font=plain(family_name(theme.fonts.regular)),
        head_font=plain(family_name(theme.heading_fonts.regular)),
        body_em=natural_leading(theme.fonts.regular),
        head_em=natural_leading(theme.heading_fonts.regular),
        mono_font=plain(family_name(mono_path(theme))),
        mono_advance=_advance(mono_path(theme)),
        mono_em=natural_leading(mono_path(theme)),
        symbol_font=plain(family_name(theme.symbols)) if theme.symbols else "",
    )


def mono_path(theme: Theme) -> Path:
    """The code font's file: the brand's `mono`, else its regular face (as the PDF sets code)."""
    return theme.mono or theme.fonts.regular


def _advance(path: Path) -> float:
    """A monospaced font's advance in ems (its digit zero's: every character's)."""
    units, widths = advances(path)
    return widths.get(ord("0"), units * 0.6) / units if units else 0.6


def mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0..1) of the way towards `other`, as RRGGBB (Word's form)."""
    return contrast.mix(hexcolor(color), hexcolor(other), amount).lstrip("#")


def run_props(
    font: str | None = None,
    size: float | None = None,
    color: str | None = None,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    small_caps: bool = False,
    tracking: float = 0,
    extra: tuple[_Element, ...] = (),
) -> _Element:
    """A style's `w:rPr`; `size` in points (already scaled), `tracking` in points."""
    kids: list[_Element | None] = [fonts(font) if font else None]
    if bold:
        kids += [el("w:b"), el("w:bCs")]
    if italic:
        kids += [el("w:i"), el("w:iCs")]
    if caps:
        kids.append(el("w:caps"))
    if small_caps:
        kids.append(el("w:smallCaps"))
    if color:
        kids.append(val("w:color", color))
    if tracking:
        kids.append(val("w:spacing", twips(tracking)))
    if size:
        kids += [val("w:sz", half_points(size)), val("w:szCs", half_points(size))]
    return ordered("w:rPr", [*kids, *extra])


def define(
    styles: _Element,
    name: str,
    kind: str = "paragraph",
    *,
    based_on: str | None = "Normal",
    next_style: str | None = None,
    ppr: list[_Element | None] | None = None,
    rpr: _Element | None = None,
    extra: list[_Element] | None = None,
    priority: int = 30,
    quick: bool = False,
) -> _Element:
    """Create or rebuild the style `name`; built-ins keep their id, name and link.

    `quick` puts the style in Word's Styles gallery (only the ones authors reach for).
    """
    sid = style_id(name)
    node = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{sid}']")
    link = None
    if node is None:
        node = el("w:style", {"type": kind, "styleId": sid})
        if name not in WORD_BUILTINS:
            node.set(qn("w:customStyle"), "1")
        styles.append(node)
    else:
        link = node.find(qn("w:link"))
        # List styles carry their numbering link; restyling must not cut it.
        num_pr = node.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
            ppr = [*(ppr or []), num_pr]
    for child in list(node):
        node.remove(child)
    kids: list[_Element | None] = [val("w:name", _BUILTIN_NAMES.get(name, name))]
    if based_on and name != "Normal":
        kids.append(val("w:basedOn", style_id(based_on)))
    if next_style:
        kids.append(val("w:next", style_id(next_style)))
    kids += [link, val("w:uiPriority", priority), el("w:qFormat") if quick else None]
    if ppr:
        kids.append(ordered("w:pPr", ppr))
    kids += [rpr, *(extra or [])]
    for kid in ordered("w:style", kids):
        node.append(kid)
    if link is not None:
        _sync_linked(styles, link.get(qn("w:val")), rpr)
    return node


def _sync_linked(styles: _Element, char_id: str, rpr: _Element | None) -> None:
    """Give a paragraph style's linked "… Char" style the same run look."""
    char = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{char_id}']")
    if char is None:
        return
    for old in char.findall(qn("w:rPr")):
        char.remove(old)
    if rpr is not None:
        char.append(deepcopy(rpr))


def text_width_twips(theme: Theme, *, measured: bool = False) -> int:
    """The width between the margins, in twips; `measured`: of body pages (the design's measure)."""
    width, _ = theme.page_mm
    _top, right, _bottom, left = body_margins_mm(theme) if measured else theme.margins_mm
    return mm_twips(width - left - right)


def define_character_styles(styles: _Element, p: Palette) -> None:
    """The character styles: strong, emphasis, links, cross-references, code, note references."""

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
    # As in the PDF: links out of the document stand out; cross-references read quietly, like a printed "see …".
    c("Hyperlink", run_props(color=p.link, extra=(val("w:u", "single"),)), 99)
    c("Cross Reference", run_props(color=p.cross_ref), 99)
    c("Code", run_props(p.mono_font, extra=(el("w:shd", {"val": "clear", "color": "auto", "fill": p.panel}),)))
    c("Footnote Reference", run_props(color=p.accent, extra=(val("w:vertAlign", "superscript"),)), 99)
