"""model.contents: the entries of the contents list, one definition for both writers."""

from __future__ import annotations

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.model.contents import entries, outline_headings

META = m.Meta("T", "", "", "", (), "full", "", "report", "general")


def heading(level: int, text: str, anchor: str) -> m.Heading:
    return m.Heading(level, (m.Text(text),) if text else (), anchor)


def test_sections_and_body_headings_of_level_one_and_two_in_reading_order() -> None:
    first = m.Section(
        "intro",
        "Introduction",
        1,
        (
            heading(2, "Background", "background"),
            heading(3, "Too deep", "too-deep"),
            m.Div((), ("lead",), (heading(2, "In a div", "in-div"),)),
            m.BlockQuote((heading(2, "Quoted", "quoted"),)),
            m.Callout("Box", (heading(2, "Boxed", "boxed"),)),
            heading(2, "", "empty"),
            heading(2, "   ", "blank"),
        ),
        Pos("a.md", 1),
    )
    nested = m.Section("aland", "Aland", 2, (heading(2, "Facts", "facts"),), Pos("b.md", 1))
    deep = m.Section("deep", "Deep", 3, (heading(2, "Lost", "lost"),), Pos("c.md", 1))
    doc = m.Document(META, (first, nested, deep))
    assert list(entries(doc)) == [
        (1, "Introduction", "intro"),
        (2, "Background", "background"),
        (2, "In a div", "in-div"),
        (2, "Aland", "aland"),
        (2, "Facts", "facts"),
    ]


def test_outline_headings_see_through_divs_only() -> None:
    inner = heading(2, "Inner", "inner")
    blocks = (m.Div((), (), (m.Div((), (), (inner,)),)), m.BulletList((m.ListItem((heading(2, "L", "l"),)),)))
    assert list(outline_headings(blocks)) == [inner]


def test_a_heading_without_anchor_is_no_entry() -> None:
    doc = m.Document(META, (m.Section("s", "S", 1, (heading(2, "No anchor", ""),), Pos("a.md", 1)),))
    assert list(entries(doc)) == [(1, "S", "s")]
