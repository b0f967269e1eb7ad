"""`briefgen init`: a new project that builds at once, written from the files in `starter/`.

Besides the starter's text files it writes two placeholder logos (drawn here with
Pillow, in the starter brand's colours) and the JSON Schemas its YAML files point
editors at. The project appears whole or not at all: it is written into a temporary
folder beside the target, then renamed into place (or, into an empty folder that
already exists, its few top-level entries are). Neither overwrites anything: a
concurrent run that got there first wins, and this one stops with an error.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from pathlib import Path

from briefgen.batch.atomic import publish_new
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
        try:
            _place(staging, target, moved)
        except OSError as exc:
            raise _taken(target, exc) from None
    except BaseException:
        for path in moved:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [target / p for p in written]


def _place(staging: Path, target: Path, moved: list[Path]) -> None:
    """Move the finished project into place, never over anything another run wrote."""
    if not target.exists():
        os.rename(staging, target)  # refused if a concurrent run filled it meanwhile
        return
    # An empty folder stays (it may be the shell's current folder): fill it.
    for entry in sorted(staging.iterdir()):
        publish_new(entry, target / entry.name)
        moved.append(target / entry.name)
    staging.rmdir()


def _taken(target: Path, exc: OSError) -> UsageError:
    """A failed rename: the target got files meanwhile (another `init`?), or cannot be written."""
    taken = isinstance(exc, FileExistsError) or exc.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR)
    problem = "files appeared in it while it was written (another 'briefgen init'?)" if taken else exc.strerror
    return UsageError(
        [
            Diagnostic(
                Pos(str(target)),
                f"cannot create a project here: {problem}; nothing was written",
                "give a new or empty folder, e.g. 'briefgen init my-briefing'",
            )
        ]
    )


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
