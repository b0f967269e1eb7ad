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


def _parses(monkeypatch: Any) -> list[str]:
    """The texts reportlab's parser is asked to parse from now on."""
    from reportlab.platypus.paraparser import ParaParser

    seen: list[str] = []
    original = ParaParser.parse

    def parse(self: Any, text: str, style: Any) -> Any:
        seen.append(text)
        return original(self, text, style)

    monkeypatch.setattr(ParaParser, "parse", parse)
    return seen


def _drawn(p: Any) -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(io.BytesIO())
    p.wrapOn(canvas, 180, 500)
    p.drawOn(canvas, 10, 10)
    return "\n".join(canvas._code).encode()


def test_markup_is_parsed_once_per_text_and_style_values(monkeypatch: Any) -> None:
    from reportlab.platypus import Paragraph as Plain

    seen = _parses(monkeypatch)
    text = "Once <b>parsed</b>, <i>kept</i>: " + TEXT
    first = Paragraph(text, ParagraphStyle("p", parent=STYLE))
    # another document's style, equal in value: the same fragments, its own list of them
    again = Paragraph(
        text, ParagraphStyle("p", parent=ParagraphStyle("q", fontName="Helvetica", fontSize=10, leading=12))
    )
    assert len(seen) == 1
    assert again.frags == first.frags and again.frags is not first.frags
    assert _drawn(again) == _drawn(first) == _drawn(Plain(text, STYLE))


def test_other_style_values_or_own_markup_styles_are_parsed_afresh(monkeypatch: Any) -> None:
    from reportlab.lib.colors import CMYKColor, Color

    seen = _parses(monkeypatch)
    text = "Fresh <b>text</b> here"
    red = Paragraph(text, ParagraphStyle("p", parent=STYLE, textColor=Color(1, 0, 0)))
    cmyk = Paragraph(text, ParagraphStyle("p", parent=STYLE, textColor=CMYKColor(0, 1, 1, 0)))
    big = Paragraph(text, ParagraphStyle("p", parent=STYLE, fontSize=20))
    assert len(seen) == 3  # an equal-looking CMYK red is not the RGB one
    assert type(cmyk.frags[0].textColor) is CMYKColor and type(red.frags[0].textColor) is Color
    assert big.frags[0].fontSize == 20 and red.frags[0].fontSize == 10
    own = '<para leading="30">Its own leading</para>'
    Paragraph(own, STYLE)
    second = Paragraph(own, STYLE)
    assert len(seen) == 5 and second.style.leading == 30  # a style of its own: not remembered
