"""A checker for the machine-checkable PDF/UA-1 (Matterhorn Protocol) and PDF/A-2 conditions.

veraPDF cannot run here, so the tests read the PDF with pikepdf and check what can be
checked without judgement; each problem names its Matterhorn checkpoint (or the PDF/A
clause) so a failure says what a validator would say. `problems(path)` lists them all;
`structure(path)` gives the tree's element types in reading order, and `tagged_text`
the text of each structure element in that order (for the reading-order test).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Dictionary, Name

STANDARD_TYPES = frozenset(
    [
        "Document",
        "Part",
        "Art",
        "Sect",
        "Div",
        "BlockQuote",
        "Caption",
        "TOC",
        "TOCI",
        "Index",
        "NonStruct",
        "Private",
        "P",
        "H",
        "H1",
        "H2",
        "H3",
        "H4",
        "H5",
        "H6",
        "L",
        "LI",
        "Lbl",
        "LBody",
        "Table",
        "TR",
        "TH",
        "TD",
        "THead",
        "TBody",
        "TFoot",
        "Span",
        "Quote",
        "Note",
        "Reference",
        "BibEntry",
        "Code",
        "Link",
        "Annot",
        "Ruby",
        "RB",
        "RT",
        "RP",
        "Warichu",
        "WT",
        "WP",
        "Figure",
        "Formula",
        "Form",
    ]
)
# Operators that put marks on the page: text, paths painted, images, XObjects, shadings.
PAINTING = frozenset(["Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Do", "sh", "BI"])
XMP_UA = "{http://www.aiim.org/pdfua/ns/id/}part"
XMP_A_PART = "{http://www.aiim.org/pdfa/ns/id/}part"
XMP_A_CONF = "{http://www.aiim.org/pdfa/ns/id/}conformance"


@dataclass
class Tree:
    """The structure tree read once: elements in reading order, with each one's page content."""

    types: list[str] = field(default_factory=list)  # element types (role-mapped), depth-first
    depths: list[int] = field(default_factory=list)
    elements: list[Dictionary] = field(default_factory=list)
    mcrs: set[tuple[int, int]] = field(default_factory=set)  # (page objgen number, mcid)
    order: list[tuple[int, int, int]] = field(default_factory=list)  # (element index, page, mcid) in reading order
    objrs: set[tuple[int, int]] = field(default_factory=set)  # annotation objgen
    problems: list[str] = field(default_factory=list)


def _role(elem: Dictionary, role_map: Dictionary | None) -> str:
    kind = str(elem.get("/S", "/?"))[1:]
    seen = {kind}
    while role_map is not None and Name("/" + kind) in role_map:
        kind = str(role_map[Name("/" + kind)])[1:]
        if kind in seen:
            break
        seen.add(kind)
    return kind


def _kids(elem: Dictionary) -> list[Any]:
    kids = elem.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def read_tree(pdf: pikepdf.Pdf) -> Tree | None:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return None
    tree = Tree()
    role_map = root.get("/RoleMap")

    def walk(elem: Any, depth: int, page: Any) -> None:
        if isinstance(elem, int):
            if page is None:
                tree.problems.append("01-???: marked-content id without a page (/Pg)")
            else:
                tree.mcrs.add((page.objgen[0], int(elem)))
                tree.order.append((len(tree.elements) - 1, page.objgen[0], int(elem)))
            return
        if not isinstance(elem, Dictionary):
            return
        kind = elem.get("/Type")
        if kind == Name.MCR:
            pg = elem.get("/Pg", page)
            tree.mcrs.add((pg.objgen[0] if pg is not None else -1, int(elem.MCID)))
            tree.order.append((len(tree.elements) - 1, pg.objgen[0] if pg is not None else -1, int(elem.MCID)))
            return
        if kind == Name.OBJR:
            tree.objrs.add(elem.Obj.objgen)
            return
        page = elem.get("/Pg", page)
        tree.elements.append(elem)
        tree.types.append(_role(elem, role_map))
        tree.depths.append(depth)
        for kid in _kids(elem):
            walk(kid, depth + 1, page)

    for kid in _kids(root):
        walk(kid, 0, None)
    for elem in tree.elements:
        kind = str(elem.get("/S", "/?"))[1:]
        if _role(elem, role_map) not in STANDARD_TYPES:
            tree.problems.append(f"02-004: structure type {kind} is neither standard nor role-mapped to one")
    return tree


