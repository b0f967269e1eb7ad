"""Small builders for WordprocessingML elements, in the order the schema demands.

Word refuses a file whose `w:pPr`, `w:rPr`, `w:tblPr`… children are out of schema order
(LibreOffice does not care, so a render is no proof). Everything here builds children
first and then sorts them by the sequence copied from ECMA-376 `wml.xsd`, so callers can
add properties in any order. Units: twips (1/20 pt), half-points, eighths of a point.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml.ns import nsmap, qn
from lxml.etree import _Element

from briefgen.libs import opc_internals as opc

PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]
RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]
TBLPR_ORDER = [
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
]
TCPR_ORDER = [
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
]
STYLE_ORDER = [
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
]
BORDER_ORDER = ["top", "left", "bottom", "right", "insideH", "insideV", "between", "bar"]

ORDERS = {
    "pPr": PPR_ORDER,
    "rPr": RPR_ORDER,
    "tblPr": TBLPR_ORDER,
    "tcPr": TCPR_ORDER,
    "style": STYLE_ORDER,
    "pBdr": BORDER_ORDER,
    "tblBorders": BORDER_ORDER,
    "tcBorders": BORDER_ORDER,
    "tblCellMar": BORDER_ORDER,
    "tcMar": BORDER_ORDER,
}


def el(tag: str, attrs: dict[str, object] | None = None, *children: _Element | None) -> _Element:
    """`el("w:spacing", {"before": 120})`: attribute names without prefix get `w:`."""
    # As `OxmlElement(tag)` makes it, with the tag's and the attributes' names resolved once
    # per name (a document makes thousands of elements from a few dozen names).
    made = _TAGS.get(tag) or _tag(tag)
    node = _MAKE(made[0], nsmap=made[1])
    if attrs:
        for key, value in attrs.items():
            node.set(_KEYS.get(key) or _key(key), str(value))
    for child in children:
        if child is not None:
            node.append(child)
    return node


_MAKE = opc.element_maker()
_TAGS: dict[str, tuple[str, dict[str, str]]] = {}  # "w:p" -> (Clark name, namespace map)
_KEYS: dict[str, str] = {}  # "before" -> the Clark name of "w:before"


def _tag(tag: str) -> tuple[str, dict[str, str]]:
    prefix = tag.split(":")[0]
    made = _TAGS[tag] = (qn(tag), {prefix: nsmap[prefix]})
    return made


def _key(key: str) -> str:
    name = _KEYS[key] = qn(key if ":" in key else f"w:{key}")
    return name


def val(tag: str, value: object) -> _Element:
    """An element whose only attribute is `w:val`."""
    return el(tag, {"val": value})


def local(node: _Element) -> str:
    return node.tag.rsplit("}", 1)[-1]


def ordered(tag: str, children: Iterable[_Element | None]) -> _Element:
    """A `tag` element holding `children` sorted into schema order (unknown names last)."""
    seq = ORDERS[tag.split(":")[-1]]
    rank, last = _rank(seq), len(seq)
    kids = [c for c in children if c is not None]
    kids.sort(key=lambda c: rank.get(local(c), last))
    return el(tag, None, *kids)


def add_ordered(parent: _Element, child: _Element, order: list[str]) -> _Element:
    """Insert (or replace) `child` in `parent` keeping schema order."""
    for old in parent.findall(child.tag):
        parent.remove(old)
    ranks = _rank(order)
    rank = ranks[local(child)]
    for i, existing in enumerate(parent):
        if ranks.get(local(existing), -1) > rank:
            parent.insert(i, child)
            return child
    parent.append(child)
    return child


_RANKS: dict[int, tuple[list[str], dict[str, int]]] = {}


def _rank(order: list[str]) -> dict[str, int]:
    """Each name's place in `order` (its first, as `list.index`), made once per order list."""
    known = _RANKS.get(id(order))
    if known is None or known[0] is not order:  # (the list itself is held, so its id stays its own)
        ranks: dict[str, int] = {}
        for i, name in enumerate(order):
            ranks.setdefault(name, i)
        known = _RANKS[id(order)] = (order, ranks)
    return known[1]


