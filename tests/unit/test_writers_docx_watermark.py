"""writers.docx.watermark: the VML WordArt run Word writes for Design › Watermark: its
text path, colour, face and a shape id unique per number, sized by the text's length."""

from __future__ import annotations

import re

from briefgen.design.spacing import WatermarkLook
from briefgen.writers.docx.watermark import OFFICE, V, W, watermark_run

LOOK = WatermarkLook()


def shape(text: str = "CONFIDENTIAL", number: int = 1) -> object:
    r = watermark_run(text, number, "FFEBEB", "Noto Sans", LOOK)
    assert r.tag == f"{{{W}}}r"
    [pict] = list(r)
    [shape] = pict.findall(f"{{{V}}}shape")
    return shape


def test_the_shape_is_words_watermark_text_path() -> None:
    s = shape()
    assert s.get("type") == "#_x0000_t136"  # the shapetype defined beside it, Word's text path
    assert s.getparent().find(f"{{{V}}}shapetype").get(f"{{{OFFICE}}}spt") == "136"
    textpath = s.find(f"{{{V}}}textpath")
    assert textpath.get("string") == "CONFIDENTIAL" and '"Noto Sans"' in textpath.get("style")
    assert s.get("fillcolor") == "#FFEBEB" and s.get("stroked") == "f"
    assert "rotation:315" in s.get("style")


def test_numbers_keep_shape_ids_apart() -> None:
    a, b = shape(number=1), shape(number=2)
    assert a.get("id") != b.get("id") and a.get(f"{{{OFFICE}}}spid") != b.get(f"{{{OFFICE}}}spid")


def width(s: object) -> float:
    return float(re.search(r"width:([\d.]+)pt", s.get("style"))[1])  # type: ignore[attr-defined, index]


def test_a_longer_text_is_wider_up_to_a_cap() -> None:
    assert width(shape("DRAFT")) < width(shape("CONFIDENTIAL")) <= width(shape("X" * 200)) == LOOK.word_max
