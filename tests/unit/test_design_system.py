"""design.system: the `Design` derived once from a `Theme`: colours through the one mixing rule,
one heading scale, box looks."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from typing import Any

import pytest

from briefgen.design import contrast
from briefgen.design.system import box_look, design_of, scaled


def test_the_design_is_derived_once_per_theme_and_frozen(theme: Any) -> None:
    design = design_of(theme)
    assert design_of(theme) is design
    with pytest.raises(FrozenInstanceError):
        design.base_size = 12  # type: ignore[misc]
    with pytest.raises(TypeError):
        design.type["h1"] = design.type["h2"]  # type: ignore[index]


def test_mixed_colours_follow_the_brand_through_the_one_mixing_rule(theme: Any) -> None:
    c = design_of(theme).colors
    assert c.rule == contrast.mix(theme.colors.muted, contrast.WHITE, 0.65)
    assert c.band_label == contrast.lighten(theme.colors.accent, contrast.BAND_LABEL_TINT)
    other = replace(theme, colors=replace(theme.colors, muted="#000000", accent="#FF0000"))
    o = design_of(other).colors
    assert o.rule == "#A6A6A6"  # black 65% of the way to white
    assert o.watermark_on_paper == "#FFEBEB"  # the accent at 8% on white


def test_headings_share_one_scale_and_h4_to_h6_look_alike(theme: Any) -> None:
    design = design_of(theme)
    h1, h2, h3, h4 = (design.heading(n) for n in (1, 2, 3, 4))
    assert h1.size > h2.size > h3.size > h4.size == 1.0
    assert h1.color == h2.color == h3.color == theme.colors.primary
    assert h4.color == theme.colors.text
    assert design.heading(6) is h4 and all(h.bold and h.face == "heading" for h in (h1, h2, h3, h4))


def test_every_colour_in_the_scale_is_a_design_colour(theme: Any) -> None:
    design = design_of(theme)
    colours = set(vars(design.colors).values())
    assert {s.color for s in design.type.values()} <= colours
    assert {b.fill for b in design.boxes.values()} | {b.bar for b in design.boxes.values()} <= colours


def test_scaled_turns_multiples_of_the_body_into_points_and_leaves_fixed_roles(theme: Any) -> None:
    design = design_of(theme)
    h2 = scaled(design.text("h2"), 10.0)
    assert (h2.size, h2.leading, h2.before, h2.fixed) == (pytest.approx(14.5), pytest.approx(18.0), 11.0, True)
    assert scaled(design.text("cover_title"), 10.0).size == 30  # the PDF's cover is set in points


def test_box_kinds_have_their_looks_and_unknown_kinds_are_callouts(theme: Any) -> None:
    design = design_of(theme)
    assert box_look(design, "bottom-line").fill == design.colors.band
    assert box_look(design, "bottom-line").caps_title
    assert box_look(design, "factbox").bar == theme.colors.primary
    assert box_look(design, "something-else") is box_look(design, "callout")
