"""The region map's fills: the focus country, tiers 1–9 and the countries around them.

Tier 1 is the accent tinted towards white and tier 2 the muted colour tinted further (the
two tiers most maps show). Tiers 3–9 are picked from tints of the brand's colours and
their mixtures: each in turn the candidate farthest (CIE76 ΔE in L*a*b*) from every
fill already taken, the focus, the other countries and the paper, among those on which
the text colour reads at WCAG AA (a country's name is printed on its fill). So every
tier of any brand has its own colour, as distinct as the brand's colours allow; the map
also marks each name with its tier's superscript, so colour is never the only cue.
"""

from __future__ import annotations

import math
from functools import lru_cache

from briefgen.design.contrast import MINIMUM, WHITE, contrast, luminance, mix

TIERS = 9  # the profiles' tiers run 1–9 (`load/formats.is_tier`)
TIER1_TINT = 0.45  # the accent towards white
TIER2_TINT = 0.5  # the muted colour towards white
OTHER_TINT = 0.84  # the countries that are not players: light grey for orientation
_STEPS = tuple(i / 20 for i in range(17))  # tints from the colour itself to 80 % white


def other_fill(muted: str) -> str:
    return mix(muted, WHITE, OTHER_TINT)


@lru_cache(maxsize=8)
def tier_fills(primary: str, accent: str, muted: str, text: str) -> tuple[str, ...]:
    """The fills of tiers 1–9 (index 0 is tier 1), for a brand's colours."""
    fills = [mix(accent, WHITE, TIER1_TINT), mix(muted, WHITE, TIER2_TINT)]
    taken = [_lab(c) for c in (primary, other_fill(muted), WHITE, *fills)]
    bases = (accent, primary, muted, mix(primary, accent, 0.5), mix(accent, muted, 0.5), mix(primary, muted, 0.5))
    pool = [mix(b, WHITE, t) for b in bases for t in _STEPS]
    pool = [c for c in dict.fromkeys(pool) if contrast(text, c) >= MINIMUM and c not in fills]
    for _ in range(TIERS - len(fills)):
        best = max(pool, key=lambda c: min(math.dist(_lab(c), t) for t in taken))  # first of equals
        fills.append(best)
        taken.append(_lab(best))
        pool.remove(best)
    return tuple(fills)


def _lab(color: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of "#RRGGBB"."""
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = luminance(color)
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)