# ---------------------------------------------------------------- content streams


def _operations(page: pikepdf.Page) -> Iterator[tuple[str, list[Any]]]:
    for operands, operator in pikepdf.parse_content_stream(page):
        yield str(operator), list(operands)


def content_problems(pdf: pikepdf.Pdf, tree: Tree | None) -> list[str]:
    """01-004/01-005: every mark on a page is inside tagged content (an MCID) or an artifact;
    tagged content never sits inside an artifact; every MCID belongs to the tree."""
    out: list[str] = []
    for number, page in enumerate(pdf.pages, 1):
        stack: list[str] = []  # "mcid", "artifact" or "other" per open sequence
        untagged = 0
        for op, args in _operations(page):
            if op in ("BDC", "BMC"):
                tag = str(args[0])
                props = args[1] if op == "BDC" and len(args) > 1 else None
                if tag == "/Artifact":
                    stack.append("artifact")
                elif isinstance(props, Dictionary) and "/MCID" in props:
                    if "artifact" in stack:
                        out.append(f"01-003: page {number}: tagged content inside an artifact")
                    if "mcid" in stack:
                        out.append(f"01-???: page {number}: marked content with an MCID nested in another")
                    stack.append("mcid")
                    if tree is not None and (page.objgen[0], int(props.MCID)) not in tree.mcrs:
                        out.append(f"01-???: page {number}: MCID {int(props.MCID)} is in no structure element")
                else:
                    stack.append("other")
            elif op == "EMC":
                if not stack:
                    out.append(f"page {number}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif op in PAINTING and not ({"mcid", "artifact"} & set(stack)):
                untagged += 1
        if stack:
            out.append(f"page {number}: {len(stack)} marked-content sequences left open")
        if untagged:
            out.append(f"01-005: page {number}: {untagged} painting operators neither tagged nor artifacts")
    return out


# ---------------------------------------------------------------- the checks


def tree_problems(tree: Tree) -> list[str]:
    """Headings (14-002, 14-003), figures' Alt (13-004), tables' header cells (15-003),
    list items' `Lbl` and `LBody` (09-004)."""
    out = list(tree.problems)
    last = 0
    for elem, kind in zip(tree.elements, tree.types, strict=True):
        match = re.fullmatch(r"H([1-6])", kind)
        if match:
            level = int(match.group(1))
            if last == 0 and level != 1:
                out.append(f"14-002: the first heading is {kind}, not H1")
            elif level > last + 1:
                out.append(f"14-003: heading {kind} follows H{last}: a level is skipped")
            last = level
        elif kind == "H":
            out.append("14-006: unnumbered H headings mixed into a document")
        if kind == "Figure" and not (str(elem.get("/Alt", "")).strip() or str(elem.get("/ActualText", "")).strip()):
            out.append("13-004: a Figure without alternative text (/Alt)")
        if kind == "TH":
            attrs = elem.get("/A")
            attrs = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs] if attrs is not None else []
            if not any(a.get("/O") == Name.Table and "/Scope" in a for a in attrs if isinstance(a, Dictionary)):
                out.append("15-003: a TH cell without a Scope attribute")
        if kind in ("TH", "TD") and _role(elem.P, None) not in ("TR",) and str(elem.P.get("/S")) != "/TR":
            out.append(f"09-004: {kind} outside a TR")
    for elem, kind in zip(tree.elements, tree.types, strict=True):
        if kind == "LI":
            kids = [str(k.get("/S")) for k in _kids(elem) if isinstance(k, Dictionary) and "/S" in k]
            if kids[:1] != ["/Lbl"] or "/LBody" not in kids:
                out.append(f"09-004: an LI holds {kids}, not its Lbl then its LBody")
        if kind == "Table":
            cells = [k for k in _descendants(elem) if str(k.get("/S")) == "/TH"]
            if not cells:
                out.append("15-???: a Table without any TH header cell")
    return out


def _descendants(elem: Dictionary) -> Iterator[Dictionary]:
    for kid in _kids(elem):
        if isinstance(kid, Dictionary) and "/S" in kid:
            yield kid
            yield from _descendants(kid)


