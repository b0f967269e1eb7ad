"""charts.locator: the small wordless inset: its frame holds focus and context, a small focus is ringed."""

from __future__ import annotations

import pytest
from chartkit import look, of, texts

from briefgen import geo
from briefgen.charts import locator
from briefgen.charts.spec import ChartSpec


def body(focus: str, context: str = "") -> object:
    return locator.draw(ChartSpec("locator", (), focus=focus, context=context), look(), 130.0)


def test_the_inset_keeps_its_aspect_and_has_no_words() -> None:
    b = body("NOR", "SWE")
    assert b.height == pytest.approx(130.0 / locator.ASPECT)  # type: ignore[attr-defined]
    assert texts(b.group) == []  # type: ignore[attr-defined]


def test_a_small_focus_is_ringed_and_a_large_one_is_not() -> None:
    (ring,) = of(body("LUX").group, "Circle")  # type: ignore[attr-defined]
    assert ring.fillColor is None and ring.strokeColor.hexval() == look().accent.hexval()
    assert 0 < ring.cx < 130 and 0 < ring.cy < 130 / locator.ASPECT
    assert of(body("NOR").group, "Circle") == []  # type: ignore[attr-defined]


def test_the_focus_and_context_are_filled_in_their_own_colours() -> None:
    lk = look()
    fills = {p.fillColor.hexval() for p in of(body("NOR", "SWE").group, "Path") if p.fillColor is not None}  # type: ignore[attr-defined]
    assert lk.accent.hexval() in fills
    alone = {p.fillColor.hexval() for p in of(body("NOR").group, "Path") if p.fillColor is not None}  # type: ignore[attr-defined]
    assert len(fills - alone) == 1  # the context's tint is the one colour added


@pytest.mark.parametrize(("focus", "context"), [("NOR", "SWE"), ("FJI", None), ("CHL", "ARG"), ("NZL", None)])
def test_the_frame_is_centred_on_the_focus_and_holds_its_main_parts(focus: str, context: str | None) -> None:
    world = geo.world()
    proj = locator.frame(world.by_iso3(focus), world.by_iso3(context) if context else None)
    assert proj.width == pytest.approx(locator.WIDTH_PT)
    assert proj.width / proj.height == pytest.approx(locator.ASPECT)
    for code in (focus, context) if context else (focus,):
        for point in locator.main_points(world.by_iso3(code)):
            x, y = proj(point)
            assert -1e-6 <= x <= proj.width + 1e-6 and -1e-6 <= y <= proj.height + 1e-6, (code, point)
