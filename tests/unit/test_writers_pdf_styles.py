"""writers.pdf.styles: the design's type scale as reportlab `ParagraphStyle`s in the
brand's registered faces, scaled together, and its colours as reportlab `Color`s."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.lib.colors import HexColor

from briefgen.design.system import design_of, scaled
from briefgen.fonts.register import register
from briefgen.writers.pdf.styles import ROLES, build_styles, face, fixed_style, palette


def test_the_palette_is_the_designs_colours(theme: Any) -> None:
    pal, colours = palette(theme), design_of(theme).colors
    assert pal.primary == HexColor(colours.primary) and pal.zebra == HexColor(colours.zebra)


@pytest.mark.parametrize("role", ["body", "h1", "h3", "caption", "cell_head", "toc2"])
def test_each_role_has_the_designs_size_leading_colour_and_spacing(theme: Any, role: str) -> None:
    styles = build_styles(theme, register(theme))
    s = scaled(design_of(theme).text(role), design_of(theme).base_size)
    st = styles[role]
    assert (st.fontSize, st.leading, st.spaceBefore, st.spaceAfter) == pytest.approx(
        (s.size, s.leading, s.before, s.after)
    )
    assert st.textColor == HexColor(s.color)


def test_every_role_is_a_style_and_headings_keep_with_the_next(theme: Any) -> None:
    styles = build_styles(theme, register(theme))
    assert set(ROLES) <= set(styles)
    assert all(styles[h].keepWithNext for h in ("h1", "h2", "h3", "h4", "kicker"))
    assert not getattr(styles["body"], "keepWithNext", 0)
    assert styles["code"].backColor == HexColor(design_of(theme).colors.panel)


def test_a_scale_shrinks_every_size_together(theme: Any) -> None:
    fonts = register(theme)
    full, small = build_styles(theme, fonts), build_styles(theme, fonts, 0.5)
    for role in ("body", "h2", "caption"):  # to the nearest half point, as Word sets type
        assert abs(small[role].fontSize - full[role].fontSize * 0.5) <= 0.25
        assert (small[role].fontSize * 2).is_integer()


def test_faces_follow_the_roles_weight_slant_and_family(theme: Any) -> None:
    fonts = register(theme)
    design = design_of(theme)
    assert face(fonts, design.text("h2")) in (fonts.heading.bold, fonts.heading.bold_italic)
    assert face(fonts, design.text("body")) == fonts.body.regular
    assert face(fonts, design.text("code")) == fonts.mono


def test_a_fixed_style_ignores_the_scale(theme: Any) -> None:
    design = design_of(theme)
    fixed = fixed_style(design, "cover_title", register(theme))
    assert fixed.fontSize == pytest.approx(scaled(design.text("cover_title"), design.base_size).size)
