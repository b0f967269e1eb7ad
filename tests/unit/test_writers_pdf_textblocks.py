"""writers.pdf.textblocks: paragraphs in their role's style, headings with an anchor and a
bookmark, code with its indentation kept, rules, and numbered notes."""

from __future__ import annotations

from typing import Any

import pdfkit
from reportlab.platypus import HRFlowable

from briefgen.model import nodes as m
from briefgen.writers.pdf import textblocks as tb

T = m.Text


def test_a_paragraph_takes_its_roles_style_or_the_body(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    [lead] = tb.paragraph(m.Paragraph((T("x"),), style="lead"), r)
    [odd] = tb.paragraph(m.Paragraph((T("x"),), style="nonsense"), r)
    assert lead.style is r.styles["lead"] and odd.style is r.styles["body"]


def test_a_heading_is_an_anchored_bookmark_in_the_style_of_its_level(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    [h] = tb.heading(m.Heading(3, (T("Ports "), m.Emph((T("and ice"),))), "ports"), r)
    assert isinstance(h, tb.Anchored) and h.style is r.styles["h3"]
    assert h.bookmark == ("ports", "Ports and ice", 2)
    assert h.text.startswith('<a name="ports"/>')
    assert tb.heading(m.Heading(1, (T("x"),), "a"), r)[0].style is r.styles["h2"]  # h1 is the section's
    assert tb.heading(m.Heading(6, (T("x"),), "b"), r)[0].style is r.styles["h4"]


def test_code_keeps_its_spaces_and_expands_tabs_to_four_columns(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    [code] = tb.code_block(m.CodeBlock("if x:\n\ty = '<a>'"), r)
    assert code.style is r.styles["code"]
    nbsp = "\u00a0"  # spaces kept as no-break spaces (reportlab would collapse a run of them)
    assert code.text == f"if{nbsp}x:<br/>{nbsp * 4}y{nbsp}={nbsp}'&lt;a&gt;'"


def test_a_rule_is_a_full_width_line_in_the_rule_colour(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    [line] = tb.rule(m.Rule(), r)
    assert isinstance(line, HRFlowable) and line.width == "100%" and line.color == r.pal.rule


def test_notes_are_numbered_under_a_short_rule_and_print_their_text(theme: Any) -> None:
    r = pdfkit.renderer(theme)
    notes = m.Notes(
        (m.Note(1, (m.Paragraph((T("First source."),)),)), m.Note(2, (m.Rule(), m.Paragraph((T("After a rule."),)))))
    )
    flows = tb.notes(notes, r)
    assert isinstance(flows[0], HRFlowable) and flows[0].width == "30%"
    assert flows[2].text.startswith("<b>1.</b> ") and flows[2].style is r.styles["note"]
    assert flows[3].text == "<b>2.</b>"  # a note that does not start with a paragraph gets its number alone
    assert pdfkit.words(flows) == "Notes 1. First source. 2. After a rule."
