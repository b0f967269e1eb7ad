"""writers.docx.pages: the page from the theme, the running head and foot (title and brand
on top, the brand's footer and "Page N of M" below), and the marking and watermark on
every page, covers included."""

from __future__ import annotations

from typing import Any

import docxkit
import pytest
from docxkit import text, xp
from unitkit import meta

from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.writers.docx.pages import marking_only, running_heads, setup_page, short_title


def story(part: Any) -> Any:
    return opc.element(part)


def test_the_page_size_and_margins_come_from_the_theme(theme: Any) -> None:
    c = docxkit.ctx(theme)
    section = c.docx.sections[0]
    setup_page(section, c)
    width, height = theme.page_mm
    top, right, bottom, left = theme.margins_mm

    def mm(*lengths: Any) -> list[float]:
        return [round(x.mm, 1) for x in lengths]  # Word stores twips: a hundredth of a mm off

    assert mm(section.page_width, section.page_height) == [width, height]
    assert mm(section.top_margin, section.right_margin, section.bottom_margin, section.left_margin) == [
        top,
        right,
        bottom,
        left,
    ]
    assert section.header_distance.mm < top and section.footer_distance.mm < bottom  # the heads sit in the margins


@pytest.mark.parametrize(
    ("title", "short"),
    [
        ("A short title", "A short title"),
        (
            "The long report on many things that matter: what the year brought and why",
            "The long report on many things that matter",
        ),
    ],
)
def test_short_title_keeps_the_part_before_a_colon(title: str, short: str) -> None:
    assert short_title(title) == short


def test_a_long_title_without_a_break_is_cut_at_a_word_with_an_ellipsis() -> None:
    title = "Seven " * 20
    short = short_title(title)
    assert len(short) <= 60 and short.endswith("Seven…") and title.startswith(short[:-1])


def test_body_pages_have_title_and_brand_on_top_and_page_x_of_y_below(theme: Any) -> None:
    c = docxkit.ctx(theme, meta(document_id="DOC-7", client_name="Client Co"))
    section = c.docx.sections[0]
    running_heads(section, c)
    head = story(section.header)
    assert [text(p) for p in xp(head, "w:p")] == [f"Unit briefing{theme.name}"]
    assert xp(head, "w:p/w:r/w:tab")  # the brand name at the right tab
    foot = story(section.footer)
    assert xp(foot, ".//w:instrText/text()") == [" PAGE ", " NUMPAGES "]
    assert text(foot).startswith(f"{theme.footer} · DOC-7") and "Page 1 of 1" in text(foot)


def test_the_summary_has_neither_running_head_nor_page_numbers(theme: Any) -> None:
    c = docxkit.ctx(theme, meta(layout=Layout.SUMMARY))
    section = c.docx.sections[0]
    running_heads(section, c, running_head=False, page_numbers=False)
    assert text(story(section.header)) == "" and xp(story(section.footer), ".//w:fldChar") == []
    assert xp(story(section.footer), "w:p")  # a footer still holds a paragraph


def test_a_marking_is_in_every_header_and_footer_with_the_watermark_in_headers(theme: Any) -> None:
    mark = m.Marking("RESTRICTED", watermark="CLIENT COPY")
    c = docxkit.ctx(theme, meta(marking=mark))
    cover = c.docx.sections[0]
    marking_only(cover, c)  # in write_docx's order: the cover, then the body's section
    body = c.docx.add_section()
    running_heads(body, c)
    headers = [cover.first_page_header, body.header]
    for part in (*headers, cover.first_page_footer, body.footer):
        assert "RESTRICTED" in text(story(part))
        assert any(v.startswith("Marking") for v in xp(story(part), "w:p/w:pPr/w:pStyle/@w:val"))
    shapes = [xp(story(h), ".//*[local-name()='shape']/@id") for h in headers]
    assert all(len(s) == 1 for s in shapes) and len({s[0] for s in shapes}) == 2  # one per header, ids unique


def test_a_cover_without_marking_has_empty_headers(theme: Any) -> None:
    c = docxkit.ctx(theme)
    cover = c.docx.sections[0]
    marking_only(cover, c)
    assert cover.different_first_page_header_footer
    assert text(story(cover.first_page_header)) == "" and xp(story(cover.first_page_header), "w:p")
