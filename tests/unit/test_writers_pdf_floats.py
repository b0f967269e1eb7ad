"""writers.pdf.floats: which blocks float, when the text after a float fills the page it
leaves, and the rest of a split block marked to go before the floats on the next page."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Spacer
from reportlab.platypus.doctemplate import FrameBreak

from briefgen.writers.pdf.floats import LOOKAHEAD, Floats, _text_fills, mark
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.tagging import Elem

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
CANVAS = Canvas("unused.pdf")


def _lines(n: int) -> Paragraph:
    return Paragraph(" ".join(["word"] * 12 * n), BODY)  # about n lines at 300 points


def test_mark_flags_a_block_and_its_space_after_with_its_elements() -> None:
    sect = Elem("Sect")
    sect.add("P")
    figure = sect.add("Figure")
    caption = sect.add("Caption")
    art, space = Spacer(1, 100), Spacer(1, 6)
    mark([art, space], figure)
    assert art.floats and space.float_tail and art.float_elems == [figure, caption]
    lone = Spacer(1, 100)
    mark([lone], None)  # not a block and its space after: left alone
    assert "floats" not in lone.__dict__


def test_the_text_after_a_float_fills_the_room_unless_a_page_break_comes_first() -> None:
    assert _text_fills([_lines(5), _lines(5)], 300, 100, CANVAS)
    assert not _text_fills([_lines(2), PageBreak(), _lines(20)], 300, 100, CANVAS)
    assert _text_fills([_lines(1)], 300, 500, CANVAS)  # the story ends: its last page may be short
    many = [_lines(1) for _ in range(LOOKAHEAD + 5)]
    assert not _text_fills(many, 300, 10_000, CANVAS)  # too far to look


def test_the_rest_of_a_split_is_marked_and_waiting_floats_end_the_story() -> None:
    floats = Floats()
    first, drawn, rest = _lines(4), _lines(2), _lines(2)
    story = [rest, _lines(1)]
    floats.after(story, first, drawn)  # the first part was drawn, the rest put back
    assert story[0].continues
    carried = _lines(2)
    story = [FrameBreak(), carried]
    floats.after(story, rest, None)  # the rest split again behind a frame break
    assert carried.continues
    box = Spacer(1, 100)
    floats.pending = [box]
    hanging: list = []
    floats.after(hanging, FrameBreak(), None)  # reportlab's own page change: not the story's end
    assert hanging == [] and floats.pending == [box]
    story = []
    floats.after(story, _lines(1), _lines(1))
    assert story == [box] and floats.pending == []


def test_the_back_matter_stops_floats_as_the_story_end_does() -> None:
    back = Spacer(1, 50)
    back.float_barrier = True
    assert _text_fills([_lines(1), back, _lines(40)], 300, 500, CANVAS)  # the float goes before it
    floats, box = Floats(), Spacer(1, 100)
    floats.pending = [box]
    story = [back]
    doc = type("Doc", (), {"frame": type("F", (), {"_atTop": 0})()})()
    floats.before(doc, story)
    assert story == [box, back] and floats.pending == []
