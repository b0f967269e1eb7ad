"""writers/docx/floating.py: rectangles anchored to the page behind the text, and pictures lifted out of the flow."""

from __future__ import annotations

from lxml import etree

from briefgen.writers.docx.floating import EMU_PER_MM, WP, WPS, A, lift, rectangle


def test_a_rectangle_is_anchored_to_the_page_corner_behind_the_text() -> None:
    r = rectangle((0, 10, 210, 5), "#0f2c4c", 2, 7, "Cover band edge")
    anchor = r.find(f".//{{{WP}}}anchor")
    assert anchor.get("behindDoc") == "1" and anchor.get("relativeHeight") == "2"
    assert anchor.find(f"{{{WP}}}positionH").get("relativeFrom") == "page"
    assert anchor.find(f"{{{WP}}}positionV/{{{WP}}}posOffset").text == str(10 * EMU_PER_MM)
    extent = anchor.find(f"{{{WP}}}extent")
    assert (extent.get("cx"), extent.get("cy")) == (str(210 * EMU_PER_MM), str(5 * EMU_PER_MM))
    assert anchor.find(f"{{{WP}}}wrapNone") is not None
    assert anchor.find(f"{{{WP}}}docPr").get("id") == "7"
    assert r.find(f".//{{{WPS}}}wsp//{{{A}}}srgbClr").get("val") == "0F2C4C"
    # schema order of a wp:anchor: position before extent, wrapping before docPr, graphic last
    tags = [etree.QName(c).localname for c in anchor]
    assert tags == [
        "simplePos",
        "positionH",
        "positionV",
        "extent",
        "effectExtent",
        "wrapNone",
        "docPr",
        "cNvGraphicFramePr",
        "graphic",
    ]


def test_a_lifted_picture_keeps_its_alt_text_and_floats_in_front() -> None:
    p = etree.Element("p")
    inline = etree.SubElement(p, f"{{{WP}}}inline")
    etree.SubElement(inline, f"{{{WP}}}extent", cx="100", cy="50")
    etree.SubElement(inline, f"{{{WP}}}docPr", id="3", name="logo.png", descr="Brand logo")
    etree.SubElement(inline, f"{{{A}}}graphic")
    lift(inline, 20, 18, 3)
    anchor = p.find(f"{{{WP}}}anchor")
    assert anchor is not None and p.find(f"{{{WP}}}inline") is None
    assert anchor.get("behindDoc") == "0"
    assert anchor.find(f"{{{WP}}}docPr").get("descr") == "Brand logo"
    assert anchor.find(f"{{{WP}}}positionH/{{{WP}}}posOffset").text == str(20 * EMU_PER_MM)
    assert anchor.find(f"{{{A}}}graphic") is not None
