"""The tagged PDF's page side: marked content in the page streams, and the structure tree written out.

reportlab has no tagging API. Each flowable the model side (`tagmodel.py`) gave a
structure element (`pdf_tag`) is bracketed, as it is drawn, in `/P <</MCID n>> BDC … EMC`
(through `rl_hooks.hook_flowable_drawing`); whatever a page draws outside them
(running heads, footers, page numbers, rules, bands, bullets, the watermark) is
bracketed as an `/Artifact` when the page is written. Links made inside a tagged
flowable become `Link` elements holding their annotation (`OBJR`). At save, the elements
become reportlab PDF objects: `StructTreeRoot`, `StructElem`s with their marked-content
ids, and the `ParentTree` from pages and annotations back to them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFName, PDFString

from briefgen.libs import rl_internals as rl
from briefgen.writers.pdf.pdfobjects import Array, Dict

ARTIFACT = "Artifact"
# Operators that leave marks: text shown, paths painted, XObjects, shadings, inline images.
_PAINTS = re.compile(r"(?:^|\s)(?:Tj|TJ|'|\"|S|s|f\*?|F|B\*?|b\*?|Do|sh|BI)(?=\s|$)", re.M)


@dataclass(frozen=True)
class Marked:
    """A marked-content sequence: page index (0-based) and its MCID there."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annot:
    """An annotation (its reportlab reference) on page index `page`."""

    page: int
    ref: Any


@dataclass(eq=False)
class Elem:
    """One structure element; `kids` in reading order."""

    kind: str
    parent: Elem | None = None
    kids: list[Elem | Marked | Annot] = field(default_factory=list)
    alt: str = ""
    scope: str = ""  # TH: Column or Row
    ident: str = ""  # Note: its unique /ID

    def add(self, kind: str, **attrs: str) -> Elem:
        child = Elem(kind, self, **attrs)
        self.kids.append(child)
        return child

    def has_content(self) -> bool:
        return any(not isinstance(k, Elem) or k.has_content() for k in self.kids)

    def __deepcopy__(self, memo: dict[int, Any]) -> Elem:
        # reportlab deep-copies some flowables as it splits them (a box's cell split in
        # its row): the copy still draws its element's content, into the one tree.
        return self


