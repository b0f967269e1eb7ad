"""writers.docx.styles.parastyles: every Word style the writer names is defined, each
paragraph style set from its design role (size, colour, face) with what only Word has
(keep-with-next, outline levels), code tab stops every 4 columns, the summary tighter."""

from __future__ import annotations

import itertools
from typing import Any

import docxkit
import pytest
from docxkit import xp

from briefgen.design.system import design_of, scaled
from briefgen.model import nodes as m
from briefgen.writers.docx.package.ooxml import half_points, hexcolor
from briefgen.writers.docx.styles.parastyles import code_tabs, list_step, paragraph_gap, rhythm

T = m.Text


def style(styles: Any, sid: str) -> Any:
    [node] = xp(styles, f"w:style[@w:styleId='{sid}']")
    return node


def test_the_summary_spaces_paragraphs_tighter() -> None:
    assert rhythm(True) < rhythm(False) == 1.0
    assert paragraph_gap(10, compact=True) < paragraph_gap(10, compact=False)
    assert paragraph_gap(20, compact=False) == 2 * paragraph_gap(10, compact=False)  # relative to the body size


def test_code_tab_stops_fall_every_four_columns_just_before_each(theme: Any) -> None:
    stops = [int(x) for x in xp(code_tabs(9, 113, 9000), "w:tab/@w:pos")]
    steps = {b - a for a, b in itertools.pairwise(stops)}
    assert len(stops) > 5 and max(steps) - min(steps) <= 1  # even, up to rounding
    assert stops[-1] <= 9000 - 113
    assert len(xp(code_tabs(18, 113, 9000), "w:tab")) < len(stops)  # bigger type: fewer columns


@pytest.mark.parametrize("level", [1, 2, 3, 4, 6])
def test_headings_follow_the_design_scale_and_join_the_outline(theme: Any, level: int) -> None:
    c = docxkit.ctx(theme)
    node = style(c.docx.styles.element, f"Heading{level}")
    role = scaled(design_of(theme).heading(level), theme.base_size)
    assert xp(node, "w:rPr/w:sz/@w:val") == [str(half_points(role.size))]
    assert xp(node, "w:rPr/w:color/@w:val") == [hexcolor(role.color)]
    assert xp(node, "w:pPr/w:outlineLvl/@w:val") == [str(level - 1)]
    assert xp(node, "w:pPr/w:keepNext")


def test_a_scale_shrinks_every_style_together(theme: Any) -> None:
    def size(scale: float, sid: str) -> int:
        return int(xp(style(docxkit.ctx(theme, scale=scale).docx.styles.element, sid), "w:rPr/w:sz/@w:val")[0])

    for sid in ("Heading1", "Caption"):
        assert size(0.8, sid) < size(1.0, sid)


def test_every_style_the_writer_names_is_defined(theme: Any, tmp_path: Any) -> None:
    c = docxkit.ctx(theme)
    item = m.ListItem(
        (m.Paragraph((T("a"),)), m.Paragraph((T("b"),)), m.OrderedList((m.ListItem((m.Paragraph((T("c"),)),)),)))
    )
    cells = ((m.Cell((T("x"),)), m.Cell((m.Code("y"),))),)
    blocks = (
        m.Heading(2, (m.Strong((T("h"),)),), "h"),
        m.Paragraph(
            (T("p "), m.Emph((T("e"),)), m.Strike((T("s"),)), m.Link("https://x.org", (T("l"),))), style="lead"
        ),
        m.Paragraph((m.Link("#h", (T("x"),)), m.NoteRef(1)), style="small"),
        m.BulletList((item,)),
        m.BlockQuote((m.Paragraph((T("q"),)),)),
        m.CodeBlock("code"),
        m.Rule(),
        m.Table(header=cells, rows=cells, caption=(T("t"),)),
        m.Table(header=(), rows=cells, kind="facts", caption=(T("f"),)),
        m.Table(header=(), rows=cells, kind="figures"),
        *(
            m.Callout("Title", (m.Paragraph((T("in"),)),), kind=k)
            for k in ("callout", "bottom-line", "factbox", "contact")
        ),
        m.Notes((m.Note(1, (m.Paragraph((T("n"),)),)),)),
    )
    c.anchors = {"h"}
    body = docxkit.render(c, *blocks)
    used = set(xp(body, ".//w:pStyle/@w:val | .//w:rStyle/@w:val | .//w:tblStyle/@w:val"))
    defined = set(xp(c.docx.styles.element, "w:style/@w:styleId"))
    assert len(used) > 25 and used <= defined, sorted(used - defined)


def test_list_styles_indent_by_level(theme: Any) -> None:
    styles = docxkit.ctx(theme).docx.styles.element
    continues = [int(xp(style(styles, sid), "w:pPr/w:ind/@w:left")[0]) for sid in ("ListContinue", "ListContinue2")]
    step = list_step(False, theme.base_size)
    assert continues == [step, 2 * step]
    # as the PDF's lists: a bullet list's text 1.3 em in, a numbered list's 1.8 em, the marker at the level's start
    numbered = xp(style(styles, "ListNumber2"), "w:pPr/w:ind/@w:left | w:pPr/w:ind/@w:hanging")
    assert [int(v) for v in numbered] == [2 * list_step(True, theme.base_size), list_step(True, theme.base_size)]
    assert list_step(False, 10.5) == round(1.3 * 10.5 * 20) and list_step(True, 10.5) == round(1.8 * 10.5 * 20)


def test_text_roles_have_the_pdf_s_exact_leading(theme: Any) -> None:
    # LibreOffice's "auto" line is its 96-dpi pixel metrics, a shade short of the design's,
    # which moved headings a page against the PDF by the foot of a long page.
    c = docxkit.ctx(theme)
    lead = scaled(design_of(theme).text("lead"), theme.base_size)
    node = style(c.docx.styles.element, "Lead")
    assert xp(node, "w:pPr/w:spacing/@w:lineRule") == ["exact"]
    assert xp(node, "w:pPr/w:spacing/@w:line") == [str(round(lead.leading * 20))]
    for sid, role in (("Normal", "body"), ("Heading2", "h2"), ("ListBullet", "body")):  # every role: exact
        node = style(c.docx.styles.element, sid)
        assert xp(node, "w:pPr/w:spacing/@w:lineRule") == ["exact"], sid
        assert xp(node, "w:pPr/w:spacing/@w:line") == [
            str(round(scaled(design_of(theme).text(role), theme.base_size).leading * 20))
        ]
