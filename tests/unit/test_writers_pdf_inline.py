"""writers.pdf.inline: the one place text is escaped for reportlab's mini-markup; inline
nodes as tags; characters the brand font lacks sent to the symbol font; links in the
design's two colours."""

from __future__ import annotations

from typing import Any

import pdfkit
import pytest

from briefgen.model import nodes as m
from briefgen.writers.pdf.inline import InlineRenderer, escape

T = m.Text


def inline(theme: Any, symbols: str | None = "Sym") -> InlineRenderer:
    return InlineRenderer(theme, symbols, ("#0000AA", "#00AA00"), "Mono")


def test_escape_makes_markup_characters_text() -> None:
    assert escape('a < b & c > "d"') == "a &lt; b &amp; c &gt; &quot;d&quot;"
    assert escape("&amp;") == "&amp;amp;"  # an entity as typed stays visible as typed


def test_formatting_becomes_reportlab_tags_around_escaped_text(theme: Any) -> None:
    r = inline(theme)
    nodes = (T("<x>"), m.Strong((m.Emph((T("y"),)),)), m.Strike((T("z"),)), m.Code("a&b"), m.NoteRef(3), m.LineBreak())
    assert (
        r.run(nodes)
        == '&lt;x&gt;<b><i>y</i></b><strike>z</strike><font face="Mono">a&amp;b</font><super>3</super><br/>'
    )


def test_links_outside_are_underlined_and_cross_references_quiet(theme: Any) -> None:
    r = inline(theme)
    assert r.run((m.Link("https://x.org/?a=1&b=2", (T("site"),)),)) == (
        '<a href="https://x.org/?a=1&amp;b=2" color="#0000AA"><u>site</u></a>'
    )
    assert r.run((m.Link("#risks", (T("see"),)),)) == '<a href="#risks" color="#00AA00">see</a>'


def test_a_character_the_font_lacks_goes_to_the_symbol_font_alone(theme: Any) -> None:
    r = inline(theme)
    cov = frozenset(map(ord, "ab "))
    assert r.text("a→b", cov) == 'a<font face="Sym">→</font>b'
    assert inline(theme, None).text("a→b", cov) == "a→b"  # no fallback: left to the glyph check
    assert r.text("a\tb", cov) == "a\tb"


def test_invisible_format_characters_are_left_out(theme: Any) -> None:
    assert inline(theme).plain("a\u200bb\u200dc") == "abc"


def test_an_inline_without_a_handler_is_refused(theme: Any) -> None:
    with pytest.raises(TypeError, match="no PDF handler for inline str"):
        inline(theme).run(("loose text",))  # type: ignore[arg-type]


def test_escaped_text_prints_exactly_as_typed(theme: Any) -> None:
    from briefgen.writers.pdf.para import Paragraph

    r = pdfkit.renderer(theme)
    text = 'Tom & Jerry <b>not bold</b> "quoted" 5 > 3'
    assert pdfkit.words([Paragraph(r.inline.run((T(text),)), r.styles["body"])]) == text
