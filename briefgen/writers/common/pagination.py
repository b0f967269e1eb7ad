"""What the PDF's layout tells the DOCX writer: the page of each anchor, the boxes and
figures it floated (`writers/pdf/floats.py`), so that the DOCX, which cannot float, puts
them where the PDF drew them, and the page breaks its make-up decided, so that the DOCX
makes the same ones.

A top-level block is named by `block_key`: its section's id and its index among the
section's blocks, which both writers read from the same model.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def block_key(section_id: str, index: int) -> str:
    """The name both writers give a section's `index`-th top-level block."""
    return f"{section_id}#{index}"


class PdfPages(dict[str, int]):
    """The PDF page of each section id and heading anchor (a plain mapping), and:

    - `floats`: each floated block's key -> the key of the block the PDF drew just before
      it, in the order the PDF drew them;
    - `followed`: the sections whose page break (asked by the cut's `break_before`) the
      PDF did not take, following on after a page of too few lines (`SectionBreak`);
    - `tops`: the sections whose first line (kicker or title) the PDF drew at a page's top.
    """

    def __init__(
        self,
        pages: Mapping[str, int] | Iterable[tuple[str, int]] = (),
        floats: Mapping[str, str] | None = None,
        followed: Iterable[str] = (),
        tops: Iterable[str] = (),
    ):
        super().__init__(pages)
        self.floats: dict[str, str] = dict(floats or {})
        self.followed: set[str] = set(followed)
        self.tops: set[str] = set(tops)

    def copy(self) -> PdfPages:
        return PdfPages(self, self.floats, self.followed, self.tops)
