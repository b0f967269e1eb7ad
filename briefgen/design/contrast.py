"""Legibility of the brand's colour pairs: WCAG 2 contrast of text on the page, on panels
and on the primary-colour bands, and a light logo for those bands.

The pairs are the ones the writers actually draw (body, captions, headings, labels on
white; box text on `panel`; band titles and labels on `primary`). A pair below 4.5:1,
WCAG's AA level for body text, is a warning that names the brand key to change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefgen.errors import Pos, Reporter

MINIMUM = 4.5
WHITE = "#FFFFFF"
# Labels on the dark primary band (cover kicker, summary band label) are the accent moved
# this far towards white, in every writer: the plain accent is too dark to read there.
BAND_LABEL_TINT = 0.55


def luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour "#RRGGBB"."""
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def mix(color: str, other: str, amount: float) -> str:
    """`color` moved `amount` (0..1) of the way towards `other`, both "#RRGGBB" (or
    "RRGGBB"): the one mixing rule for the writers and this check."""
    a, b = color.lstrip("#"), other.lstrip("#")
    return "#" + "".join(
        f"{round(x + (y - x) * amount):02X}"
        for x, y in ((int(a[i : i + 2], 16), int(b[i : i + 2], 16)) for i in (0, 2, 4))
    )


def lighten(hex_color: str, amount: float) -> str:
    """`hex_color` moved `amount` (0..1) of the way to white, as the writers mix it."""
    return mix(hex_color, WHITE, amount)


def legible(color: str, background: str, minimum: float = MINIMUM) -> str:
    """`color` as it must be drawn on `background` to read at `minimum`: itself when it
    does, else moved towards white on a dark background (black on a light one) in steps
    of 5 %, as little as it takes. The writers draw every text on a band in such a colour."""
    target = WHITE if is_dark(background) else "#000000"
    for step in range(21):
        mixed = mix(color, target, step / 20)
        if contrast(mixed, background) >= minimum:
            return mixed
    return target


def is_dark(hex_color: str) -> bool:
    """A band on which white reads better than black."""
    return contrast(hex_color, WHITE) > contrast(hex_color, "#000000")


def logo_reads_on(logo: Path, background: str) -> bool:
    """Whether a logo's visible pixels, on average, stand out from `background` at 3:1
    (WCAG's level for graphics): a light logo needs no separate on-dark variant."""
    from PIL import Image, ImageStat

    try:
        with Image.open(logo) as img:
            img.thumbnail((64, 64))  # a few thousand pixels say enough about its colour
            rgba = img.convert("RGBA")
    except (OSError, ValueError):
        return False  # unreadable: the image check reports it
    visible = rgba.getchannel("A").point(lambda a: 255 if a >= 128 else 0)
    if visible.getbbox() is None:
        return False
    mean = ImageStat.Stat(rgba.convert("RGB"), mask=visible).mean
    return contrast("#" + "".join(f"{round(v):02X}" for v in mean), background) >= 3.0


def check_brand(
    colors: dict[str, str], has_dark_logo: bool, at: Callable[[str], Pos], reporter: Reporter, logo: Path | None = None
) -> None:
    """Warn about every drawn pair below 4.5:1, and a dark band with no `logo_on_dark`
    (unless the one `logo` reads on it as it is).

    `at(key)` is the position of a dotted brand key such as "colors.accent".
    """
    primary, panel, accent = colors["primary"], colors["panel"], colors["accent"]
    band_label = lighten(accent, BAND_LABEL_TINT)
    pairs = [  # (key to change, text colour, background, what is drawn so)
        ("colors.text", colors["text"], WHITE, "colors.text on white (body text)"),
        ("colors.muted", colors["muted"], WHITE, "colors.muted on white (captions, header, footer)"),
        ("colors.primary", primary, WHITE, "colors.primary on white (headings)"),
        ("colors.accent", accent, WHITE, "colors.accent on white (labels, markings)"),
        ("colors.text", colors["text"], panel, "colors.text on colors.panel (boxes, table headers)"),
        ("colors.primary", primary, panel, "colors.primary on colors.panel (box titles)"),
        ("colors.primary", WHITE, primary, "white on colors.primary (titles on the cover and summary bands)"),
        (
            "colors.accent",
            band_label,
            primary,
            f"colors.accent lightened ({band_label}) on colors.primary (band labels)",
        ),
    ]
    for key, fg, bg, what in pairs:
        ratio = contrast(fg, bg)
        if ratio < MINIMUM:
            reporter.warn(
                at(key),
                f"brand colours hard to read: {what} has a contrast of {ratio:.2f}:1, below {MINIMUM}:1 (WCAG AA)",
                f"change '{key}' for a contrast of at least {MINIMUM}:1",
            )
    if is_dark(primary) and not has_dark_logo and not (logo is not None and logo_reads_on(logo, primary)):
        reporter.warn(
            at("logo"),
            "brand has no 'logo_on_dark': the logo is drawn as it is on the dark colors.primary band "
            "(cover and summary), where a dark logo disappears",
            "add 'logo_on_dark:' with a light variant of the logo",
        )
