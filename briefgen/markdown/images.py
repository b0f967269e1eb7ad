"""Checking images before use: inside the project, a real raster file, of sane size."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import Diagnostic, Pos

MAX_PIXELS = 40_000_000  # far below Pillow's decompression-bomb threshold
FORMATS = {"PNG", "JPEG", "GIF"}
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # data:, javascript:, file:, C:…


def check_image(src: str, base: Path, root: Path, pos: Pos) -> tuple[Path, int, int] | Diagnostic:
    """Resolve `src` against `base` and open it with Pillow; return (path, w, h) or an error."""
    from PIL import Image, UnidentifiedImageError

    if "://" in src or src.startswith("/") or _SCHEME.match(src):
        return Diagnostic(
            pos, f"image '{src}' must be a file inside the project", "use a path relative to the section file"
        )
    path = (base / src).resolve()
    if not path.is_relative_to(root.resolve()):
        return Diagnostic(pos, f"image '{src}' is outside the project folder", "copy it into the project")
    if not path.is_file():
        return Diagnostic(pos, f"image not found: {src}", "paths are relative to the section file")
    try:
        with Image.open(path) as img:
            if img.format not in FORMATS:
                return Diagnostic(pos, f"image '{src}' is {img.format}, not PNG or JPEG", "convert it to PNG")
            w, h = img.size
            if w * h > MAX_PIXELS:
                return Diagnostic(
                    pos, f"image '{src}' is {w}×{h} pixels, over the {MAX_PIXELS:,}-pixel limit", "scale it down"
                )
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        return Diagnostic(pos, f"image '{src}' is corrupt or unreadable: {exc}", "re-export the image")
    return path, w, h