def document_problems(pdf: pikepdf.Pdf, *, ua: bool = True) -> list[str]:
    """Lang (11-006), MarkInfo (01-002), DisplayDocTitle (07-001), the tree itself (01-001)."""
    root, out = pdf.Root, []
    if not str(root.get("/Lang", "")).strip():
        out.append("11-006: no document language (/Lang in the catalog)")
    if not ua:
        return out
    mark = root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)):
        out.append("01-002: MarkInfo /Marked is not true")
    prefs = root.get("/ViewerPreferences")
    if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
        out.append("07-001: ViewerPreferences /DisplayDocTitle is not true")
    if "/StructTreeRoot" not in root:
        out.append("01-001: no structure tree (StructTreeRoot)")
    return out


def metadata_problems(pdf: pikepdf.Pdf, *, ua: bool = True, archival: bool = True) -> list[str]:
    """XMP ids (06-002, PDF/A 6.6.4), dc:title (06-003) agreeing with the Info dictionary."""
    out: list[str] = []
    if "/Metadata" not in pdf.Root:
        return ["06-001: no XMP metadata stream in the catalog"]
    meta = pdf.open_metadata()
    if ua and meta.get(XMP_UA) != "1":
        out.append(f"06-002: pdfuaid:part is {meta.get(XMP_UA)!r}, not '1'")
    title = meta.get("dc:title")
    if ua and not title:
        out.append("06-003: no dc:title in the XMP metadata")
    info = pdf.trailer.get("/Info") or Dictionary()
    if title and str(info.get("/Title", title)) != title:
        out.append("PDF/A 6.6.3: dc:title differs from the Info dictionary's Title")
    if archival:
        if meta.get(XMP_A_PART) != "2" or meta.get(XMP_A_CONF) != "B":
            out.append("PDF/A 6.6.4: pdfaid:part/conformance are not 2/B")
        if "/OutputIntents" not in pdf.Root:
            out.append("PDF/A 6.2.3: no output intent")
        producer = meta.get("pdf:Producer")
        if "/Producer" in info and producer != str(info.Producer):
            out.append("PDF/A 6.6.3: pdf:Producer differs from the Info dictionary's Producer")
    return out


def _fonts(pdf: pikepdf.Pdf) -> Iterator[Dictionary]:
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        resources = [page.obj.get("/Resources") or Dictionary()]
        while resources:
            res = resources.pop()
            for font in (res.get("/Font") or Dictionary()).values():
                if font.objgen not in seen:
                    seen.add(font.objgen)
                    yield font
            for xobj in (res.get("/XObject") or Dictionary()).values():
                if xobj.get("/Subtype") == Name.Form and "/Resources" in xobj and xobj.objgen not in seen:
                    seen.add(xobj.objgen)
                    resources.append(xobj.Resources)


def font_problems(pdf: pikepdf.Pdf) -> list[str]:
    """Fonts embedded (31-001), ToUnicode (31-027 in spirit: every glyph maps to Unicode),
    and one subset tag per subset (PDF 9.6.4: subsets of one font need distinct tags)."""
    out: list[str] = []
    tags: dict[str, tuple[int, int]] = {}
    for font in _fonts(pdf):
        name = str(font.get("/BaseFont", "/?"))[1:]
        descriptor = font.get("/FontDescriptor")
        if font.get("/Subtype") == Name.Type0:
            descriptor = font.DescendantFonts[0].get("/FontDescriptor")
        embedded = descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        if font.get("/Subtype") != Name.Type3 and not embedded:
            out.append(f"31-001: font {name} is not embedded")
        if "/ToUnicode" not in font:
            out.append(f"31-027: font {name} has no ToUnicode map")
        if re.match(r"^[A-Z]{6}\+", name):
            file = None
            if descriptor is not None:
                file = next((descriptor[k] for k in ("/FontFile2", "/FontFile", "/FontFile3") if k in descriptor), None)
            key = file.objgen if file is not None else font.objgen
            if tags.setdefault(name[:6], key) != key:
                out.append(f"PDF 9.6.4: two different subsets share the tag {name[:7]} ({name})")
    return out


