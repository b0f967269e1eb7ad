"""writers.html.textblocks: paragraphs, headings, code, lists, quotes and notes with back links."""

from __future__ import annotations

from htmlkit import AT, ctx, para, text

from briefgen.model import nodes as m


def test_paragraph_roles_become_classes() -> None:
    c = ctx()
    assert c.blocks((para("plain"),)) == "<p>plain</p>"
    assert c.blocks((m.Paragraph(text("big"), AT, "lead"),)) == '<p class="lead">big</p>'


def test_headings_sit_one_level_below_the_section_title_and_keep_their_anchor() -> None:
    c = ctx()
    assert c.blocks((m.Heading(2, text("Why"), "s-why", AT),)) == '<h3 class="r-h2" id="s-why">Why</h3>'
    assert c.blocks((m.Heading(6, text("Deep"), "", AT),)).startswith('<h6 class="r-h4">')
    c.shift = 0  # the summary: its section title is the page's h1
    assert c.blocks((m.Heading(2, text("Why"), "", AT),)).startswith("<h2 ")


def test_code_keeps_its_spaces_and_tab_stops() -> None:
    out = ctx().blocks((m.CodeBlock("a\tb <x>", "py", AT),))
    assert out == '<pre tabindex="0"><code class="language-py">a   b &lt;x&gt;</code></pre>'


def test_lists_and_quotes_nest() -> None:
    items = (m.ListItem((para("one"),)), m.ListItem((para("two"),)))
    c = ctx()
    assert c.blocks((m.OrderedList(items, 3, AT),)) == '<ol start="3"><li><p>one</p></li><li><p>two</p></li></ol>'
    assert c.blocks((m.BulletList(items[:1], AT),)) == "<ul><li><p>one</p></li></ul>"
    assert c.blocks((m.BlockQuote((para("q"),), AT),)) == "<blockquote><p>q</p></blockquote>"


def test_notes_link_back_to_every_reference() -> None:
    c = ctx("sec")
    c.blocks((m.Paragraph((m.NoteRef(1), m.NoteRef(1)), AT),))
    out = c.blocks((m.Notes((m.Note(1, (para("The note."),)),), AT),))
    assert '<li id="fn:sec:1" value="1"><p class="note">The note.</p>' in out
    assert out.count('class="back"') == 2 and 'href="#fnref:sec:1:2"' in out
    assert '<h3 class="notes-title" id="notes:sec">Notes</h3>' in out
