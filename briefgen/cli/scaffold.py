"""`briefgen init`: a new project that builds at once, written from the files in `starter/`.

Besides the starter's text files it writes two placeholder logos (drawn here with
Pillow, in the starter brand's colours) and the JSON Schemas its YAML files point
editors at. The project appears whole or not at all: it is written into a temporary
folder beside the target, then renamed into place (or, into an empty folder that
already exists, its few top-level entries are).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from briefgen.errors import Diagnostic, Pos, UsageError

STARTER = Path(__file__).parent.parent / "starter"
# The starter brand's primary and text colours (starter/templates/brand.yaml).
PRIMARY, TEXT, WHITE = "#14284B", "#1E2328", "#FFFFFF"
LOGO_NAME = "Your Organisation"


def write_project(target: Path) -> list[Path]:
    """Write the starter project into `target` (new or empty); return the files written."""
    target = target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "is a file" if not target.is_dir() else "is not empty"
        raise UsageError(
            [
                Diagnostic(
                    Pos(str(target)),
                    f"cannot create a project here: the folder {what}",
                    "give a new or empty folder, e.g. 'briefgen init my-briefing'",
                )
            ]
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    moved: list[Path] = []
    try:
        _fill(staging)
        written = sorted(p.relative_to(staging) for p in staging.rglob("*") if p.is_file())
        if not target.exists():
            os.replace(staging, target)
        else:  # an empty folder stays (it may be the shell's current folder): fill it
            for entry in sorted(staging.iterdir()):
                os.replace(entry, target / entry.name)
                moved.append(target / entry.name)
            staging.rmdir()
    except BaseException:
        for path in moved:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / p for p in written]


def _fill(root: Path) -> None:
    shutil.copytree(STARTER, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    _logo(root / "templates" / "logo.png", mark=PRIMARY, inner=WHITE, words=TEXT)
    _logo(root / "templates" / "logo-on-dark.png", mark=WHITE, inner=PRIMARY, words=WHITE)
    from briefgen.cli.schemagen import TABLES, json_schema

    (root / "schemas").mkdir()
    for kind in TABLES:
        text = json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
        (root / "schemas" / f"{kind}.json").write_text(text, encoding="utf-8")


def _logo(path: Path, mark: str, inner: str, words: str) -> None:
    """A neutral placeholder: a square mark and the organisation's name, on transparency."""
    from PIL import Image, ImageDraw, ImageFont

    from briefgen.load.brand import DEFAULT_FONTS

    font = ImageFont.truetype(str(DEFAULT_FONTS / "NotoSans-Bold.ttf"), 64)
    width = 200 + int(font.getlength(LOGO_NAME)) + 20
    image = Image.new("RGBA", (width, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((10, 20, 170, 180), radius=28, fill=mark)
    draw.ellipse((55, 65, 125, 135), fill=inner)
    draw.text((200, 100), LOGO_NAME, font=font, fill=words, anchor="lm")
    image.save(path, optimize=True)
