"""The PDF's page make-up: where a page may break, and where it may not.

The rules a typesetter keeps, as reportlab flowables and split decisions:

- a heading keeps with the first lines of what follows it (`KeepWithLines`): two lines of
  a paragraph, three body rows of a table, or the whole of a box; a short lead-in (at
  most three lines) between a heading and a table or box goes with the table's first
  rows or the box too, and a one-line paragraph with the first lines after it;
- a paragraph never leaves one line alone at a page's foot or head (`allow_widows`);
  nor does a list (`KeptList`): a first item of one line keeps with the next item's
  first lines, and a last item of one line with the end of the item before it;
- a box (call-out, fact box, bottom line, client note) moves whole to the next page
  unless it is taller than a page (`Box`);
- a data table starts on a page only with its header and three body rows, carries at
  least two body rows over to the next page, and repeats its header (`DataTable`);
- a section that asks for a new page gets one only if the page before it already holds
  six lines of body text; otherwise it follows on (`SectionBreak`), so no page but the
  last is left nearly empty.

The same rules reach the DOCX as Word's properties (`writers/docx/body.py`, `tables.py`).
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, Table
from reportlab.platypus.doctemplate import ActionFlowable, FrameActionFlowable, FrameBreak

from briefgen.libs import rl_internals as rl
from briefgen.writers.common.makeup import (
    HEAD_LINES,
    HEAD_SLACK,
    LEAD_IN_LINES,
    LIST_LONE_LINES,
    MIN_PAGE_LINES,
    TABLE_END_ROWS,
    TABLE_START_ROWS,
)
from briefgen.writers.pdf.para import Paragraph


def allow_widows(styles: dict[str, ParagraphStyle]) -> None:
    """No widow and no orphan: a paragraph splits only with two lines on either side."""
    for style in styles.values():
        style.allowWidows = 0
        style.allowOrphans = 0


def _at_top(flowable: Flowable) -> bool:
    """Whether the frame splitting `flowable` is empty (outside a frame: no)."""
    frame = rl.frame_of(flowable)
    return frame is not None and rl.frame_empty(frame)


class Box(Table):
    """A box's one-row table: it moves whole to the next page, and splits inside its row
    only when it is taller than a whole page (else nothing of it could ever be shown)."""

    def __init__(self, *args: Any, page_height: float = 0.0, **kw: Any):
        # reportlab makes a split's parts with the table's own class; they split freely.
        super().__init__(*args, **kw)
        self.page_height = page_height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        _, height = self.wrap(availWidth, self.page_height)
        if height <= self.page_height:
            return []
        return super().split(availWidth, availHeight)


class Keep(KeepTogether):
    """reportlab's KeepTogether, which also measures inside a box split across pages
    (reportlab's in-row split asks it to wrap after taking its canvas away)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        if getattr(self, "canv", None) is None:
            self.canv = _scratch()
        return super().wrap(availWidth, availHeight)


@lru_cache(maxsize=1)
def _scratch() -> Canvas:
    return Canvas(io.BytesIO())


class DataTable(Table):
    """A data table that starts on a page only with its header and `TABLE_START_ROWS` body rows."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        head = self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)
        parts = self._no_lone_end(super().split(availWidth, availHeight), availWidth, head)
        if not parts or _at_top(self):
            return parts
        body_rows = rl.table_rows(parts[0]) - head
        if body_rows < min(TABLE_START_ROWS, rl.table_rows(self) - head):
            return []
        return parts

    def _no_lone_end(self, parts: list[Flowable], width: float, head: int) -> list[Flowable]:
        # A last row alone under a repeated header reads as a stray: the page before gives
        # up rows (one at a time, each split a row shorter) until `TABLE_END_ROWS` go over.
        while len(parts) == 2 and 0 < rl.table_rows(parts[1]) - head < TABLE_END_ROWS:
            height = parts[0].wrap(width, 1e9)[1]
            shorter = super().split(width, height - 1)
            if len(shorter) != 2 or rl.table_rows(shorter[0]) <= head:
                return parts
            parts = shorter
        return parts


class KeptList(ListFlowable):
    """A list that splits as a paragraph does, never leaving one line alone: its first
    item, if it is one line, stays only with the next item's first `HEAD_LINES` lines
    (`KeepWithLines`), and its last item, if one line, never starts a page without the
    end of the item before it (`_KeepLast`)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        parts = list(super().split(availWidth, availHeight))
        starts = [i for i, f in enumerate(parts) if getattr(f, "_bullet", None) is not None]
        if len(starts) < 2 or _at_top(self):
            return parts
        canv = self.canv
        if _lone(parts[-1], availWidth, canv) and starts[-1] == len(parts) - 1:
            parts[-2:] = [_KeepLast(parts[-2], parts[-1])]
        if _lone(parts[0], availWidth, canv) and starts[1] == 1:
            parts[:2] = [KeepWithLines([parts[0]], parts[1], HEAD_LINES)]
        if isinstance(parts[0], KeepWithLines | _KeepLast):
            parts.insert(0, _Parts())  # the frame must take a split's first part as it is: this one splits
        return parts


def _lone(f: Flowable, width: float, canv: Canvas) -> bool:
    """Whether `f` (a list's part) is a paragraph of `LIST_LONE_LINES` line(s) or fewer."""
    inner = getattr(f, "_flowable", f)
    if not isinstance(inner, Paragraph):
        return False
    f.wrapOn(canv, width, 0xFFFFFF)
    return rl.has_line_breaking(inner) and rl.line_count(inner) <= LIST_LONE_LINES


class _KeepLast(rl.container_base(), Flowable):  # type: ignore[misc]
    """A list's last item of one line with the item before it: where the two do not fit
    but the one before does, that one splits (leaving two lines to go with the last) or,
    too short to split, moves on with it, so no page starts with a list's last line."""

    def __init__(self, before: Flowable, last: Flowable):
        self._content = [before, last]
        self.before, self.last = before, last

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return availWidth, 0xFFFFFF  # never drawn whole: always split into its parts

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        before, last = self.before, self.last
        if _at_top(self):
            return [before, last]
        _, high = before.wrapOn(self.canv, availWidth, availHeight)
        _, low = last.wrapOn(self.canv, availWidth, availHeight)
        if high > availHeight or high + max(before.getSpaceAfter(), last.getSpaceBefore()) + low <= availHeight:
            return [before, last]  # both fit, or the one before splits anyway, its end going on
        before.canv = self.canv  # as a frame's split sets it
        try:
            parts = before.split(availWidth, high - 1)  # its last lines go on with the last item
        finally:
            del before.canv
        if len(parts) == 2:
            return [parts[0], FrameBreak(), parts[1], last]
        return [FrameBreak(), before, last]


class KeepWithLines(rl.container_base(), Flowable):  # type: ignore[misc]
    """Headings (and a section's kicker and rule) with the flowable after them.

    They stay on a page only if the first `lines` lines of that flowable fit beneath them
    (a table: its first rows, as `DataTable` allows; a box: all of it); else all move to
    the next page. The parts are handed back to the frame one by one, so the paragraph
    after the heading still fills the page and splits as usual.
    """

    def __init__(
        self, head: list[Flowable], body: Flowable, lines: int, then: Flowable | None = None, *, lead: bool = False
    ):
        for f in head:
            f.keepWithNext = 0  # this group keeps them; reportlab's own KeepTogether would move all
        self._content = [*head, body] + ([then] if then is not None else [])
        self.head, self.body, self.lines, self.then = head, body, lines, then
        self.lead = lead  # `head` is a paragraph introducing `body`: kept with it only if short

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        return availWidth, 0xFFFFFF  # never drawn whole: always split into its parts

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        content = list(self._content)
        if self.lead:  # a paragraph may not fit whole: the frame takes (and splits) each part in turn
            content.insert(0, _Parts())
            if not _lead_in(self.head[0], availWidth, self.canv, LEAD_IN_LINES):
                return content
        if _at_top(self):
            return content
        head, body = self.head, self.body
        most = LEAD_IN_LINES if isinstance(self.then, DataTable | Box) else self.lines - 1
        if self.then is not None and _lead_in(body, availWidth, self.canv, most):
            head, body = [*head, body], self.then  # the lead-in goes with the first lines after it
        _, head_height = rl.wrap_all(head, availWidth, self.canv)
        # reportlab overlaps a flowable's space after with the next one's space before.
        room = availHeight - head_height - max(head[-1].getSpaceAfter(), body.getSpaceBefore())
        room -= HEAD_SLACK  # where it is a near thing, Word and LibreOffice move the heading: so does the PDF
        if room > 0 and first_fits(body, availWidth, room, self.lines, self.canv):
            return content
        return [FrameBreak(), *content]


def _introduces(f: Flowable) -> bool:
    """Whether `f` is a paragraph that ends in a colon: it introduces what follows."""
    return isinstance(f, Paragraph) and not _is_head(f) and re.sub(r"<[^>]*>", "", f.text).rstrip().endswith(":")


class _Parts(ActionFlowable):
    """Does nothing: a split whose first part is an action goes back on the story whole,
    so the frame takes every part as it takes any flowable, splitting it where it must."""

    def __init__(self) -> None:
        super().__init__(("parts",))

    def apply(self, doc: Any) -> None:
        pass


def _lead_in(f: Flowable, width: float, canv: Canvas, most: int) -> bool:
    """Whether `f` is a paragraph of at most `most` lines: a lead-in that goes with what
    follows it (`LEAD_IN_LINES` before a table, a box or after a colon; else one line)."""
    if not isinstance(f, Paragraph):
        return False
    f.wrapOn(canv, width, 0xFFFFFF)
    return rl.has_line_breaking(f) and rl.line_count(f) <= most


def first_fits(f: Flowable, width: float, room: float, lines: int, canv: Canvas, depth: int = 0) -> bool:
    """Whether `f` fits in `room`, or its first part does: `lines` lines of a paragraph
    (never leaving a widow), a table's first rows, a list's first item, recursively."""
    _, height = f.wrapOn(canv, width, room)
    if height <= room:
        return True
    if isinstance(f, Paragraph):
        count = (rl.line_count(f) if rl.has_line_breaking(f) else 0) or 1
        need = min(lines, count)
        if need == count - 1:
            need = count  # one line alone on the next page is a widow
        return need * f.style.leading <= room
    if depth > 4:
        return False
    f.canv = canv  # as a frame's split sets it
    try:
        parts = f.split(width, room)
    finally:
        del f.canv
    if parts and isinstance(parts[0], _Parts):
        parts = parts[1:]
    if not parts or parts[0] is f or isinstance(parts[0], ActionFlowable | FrameActionFlowable):
        return False  # nothing fits here (a split that begins with a frame break moves all on)
    return first_fits(parts[0], width, room, lines, canv, depth + 1)


class SectionBreak(Flowable):
    """Before a section that asks for a new page: a page break, unless the page so far
    holds under `MIN_PAGE_LINES` lines of body text, when the section follows on.

    `followed` lists the ids of the sections that followed on, for the DOCX writer.
    """

    def __init__(self, line_height: float, section_id: str, followed: set[str]):
        self.line_height, self.section_id, self.followed = line_height, section_id, followed
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        frame = rl.current_frame(self)
        if frame is None or rl.frame_empty(frame):
            return 0, 0
        used = rl.frame_used(frame, availHeight)
        if used >= MIN_PAGE_LINES * self.line_height:
            frame.add_generated_content(FrameBreak)
        else:
            self.followed.add(self.section_id)
        return 0, 0

    def draw(self) -> None:
        pass


def keep_headings(story: list[Flowable]) -> list[Flowable]:
    """The story with every run of headings grouped with the flowable after it, and with
    the table or box after that when it is a paragraph (a lead-in, if it proves short)."""
    out: list[Flowable] = []
    run: list[Flowable] = []
    at = 0
    while at < len(story):
        f = story[at]
        at += 1
        if _is_head(f):
            run.append(f)
            continue
        if run and f.__class__.__name__ in ("Spacer", "CondPageBreak", "SectionBreak", "PageBreak"):
            out.extend(run)
            run = []
        if not run and _introduces(f) and at < len(story) and isinstance(story[at], DataTable | Box | ListFlowable):
            out.append(KeepWithLines([f], story[at], HEAD_LINES, lead=True))  # "…as follows:" and its table
            at += 1
            continue
        if run:
            then = story[at] if at < len(story) and isinstance(f, Paragraph) else None
            # (a paragraph ending in a colon is left to keep with what it introduces)
            if (
                isinstance(then, DataTable | Box | ListFlowable | Paragraph)
                and not _is_head(then)
                and not _introduces(then)
            ):
                at += 1
            else:
                then = None
            out.append(KeepWithLines(run, f, HEAD_LINES, then))
            run = []
        else:
            out.append(f)
    out.extend(run)
    return out


def _is_head(f: Flowable) -> bool:
    if getattr(f, "section_rule", False):
        return True
    style = getattr(f, "style", None)
    return bool(getattr(f, "keepWithNext", 0) or (style is not None and getattr(style, "keepWithNext", 0)))
