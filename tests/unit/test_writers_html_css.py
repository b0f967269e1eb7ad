"""writers.html.css: the stylesheet is the design system's, in CSS units."""

from __future__ import annotations

from chartkit import theme

from briefgen.design.system import design_of
from briefgen.writers.html.css import role, stylesheet


def test_roles_are_ems_of_the_body_with_the_designs_colours() -> None:
    d = design_of(theme())
    h1 = d.text("h1")
    out = role(d, "h1")
    assert f"font-size: {h1.size:.4g}em" in out and f"color: {h1.color}" in out and "font-weight: 700" in out
    assert f"line-height: {h1.leading / h1.size:.3g}" in out
    # A fixed role (in points) becomes ems of the brand's body size.
    cover = d.text("cover_title")
    assert f"font-size: {cover.size / d.base_size:.4g}em" in role(d, "cover_title")
    assert "text-transform: uppercase" in role(d, "kicker")


def test_the_palette_is_custom_properties_and_print_has_its_own_rules() -> None:
    t = theme()
    css = stylesheet(t, "@font-face{}")
    assert css.startswith("@font-face{}")
    assert f"--primary: {t.colors.primary}" in css and f"--panel: {t.colors.panel}" in css
    assert "@media print" in css and "position: sticky" in css


def test_on_a_phone_a_chart_keeps_a_legible_width_inside_its_scrolling_frame() -> None:
    css = stylesheet(theme(), "")
    assert (
        "@media (max-width: 40rem) { figure.chart .chart-frame svg { width: max(100%, 36rem); max-width: none; } }"
        in css
    )
    assert ".scroll { overflow-x: auto; max-width: 100%; }" in css
