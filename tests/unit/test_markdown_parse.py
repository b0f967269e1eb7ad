"""markdown.parse: one rendered body → model blocks, each at the user's line; nothing dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from unitkit import messages, parse

from briefgen.errors import BriefgenError, Pos
from briefgen.markdown.parse import slug
from briefgen.model import nodes as m

AT = "sections/s.md"


def refused(text: str, tmp: Path) -> list[str]:
    with pytest.raises(BriefgenError) as caught:
        parse(text, tmp, first=10)
    return messages(caught.value)


def test_inline_markup_becomes_typed_runs(tmp_path: Path) -> None:
    (para,) = parse("Some *emph*, **strong**, `code`, [link](https://x.org), ~~gone~~\\\nnext <b>raw</b>\n", tmp_path)
    assert para == m.Paragraph(
        (
            m.Text("Some "),
            m.Emph((m.Text("emph"),)),
            m.Text(", "),
            m.Strong((m.Text("strong"),)),
            m.Text(", "),
            m.Code("code"),
            m.Text(", "),
            m.Link("https://x.org", (m.Text("link"),)),
            m.Text(", "),
            m.Strike((m.Text("gone"),)),
            m.LineBreak(),
            m.Text("next <b>raw</b>"),  # raw HTML prints as typed
        ),
        Pos(AT, 1),
    )


def test_blocks_carry_the_users_lines(tmp_path: Path) -> None:
    text = "# Top\n\n- a\n- b\n\n3. x\n\n> quote\n\n---\n\n```py\ncode\n```\n"
    blocks = parse(text, tmp_path, first=10)
    assert [(type(b).__name__, b.pos.line) for b in blocks] == [
        ("Heading", 10),
        ("BulletList", 12),
        ("OrderedList", 15),
        ("BlockQuote", 17),
        ("Rule", 19),
        ("CodeBlock", 21),
    ]
    assert [i.pos.line for i in blocks[1].items] == [12, 13]
    assert blocks[2].start == 3
    assert blocks[5] == m.CodeBlock("code", "py", Pos(AT, 21))


def test_heading_levels_shift_and_anchors_are_unique(tmp_path: Path) -> None:
    blocks = parse("# Same\n\n## Same\n", tmp_path, shift=2)
    assert [(b.level, b.anchor) for b in blocks] == [(2, "same"), (3, "same-2")]
    assert slug("Trade & Aid, 2021!") == "trade-aid-2021" and slug("¿?") == "section"


def test_a_table_keeps_alignment_and_each_rows_line(tmp_path: Path) -> None:
    (table,) = parse("| A | B |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n", tmp_path, first=5)
    assert [[c.align for c in row] for row in (*table.header, *table.rows)] == [["left", "right"]] * 3
    assert [[c.children for c in row] for row in table.rows] == [
        [(m.Text("1"),), (m.Text("2"),)],
        [(m.Text("3"),), (m.Text("4"),)],
    ]
    assert (table.pos, table.row_pos) == (Pos(AT, 5), (Pos(AT, 7), Pos(AT, 8)))


def test_footnotes_are_numbered_and_listed_at_the_end(tmp_path: Path) -> None:
    blocks = parse("Text[^n].\n\nMore.\n\n[^n]: The note.\n", tmp_path)
    assert blocks[0].children == (m.Text("Text"), m.NoteRef(1), m.Text("."))
    notes = blocks[-1]
    assert isinstance(notes, m.Notes)
    assert notes.notes == (m.Note(1, (m.Paragraph((m.Text("The note."),), Pos(AT, 5)),)),)


def test_a_fenced_div_keeps_its_classes_and_attributes_for_the_filters(tmp_path: Path) -> None:
    (div,) = parse('::: {.callout title="T" audience="x"}\nInside.\n:::\n', tmp_path, first=3)
    assert div == m.Div(
        (("title", "T"), ("audience", "x")),
        ("callout",),
        (m.Paragraph((m.Text("Inside."),), Pos(AT, 4)),),
        Pos(AT, 3),
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            "Intro.\n\n[bad](javascript:alert(1))\n",
            "sections/s.md:12: error: link target 'javascript:alert(1)' is not allowed "
            "(use an http(s):// or mailto: address, or #section-id)",
        ),
        (
            "| A |\n|---|\n| 1 | 2 |\n",
            "sections/s.md:12: error: this table row has 2 cells but the header has 1: the cells past the header "
            "would be lost (add header cells for them, or write a | that is text as \\|)",
        ),
        (
            "Text.\n\n[^x]: Unused.\n",
            "sections/s.md:12: error: footnote [^x] is defined but never referenced (reference it or delete it)",
        ),
        (
            "::: {.callout}\nnever closed\n",
            "sections/s.md:10: error: fenced div is never closed (add a ':::' line where the block ends)",
        ),
        (
            "![alt](missing.png)\n",
            "sections/s.md:10: error: image not found: missing.png (paths are relative to the section file)",
        ),
    ],
)
def test_what_cannot_be_kept_is_an_error_at_its_line(text: str, says: str, tmp_path: Path) -> None:
    assert refused(text, tmp_path) == [says]


def test_every_problem_of_a_body_is_reported_at_once(tmp_path: Path) -> None:
    found = refused("[a](file:///etc/passwd)\n\n[b](data:x)\n", tmp_path)
    assert [f.split(": error: ")[0] for f in found] == ["sections/s.md:10", "sections/s.md:12"]
