"""Raster images the page furniture draws (logos): decoded and compressed once per process.

reportlab's `drawImage` decodes a PNG, hashes its pixels and deflates them again for
every document; a batch of client annexes draws the same two logos dozens of times.
Here the image XObject is built once per file and each document gets its own copy,
registered the way `drawImage` registers one.
"""

from __future__ import annotations

import copy
import hashlib
from functools import lru_cache
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas


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
    doc = c._doc
    reg = doc.getXObjectName(template.name)
    if reg not in doc.idToObject:  # first use in this document
        obj = copy.copy(template)
        smask = obj.__dict__.pop("_smask", None)
        c._setXObjects(obj)
        doc.Reference(obj, reg)
        doc.addForm(template.name, obj)
        if smask is not None:
            mask = copy.copy(smask)
            c._setXObjects(mask)
            obj.smask = doc.Reference(mask, doc.getXObjectName(smask.name))
    c.saveState()
    c.translate(x, y)
    c.scale(width, height)
    c._code.append(f"/{reg} Do")
    c.restoreState()
    c._formsinuse.append(template.name)
