"""writers.pdf.makeup: the split decisions of the page make-up, asked of each flowable
directly (no document): boxes, table starts, headings with their next lines, widows."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from briefgen.writers.common.makeup import HEAD_SLACK
from briefgen.writers.pdf.makeup import Box, DataTable, KeepWithLines, allow_widows, keep_headings
from briefgen.writers.pdf.para import Paragraph

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12)
HEAD = ParagraphStyle("h2", parent=BODY, fontSize=14, leading=16, keepWithNext=1)
WORDS = " ".join(f"word{i}" for i in range(400))  # about 30 lines at 300 points


def test_no_widows_no_orphans_in_every_style() -> None:
    styles = {"body": ParagraphStyle("b"), "h2": ParagraphStyle("h")}
    allow_widows(styles)
    assert [(s.allowWidows, s.allowOrphans) for s in styles.values()] == [(0, 0), (0, 0)]


def test_a_box_moves_whole_unless_taller_than_a_page() -> None:
    short = Box([["x"]], colWidths=[100], rowHeights=[200], page_height=500, splitInRow=1)
    short.wrap(100, 100)
    assert short.split(100, 100) == []
    tall = Box([[Paragraph(WORDS, BODY)]], colWidths=[300], page_height=100, splitInRow=1)
    tall.wrap(300, 100)
    assert len(tall.split(300, 100)) == 2


def test_a_table_starts_only_with_three_body_rows() -> None:
    rows = [["head"]] + [[f"row {i}"] for i in range(10)]
    table = DataTable(rows, colWidths=[100], rowHeights=[20] * 11, repeatRows=1)
    table._frame = type("F", (), {"_atTop": 0})()
    table.wrap(100, 1000)
    assert table.split(100, 70) == []  # header and two rows
    parts = table.split(100, 85)  # header and three rows
    assert [len(p._cellvalues) for p in parts] == [4, 8]  # the second repeats the header
    tiny = DataTable([["head"], ["only"], ["two"]], colWidths=[100], rowHeights=[20] * 3, repeatRows=1)
    tiny.wrap(100, 1000)
    assert tiny.split(100, 50) == []  # a table of two rows never splits
    table._frame = type("F", (), {"_atTop": 1})()
    assert len(table.split(100, 50)) == 2  # on an empty page, any start is better than none


def is_break(f: object) -> bool:
    return getattr(f, "action", ("",))[0] == "frameEnd"  # reportlab's FrameBreak() makes an instance


def _group(body: Paragraph) -> KeepWithLines:
    group = keep_headings([Paragraph("A heading", HEAD), body])[0]
    assert isinstance(group, KeepWithLines)
    group.canv = Canvas("unused.pdf")
    group._frame = type("F", (), {"_atTop": 0})()
    return group


def test_a_heading_keeps_two_lines_of_its_paragraph() -> None:
    group = _group(Paragraph(WORDS, BODY))
    moved = group.split(300, 16 + 20)  # the heading and one line: not enough
    kept = group.split(300, 16 + 24 + HEAD_SLACK)  # the heading, two lines and the slack
    assert is_break(moved[0])
    assert not is_break(kept[0]) and len(kept) == 2


def test_a_heading_at_a_frame_top_never_moves_and_spacers_end_a_run() -> None:
    group = _group(Paragraph(WORDS, BODY))
    group._frame = type("F", (), {"_atTop": 1})()
    assert not is_break(group.split(300, 10)[0])
    story = keep_headings([Paragraph("Lonely", HEAD), Spacer(1, 5), Paragraph("text", BODY)])
    assert not any(isinstance(f, KeepWithLines) for f in story)


def _table(rows: int = 10) -> DataTable:
    data = [["head"]] + [[f"row {i}"] for i in range(rows)]
    return DataTable(data, colWidths=[300], rowHeights=[20] * (rows + 1), repeatRows=1)


def test_a_heading_and_a_short_lead_in_keep_with_the_tables_first_rows() -> None:
    lead, table = Paragraph("The table below lists the events.", BODY), _table()
    story = keep_headings([Paragraph("Chronology", HEAD), lead, table, Spacer(1, 5)])
    group = story[0]
    assert isinstance(group, KeepWithLines) and group.then is table and len(story) == 2
    group.canv = Canvas("unused.pdf")
    group._frame = type("F", (), {"_atTop": 0})()
    head_and_lead = 16 + 12 + HEAD_SLACK
    assert is_break(group.split(300, head_and_lead + 20 + 40)[0])  # header and two rows: all move on
    kept = group.split(300, head_and_lead + 20 + 60 + 1)  # header and three rows
    assert not is_break(kept[0]) and kept[-1] is table


def test_a_long_paragraph_after_a_heading_is_no_lead_in() -> None:
    story = keep_headings([Paragraph("Heading", HEAD), Paragraph(WORDS, BODY), _table()])
    group = story[0]
    group.canv = Canvas("unused.pdf")
    group._frame = type("F", (), {"_atTop": 0})()
    assert not is_break(group.split(300, 16 + 24 + HEAD_SLACK)[0])  # the heading keeps two lines, as ever


def test_a_short_paragraph_ending_in_a_colon_keeps_with_its_table() -> None:
    intro, table = Paragraph("Aid reported in 2021:", BODY), _table()
    (group,) = keep_headings([intro, table])
    assert isinstance(group, KeepWithLines) and group.head == [intro] and group.lead
    group.canv = Canvas("unused.pdf")
    group._frame = type("F", (), {"_atTop": 0})()
    assert is_break(group.split(300, 12 + 20 + 40)[0])
    long = Paragraph(WORDS + ":", BODY)
    (group,) = keep_headings([long, _table()])
    group.canv = Canvas("unused.pdf")
    group._frame = type("F", (), {"_atTop": 0})()
    assert not is_break(group.split(300, 100)[0])  # a long paragraph splits as usual
    assert not any(isinstance(f, KeepWithLines) for f in keep_headings([Paragraph("No colon.", BODY), _table()]))


def test_a_split_table_never_carries_one_row_alone_to_the_next_page() -> None:
    table = _table(10)
    table._frame = type("F", (), {"_atTop": 0})()
    table.wrap(300, 1000)
    parts = table.split(300, 20 + 9 * 20 + 1)  # room for the header and nine of ten rows
    assert [len(p._cellvalues) for p in parts] == [9, 3]  # eight stay, two go under the header
    assert [len(p._cellvalues) for p in table.split(300, 20 + 7 * 20 + 1)] == [8, 4]  # untouched
