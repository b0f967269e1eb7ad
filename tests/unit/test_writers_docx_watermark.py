"""writers.docx.watermark: the VML WordArt run Word writes for Design › Watermark: its
text path, colour, face and a shape id unique per number, sized by the text's length."""

from __future__ import annotations

from briefgen.writers.docx.watermark import OFFICE, V, W, watermark_run


def shape(text: str = "CONFIDENTIAL", number: int = 1) -> object:
    r = watermark_run(text, number, "FFEBEB", "Noto Sans", (30.0 * len(text), 40.0), 0.5)
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


def test_the_shape_takes_the_box_and_opacity_it_is_given() -> None:
    r = watermark_run("DRAFT", 1, "FFEBEB", "Noto Sans", (123.45, 40.0), 0.35)
    shape = r[0].find(f"{{{V}}}shape")
    assert "width:123.5pt;height:40.0pt" in shape.get("style")
    assert shape.find(f"{{{V}}}fill").get("opacity") == ".35"  # VML writes fractions without the 0
