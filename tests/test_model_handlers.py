"""Every model node type has a handler in every writer, and an unknown node is an error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from briefgen.errors import BriefgenError, Pos, Reporter
from briefgen.fonts.register import register
from briefgen.load.brand import load_brand
from briefgen.model import nodes as m
from briefgen.writers.pdf.blocks import HANDLERS as PDF_BLOCKS
from briefgen.writers.pdf.document import write_pdf
from briefgen.writers.pdf.inline import InlineRenderer

ROOT = Path(__file__).resolve().parents[1]


def theme():  # type: ignore[no-untyped-def]
    return load_brand(ROOT / "templates" / "brand.yaml", ROOT, Reporter())


def test_pdf_writer_handles_every_block_type() -> None:
    assert set(m.BLOCK_TYPES) <= set(PDF_BLOCKS)


def test_pdf_writer_handles_every_inline_type() -> None:
    t = theme()
    renderer = InlineRenderer(t, register(t).symbols, ("#000000", "#000000"), "Courier")
    assert set(m.INLINE_TYPES) <= set(renderer.handlers)


def test_docx_writer_handles_every_node_type() -> None:
    docx = pytest.importorskip("briefgen.writers.docx")
    assert set(m.BLOCK_TYPES) <= set(docx.BLOCK_HANDLERS)
    assert set(m.INLINE_TYPES) <= set(docx.INLINE_HANDLERS)


@dataclass(frozen=True)
class Unknown:
    pos: Pos


def _doc(block: object) -> m.Document:
    meta = m.Meta("T", "", "", "2021-09-30", (), "full", "T", "report", "government")
    return m.Document(meta, (m.Section("s", "S", 1, (block,), Pos("sections/s.md", 1)),))  # type: ignore[arg-type]


def test_a_node_the_pdf_writer_cannot_render_is_an_error_with_its_position() -> None:
    with pytest.raises(BriefgenError) as caught:
        write_pdf(_doc(Unknown(Pos("sections/s.md", 7))), theme())
    assert "sections/s.md:7: error: Unknown cannot be rendered in PDF" in str(caught.value)


def test_a_node_the_docx_writer_cannot_render_is_an_error_with_its_position() -> None:
    import io

    docx = pytest.importorskip("briefgen.writers.docx")
    with pytest.raises(BriefgenError) as caught:
        docx.write_docx(_doc(Unknown(Pos("sections/s.md", 7))), theme(), io.BytesIO())
    assert "sections/s.md:7" in str(caught.value) and "DOCX" in str(caught.value)


def test_html_writer_handles_every_node_type() -> None:
    from briefgen.writers.html.blocks import HANDLERS as HTML_BLOCKS
    from briefgen.writers.html.inline import INLINE_HANDLERS

    assert set(m.BLOCK_TYPES) <= set(HTML_BLOCKS)
    assert set(m.INLINE_TYPES) <= set(INLINE_HANDLERS)


def test_a_node_the_html_writer_cannot_render_is_an_error_with_its_position() -> None:
    from briefgen.writers.html import write_html

    with pytest.raises(BriefgenError) as caught:
        write_html(_doc(Unknown(Pos("sections/s.md", 7))), theme())
    assert "sections/s.md:7: error: Unknown cannot be rendered in HTML" in str(caught.value)
