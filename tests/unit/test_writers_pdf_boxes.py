"""writers.pdf.boxes: call-outs as one-cell tables in the design's fill and bar (a bottom
line's title in capitals), only the outermost box splitting inside its row, and a fact
box's label column chosen to make its facts shortest."""

from __future__ import annotations

from typing import Any

import pdfkit
from reportlab.lib.colors import HexColor
from reportlab.platypus import Table

from briefgen.design.system import box_look
from briefgen.model import nodes as m
from briefgen.writers.pdf import boxes

T = m.Text


def test_a_callout_is_a_box_in_its_kinds_fill_and_bar(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    box, _space = boxes.callout(m.Callout("Bottom line", (m.Paragraph((T("It matters."),)),), kind="bottom-line"), r)
    look = box_look(r.design, "bottom-line")
    assert isinstance(box, Table) and box._colWidths == [r.width]
    backgrounds = [c for c in box._bkgrndcmds if c[0] == "BACKGROUND"]
    assert backgrounds and backgrounds[0][3] == HexColor(look.fill)
    assert any(c[0] == "LINEBEFORE" and c[4] == HexColor(look.bar) for c in box._linecmds)
    title, body = box._cellvalues[0][0]
    assert title.style is r.styles[look.title] and body.style is r.styles[look.body]
    assert pdfkit.words([box]) == "BOTTOM LINE It matters."  # the design sets this title in capitals


def test_a_plain_callout_keeps_its_title_case_and_body_style(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    box, _ = boxes.callout(m.Callout("Aside", (m.Paragraph((T("words"),), style="lead"),)), r)
    title, body = box._cellvalues[0][0]
    assert title.style is r.styles["box_title"]
    assert pdfkit.words([box]) == "Aside words" and body.style is r.styles["lead"]


def test_only_the_outermost_box_splits_inside_its_row(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    assert boxes.split_in_row(r) == 1 and boxes.split_in_row(r.inner(100)) == 0
    inner = m.Callout("", (m.Paragraph((T("in"),)),))
    outer, _ = boxes.callout(m.Callout("", (inner,)), r)
    nested = outer._cellvalues[0][0][0]
    assert outer.splitInRow == 1 and nested.splitInRow == 0