class Tagger:
    """The structure tree of one document, and the marked content of its pages as they are drawn."""

    def __init__(self) -> None:
        self.root = Elem("Document")
        self.depth = 0  # > 0 while a tagged flowable draws: what it draws is its own
        self.spans: dict[int, list[tuple[int, int]]] = {}  # page number -> tagged [start, end) of its operators
        self.mcids: dict[int, int] = {}  # page number -> next MCID
        self.drawn: dict[int, Any] = {}  # id -> flowable drawn (held, so ids stay unique)
        self.last: Elem | None = None  # the element whose content was drawn last

    # -------------------------------------------------------------- drawing
    def draw(self, flowable: Any, canvas: Any, draw: Callable[[], None]) -> None:
        """Draw `flowable` inside marked content for its element (its repeat, a table's
        header row on the next page, as an artifact)."""
        elem: Elem | str = flowable.pdf_tag
        if self.depth:
            draw()
            return
        code, page = rl.page_operators(canvas), canvas.getPageNumber()
        start, annots = len(code), len(rl.annotation_refs(canvas))
        repeat = id(flowable) in self.drawn
        if elem == ARTIFACT or repeat or not isinstance(elem, Elem):
            code.append("/Artifact BMC")
        else:
            mcid = self.mcids.get(page, 0)
            self.mcids[page] = mcid + 1
            elem.kids.append(Marked(page - 1, mcid))
            self.last = elem
            code.append(f"/{elem.kind} <</MCID {mcid}>> BDC")
        self.drawn[id(flowable)] = flowable
        self.depth += 1
        try:
            draw()
        finally:
            self.depth -= 1
        code.append("EMC")
        self.spans.setdefault(page, []).append((start, len(code)))
        if isinstance(elem, Elem) and not repeat:
            for ref in rl.annotation_refs(canvas)[annots:]:
                elem.add("Link").kids.append(Annot(page - 1, ref))

    def block_begun(self, elem: Elem | str) -> bool:
        """Whether the block `elem` belongs to (its ancestor in a section) has drawn content."""
        if not isinstance(elem, Elem):
            return False
        block = _block(elem)
        return block.parent is not None and block.has_content()

    def place_after_drawn(self, elems: list[Elem]) -> None:
        """Move `elems` (a float's, about to be drawn) to follow the block drawn last, so
        that the structure reads in the order the pages show it (`floats.py`)."""
        block = _block(self.last) if self.last is not None else None
        if block is None or block.parent is None or block in elems:
            return
        for elem in elems:
            if elem.parent is not None:
                elem.parent.kids.remove(elem)
        parent = block.parent
        at = parent.kids.index(block) + 1
        parent.kids[at:at] = elems
        for elem in elems:
            elem.parent = parent

    def end_page(self, canvas: Any) -> None:
        """Bracket what the page drew outside tagged flowables as artifacts (before it is written)."""
        code = rl.page_operators(canvas)
        out: list[str] = []
        at = 0
        for start, end in [*self.spans.pop(canvas.getPageNumber(), []), (len(code), len(code))]:
            if start > at:
                segment = code[at:start]
                # state alone (q, Q, cm, colours) paints nothing: no bracket needed
                out += ["/Artifact BMC", *segment, "EMC"] if _PAINTS.search("\n".join(segment)) else segment
            out += code[start:end]
            at = end
        code[:] = out

    # -------------------------------------------------------------- writing
    def write(self, canvas: Any) -> None:
        """The structure tree as PDF objects, with the pages' and annotations' keys to it."""
        pages = rl.document_pages(canvas)
        page_refs = [rl.reference(canvas, p) for p in pages]
        parents: dict[int, dict[int, Any]] = {}  # page index -> mcid -> element reference
        annots: list[tuple[Annot, Any]] = []
        root = Dict({"Type": PDFName("StructTreeRoot")})
        root_ref = rl.reference(canvas, root)

        filled: dict[Elem, bool] = {}  # whether an element has content: asked once each

        def has_content(elem: Elem) -> bool:
            found = filled.get(elem)
            if found is None:
                found = filled[elem] = any(not isinstance(k, Elem) or has_content(k) for k in elem.kids)
            return found

        def emit(elem: Elem, parent_ref: Any) -> Any:
            _fold(elem, has_content)
            # /Type is optional: left out, as every byte here is paid once per element
            obj = Dict({"S": PDFName(elem.kind), "P": parent_ref})
            ref = rl.reference(canvas, obj)
            kids: list[Any] = []
            first = next((k.page for k in _marked(elem)), None)
            if first is not None:
                obj["Pg"] = page_refs[first]
            for kid in elem.kids:
                if isinstance(kid, Elem):
                    if has_content(kid):
                        kids.append(emit(kid, ref))
                elif isinstance(kid, Marked):
                    parents.setdefault(kid.page, {})[kid.mcid] = ref
                    same = kid.page == first
                    kids.append(kid.mcid if same else _mcr(kid, page_refs))
                else:
                    annots.append((kid, ref))
                    objr = {"Type": PDFName("OBJR"), "Obj": kid.ref, "Pg": page_refs[kid.page]}
                    kids.append(Dict(objr))
            obj["K"] = kids[0] if len(kids) == 1 else Array(kids)
            _attributes(obj, elem)
            return ref

        top = emit(self.root, root_ref)
        nums: list[Any] = []
        for index, page in enumerate(pages):
            rl.allow_keys(page, "StructParents", "Tabs")
            page.Tabs = PDFName("S")
            if index in parents:
                page.StructParents = index
                marks = parents[index]
                nums += [index, Array([marks[i] for i in range(len(marks))])]
        for n, (annot, ref) in enumerate(annots, len(pages)):
            rl.set_annotation_entry(canvas, annot.ref, "StructParent", n)
            if not _text(rl.annotation_entry(canvas, annot.ref, "Contents")):
                rl.set_annotation_entry(canvas, annot.ref, "Contents", _describe(canvas, annot))
            nums += [n, ref]
        root["K"] = Array([top])
        root["ParentTree"] = rl.reference(canvas, Dict({"Nums": Array(nums)}))
        root["ParentTreeNextKey"] = len(pages) + len(annots)
        canvas.setCatalogEntry("StructTreeRoot", root_ref)


def _fold(elem: Elem, has_content: Callable[[Elem], bool]) -> None:
    """A list item's body that is one paragraph holds that paragraph's content itself:
    one element fewer per item, read the same (and as full or empty as before)."""
    kids = [k for k in elem.kids if not isinstance(k, Elem) or has_content(k)]
    if elem.kind == "LBody" and len(kids) == 1 and isinstance(kids[0], Elem) and kids[0].kind == "P":
        elem.kids[:] = kids[0].kids
        for kid in elem.kids:
            if isinstance(kid, Elem):
                kid.parent = elem


def _marked(elem: Elem) -> list[Marked]:
    return [k for k in elem.kids if isinstance(k, Marked)]


def _mcr(kid: Marked, page_refs: list[Any]) -> Dict:
    return Dict({"Type": PDFName("MCR"), "Pg": page_refs[kid.page], "MCID": kid.mcid})


def _attributes(obj: Dict, elem: Elem) -> None:
    if elem.alt:
        obj["Alt"] = PDFString(elem.alt)
    if elem.scope:
        obj["A"] = Dict({"O": PDFName("Table"), "Scope": PDFName(elem.scope)})
    if elem.ident:
        obj["ID"] = PDFString(elem.ident)


def _text(value: Any) -> str:
    return str(getattr(value, "s", value) or "").strip()


def _describe(canvas: Any, annot: Annot) -> Any:
    """A link's description (PDF/UA wants one on every link): its web address, or where inside the document it goes."""
    action = rl.annotation_entry(canvas, annot.ref, "A")
    uri = _text(action.dict.get("URI")) if action is not None else ""
    if uri:
        return PDFString(f"Link to {uri}")
    if rl.annotation_entry(canvas, annot.ref, "Destination") is not None:  # a LinkAnnotation: a plain string
        return "Link to another part of this document"
    return PDFString("Link")


def _block(elem: Elem) -> Elem:
    """`elem`'s ancestor (or itself) that is a block of a section (or of the document)."""
    while elem.parent is not None and elem.parent.kind not in ("Sect", "Document"):
        elem = elem.parent
    return elem
