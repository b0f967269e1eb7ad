"""Nothing is drawn off the page: wide tables, long words and extreme images are fitted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from support import flat, pdf_pages

from briefgen.cli.main import main

LONG_WORD = "Supercalifragilistic" * 8  # 160 letters, wider than the text column
WIDE_TABLE = "| " + " | ".join(f"Column{i}" for i in range(12)) + " |\n|" + "---|" * 12 + "\n"
WIDE_TABLE += "| " + " | ".join(f"Internationalisation{i}" for i in range(12)) + " |\n"
BODY = f"""---
title: Extremes
---

A long word: {LONG_WORD} ends here.

{WIDE_TABLE}
![A tall picture](img/tall.png)

![A wide picture](img/wide.png)
"""


def _text_positions(pdf: Path) -> list[tuple[int, float, float, float, float]]:
    """(page, x, y, page width, page height) of every text run drawn."""
    found = []
    for n, page in enumerate(PdfReader(str(pdf)).pages):
        box = page.mediabox
        width, height = float(box.width), float(box.height)

        def visit(
            text: str, cm: list[float], tm: list[float], *_: object, n: int = n, w: float = width, h: float = height
        ) -> None:
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append((n, x, y, w, h))

        page.extract_text(visitor_text=visit)
    return found


def test_extreme_content_stays_on_the_page_and_nothing_is_lost(
    tmp_path: Path, make_project: Callable[..., Path]
) -> None:
    project = make_project(tmp_path, {"sections/03-extremes.md": BODY})
    (project / "sections" / "img").mkdir()
    Image.new("RGB", (300, 3000), (20, 60, 120)).save(project / "sections" / "img" / "tall.png")
    Image.new("RGB", (4000, 200), (180, 70, 40)).save(project / "sections" / "img" / "wide.png")
    out = tmp_path / "out"
    assert main(["build", "--project", str(project), "--output", str(out), "--format", "pdf"]) == 0
    pdf = out / "full.pdf"
    positions = _text_positions(pdf)
    assert positions
    for page, x, y, w, h in positions:
        assert -1 <= x <= w and -1 <= y <= h, f"text drawn off page {page + 1} at ({x:.0f}, {y:.0f})"
    text = flat(" ".join(pdf_pages(pdf))).replace(" ", "")
    assert LONG_WORD in text  # split across lines, but every letter is there
    for i in range(12):  # broken at syllables, with a hyphen where a line ends
        assert f"Internationalisation{i}" in text.replace("-", "")
    assert "Figure1:Atallpicture" in text and "Figure2:Awidepicture" in text


def test_an_image_too_thin_to_print_is_an_error_at_its_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, {"sections/03-thin.md": "---\ntitle: Thin\n---\n\n![A sliver](img/thin.png)\n"})
    (project / "sections" / "img").mkdir()
    Image.new("RGB", (20, 4000)).save(project / "sections" / "img" / "thin.png")
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out"), "--format", "pdf"]) == 1
    assert "sections/03-thin.md:5: error: image 'thin.png' would print smaller than 1 cm" in capsys.readouterr().err
