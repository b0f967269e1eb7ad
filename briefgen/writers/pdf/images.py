"""Raster images the page furniture draws (logos): decoded and compressed once per process.

reportlab's `drawImage` decodes a PNG, hashes its pixels and deflates them again for
every document; a batch of client annexes draws the same two logos dozens of times.
Here the image XObject is built once per file and each document gets its own copy,
registered the way `drawImage` registers one (`libs.rl_internals.place_image`).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

from briefgen.libs.rl_internals import place_image, show_image


@lru_cache(maxsize=32)
def _xobject(path: Path) -> PDFImageXObject:
    data = path.read_bytes()
    name = "bg" + hashlib.sha256(data).hexdigest()[:24]  # from the content: builds stay reproducible
    return PDFImageXObject(name, ImageReader(str(path)), mask="auto")


def image_size(path: Path) -> tuple[int, int]:
    obj = _xobject(path)
    return obj.width, obj.height


def draw_image(c: Canvas, path: Path, x: float, y: float, width: float, height: float) -> None:
    """Draw the image at `path` into the box, with its alpha channel as a soft mask."""
    template = _xobject(path)
    reg = place_image(c, template)
    c.saveState()
    c.translate(x, y)
    c.scale(width, height)
    show_image(c, reg, template.name)
    c.restoreState()
