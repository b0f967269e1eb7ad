"""Checking images before use: inside the project, a real raster file, of sane size,
and big enough to print (for `check` as for the PDF writer).

Section images and logos (the brand's and the clients') go through the same check.
Only the file's header is read (Pillow opens lazily; `verify` walks the chunks without
decoding pixels), so `check` stays fast and a decompression bomb is never unpacked.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefgen.errors import Diagnostic, Pos
from briefgen.load.files import OUTSIDE_HINT, confine

MAX_PIXELS = 40_000_000  # far below Pillow's decompression-bomb threshold
FORMATS = {"PNG", "JPEG", "GIF"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # data:, javascript:, file:, C:…
_PIXELS = re.compile(r"\((\d+) pixels\)")


def check_image(
    src: str, base: Path, root: Path, pos: Pos, what: str = "image", relative_to: str = "the section file"
) -> tuple[Path, int, int] | Diagnostic:
    """Resolve `src` against `base` and open it with Pillow; return (path, w, h) or an error.

    `what` names the image in messages ("image", "logo", …), `relative_to` what `base` is.
    """
    from PIL import Image, UnidentifiedImageError

    if "://" in src or src.startswith("/") or _SCHEME.match(src):
        return Diagnostic(
            pos, f"{what} '{src}' must be a file inside the project", f"use a path relative to {relative_to}"
        )
    path = confine(base / src, root.resolve())
    if path is None:
        return Diagnostic(pos, f"{what} '{src}' is outside the project folder", OUTSIDE_HINT)
    if not path.is_file():
        return Diagnostic(pos, f"{what} not found: {src}", f"paths are relative to {relative_to}")
    try:
        with warnings.catch_warnings():
            # Pillow warns (on stderr) about images past its own bomb threshold: refused below anyway.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                if img.format not in FORMATS:
                    return Diagnostic(pos, f"{what} '{src}' is {img.format}, not PNG or JPEG", "convert it to PNG")
                w, h = img.size
                if w * h > MAX_PIXELS:
                    return _too_many(what, src, f"{w}×{h} pixels", pos)
                img.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        found = _PIXELS.search(str(exc))
        return _too_many(what, src, f"{int(found[1]):,} pixels" if found else "too many pixels", pos)
    except UnidentifiedImageError:
        message = f"{what} '{src}' is corrupt or unreadable: not a PNG, JPEG or GIF image"
        return Diagnostic(pos, message, "re-export it as PNG")
    except (OSError, SyntaxError, ValueError) as exc:
        return Diagnostic(pos, f"{what} '{src}' is corrupt or unreadable: {exc}", "re-export the image")
    return path, w, h


def _too_many(what: str, src: str, size: str, pos: Pos) -> Diagnostic:
    return Diagnostic(pos, f"{what} '{src}' is {size}, over the {MAX_PIXELS:,}-pixel limit", "scale it down")


# How big a figure prints: at most the text width, 55% of the text height, or 2 pt a pixel.
MAX_HEIGHT_SHARE = 0.55
_PT_PER_PX = 72 / 96 * 2
_MM = 72 / 25.4


def printed_size(w_px: int, h_px: int, width_pt: float, height_pt: float) -> tuple[float, float]:
    """(width, height) in points of a figure in a frame `width_pt` × `height_pt`."""
    scale = min(width_pt / w_px, height_pt * MAX_HEIGHT_SHARE / h_px, _PT_PER_PX)
    return w_px * scale, h_px * scale


def too_small(path: Path, size: tuple[float, float], pos: Pos) -> Diagnostic | None:
    """The error for a figure that would print under about 1 cm (24 × 12 pt), or None."""
    if size[0] >= 24 and size[1] >= 12:
        return None
    return Diagnostic(
        pos,
        f"image '{path.name}' would print smaller than 1 cm at page width",
        "crop it, or use a less extreme aspect ratio",
    )


def figure_problems(figures: Iterable[tuple[Path, int, int, Pos]], theme: Any) -> list[Diagnostic]:
    """Figures (path, width px, height px, pos) too small on the theme's page, found by
    `check` as well as by the PDF writer (which also knows narrower boxes and quotes)."""
    page_w, page_h = theme.page_mm
    top, right, bottom, left = theme.margins_mm
    width, height = (page_w - left - right) * _MM, (page_h - top - bottom) * _MM
    found = (too_small(path, printed_size(w, h, width, height), pos) for path, w, h, pos in figures)
    return [d for d in found if d is not None]
