"""writers.html.boxes: each box kind with its look, title and landmark."""

from __future__ import annotations

from htmlkit import ctx, para

from briefgen.model import nodes as m


def test_a_callout_is_a_note_labelled_by_its_title() -> None:
    out = ctx("s").blocks((m.Callout("Why <it> matters", (para("Body."),)),))
    assert out == (
        '<div class="box callout" role="note" aria-labelledby="box:s:1"><p class="box-title" id="box:s:1">'
        "Why &lt;it&gt; matters</p><p>Body.</p></div>"
    )


def test_the_bottom_line_has_its_own_roles() -> None:
    out = ctx("s").blocks((m.Callout("Bottom line", (para("Text."),), "bottom-line"),))
    assert out.startswith('<div class="box bottom-line" role="note"')
    assert '<p class="box-title" id="box:s:1">BOTTOM LINE</p><p class="bottom-body">Text.</p>' in out


def test_an_untitled_box_of_an_unknown_kind_looks_like_a_callout() -> None:
    out = ctx().blocks((m.Callout("", (para("x"),), "other"),))
    assert out == '<div class="box callout" role="note" aria-label="callout"><p>x</p></div>'
