"""writers.html.page: head tags, the cover and its details, the contents, marking and footer."""

from __future__ import annotations

from chartkit import theme
from htmlkit import AT, doc, section

from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.writers.html import page


def test_the_head_has_meta_and_open_graph_tags_escaped() -> None:
    out = page.head(doc(lang="en-GB", keywords=("a", "b")), theme(), "body{}")
    assert "<title>A &lt;Title&gt;</title>" in out
    assert '<meta property="og:title" content="A &lt;Title&gt;">' in out
    assert '<meta property="og:locale" content="en_GB">' in out
    assert '<meta name="description" content="Sub &amp; title">' in out
    assert '<meta name="keywords" content="a, b">' in out and "<style>body{}</style>" in out
    assert "noindex" not in out
    assert "noindex" in page.head(doc(client_name="Client"), theme(), "")


def test_the_cover_says_what_the_pdf_cover_says() -> None:
    out = page.cover(doc(client_name="Client & Co", document_id="ID-1"), theme(), 460)
    for piece in ("<h1>A &lt;Title&gt;</h1>", ">Research<", "Prepared for Client &amp; Co", "30 September 2021"):
        assert piece in out
    assert ">2 min read<" in out
    assert page.reading_time(10) == "1 min read"


def test_the_contents_nest_sections_and_their_headings() -> None:
    d = doc(
        section("one", m.Heading(2, (m.Text("Part"),), "one-part", AT)),
        section("two"),
        section("sub", level=2),
    )
    out = page.contents(d)
    assert out.count("<ol>") == 3 and '<a href="#one-part">Part</a>' in out
    assert '<li><a href="#two">Two</a><ol><li><a href="#sub">Sub</a></li></ol></li>' in out


def test_marking_banner_and_footer() -> None:
    assert page.marking(doc().meta) == ""
    marked = doc(marking=m.Marking("CLIENT ONLY"), layout=Layout.ANNEX).meta
    assert page.marking(marked) == '<p class="marking" role="note" data-furniture="">CLIENT ONLY</p>'
    out = page.footer(doc(client_name="C", document_id="ID-1"), theme())
    assert "Document ID-1" in out and theme().tagline in out
