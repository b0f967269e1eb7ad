"""charts.raster: a Drawing → PNG: the size and dpi recorded, shapes painted where reportlab puts them
(origin bottom left), and text only in a registered TrueType face."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from chartkit import REPO
from PIL import Image
from reportlab.graphics.shapes import Circle, Drawing, Rect, String
from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen.charts.raster import font_file, png

FONT = "bgunit-raster-R"
FONT_FILE = REPO / "templates" / "fonts" / "NotoSans-Regular.ttf"


@pytest.fixture(scope="module", autouse=True)
def font() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))


def image(d: Drawing, dpi: int = 300) -> Image.Image:
    return Image.open(io.BytesIO(png(d, dpi))).convert("RGB")


def test_the_png_records_its_dpi_and_is_sized_by_it() -> None:
    d = Drawing(100, 50)
    d.add(Rect(0, 0, 100, 50, fillColor=None, strokeColor=None))
    for dpi in (72, 150, 300):
        im = Image.open(io.BytesIO(png(d, dpi)))
        assert im.format == "PNG"
        assert im.size == (math.ceil(100 * dpi / 72), math.ceil(50 * dpi / 72))
        assert tuple(round(v) for v in im.info["dpi"]) == (dpi, dpi)


def test_shapes_are_painted_where_reportlab_puts_them() -> None:
    d = Drawing(100, 100)
    d.add(Rect(0, 0, 50, 50, fillColor=HexColor("#ff0000"), strokeColor=None))  # bottom left
    d.add(Circle(75, 75, 10, fillColor=HexColor("#0000ff"), strokeColor=None))  # top right
    im = image(d, 72)
    assert im.getpixel((25, 75)) == (255, 0, 0)  # PIL's y runs down: bottom left is y 75
    assert im.getpixel((75, 25)) == (0, 0, 255)
    assert im.getpixel((75, 75)) == (255, 255, 255)
    assert im.getpixel((25, 25)) == (255, 255, 255)


def test_text_is_drawn_in_the_registered_face() -> None:
    d = Drawing(100, 30)
    d.add(Rect(0, 0, 100, 30, fillColor=None, strokeColor=None))
    blank = image(d, 150)
    d.add(String(5, 10, "Norway", fontName=FONT, fontSize=14, fillColor=HexColor("#000000")))
    inked = image(d, 150)
    assert blank.convert("L").getextrema() == (255, 255)
    assert inked.convert("L").getextrema()[0] < 64  # black glyphs, anti-aliased


def test_font_file_finds_the_ttf_and_refuses_a_builtin_face() -> None:
    # reportlab shares one parsed face between identical files: the path may be another copy.
    found = Path(font_file(FONT))
    assert found.name == FONT_FILE.name and found.read_bytes() == FONT_FILE.read_bytes()
    with pytest.raises(ValueError) as info:
        font_file("Helvetica")
    assert str(info.value) == "font 'Helvetica' is not a TrueType font registered with reportlab"
