"""Chart drawings on the PDF page, their content-stream operators made once per process.

A batch prints the same locator map in dozens of annexes, and reportlab's renderer walks
every path point and formats every number each time (some 5 ms a map). What a drawing
writes does not depend on where it goes (the flowable moves the origin before drawing),
so `Vector` renders a drawing of paths and plain colours once, on a scratch canvas, and
appends the same operators to each page that shows it: the bytes are those reportlab
writes. A drawing with text, images or transparency names fonts or graphics states in
its document, so it is rendered as usual every time; so is any drawing whose operators
name a resource, or whose scratch rendering touched its document beyond the PDF version.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Ellipse, Group, Line, Path, Polygon, PolyLine, Rect
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from briefgen.libs import rl_internals as rl

# Shapes whose rendering writes only path operators (no text, no image): checked per node.
_PLAIN_SHAPES = (Group, Path, Rect, Circle, Ellipse, Line, PolyLine, Polygon)
_LIMIT = 64  # drawings remembered (as many as charts.draw keeps)


@dataclass(frozen=True)
class _Recorded:
    drawing: Drawing  # held, so its id is not reused while the entry lives
    ops: tuple[str, ...] | None  # None: not replayable, render it every time
    version: tuple[int, int]  # the PDF version the drawing raised its document to, or (0, 0)


_RECORDED: dict[int, _Recorded] = {}


class Vector(Flowable):  # type: ignore[misc]
    """A chart `Drawing` as a flowable: laid out as the drawing, drawn from recorded operators."""

    def __init__(self, drawing: Drawing, h_align: str):
        super().__init__()
        self.drawing = drawing
        self.width, self.height = drawing.width, drawing.height
        self.hAlign = h_align
        self.vAlign = drawing.vAlign

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.drawing.wrap(avail_width, avail_height)  # type: ignore[no-any-return]

    def draw(self) -> None:
        canvas = self.canv
        recorded = _record(self.drawing)
        # Operators made on a fresh canvas hold on one in the same graphics state.
        if recorded.ops is None or not rl.plain_graphics_state(canvas):
            renderPDF.draw(self.drawing, canvas, 0, 0)
            return
        rl.page_operators(canvas).extend(recorded.ops)
        rl.require_pdf_version(canvas, recorded.version)


def _record(drawing: Drawing) -> _Recorded:
    found = _RECORDED.get(id(drawing))
    if found is not None and found.drawing is drawing:
        return found
    if len(_RECORDED) >= _LIMIT:
        _RECORDED.clear()
    scratch = Canvas(io.BytesIO())
    version, footprint = rl.pdf_version(scratch), rl.document_footprint(scratch)
    ops: tuple[str, ...] | None = None
    if _plain(drawing):
        stream = rl.page_operators(scratch)
        start = len(stream)
        renderPDF.draw(drawing, scratch, 0, 0)
        written = tuple(stream[start:])
        # A "/" is a resource name (a font, graphics state, colour space, XObject), which
        # each document numbers its own way: such operators are never replayed.
        if rl.document_footprint(scratch) == footprint and not any("/" in op for op in written):
            ops = written
    raised = rl.pdf_version(scratch)  # colours ask for PDF 1.4 (reportlab sets their alpha)
    found = _RECORDED[id(drawing)] = _Recorded(drawing, ops, raised if raised > version else (0, 0))
    return found


def _plain(node: Any) -> bool:
    """Only path shapes, in opaque RGB colours (anything else may name a document resource)."""
    if not isinstance(node, _PLAIN_SHAPES):
        return False
    for attr in ("fillColor", "strokeColor"):
        color = getattr(node, attr, None)
        if color is not None and (type(color) is not Color or color.alpha not in (None, 1)):
            return False
    for attr in ("fillOpacity", "strokeOpacity"):
        if getattr(node, attr, None) not in (None, 1):
            return False
    return not isinstance(node, Group) or all(_plain(child) for child in node.getContents())
