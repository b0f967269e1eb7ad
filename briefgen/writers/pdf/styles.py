"""The brand theme adapted to reportlab: named ParagraphStyles and colours.

`scale` shrinks every size together; the one-page summary uses it to fit its budget.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from briefgen.design.theme import Theme
from briefgen.fonts.register import BrandFonts


@dataclass(frozen=True)
class Palette:
    primary: Color
    accent: Color
    text: Color
    muted: Color
    panel: Color
    rule: Color


def tint(hex_color: str, amount: float) -> Color:
    """Mix a brand colour with white: light versions for use on dark backgrounds."""
    base = HexColor(hex_color)
    return Color(*(v + (1 - v) * amount for v in (base.red, base.green, base.blue)))


def palette(theme: Theme) -> Palette:
    c = theme.colors
    return Palette(
        HexColor(c.primary),
        HexColor(c.accent),
        HexColor(c.text),
        HexColor(c.muted),
        HexColor(c.panel),
        HexColor("#C9D2DC"),
    )


def build_styles(theme: Theme, fonts: BrandFonts, scale: float = 1.0) -> dict[str, ParagraphStyle]:
    pal = palette(theme)
    size = theme.base_size * scale
    body, head = fonts.body, fonts.heading
    lead = 1.42

    def ps(name: str, **kw: object) -> ParagraphStyle:
        base = dict(
            fontName=body.regular, fontSize=size, leading=size * lead, textColor=pal.text, spaceAfter=size * 0.6
        )
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    s = {
        "body": ps("body"),
        "lead": ps("lead", fontSize=size * 1.15, leading=size * 1.15 * lead),
        "small": ps("small", fontSize=size * 0.85, leading=size * 0.85 * lead),
        "h1": ps(
            "h1",
            keepWithNext=1,
            fontName=head.bold,
            fontSize=size * 2.0,
            leading=size * 2.4,
            textColor=pal.primary,
            spaceBefore=0,
            spaceAfter=size * 0.5,
        ),
        "h2": ps(
            "h2",
            keepWithNext=1,
            fontName=head.bold,
            fontSize=size * 1.45,
            leading=size * 1.8,
            textColor=pal.primary,
            spaceBefore=size * 1.1,
            spaceAfter=size * 0.45,
        ),
        "h3": ps(
            "h3",
            keepWithNext=1,
            fontName=head.bold,
            fontSize=size * 1.15,
            leading=size * 1.45,
            textColor=pal.primary,
            spaceBefore=size * 0.9,
            spaceAfter=size * 0.3,
        ),
        "h4": ps(
            "h4",
            keepWithNext=1,
            fontName=head.bold,
            fontSize=size,
            leading=size * 1.3,
            textColor=pal.text,
            spaceBefore=size * 0.7,
            spaceAfter=size * 0.2,
        ),
        "kicker": ps(
            "kicker",
            keepWithNext=1,
            fontName=head.bold,
            fontSize=size * 0.8,
            leading=size,
            textColor=pal.accent,
            spaceAfter=size * 0.2,
        ),
        "quote": ps(
            "quote", fontName=body.italic, leftIndent=size * 1.4, rightIndent=size * 1.4, textColor=pal.primary
        ),
        "cell": ps("cell", fontSize=size * 0.86, leading=size * 0.86 * 1.3, spaceAfter=0),
        "cell_head": ps(
            "cell_head",
            fontName=head.bold,
            fontSize=size * 0.86,
            leading=size * 0.86 * 1.3,
            textColor=white,
            spaceAfter=0,
        ),
        "fact_label": ps(
            "fact_label",
            fontName=head.bold,
            fontSize=size * 0.84,
            leading=size * 0.84 * 1.3,
            textColor=pal.primary,
            spaceAfter=0,
        ),
        "fact_value": ps("fact_value", fontSize=size * 0.86, leading=size * 0.86 * 1.3, spaceAfter=0),
        "box_title": ps(
            "box_title",
            fontName=head.bold,
            fontSize=size * 0.95,
            leading=size * 1.2,
            textColor=pal.accent,
            spaceAfter=size * 0.35,
        ),
        "box_body": ps("box_body", spaceAfter=size * 0.4),
        "bottom_title": ps(
            "bottom_title",
            fontName=head.bold,
            fontSize=size * 0.9,
            leading=size * 1.15,
            textColor=tint(theme.colors.accent, 0.55),
            spaceAfter=size * 0.3,
        ),
        "bottom_body": ps(
            "bottom_body",
            fontName=body.regular,
            fontSize=size * 1.08,
            leading=size * 1.08 * 1.4,
            textColor=white,
            spaceAfter=size * 0.3,
        ),
        "caption": ps(
            "caption",
            fontName=head.italic,
            fontSize=size * 0.82,
            leading=size * 1.05,
            textColor=pal.muted,
            spaceBefore=size * 0.3,
        ),
        "code": ps(
            "code", fontName=fonts.mono, fontSize=size * 0.85, leading=size * 1.15, leftIndent=size, backColor=pal.panel
        ),
        "note": ps("note", fontSize=size * 0.8, leading=size * 0.8 * 1.35, textColor=pal.text, spaceAfter=size * 0.2),
        "notes_title": ps(
            "notes_title",
            fontName=head.bold,
            fontSize=size * 0.85,
            leading=size * 1.1,
            textColor=pal.muted,
            spaceBefore=size * 0.8,
            spaceAfter=size * 0.3,
        ),
        "toc_title": ps(
            "toc_title",
            fontName=head.bold,
            fontSize=size * 2.0,
            leading=size * 2.4,
            textColor=pal.primary,
            spaceAfter=size * 1.4,
        ),
        "toc1": ps(
            "toc1",
            fontName=head.bold,
            fontSize=size * 1.0,
            leading=size * 1.5,
            textColor=pal.primary,
            spaceBefore=size * 0.55,
            alignment=TA_LEFT,
        ),
        "toc2": ps(
            "toc2",
            fontName=body.regular,
            fontSize=size * 0.92,
            leading=size * 1.3,
            leftIndent=size * 1.6,
            textColor=pal.text,
        ),
        "header": ps("header", fontName=head.regular, fontSize=7.5 * min(scale, 1), leading=9, textColor=pal.muted),
        "header_right": ps(
            "header_right",
            fontName=head.bold,
            fontSize=7.5 * min(scale, 1),
            leading=9,
            textColor=pal.primary,
            alignment=TA_RIGHT,
        ),
    }
    return s