def set_ppr(p: _Element, *props: _Element) -> _Element:
    """Add paragraph properties to the `w:p` element `p`, keeping schema order."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = el("w:pPr")
        p.insert(0, ppr)
    for prop in props:
        add_ordered(ppr, prop, PPR_ORDER)
    return ppr


# ------------------------------------------------------------------ units
def twips(pt: float) -> int:
    return round(pt * 20)


def mm_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def half_points(pt: float) -> int:
    return max(2, round(pt * 2))


def hexcolor(color: str) -> str:
    """'#0f2c4c' -> '0F2C4C' (Word wants six hex digits, no '#')."""
    return color.lstrip("#").upper()


# ------------------------------------------------------------------ common properties
def border(side: str, color: str, size_pt: float = 0.5, space: int = 0, kind: str = "single") -> _Element:
    """One border edge; `size_pt` becomes eighths of a point (Word's unit, 2..96)."""
    size = max(2, min(96, round(size_pt * 8)))
    return el(f"w:{side}", {"val": kind, "sz": size, "space": space, "color": hexcolor(color)})


def no_border(side: str) -> _Element:
    return el(f"w:{side}", {"val": "nil"})


def shading(fill: str) -> _Element:
    return el("w:shd", {"val": "clear", "color": "auto", "fill": hexcolor(fill)})


def fonts(family: str) -> _Element:
    """`w:rFonts` naming `family` for every script, so no theme font can win."""
    return el("w:rFonts", {"ascii": family, "hAnsi": family, "eastAsia": family, "cs": family})


def spacing(
    before: float | None = None, after: float | None = None, line: float | None = None, exact: bool = False
) -> _Element:
    """Paragraph spacing in points; `line` is a multiple (1.2) or, with `exact`, points."""
    attrs: dict[str, object] = {}
    if before is not None:
        attrs["before"] = twips(before)
    if after is not None:
        attrs["after"] = twips(after)
    if line is not None:
        attrs["line"] = twips(line) if exact else round(line * 240)
        attrs["lineRule"] = "exact" if exact else "auto"
    return el("w:spacing", attrs)


def tabs(*stops: tuple[str, int, str]) -> _Element:
    """Tab stops as (alignment, position in twips, leader)."""
    return el(
        "w:tabs", None, *(el("w:tab", {"val": a, "pos": p, **({"leader": ld} if ld else {})}) for a, p, ld in stops)
    )


# ------------------------------------------------------------------ children added since a mark
Mark = tuple[_Element, _Element | None, _Element | None]


def mark(parent: _Element) -> Mark:
    """Where `parent`'s children end now, for `added`: its last child and the one before it.

    (Not a count: lxml counts children by walking them all.)"""
    tail = next(reversed(parent), None)
    return parent, tail, None if tail is None else tail.getprevious()


def added(parent: _Element, since: Mark) -> list[_Element]:
    """The children added at the end of `parent` since the mark `since`, in document order.

    New blocks go just before the body's closing `w:sectPr` (the last child at the mark)
    or after it, so this reads only from the child before that one on: a section's
    blocks are found without comparing the whole body with what it held before each.
    Blocks are never put before the end of the body nor taken out while one is written;
    a mark whose children left the parent is a writer bug, not something to guess around.
    """
    marked, tail, before = since
    if marked is not parent or any(e is not None and e.getparent() is not parent for e in (tail, before)):
        raise RuntimeError(f"the children marked in <{local(parent)}> moved")
    node = before.getnext() if before is not None else next(iter(parent), None)
    new: list[_Element] = []
    while node is not None:
        if node is not tail:
            new.append(node)
        node = node.getnext()
    return new
