"""Checking image files before use: inside the project, a real raster file, of sane size.

Section images and logos (the brand's and the clients') go through the same check.
Only the file's header is read (Pillow opens lazily; `verify` walks the chunks without
decoding pixels), so `check` stays fast and a decompression bomb is never unpacked.
Whether a figure prints big enough is the writers' rule (`writers/common/figures.py`).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

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
