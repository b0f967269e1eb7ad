"""design.tiers: the region map's fills for tiers 1–9, distinct and legible for any brand."""

from __future__ import annotations

import itertools
import math

import pytest
from chartkit import look

from briefgen.design.contrast import WHITE, contrast, mix
from briefgen.design.tiers import _lab, other_fill, tier_fills

SAMPLE = ("#0F2C4C", "#B5472B", "#5B6770", "#1E2328")  # primary, accent, muted, text
BRANDS = [
    SAMPLE,
    ("#14284B", "#C8102E", "#6B7280", "#1E2328"),
    ("#222222", "#E69F00", "#777777", "#111111"),
    ("#0F2C4C", "#0F2C4C", "#0F2C4C", "#000000"),  # one colour only: as apart as it allows
]


@pytest.mark.parametrize("brand", BRANDS)
def test_nine_different_fills_on_which_the_text_reads(brand: tuple[str, str, str, str]) -> None:
    primary, accent, muted, text = brand
    fills = tier_fills(*brand)
    assert len(fills) == 9 and len(set(fills)) == 9
    assert fills[:2] == (mix(accent, WHITE, 0.45), mix(muted, WHITE, 0.5))  # the two tiers most maps show
    assert not {primary, other_fill(muted), WHITE} & set(fills)
    for fill in fills[2:]:
        assert contrast(text, fill) >= 4.5, fill


def test_the_sample_brands_fills_are_apart_from_each_other_and_the_rest() -> None:
    primary, _accent, muted, _text = SAMPLE
    shown = (primary, other_fill(muted), WHITE, *tier_fills(*SAMPLE))
    closest = min(math.dist(_lab(a), _lab(b)) for a, b in itertools.combinations(shown, 2))
    assert closest >= 8  # CIE76 ΔE: plainly different colours side by side


def test_the_map_labels_each_fill_in_the_colour_that_reads_best_on_it() -> None:
    lk = look()
    for fill in lk.tiers:
        label = lk.readable(fill)
        hexes = [f"#{c.hexval()[2:]}" for c in (label, fill)]
        assert contrast(*hexes) >= 4.5, hexes
