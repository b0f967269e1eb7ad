"""List numbering: the look of bullets and numbers, and a fresh start for each ordered list.

python-docx's default template links each list style to its own single-level abstract
numbering (List Bullet -> numId 1, List Number -> numId 5, List Number 2 -> numId 6 …).
We restyle those definitions in place, found through the style's own `w:numPr`, and
give every ordered list a new `w:num` with a `w:startOverride`: paragraphs that share a
num continue one sequence, so without this the second list would go on counting.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree
from lxml.etree import _Element

from briefgen.writers.docx.package.ooxml import el, fonts, half_points, ordered, set_ppr, val
from briefgen.writers.docx.styles.parastyles import list_step
from briefgen.writers.docx.styles.styles import Palette, style_id

BULLETS = ("•", "–", "◦")  # level 1, 2, 3


def list_style(ordered_list: bool, depth: int) -> str:
    """The paragraph style for a list paragraph at nesting `depth` (1-based)."""
    suffix = "" if depth <= 1 else f" {min(depth, 3)}"
    return f"List {'Number' if ordered_list else 'Bullet'}{suffix}"


# The first child with a given id, found by libxml2 (`find` with a predicate walks the
# children in Python: every list of a long report looked up its style that way).
_W_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_STYLE = etree.XPath("w:style[@w:styleId=$id][1]/w:pPr/w:numPr/w:numId/@w:val", namespaces=_W_NS)
_NUM = etree.XPath("w:num[@w:numId=$id][1]/w:abstractNumId/@w:val", namespaces=_W_NS)
_ABSTRACT = etree.XPath("w:abstractNum[@w:abstractNumId=$id][1]", namespaces=_W_NS)


def _style_num_id(document: DocxDocument, style: str) -> str | None:
    found = _STYLE(document.styles.element, id=style_id(style))
    return str(found[0]) if found else None


def _abstract_for(numbering: _Element, num_id: str) -> _Element | None:
    abstract_id = _NUM(numbering, id=num_id)
    if not abstract_id:
        return None
    found = _ABSTRACT(numbering, id=str(abstract_id[0]))
    return found[0] if found else None  # type: ignore[no-any-return]


# Word numbers lists at levels 0-8; a list nested deeper keeps the last level's look.
MAX_LEVEL = 8


def install(document: DocxDocument, pal: Palette, size: float) -> None:
    """Restyle the bullets and numbers of the six list styles; `size` is the body size.

    "List Bullet" and "List Number" get all nine levels, so that every list paragraph
    carries its real level (`w:ilvl`) and Word, LibreOffice, pandoc and screen readers
    see the nesting; the level-2 and level-3 styles keep their single level for authors
    who apply them by hand."""
    numbering = document.part.numbering_part.element
    for is_ordered in (False, True):
        for depth in (1, 2, 3):
            style = list_style(is_ordered, depth)
            num_id = _style_num_id(document, style)
            abstract = _abstract_for(numbering, num_id) if num_id else None
            if abstract is None:
                # Only a template without list numbering gets here; the style then still works, unnumbered.
                continue
            for lvl in abstract.findall(qn("w:lvl")):
                abstract.remove(lvl)
            levels = range(MAX_LEVEL + 1) if depth == 1 else (depth - 1,)
            for ilvl in levels:
                abstract.append(_level(ilvl, style if ilvl == depth - 1 else None, is_ordered, pal, size))
            kind = abstract.find(qn("w:multiLevelType"))
            if depth == 1 and kind is not None:
                kind.set(qn("w:val"), "multilevel")
            elif depth > 1:
                abstract[-1].set(qn("w:ilvl"), "0")


def _level(ilvl: int, style: str | None, is_ordered: bool, pal: Palette, size: float) -> _Element:
    """One `w:lvl`: its bullet or number, indent and look; `style` is the paragraph style
    it is linked to (level 0 of a list style only)."""
    step = list_step(is_ordered, size)
    indent = indent_of(ilvl, step)
    ppr = ordered(
        "w:pPr",
        [
            el("w:tabs", None, el("w:tab", {"val": "num", "pos": indent})),
            el("w:ind", {"left": indent, "hanging": step}),
        ],
    )
    if is_ordered:
        text, fmt = f"%{ilvl + 1}.", "decimal"
        rpr = ordered("w:rPr", [fonts(pal.head_font), el("w:b"), el("w:bCs"), val("w:color", pal.accent)])
    else:
        text, fmt = BULLETS[ilvl % len(BULLETS)], "bullet"
        rpr = ordered(
            "w:rPr",
            [
                fonts(pal.head_font),
                val("w:color", pal.accent),
                val("w:sz", half_points(size)),
                val("w:szCs", half_points(size)),
            ],
        )
    kids = [val("w:start", 1), val("w:numFmt", fmt)]
    kids += [val("w:pStyle", style_id(style))] if style else []
    kids += [val("w:lvlText", text), val("w:lvlJc", "left"), ppr, rpr]
    return el("w:lvl", {"ilvl": ilvl}, *kids)


def indent_of(ilvl: int, step: int) -> int:
    """The text indent (twips) of list level `ilvl` in a list of one kind (`step` per level)."""
    return step * (ilvl + 1)


def level_of(depth: int) -> int:
    """The `w:ilvl` of a list paragraph at nesting `depth` (1-based)."""
    return min(depth - 1, MAX_LEVEL)


def bullets(document: DocxDocument) -> int | None:
    """The numId of the bullet lists (one for all: bullets do not count)."""
    num_id = _style_num_id(document, list_style(False, 1))
    return int(num_id) if num_id else None


def restart(document: DocxDocument, start: int, ilvl: int) -> int | None:
    """A new numId for one ordered list at level `ilvl`, counting from `start`."""
    num_id = _style_num_id(document, list_style(True, 1))
    numbering = document.part.numbering_part.element
    abstract = _abstract_for(numbering, num_id) if num_id else None
    if abstract is None:
        return None
    num = numbering.add_num(int(abstract.get(qn("w:abstractNumId"))))
    num.add_lvlOverride(ilvl=ilvl).add_startOverride(start)
    return int(num.get(qn("w:numId")))


def apply(paragraph: _Element, num_id: int, ilvl: int) -> None:
    """Attach the list paragraph `paragraph` (a `w:p`) to the list `num_id` at level `ilvl`."""
    set_ppr(paragraph, el("w:numPr", None, val("w:ilvl", ilvl), val("w:numId", num_id)))
