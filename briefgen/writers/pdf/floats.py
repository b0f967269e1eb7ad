"""Floats: a box or figure that does not fit where it stands goes to the top of the next
page, while the text after it fills the page it leaves, as a typesetter floats a figure.

Without floats a box (a profile's fact box, a call-out) that does not fit moves whole to
the next page and leaves a hole: a third of a page or more. The rules:

- only a top-level box (call-out, fact box, bottom line, client note) or a numbered figure
  floats (`mark`); it never splits (boxes move whole, `makeup.Box`);
- it floats only where it does not fit, the page has at least `FLOAT_ROOM` of its height
  left (a smaller gap is left, as before), and the text that follows it before the next
  page break fills that room or reaches the back matter or the story's end (else the
  float would stand alone on a page of its own before the break);
- headings over a float (a profile's kicker, title and rule over its fact box) stay on
  the page with the first two lines of the text after the float, or all move on;
- floats keep their order (only a box under its own heading, which goes with it, may
  pass one waiting), and none passes the back matter (the contact page): the waiting
  ones go before it; on the next page they come first, or right after the rest of a
  paragraph, list or table split across the page break, which then reads on unbroken;
- in a tagged PDF the float's structure element moves to follow the block drawn before
  it (`Tagger.place_after_drawn`): the structure keeps the order of the pages.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, KeepTogether, PageBreak
from reportlab.platypus.doctemplate import ActionFlowable, FrameActionFlowable

from briefgen.libs import rl_internals as rl
from briefgen.writers.common.makeup import HEAD_LINES, HEAD_SLACK
from briefgen.writers.pdf.makeup import KeepWithLines, SectionBreak, first_fits
from briefgen.writers.pdf.para import Paragraph

FLOAT_ROOM = 0.12  # share of the page height a float must leave empty to be worth floating
LOOKAHEAD = 40  # flowables looked at to see whether the text after a float fills the page


def mark(flowables: list[Flowable], elem: object | None) -> None:
    """Let `flowables` (a top-level block's: the box or figure, then its space after) float."""
    if len(flowables) == 2 and flowables[1].__class__.__name__ == "Spacer":
        flowables[0].floats = True
        # its structure elements: the block's, and those it added beside it (a figure's captions)
        parent = getattr(elem, "parent", None)
        flowables[0].float_elems = parent.kids[parent.kids.index(elem) :] if parent is not None else []
        flowables[1].float_tail = True


def _floats(f: Flowable) -> bool:
    return bool(f.__dict__.get("floats"))


def _is_break(f: Flowable) -> bool:
    """A page break the story asks for (not one the make-up makes, to move a heading on)."""
    return isinstance(f, PageBreak | SectionBreak)


def _barrier(f: Flowable) -> bool:
    """The back matter (the contact page): no float passes it; as at the story's end, the
    floats still waiting go before it."""
    return bool(f.__dict__.get("float_barrier"))


class End(Flowable):
    """The story's last flowable, of no size: the floats still waiting are placed after it."""

    _ZEROSIZE = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return 0, 0

    def draw(self) -> None:
        pass


class Floats:
    """The floats waiting for the next page, and the decisions to float (for `_Doc`)."""

    def __init__(self, tagger: Any = None) -> None:
        self.pending: list[Flowable] = []
        self.tagger = tagger

    def before(self, doc: Any, flowables: list[Flowable]) -> None:
        """Called before the document handles `flowables[0]`: place the waiting floats at a
        page's top, or float the one at hand."""
        frame = getattr(doc, "frame", None)
        if frame is None:
            return  # the first page is not begun yet
        if not flowables or isinstance(flowables[0], ActionFlowable | FrameActionFlowable):
            return  # a page or frame change (reportlab's own `PageBegin` among them): nothing drawn
        if self.pending and rl.frame_empty(frame):
            at = 0
            while at < len(flowables) and self._continues(flowables[at]):
                at += 1
            flowables[at:at] = self.pending
            self.pending = []
        if not flowables:
            return
        first = flowables[0]
        if first.__dict__.get("deferred") and self.tagger is not None and first.float_elems:
            self.tagger.place_after_drawn(first.float_elems)
        if rl.frame_empty(frame):
            return
        if _floats(first):
            # a box under its heading goes with it (`KeepWithLines` saw it fit), even past a waiting float
            waits = self.pending and not first.__dict__.get("under_heading")
            if waits or self._floats_here(doc, flowables, first, 0.0):
                self._defer(flowables, 0)
        elif isinstance(first, KeepWithLines) and _floats(first.body):
            first.body.under_heading = True
            if not self.pending:  # else the heading and its float follow the waiting one
                self._heads_over_float(doc, flowables, first)
        elif self.pending and (_is_break(first) or _barrier(first)):
            flowables[0:0] = self.pending  # a float never passes a page break or the back matter
            self.pending = []

    def _continues(self, f: Flowable) -> bool:
        """Whether `f` is the rest of a block begun on the page before (a split paragraph's,
        a list's next items, a table's next rows)."""
        if f.__dict__.get("continues"):
            return True
        if self.tagger is None:
            return False
        leaf = _first_tagged(f)
        return leaf is not None and self.tagger.block_begun(leaf.pdf_tag)

    def after(self, flowables: list[Flowable], first: Flowable, drawn: Flowable | None) -> None:
        """Called after the document handled `first`: mark the rest of a split (floats go
        after it), and hand back the floats still waiting when the story ends."""
        split = drawn is not None and drawn is not first and not isinstance(first, KeepWithLines)
        # a split that draws nothing here hands its rest on behind a frame break
        carried = drawn is None and first.__dict__.get("continues") and flowables and flowables[0] is not first
        if split or carried:
            rest = next((f for f in flowables[:3] if not isinstance(f, ActionFlowable | FrameActionFlowable)), None)
            if rest is not None:
                rest.continues = True
        # (reportlab also runs its own page changes through here, in a list of their own)
        if not flowables and self.pending and not isinstance(first, ActionFlowable | FrameActionFlowable):
            flowables.extend(self.pending)
            self.pending = []

    def _defer(self, flowables: list[Flowable], at: int) -> None:
        take = 2 if len(flowables) > at + 1 and flowables[at + 1].__dict__.get("float_tail") else 1
        flowables[at].deferred = True
        self.pending += flowables[at : at + take]
        del flowables[at : at + take]

    def _floats_here(self, doc: Any, flowables: list[Flowable], f: Flowable, above: float) -> bool:
        """Whether `f` (under `above` points of headings) does not fit, and is worth floating."""
        room, page = rl.frame_room(doc.frame)
        room -= above + f.getSpaceBefore()
        width = doc.frame._getAvailableWidth()
        if isinstance(f, KeepTogether):  # its wrap asks to be split: measure its parts
            _, height = rl.wrap_all(rl.contained(f), width, doc.canv)
        else:
            _, height = f.wrapOn(doc.canv, width, room)
        if height <= room or height > page or room < FLOAT_ROOM * page:
            return False
        if all(_floats(g) or g.__dict__.get("float_tail") or isinstance(g, End) for g in flowables[1:]):
            return False  # no text after it to fill the page (the story's end): it goes on whole
        return _text_fills(flowables[1:], width, room, doc.canv)

    def _heads_over_float(self, doc: Any, flowables: list[Flowable], keep: KeepWithLines) -> None:
        """Headings over a float that does not fit: they stay with the first lines of the
        text after the float, and the float goes on, if those lines fit under them."""
        at = 2 if len(flowables) > 1 and flowables[1].__dict__.get("float_tail") else 1
        if len(flowables) <= at or not isinstance(flowables[at], Paragraph):
            return
        text = flowables[at]
        width = doc.frame._getAvailableWidth()
        _, above = rl.wrap_all(keep.head, width, doc.canv)
        # as `KeepWithLines` measures, under the space the frame puts above it
        above += keep.getSpaceBefore() + keep.head[-1].getSpaceAfter() + HEAD_SLACK
        if not self._floats_here(doc, [keep.body, *flowables[at:]], keep.body, above):
            return
        room = rl.frame_room(doc.frame)[0] - above
        if room <= 0 or not first_fits(text, width, room, HEAD_LINES, doc.canv):
            return
        keep.body.deferred = True
        self.pending += [keep.body, *flowables[1:at]]
        flowables[0 : at + 1] = [KeepWithLines(keep.head, text, HEAD_LINES)]


def _text_fills(flowables: list[Flowable], width: float, room: float, canv: Any) -> bool:
    """Whether the flowables up to the next page break (floats aside) fill `room`, or
    run to the story's end (whose last page may be short)."""
    total = 0.0
    if len(flowables) <= LOOKAHEAD and not any(_is_break(f) for f in flowables):
        return True
    for f in flowables[:LOOKAHEAD]:
        if _is_break(f):
            return False
        if _barrier(f):
            return True
        if isinstance(f, ActionFlowable | FrameActionFlowable):
            continue
        parts = rl.contained(f) if isinstance(f, KeepWithLines) else [f]
        for part in parts:
            if _floats(part) or part.__dict__.get("float_tail"):
                continue
            _, height = part.wrapOn(canv, width, 0xFFFFFF)
            total += height + part.getSpaceBefore()
            if total >= room:
                return True
    return False


def last_block_key(f: Flowable, depth: int = 0) -> str | None:
    """The `block_key` of the last top-level block `f` holds (a heading keeps the lines
    after it): what the DOCX places a float after (`writers/common/pagination.py`)."""
    key = f.__dict__.get("block_key")
    if key or depth > 3 or not isinstance(f, KeepTogether | KeepWithLines):
        return key
    return next((k for part in reversed(rl.contained(f)) if (k := last_block_key(part, depth + 1))), None)


def _first_tagged(f: Any, depth: int = 0) -> Any | None:
    """The first flowable in `f` (or `f`) with a structure element."""
    if isinstance(f, list | tuple):
        return next((t for item in f if (t := _first_tagged(item, depth)) is not None), None)
    if isinstance(f, str) or depth > 6:
        return None
    if f.__dict__.get("pdf_tag") is not None:
        return f
    return _first_tagged(rl.contained(f), depth + 1)
