"""design/: the `Design` derived from a `Theme`, and how dates and numbers read."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from typing import Any

import pytest

from briefgen.design import contrast
from briefgen.design.system import box_look, design_of, scaled
from briefgen.design.wording import long_date, running_foot, running_title, thousands
from briefgen.model.layout import Layout


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


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-08-15", "15 August 2021"), ("2021-08", "August 2021"), ("2021-13", "2021-13"), ("soon", "soon")],
)
def test_long_date(value: str, expected: str) -> None:
    assert long_date(value) == expected


def test_thousands() -> None:
    assert (thousands(1135), thousands(1234.50), thousands(True), thousands("x")) == ("1,135", "1,234.5", "True", "x")


def test_running_foot_and_title_are_worded_once_for_both_formats() -> None:
    assert running_foot("Org · Research", "DOC-1", "Client") == "Org · Research · DOC-1"
    assert running_foot("Org · Research", "DOC-1", "") == "Org · Research"
    assert running_foot("", "DOC-1", "Client") == "DOC-1"
    assert running_title("Report", "Country annex", Layout.ANNEX) == "Country annex"
    assert running_title("Report", "Country annex", Layout.REPORT) == "Report"
