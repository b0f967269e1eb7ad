"""Floating drawings placed on the page: the cover's full-bleed band and its edge (DrawingML
rectangles, `wps:wsp`, behind the text, marked decorative) and the cover's logos (pictures
lifted out of the text flow).

Word's own cover pages are built so: a `wp:anchor` positioned from the page's corner, with
no wrapping, so the text runs over the band as it does in the PDF. Word 2010 and later and
LibreOffice read the `wps` namespace; the validator treats it as Word does.
"""

from __future__ import annotations

from lxml import etree
from lxml.etree import _Element

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"
DECORATIVE_EXT = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EMU_PER_MM = 36000


def _sub(parent: _Element, ns: str, tag: str, **attrs: object) -> _Element:
    node = etree.SubElement(parent, f"{{{ns}}}{tag}")
    for key, value in attrs.items():
        node.set(key, str(value))
    return node


def _anchor(x: int, y: int, cx: int, cy: int, z: int, behind: bool, shape_id: int, name: str) -> _Element:
    """A `wp:anchor` at (`x`, `y`) EMU from the page's top left corner, `cx` by `cy` EMU, without wrapping."""
    anchor = etree.Element(f"{{{WP}}}anchor", nsmap={"wp": WP, "a": A})
    for key, value in (
        ("distT", 0),
        ("distB", 0),
        ("distL", 0),
        ("distR", 0),
        ("simplePos", 0),
        ("relativeHeight", z),
        ("behindDoc", int(behind)),
        ("locked", 1),
        ("layoutInCell", 1),
        ("allowOverlap", 1),
    ):
        anchor.set(key, str(value))
    _sub(anchor, WP, "simplePos", x=0, y=0)
    for axis, offset in (("positionH", x), ("positionV", y)):
        pos = _sub(anchor, WP, axis, relativeFrom="page")
        _sub(pos, WP, "posOffset").text = str(offset)
    _sub(anchor, WP, "extent", cx=cx, cy=cy)
    _sub(anchor, WP, "effectExtent", l=0, t=0, r=0, b=0)
    _sub(anchor, WP, "wrapNone")
    _sub(anchor, WP, "docPr", id=shape_id, name=name, descr="")
    _sub(anchor, WP, "cNvGraphicFramePr")
    return anchor


def mark_decorative(doc_pr: _Element) -> None:
    """Mark a drawing decorative as Word does (Alt Text, "Mark as decorative"): no `descr`,
    and the 2017 decorative extension, so screen readers skip it."""
    doc_pr.attrib.pop("descr", None)
    ext_lst = doc_pr.find(f"{{{A}}}extLst")
    if ext_lst is None:
        ext_lst = _sub(doc_pr, A, "extLst")
    ext = _sub(ext_lst, A, "ext", uri=DECORATIVE_EXT)
    etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC}).set("val", "1")


def rectangle(box_mm: tuple[float, float, float, float], color: str, z: int, shape_id: int, name: str) -> _Element:
    """A `w:r` drawing a filled rectangle (x, y, width, height in mm from the page's
    corner) behind the text: decoration, marked decorative."""
    x, y, cx, cy = (round(v * EMU_PER_MM) for v in box_mm)
    anchor = _anchor(x, y, cx, cy, z, True, shape_id, name)
    mark_decorative(anchor.find(f"{{{WP}}}docPr"))
    data = _sub(_sub(anchor, A, "graphic"), A, "graphicData", uri=WPS)
    wsp = etree.SubElement(data, f"{{{WPS}}}wsp", nsmap={"wps": WPS})
    _sub(wsp, WPS, "cNvSpPr")
    sp = _sub(wsp, WPS, "spPr")
    xfrm = _sub(sp, A, "xfrm")
    _sub(xfrm, A, "off", x=0, y=0)
    _sub(xfrm, A, "ext", cx=cx, cy=cy)
    _sub(_sub(sp, A, "prstGeom", prst="rect"), A, "avLst")
    _sub(_sub(sp, A, "solidFill"), A, "srgbClr", val=color.lstrip("#").upper())
    _sub(_sub(sp, A, "ln"), A, "noFill")
    _sub(wsp, WPS, "bodyPr")
    return _run(anchor)


def lift(inline: _Element, x_mm: float, y_mm: float, z: int) -> None:
    """Turn an inline picture (`wp:inline`, from python-docx) into one floating at (`x_mm`,
    `y_mm`) from the page's corner, in front of the band, keeping its picture and alt text."""
    extent = inline.find(f"{{{WP}}}extent")
    doc_pr = inline.find(f"{{{WP}}}docPr")
    graphic = inline.find(f"{{{A}}}graphic")
    assert extent is not None and doc_pr is not None and graphic is not None
    anchor = _anchor(
        round(x_mm * EMU_PER_MM),
        round(y_mm * EMU_PER_MM),
        int(extent.get("cx")),
        int(extent.get("cy")),
        z,
        False,
        0,
        "",
    )
    old = anchor.find(f"{{{WP}}}docPr")
    anchor.replace(old, doc_pr)
    anchor.append(graphic)
    inline.getparent().replace(inline, anchor)


def _run(anchor: _Element) -> _Element:
    r = etree.Element(f"{{{W}}}r", nsmap={"w": W})
    _sub(r, W, "drawing").append(anchor)
    return r
