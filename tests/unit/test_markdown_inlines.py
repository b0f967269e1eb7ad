"""markdown.inlines: markdown-it's inline tokens → model inlines: adjacent text merged,
emphasis nested, links checked against the allowed schemes, images and unknown inline
syntax reported at the paragraph's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import Pos
from briefgen.markdown.context import Ctx
from briefgen.markdown.inlines import inlines
from briefgen.markdown.parse import _MD as MD  # the parser briefgen configures (every link scheme passed on)
from briefgen.model import nodes as m

AT = Pos("sections/s.md", 7)


def run(text: str) -> tuple[tuple[m.Inline, ...], Ctx]:
    ctx = Ctx("sections/s.md", lambda i: i + 1, Path("."), Path("."), 0, "")
    tokens = MD.parse(text)
    inline = next(t for t in tokens if t.type == "inline")
    return inlines(inline.children or [], ctx, AT), ctx


def test_text_runs_and_soft_breaks_merge_into_one_text() -> None:
    out, ctx = run("one\ntwo &amp; three")
    assert out == (m.Text("one two & three"),) and not ctx.errors


def test_emphasis_strong_strike_and_code_nest_as_written() -> None:
    out, _ = run("a *b **c** ~~d~~* `e*f`")
    assert out[0] == m.Text("a ")
    emph = out[1]
    assert isinstance(emph, m.Emph)
    assert m.Strong((m.Text("c"),)) in emph.children and m.Strike((m.Text("d"),)) in emph.children
    assert out[-1] == m.Code("e*f")


def test_a_hard_break_is_a_line_break_node() -> None:
    out, _ = run("line one\\\nline two")
    assert out == (m.Text("line one"), m.LineBreak(), m.Text("line two"))


@pytest.mark.parametrize(
    "target", ["https://example.org/x", "http://a.b", "mailto:a@b.org", "MAILTO:A@B.ORG", "#risks"]
)
def test_allowed_link_targets_become_links(target: str) -> None:
    out, ctx = run(f"see [the *part*]({target})")
    assert out[1] == m.Link(target, (m.Text("the "), m.Emph((m.Text("part"),)))) and not ctx.errors


@pytest.mark.parametrize("target", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/f", "page.html"])
def test_other_link_targets_are_errors_at_the_paragraph(target: str) -> None:
    out, ctx = run(f"[x]({target})")
    assert [(e.pos, e.message) for e in ctx.errors] == [(AT, f"link target '{target}' is not allowed")]
    assert "mailto:" in ctx.errors[0].hint
    assert isinstance(out[0], m.Link)  # the text is kept; the error stops the build


def test_a_note_reference_is_numbered_from_one() -> None:
    out, _ = run("claim[^a] and more[^b]\n\n[^a]: one\n[^b]: two\n")
    assert [x.number for x in out if isinstance(x, m.NoteRef)] == [1, 2]


def test_an_image_inside_text_is_an_error_not_a_silent_drop() -> None:
    out, ctx = run("text ![alt](pic.png) more")
    assert [e.message for e in ctx.errors] == ["an image must stand alone in its paragraph"]
    assert out == (m.Text("text  more"),)


@pytest.mark.parametrize("text", ["a **b**", "**b** a", "*x*", "[**l**](#a)", "a ~~s~~"])
def test_markup_at_an_edge_leaves_no_empty_text(text: str) -> None:
    out, _ = run(text)

    def texts(nodes: tuple[m.Inline, ...]) -> list[str]:
        found = []
        for n in nodes:
            found += [n.text] if isinstance(n, m.Text) else texts(getattr(n, "children", ()))
        return found

    assert "" not in texts(out) and texts(out)