def annotation_problems(pdf: pikepdf.Pdf, tree: Tree | None, *, ua: bool = True, archival: bool = True) -> list[str]:
    """Annotations tagged (28-002: OBJR in a structure element; 28-011: a Link in Link),
    Contents on links (28-004 in PDF/UA's 7.18.5), tab order /S on pages with annotations (28-?);
    PDF/A: every annotation prints."""
    out: list[str] = []
    parent_tree = _parent_tree(pdf)
    for number, page in enumerate(pdf.pages, 1):
        annots = [a for a in page.obj.get("/Annots", []) if a.get("/Subtype") != Name.Popup]
        if ua and annots and page.obj.get("/Tabs") != Name.S:
            out.append(f"28-?: page {number} has annotations but no /Tabs /S")
        for annot in annots:
            kind = str(annot.get("/Subtype"))
            if archival and not int(annot.get("/F", 0)) & 4:
                out.append(f"PDF/A 6.3.2: page {number}: an annotation without the print flag")
            if not ua:
                continue
            if kind == "/Link" and not str(annot.get("/Contents", "")).strip():
                out.append(f"28-004: page {number}: a Link annotation without /Contents")
            if tree is None or annot.objgen not in tree.objrs:
                out.append(f"28-002: page {number}: a {kind} annotation is in no structure element (OBJR)")
                continue
            elem = parent_tree.get(int(annot.get("/StructParent", -1)))
            if elem is None:
                out.append(f"28-002: page {number}: a {kind} annotation's /StructParent is not in the ParentTree")
            elif kind == "/Link" and str(elem.get("/S")) != "/Link":
                out.append(f"28-011: page {number}: a Link annotation not in a Link element")
    return out


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, Any]:
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return {}
    out: dict[int, Any] = {}
    nodes = [root.ParentTree]
    while nodes:
        node = nodes.pop()
        nums = list(node.get("/Nums", []))
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
        nodes.extend(node.get("/Kids", []))
    return out


def problems(path: Path | str, *, ua: bool = True, archival: bool = True) -> list[str]:
    """Every problem this checker finds in the PDF at `path` (empty: it passes), for PDF/UA-1
    (`ua`) and PDF/A-2b (`archival`); the language, XMP and fonts are checked for either."""
    with pikepdf.open(path) as pdf:
        tree = read_tree(pdf) if ua else None
        out = document_problems(pdf, ua=ua) + metadata_problems(pdf, ua=ua, archival=archival) + font_problems(pdf)
        out += annotation_problems(pdf, tree, ua=ua, archival=archival)
        if ua:
            out += content_problems(pdf, tree)
        if tree is not None:
            out += tree_problems(tree)
    return out


def structure(path: Path | str) -> list[tuple[int, str]]:
    """(depth, type) of every structure element in reading order."""
    with pikepdf.open(path) as pdf:
        tree = read_tree(pdf)
        return list(zip(tree.depths, tree.types, strict=True)) if tree else []


def _marked_text(path: Path | str) -> dict[tuple[int, int], str]:
    """(page object number, MCID) → the text drawn inside that marked-content sequence (pypdf)."""
    from pypdf import PdfReader

    out: dict[tuple[int, int], str] = {}
    for page in PdfReader(str(path)).pages:
        _page_marked_text(page, out)
    return out


def _page_marked_text(page: Any, out: dict[tuple[int, int], str]) -> None:
    number = page.indirect_reference.idnum
    current: list[int | None] = []

    def before(op: bytes, args: list[Any], cm: Any, tm: Any) -> None:
        if op in (b"BDC", b"BMC"):
            props = args[1] if op == b"BDC" and len(args) > 1 else None
            mcid = props.get("/MCID") if hasattr(props, "get") else None
            current.append(int(mcid) if mcid is not None else None)
        elif op == b"EMC" and current:
            current.pop()

    def text(chunk: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        mcid = next((c for c in reversed(current) if c is not None), None)
        if mcid is not None and chunk:
            out[(number, mcid)] = out.get((number, mcid), "") + chunk

    page.extract_text(visitor_operand_before=before, visitor_text=text)


def tagged_text(path: Path | str) -> list[tuple[str, str]]:
    """(element type, text) of each piece of tagged content, in the structure tree's reading order."""
    texts = _marked_text(path)
    with pikepdf.open(path) as pdf:
        tree = read_tree(pdf)
        if tree is None:
            return []
        return [(tree.types[i], texts.get((page, mcid), "")) for i, page, mcid in tree.order]
