"""writers.pdf.para: a Paragraph answers a second wrap at the same width and style from its
first line breaking, and breaks its lines again when either changes."""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle

from briefgen.writers.pdf.para import Paragraph

STYLE = ParagraphStyle("p", fontName="Helvetica", fontSize=10, leading=12)
TEXT = "words that wrap over a few lines " * 6


def counting(calls: list[float]) -> Any:
    original = Paragraph.__mro__[1].wrap

    def wrap(self: Paragraph, w: float, h: float) -> tuple[float, float]:
        calls.append(w)
        return original(self, w, h)

    return wrap


def test_a_second_wrap_at_the_same_width_is_answered_from_the_first(monkeypatch: Any) -> None:
    calls: list[float] = []
    p = Paragraph(TEXT, STYLE)
    monkeypatch.setattr(Paragraph.__mro__[1], "wrap", counting(calls))
    first = p.wrap(200, 1000)
    assert p.wrap(200, 1000) == first and calls == [200]
    narrow = p.wrap(100, 1000)
    assert calls == [200, 100] and narrow[1] > first[1]  # narrower: more lines


def test_a_new_style_breaks_the_lines_again(monkeypatch: Any) -> None:
    calls: list[float] = []
    p = Paragraph(TEXT, STYLE)
    monkeypatch.setattr(Paragraph.__mro__[1], "wrap", counting(calls))
    _, h = p.wrap(200, 1000)
    p.style = ParagraphStyle("big", parent=STYLE, fontSize=14, leading=17)
    _, bigger = p.wrap(200, 1000)
    assert calls == [200, 200] and bigger > h


def test_the_size_matches_reportlabs_own_paragraph() -> None:
    from reportlab.platypus import Paragraph as Plain

    ours, theirs = Paragraph(TEXT, STYLE), Plain(TEXT, STYLE)
    assert ours.wrap(180, 500) == theirs.wrap(180, 500)
    assert ours.wrap(180, 500) == theirs.wrap(180, 500)
