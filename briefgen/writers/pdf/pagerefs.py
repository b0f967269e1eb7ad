"""Page references in the PDF: ", p. N" after a cross-reference (`model.PageRef`).

The PDF is laid out in one pass, so a number is known only once its target is laid out.
A reference is written into its paragraph's markup as a marker; the paragraph resolves
its markers when it is first wrapped for a page (`para.Paragraph.wrap`), from the pages
the layout has reached so far (`laying_out`): the number for a target already placed,
nothing for one that is not (a target further on), as the DOCX writer does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

OPEN, CLOSE = "\ue000", "\ue001"  # private-use characters: never in text (the glyph check refuses them)
_MARKER = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")
_PAGES: ContextVar[Mapping[str, int] | None] = ContextVar("briefgen_pdf_pages", default=None)
_WORD: ContextVar[str] = ContextVar("briefgen_pdf_page_word", default="p.")  # the project's "p."


def marker(target: str) -> str:
    """The markup that stands for the page reference to `target` until it is resolved."""
    return f"{OPEN}{target}{CLOSE}"


@contextmanager
def laying_out(pages: Mapping[str, int], word: str = "p.") -> Iterator[None]:
    """While a document is laid out: `pages` is its anchor -> page map, filled as it goes;
    `word` comes before a page number (the project's `labels.page_ref`)."""
    token, said = _PAGES.set(pages), _WORD.set(word)
    try:
        yield
    finally:
        _PAGES.reset(token)
        _WORD.reset(said)


def has_markers(text: str | None) -> bool:
    """Whether a paragraph's text (None for a split-off part) holds page references."""
    return text is not None and OPEN in text


def resolve(text: str) -> str:
    """`text` with each marker replaced by ", p. N", or by nothing when the page is not known."""
    pages = _PAGES.get() or {}
    word = _WORD.get()

    def number(found: re.Match[str]) -> str:
        page = pages.get(found.group(1))
        return f", {word}\u00a0{page}" if page is not None else ""

    return _MARKER.sub(number, text)
