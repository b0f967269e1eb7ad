"""Helpers for the HTML writer's unit tests: the sample brand, a handler context over the
writer's own tables, and small documents made on the spot."""

from __future__ import annotations

from typing import Any

from chartkit import theme

from briefgen.errors import Pos
from briefgen.fonts.register import register
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.writers.html.blocks import HANDLERS
from briefgen.writers.html.inline import Inlines
from briefgen.writers.html.render import Ctx

AT = Pos("sections/s.md", 3)


def ctx(section: str = "s") -> Ctx:
    """A handler context as `write_html` makes one, inside section `section`."""
    t = theme()
    return Ctx(t, HANDLERS, Inlines(section, AT), extras={"fonts": register(t), "svg_fonts": {}})


def text(value: str) -> tuple[m.Inline, ...]:
    return (m.Text(value),)


def para(value: str) -> m.Paragraph:
    return m.Paragraph(text(value), AT)


def meta(layout: Layout = Layout.REPORT, **kw: Any) -> m.Meta:
    base: dict[str, Any] = {
        "title": "A <Title>",
        "subtitle": "Sub & title",
        "series": "Research",
        "date": "2021-09-30",
        "authors": ("An Author",),
        "cut": "full",
        "cut_title": "A <Title>",
        "layout": layout,
        "audience": "public",
    }
    base.update(kw)
    return m.Meta(**base)


def doc(*sections: m.Section, layout: Layout = Layout.REPORT, **kw: Any) -> m.Document:
    return m.Document(meta(layout, **kw), sections)


def section(ident: str, *blocks: m.Block, level: int = 1, **kw: Any) -> m.Section:
    return m.Section(ident, ident.title(), level, blocks, AT, **kw)
