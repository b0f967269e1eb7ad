"""writers.html.inline: inline nodes → HTML, note references numbered for their back links."""

from __future__ import annotations

import pytest

from briefgen.errors import BriefgenError, Pos
from briefgen.model import nodes as m
from briefgen.writers.html.inline import Inlines


def test_every_inline_renders_with_its_element() -> None:
    r = Inlines("sec")
    run = (
        m.Text("a<b"),
        m.Emph((m.Text("e"),)),
        m.Strong((m.Text("s"),)),
        m.Strike((m.Text("x"),)),
        m.Code("<c>"),
        m.LineBreak(),
        m.Link("https://example.org/?a=1&b=2", (m.Text("out"),)),
        m.Link("#fig-1", (m.Text("Figure 1"),)),
    )
    assert r.run(run) == (
        "a&lt;b<em>e</em><strong>s</strong><s>x</s><code>&lt;c&gt;</code><br>"
        '<a href="https://example.org/?a=1&amp;b=2">out</a><a class="xref" href="#fig-1">Figure 1</a>'
    )


def test_note_references_link_to_the_note_and_count_repeats() -> None:
    r = Inlines("sec")
    first, second = r.run((m.NoteRef(2),)), r.run((m.NoteRef(2),))
    assert 'id="fnref:sec:2" href="#fn:sec:2"' in first
    assert 'id="fnref:sec:2:2" href="#fn:sec:2"' in second
    assert r.refs == {2: 2}


def test_an_unknown_inline_is_an_error_at_the_section() -> None:
    with pytest.raises(BriefgenError) as caught:
        Inlines("sec", Pos("sections/s.md", 4)).run((object(),))  # type: ignore[arg-type]
    assert "sections/s.md:4: error: object cannot be rendered in HTML" in str(caught.value)
