"""writers.docx.blocks: text blocks → paragraphs whose style says their look: body roles,
headings (body outline level inside lists, quotes and boxes), lists with their own
numbering, quotes, code, rules and notes with bookmarks."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import paragraphs, xp

from briefgen.model import nodes as m
from briefgen.writers.docx.blocks import scoped
from briefgen.writers.docx.inline import note_anchor
from briefgen.writers.docx.styles.styler import list_step

T = m.Text


def para(words: str, style: str = "body") -> m.Paragraph:
    return m.Paragraph((T(words),), style=style)


def item(*blocks: m.Block) -> m.ListItem:
    return m.ListItem(tuple(blocks))


def test_paragraph_roles_and_box_kinds_choose_the_style(theme: Any) -> None:
    c = docxkit.ctx(theme)
    docxkit.render(c, para("a"), para("b", "lead"), para("c", "small"))
    with scoped(c, box="bottom-line"):
        docxkit.render(c, para("d"))
    with scoped(c, box="callout"):
        docxkit.render(c, para("e", "lead"))  # inside a box the box's text style wins
    assert paragraphs(docxkit.body(c))[-5:] == [
        ("Normal", "a"),
        ("Lead", "b"),
        ("Small", "c"),
        ("BottomLineText", "d"),
        ("BoxText", "e"),
    ]


def test_headings_keep_their_level_up_to_six_and_a_bookmark(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, m.Heading(3, (T("Three"),), "three"), m.Heading(9, (T("Deep"),), "deep"))
    assert paragraphs(body)[-2:] == [("Heading3", "Three"), ("Heading6", "Deep")]
    assert xp(body, "w:p/w:bookmarkStart/@w:name")[-2:] == ["three", "deep"]
    assert xp(body, "w:p/w:pPr/w:outlineLvl") == []  # at top level they join the contents


def test_a_heading_in_a_quote_looks_the_same_but_stays_out_of_the_contents(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, m.BlockQuote((m.Heading(2, (T("Aside"),), "aside"), para("quoted"))))
    assert paragraphs(body)[-2:] == [("Heading2", "Aside"), ("Quote", "quoted")]
    assert xp(body, "w:p[.//w:t='Aside']/w:pPr/w:outlineLvl/@w:val") == ["9"]


def test_a_heading_in_a_quote_keeps_the_quotes_left_bar(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, m.BlockQuote((para("before"), m.Heading(3, (T("Aside"),), "aside"), para("after"))))
    bar = xp(c.docx.styles.element, "w:style[@w:styleId='Quote']/w:pPr/w:pBdr/w:left")
    indent = xp(c.docx.styles.element, "w:style[@w:styleId='Quote']/w:pPr/w:ind")
    assert len(bar) == 1 and len(indent) == 1
    heading = xp(body, "w:p[.//w:t='Aside']/w:pPr")[0]
    # The very same border and indents as the quote's paragraphs: Word draws one bar down all three.
    assert [dict(e.attrib) for e in xp(heading, "w:pBdr/w:left")] == [dict(bar[0].attrib)]
    assert [dict(e.attrib) for e in xp(heading, "w:ind")] == [dict(indent[0].attrib)]
    assert xp(body, "w:p[.//w:t='Aside']/w:pPr/w:pStyle/@w:val") == ["Heading3"]


def test_a_list_item_that_starts_with_a_heading_numbers_the_heading(theme: Any) -> None:
    c = docxkit.ctx(theme)
    items = (item(m.Heading(3, (T("Point"),), "point"), para("why")), item(para("plain")))
    body = docxkit.render(c, m.BulletList(items))
    # No empty bullet paragraph above the heading: the heading carries the bullet.
    assert [text for _style, text in paragraphs(body)[-3:]] == ["Point", "why", "plain"]
    assert len(xp(body, "w:p[.//w:t='Point']/w:pPr/w:numPr")) == 1
    assert xp(body, "w:p[.//w:t='Point']/w:pPr/w:outlineLvl/@w:val") == ["9"]
    assert xp(body, "w:p[not(.//w:t) and w:pPr/w:numPr]") == []


def test_bullets_nest_by_style_and_later_paragraphs_of_an_item_continue_unnumbered(theme: Any) -> None:
    c = docxkit.ctx(theme)
    inner = m.BulletList((item(para("inner")),))
    body = docxkit.render(c, m.BulletList((item(para("one"), para("more"), inner), item(para("two")))))
    assert paragraphs(body)[-4:] == [
        ("ListBullet", "one"),
        ("ListContinue", "more"),
        ("ListBullet2", "inner"),
        ("ListBullet", "two"),
    ]
    last = xp(body, "w:p")[-1]
    gap = round(c.list_gap * 20)
    assert gap < round(c.paragraph_gap * 20)
    assert xp(last, "w:pPr/w:spacing/@w:after") == [str(gap)]  # the list ends with the PDF's space after a list
    assert xp(body, "w:p[.//w:t='one']/w:pPr/w:spacing") == []  # items inside sit close
    assert xp(body, "w:p/w:pPr/w:ind") == []  # one kind nested: the styles' indents are the PDF's


def test_a_list_of_another_kind_nested_states_the_pdf_s_indent(theme: Any) -> None:
    c = docxkit.ctx(theme)
    inner = m.OrderedList((item(para("inner"), para("more")),), start=1)
    body = docxkit.render(c, m.BulletList((item(para("one"), inner),)))
    bullet, number = list_step(False, theme.base_size), list_step(True, theme.base_size)
    # its text a number's room in from the bullet's text, its number at the bullet's text
    assert xp(body, "w:p[.//w:t='inner']/w:pPr/w:ind/@w:left") == [str(bullet + number)]
    assert xp(body, "w:p[.//w:t='inner']/w:pPr/w:ind/@w:hanging") == [str(number)]
    assert xp(body, "w:p[.//w:t='more']/w:pPr/w:ind/@w:left") == [str(bullet + number)]
    assert xp(body, "w:p[.//w:t='one']/w:pPr/w:ind") == []


def test_each_ordered_list_counts_from_its_own_start(theme: Any) -> None:
    c = docxkit.ctx(theme)
    first = m.OrderedList((item(para("a")), item(para("b"))), start=1)
    second = m.OrderedList((item(para("c")),), start=4)
    body = docxkit.render(c, first, para("between"), second)
    ids = [xp(body, f"w:p[.//w:t='{t}']/w:pPr/w:numPr/w:numId/@w:val")[0] for t in "abc"]
    assert ids[0] == ids[1] != ids[2]  # a new sequence for the second list
    numbering = c.docx.part.numbering_part.element
    starts = xp(numbering, f"w:num[@w:numId='{ids[2]}']/w:lvlOverride/w:startOverride/@w:val")
    assert starts == ["4"]


def test_code_rule_and_quote_have_their_styles(theme: Any) -> None:
    c = docxkit.ctx(theme)
    body = docxkit.render(c, m.CodeBlock("x = 1\n\ty = 2"), m.Rule(), m.BlockQuote((para("q"),)))
    assert paragraphs(body)[-3:] == [("CodeBlock", "x = 1y = 2"), ("HorizontalRule", ""), ("Quote", "q")]
    code = xp(body, "w:p")[-3]
    assert len(xp(code, ".//w:br")) == 1 and len(xp(code, ".//w:tab")) == 1  # lines and tabs kept


def test_notes_are_numbered_bookmarked_paragraphs_under_a_rule(theme: Any) -> None:
    # A section whose notes are not Word footnotes (footnotes.plan left them out): its list.
    c = docxkit.ctx(theme)
    c.section_id = "intro"
    notes = m.Notes((m.Note(1, (para("first note"), para("its second paragraph"))), m.Note(2, (para("second"),))))
    body = docxkit.render(c, notes)
    assert paragraphs(body)[-4:] == [
        ("NotesRule", ""),
        ("Notes", "1first note"),  # the number, a tab (an element, not text), the first paragraph
        ("Notes", "its second paragraph"),
        ("Notes", "2second"),
    ]
    assert xp(body, "w:p/w:bookmarkStart/@w:name")[-2:] == [note_anchor("intro", 1), note_anchor("intro", 2)]
    assert xp(body, "w:p[w:bookmarkStart]/w:r[1]/w:rPr/w:rStyle/@w:val") == ["FootnoteReference"] * 2
    assert len(xp(xp(body, "w:p")[-3], ".//w:tab")) == 1


def test_scoped_restores_the_context_even_after_an_error(theme: Any) -> None:
    c = docxkit.ctx(theme)
    try:
        with scoped(c, list_depth=3, box="factbox"):
            raise RuntimeError
    except RuntimeError:
        pass
    assert (c.list_depth, c.box) == (0, "")
