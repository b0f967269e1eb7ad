"""What the PDF's layout tells the DOCX writer: the page of each anchor, and the boxes
and figures it floated (`writers/pdf/floats.py`), so that the DOCX, which cannot float,
puts them where the PDF drew them.

A top-level block is named by `block_key`: its section's id and its index among the
section's blocks, which both writers read from the same model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def block_key(section_id: str, index: int) -> str:
    """The name both writers give a section's `index`-th top-level block."""
    return f"{section_id}#{index}"


class PdfPages(dict[str, int]):
    """The PDF page of each section id and heading anchor (a plain mapping), and `floats`:
    each floated block's key -> the key of the block the PDF drew just before it, in the
    order the PDF drew them."""

    def __init__(
        self, pages: Mapping[str, int] | Iterable[tuple[str, int]] = (), floats: Mapping[str, str] | None = None
    ):
        super().__init__(pages)
        self.floats: dict[str, str] = dict(floats or {})

    def copy(self) -> PdfPages:
        return PdfPages(self, self.floats)
