"""Helpers for the DOCX writer's unit tests: a writer `Ctx` over a blank document carrying
the brand's styles (as `write_docx` makes it, without writing a file), and XPath over the
WordprocessingML it holds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml.etree import _Element

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}


def w(tag: str) -> str:
    """A `w:` tag in Clark notation ("p" → "{...main}p")."""
    return f"{{{W}}}{tag}"


def ctx(theme: Any, meta: Any = None, *, anchors: Iterable[str] = (), scale: float = 1.0, compact: bool = False) -> Any:
    """A writer `Ctx` as `write_docx` sets it up: the styled blank, the text width, the gap."""
    from unitkit import meta as default_meta

    from briefgen.writers.docx import _blank_copy
    from briefgen.writers.docx.context import Ctx
    from briefgen.writers.docx.render import render_blocks, render_inlines
    from briefgen.writers.docx.styles.parastyles import paragraph_gap
    from briefgen.writers.docx.styles.styles import text_width_twips

    document = _blank_copy(theme, scale, compact)
    c = Ctx(
        docx=document,
        theme=theme,
        meta=meta or default_meta(),
        scale=scale,
        toc_pages=None,
        render_blocks=render_blocks,
        render_inlines=render_inlines,
        anchors=set(anchors),
    )
    c.width = text_width_twips(theme)
    c.paragraph_gap = paragraph_gap(theme.base_size * scale, compact=compact)
    return c


def container(c: Any) -> Any:
    """The document body as the block container handlers fill (as `write_docx` passes it)."""
    from briefgen.libs import opc_internals as opc

    return opc.body(c.docx)


def body(c: Any) -> _Element:
    """The document's `w:body` element."""
    from briefgen.libs import opc_internals as opc

    return opc.element(container(c))


def render(c: Any, *blocks: Any) -> _Element:
    """`blocks` rendered into the body through the dispatch table; the `w:body`."""
    c.render_blocks(tuple(blocks), container(c), c)
    return body(c)


def xp(node: _Element, path: str) -> list[Any]:
    """`path` evaluated on `node` with the `w:`, `r:`, `a:`... prefixes (python-docx's own
    elements take no `namespaces=`, so lxml's XPath is used directly)."""
    from lxml import etree

    return etree.XPath(path, namespaces=NS)(node)  # type: ignore[return-value]


def text(node: _Element) -> str:
    """The text of every `w:t` under `node`, in order."""
    return "".join(xp(node, ".//w:t/text()"))


def paragraphs(node: _Element) -> list[tuple[str, str]]:
    """(style id, text) of each paragraph directly in `node` (the body's, not the tables')."""
    return [(("".join(xp(p, "w:pPr/w:pStyle/@w:val")) or "Normal"), text(p)) for p in xp(node, "w:p")]
