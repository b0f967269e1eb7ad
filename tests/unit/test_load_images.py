"""load.images: an image is a PNG, JPEG or GIF file inside the project, of sane size; every
refusal is a diagnostic at the position given, naming the file and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from briefgen.errors import Diagnostic, Pos
from briefgen.load import images
from briefgen.load.images import check_image

AT = Pos("sections/a.md", 5)


def picture(path: Path, size: tuple[int, int] = (30, 20), fmt: str = "PNG") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 40, 40)).save(path, fmt)
    return path


def refused(src: str, root: Path, **kw: str) -> Diagnostic:
    found = check_image(src, root, root, AT, **kw)
    assert isinstance(found, Diagnostic), found
    assert found.pos == AT
    return found


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF"])
def test_a_good_image_gives_its_resolved_path_and_pixel_size(tmp_path: Path, fmt: str) -> None:
    picture(tmp_path / "img" / f"p.{fmt.lower()}", (31, 17), fmt)
    found = check_image(f"img/p.{fmt.lower()}", tmp_path, tmp_path, AT)
    assert found == ((tmp_path / "img" / f"p.{fmt.lower()}").resolve(), 31, 17)


@pytest.mark.parametrize("src", ["https://example.org/p.png", "/etc/p.png", "data:image/png;base64,AAAA", "C:/p.png"])
def test_urls_absolute_paths_and_schemes_are_not_project_files(tmp_path: Path, src: str) -> None:
    d = refused(src, tmp_path, what="logo", relative_to="the brand file")
    assert d.message == f"logo '{src}' must be a file inside the project"
    assert d.hint == "use a path relative to the brand file"


def test_a_path_out_of_the_project_is_refused_even_if_the_file_exists(tmp_path: Path) -> None:
    root = tmp_path / "project"
    root.mkdir()
    picture(tmp_path / "outside.png")
    assert "outside the project folder" in refused("../outside.png", root).message


def test_a_missing_file_says_what_paths_are_relative_to(tmp_path: Path) -> None:
    d = refused("nope.png", tmp_path)
    assert (d.message, d.hint) == ("image not found: nope.png", "paths are relative to the section file")


def test_other_formats_and_corrupt_files_are_refused_with_a_fix(tmp_path: Path) -> None:
    picture(tmp_path / "p.bmp", fmt="BMP")
    assert refused("p.bmp", tmp_path).message == "image 'p.bmp' is BMP, not PNG or JPEG"
    (tmp_path / "junk.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 10)
    d = refused("junk.png", tmp_path)
    assert "corrupt or unreadable" in d.message and d.hint.startswith("re-export")
    (tmp_path / "text.png").write_text("hello", encoding="utf-8")
    assert "not a PNG, JPEG or GIF" in refused("text.png", tmp_path).message


def test_too_many_pixels_is_refused_from_the_header_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    picture(tmp_path / "big.png", (100, 50))
    monkeypatch.setattr(images, "MAX_PIXELS", 4_999)
    d = refused("big.png", tmp_path)
    assert d.message == "image 'big.png' is 100×50 pixels, over the 4,999-pixel limit" and d.hint == "scale it down"
