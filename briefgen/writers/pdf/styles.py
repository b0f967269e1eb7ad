"""The `Design` in reportlab's terms: named `ParagraphStyle`s and `Color`s.

Every size, colour and spacing comes from the design's type scale; this module only
chooses the fonts and turns the values into reportlab objects. `scale` shrinks every
size together; the one-page summary uses it to fit its budget.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from briefgen.design.system import Design, TextStyle, design_of, scaled
from briefgen.design.theme import Theme
from briefgen.fonts.register import BrandFonts


@dataclass(frozen=True)
class Palette:
    """The design's colours as reportlab `Color`s."""

    primary: Color
    accent: Color
    text: Color
    muted: Color
    panel: Color
    rule: Color
    paper: Color
    band: Color
    band_edge: Color
    on_band: Color
    band_label: Color
    marking: Color
    marking_on_band: Color
    watermark: Color
    zebra: Color


def palette(theme: Theme) -> Palette:
    c = design_of(theme).colors
    return Palette(*(HexColor(getattr(c, name)) for name in Palette.__dataclass_fields__))


# The design's type-scale roles the PDF sets as paragraph styles.
ROLES = (
    *("body", "lead", "small", "quote", "code", "note", "notes_title", "caption"),
    *("h1", "h2", "h3", "h4", "kicker"),
    *("cell", "cell_head", "fact_label", "fact_value", "figure_value"),
    *("box_title", "box_body", "bottom_title", "bottom_body"),
    *("toc_title", "toc1", "toc2"),
)


def face(fonts: BrandFonts, style: TextStyle) -> str:
    """The registered font name for a style's face, weight and slant."""
    if style.face == "mono":
        return fonts.mono
    family = fonts.heading if style.face == "heading" else fonts.body
    if style.bold:
        return family.bold_italic if style.italic else family.bold
    return family.italic if style.italic else family.regular


def paragraph_style(name: str, style: TextStyle, fonts: BrandFonts, body: float) -> ParagraphStyle:
    """One role of the type scale as a `ParagraphStyle` for a body size of `body` points."""
    s = scaled(style, body)
    extra: dict[str, object] = {}
    if name in ("h1", "h2", "h3", "h4", "kicker"):
        extra["keepWithNext"] = 1
    if name == "quote":
        extra["rightIndent"] = s.indent
    if name == "toc1":
        extra["alignment"] = TA_LEFT
    return ParagraphStyle(
        name,
        fontName=face(fonts, s),
        fontSize=s.size,
        leading=s.leading,
        textColor=HexColor(s.color),
        spaceBefore=s.before,
        spaceAfter=s.after,
        leftIndent=s.indent,
        # reportlab squeezes a line's spaces by up to 5% to fit one more word; Word and
        # LibreOffice never do, so the DOCX would break its lines (and pages) later.
        spaceShrinkage=0,
        **extra,  # type: ignore[arg-type]
    )


def build_styles(theme: Theme, fonts: BrandFonts, scale: float = 1.0) -> dict[str, ParagraphStyle]:
    design = design_of(theme)
    size = design.base_size * scale
    styles = {name: paragraph_style(name, design.text(name), fonts, size) for name in ROLES}
    styles["code"].backColor = HexColor(design.colors.panel)
    return styles


def fixed_style(design: Design, role: str, fonts: BrandFonts, name: str | None = None) -> ParagraphStyle:
    """A role set in points whatever the body size (the cover's)."""
    return paragraph_style(name or role, design.text(role), fonts, design.base_size)
