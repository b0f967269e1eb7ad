"""The optional diagonal watermark: a VML WordArt shape anchored in a header.

This is the markup Word itself writes for Design › Watermark (shape type 136, a text
path), so Word lists it as a watermark and lets users remove it. The validator allows
VML inside `w:pict` as the schema's lax wildcard does; LibreOffice shows it as Fontwork.
"""

from __future__ import annotations

from lxml import etree
from lxml.etree import _Element

V = "urn:schemas-microsoft-com:vml"
OFFICE = "urn:schemas-microsoft-com:office:office"
W10 = "urn:schemas-microsoft-com:office:word"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# The text-path shape type Word writes for watermarks, formulas and all.
_FORMULAS = (
    "sum #0 0 10800",
    "prod #0 2 1",
    "sum 21600 0 @1",
    "sum 0 0 @2",
    "sum 21600 0 @3",
    "if @0 @3 0",
    "if @0 21600 @1",
    "if @0 0 @2",
    "if @0 @4 21600",
    "mid @5 @6",
    "mid @8 @5",
    "mid @7 @8",
    "mid @6 @7",
    "sum @6 0 @5",
)


def _shapetype(parent: _Element) -> None:
    st = etree.SubElement(parent, f"{{{V}}}shapetype")
    for key, value in (
        ("id", "_x0000_t136"),
        ("coordsize", "21600,21600"),
        ("adj", "10800"),
        ("path", "m@7,l@8,m@5,21600l@6,21600e"),
    ):
        st.set(key, value)
    st.set(f"{{{OFFICE}}}spt", "136")
    formulas = etree.SubElement(st, f"{{{V}}}formulas")
    for eqn in _FORMULAS:
        etree.SubElement(formulas, f"{{{V}}}f").set("eqn", eqn)
    path = etree.SubElement(st, f"{{{V}}}path")
    path.set("textpathok", "t")
    path.set(f"{{{OFFICE}}}connecttype", "custom")
    path.set(f"{{{OFFICE}}}connectlocs", "@9,0;@10,10800;@11,21600;@12,10800")
    path.set(f"{{{OFFICE}}}connectangles", "270,180,90,0")
    tp = etree.SubElement(st, f"{{{V}}}textpath")
    tp.set("on", "t")
    tp.set("fitshape", "t")
    handles = etree.SubElement(st, f"{{{V}}}handles")
    h = etree.SubElement(handles, f"{{{V}}}h")
    h.set("position", "#0,bottomRight")
    h.set("xrange", "6629,14971")
    lock = etree.SubElement(st, f"{{{OFFICE}}}lock")
    lock.set(f"{{{V}}}ext", "edit")
    lock.set("text", "t")
    lock.set("shapetype", "t")


def watermark_run(
    text: str, number: int, color: str, font: str, box_pt: tuple[float, float], opacity: float
) -> _Element:
    """A `w:r` holding the watermark shape; `number` keeps shape ids unique per file."""
    r = etree.Element(f"{{{W}}}r", nsmap={"w": W})
    pict = etree.SubElement(r, f"{{{W}}}pict")
    _shapetype(pict)
    shape = etree.SubElement(pict, f"{{{V}}}shape", nsmap={"v": V, "o": OFFICE, "w10": W10})
    shape.set("id", f"PowerPlusWaterMarkObject{number}")
    shape.set(f"{{{OFFICE}}}spid", f"_x0000_s{2048 + number}")
    shape.set("type", "#_x0000_t136")
    # The text path stretches the glyphs to its box: `box_pt` is the text's own width and
    # line height at the size that fits the page's diagonal (`WatermarkLook.fitted`).
    width, height = box_pt
    shape.set(
        "style",
        (
            f"position:absolute;margin-left:0;margin-top:0;width:{width:.1f}pt;height:{height:.1f}pt;"
            "rotation:315;z-index:-251654144;mso-position-horizontal:center;"
            "mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"
        ),
    )
    shape.set(f"{{{OFFICE}}}allowincell", "f")
    shape.set("fillcolor", f"#{color}")
    shape.set("stroked", "f")
    fill = etree.SubElement(shape, f"{{{V}}}fill")
    fill.set("opacity", f"{opacity:g}".removeprefix("0"))
    textpath = etree.SubElement(shape, f"{{{V}}}textpath")
    textpath.set("style", f'font-family:"{font}";font-size:1pt')
    textpath.set("string", text)
    wrap = etree.SubElement(shape, f"{{{W10}}}wrap")
    wrap.set("anchorx", "margin")
    wrap.set("anchory", "margin")
    return r
