"""writers.pdf.images: a logo's image XObject built once per file (named from its bytes, so
builds stay reproducible) and drawn into a box as `drawImage` would."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from briefgen.writers.pdf import images


def logo(path: Path, colour: tuple[int, int, int, int]) -> Path:
    Image.new("RGBA", (40, 20), colour).save(path)
    return path


def test_the_xobject_is_made_once_per_file_and_named_by_content(tmp_path: Path) -> None:
    a = logo(tmp_path / "a.png", (200, 0, 0, 255))
    b = logo(tmp_path / "b.png", (200, 0, 0, 255))  # the same bytes under another name
    c = logo(tmp_path / "c.png", (0, 0, 200, 128))
    assert images._xobject(a) is images._xobject(a)
    assert images._xobject(a).name == images._xobject(b).name != images._xobject(c).name
    assert images.image_size(a) == (40, 20)


def test_a_drawn_logo_is_one_image_on_the_page_with_its_alpha_as_a_mask(tmp_path: Path) -> None:
    path = logo(tmp_path / "half.png", (0, 0, 200, 128))
    out = io.BytesIO()
    canvas = Canvas(out)
    images.draw_image(canvas, path, 10, 10, 80, 40)
    images.draw_image(canvas, path, 10, 100, 80, 40)
    canvas.save()
    page = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    assert len(xobjects) == 1  # drawn twice, stored once
    [obj] = [x.get_object() for x in xobjects.values()]
    assert (obj["/Width"], obj["/Height"]) == (40, 20) and "/SMask" in obj
