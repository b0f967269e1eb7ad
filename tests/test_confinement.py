"""Every file the build reads stays inside the project, and logos get the image rules.

Links are followed before the check, so a link in `templates/` cannot put a host file
into a deliverable; logos are checked like section images (place, format, pixels), in
`check` too; a decompression bomb is an image error like any other.
"""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli.main import main
from briefgen.load.images import MAX_PIXELS

COUNTRY = "---\ntitle: Elsewhere\nkind: country\nname: Elsewhere\ntier: 1\nstance: Neutral\n---\n\nText.\n"
LIMIT = f"over the {MAX_PIXELS:,}-pixel limit"


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares `width`×`height` pixels in a few bytes (its pixels never come)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    assert "internal error" not in err and "Traceback" not in err
    return code, err


def test_a_template_linked_out_of_the_project_is_refused_in_check_and_build(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "host-secret.txt"
    secret.write_text("root:SECRET-LINE:0:0\n", encoding="utf-8")
    include = "---\ntitle: Notes\n---\n\nText.\n\n{% include 'notes.j2' %}\n"
    project = make_project(tmp_path, {"sections/02-detail.md": COUNTRY, "sections/03-notes.md": include})
    for name in ("factbox.j2", "notes.j2"):
        (project / "templates" / name).symlink_to(secret)
    code, err = _run(capsys, "check", "--project", str(project))
    assert code == 1
    for name in ("factbox.j2", "notes.j2"):
        assert f"templates/{name}: error: template '{name}' leads outside the project folder" in err
    out = tmp_path / "out"
    code, err = _run(capsys, "build", "--project", str(project), "--output", str(out))
    assert code == 1 and "leads outside the project folder" in err
    assert not out.exists() or not [p for p in out.iterdir() if p.suffix in (".pdf", ".docx")]


def test_brand_fonts_brand_file_and_client_files_must_be_inside(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, {"clients/meridian.yaml": "name: Meridian\n"})
    font = project / "templates" / "fonts" / "NotoSerif-Regular.ttf"
    outside = tmp_path / "host-fonts"
    outside.mkdir()
    shutil.move(font, outside / font.name)
    font.symlink_to(outside / font.name)
    (outside / "evil.yaml").write_text("name: Evil\n", encoding="utf-8")
    (project / "clients" / "evil.yaml").symlink_to(outside / "evil.yaml")
    code, err = _run(capsys, "check", "--project", str(project))
    assert code == 1
    assert (
        "templates/brand.yaml:12: error: fonts.regular file 'fonts/NotoSerif-Regular.ttf' is outside the project folder"
        in err
    )
    assert "clients/evil.yaml: error: client file clients/evil.yaml is outside the project folder" in err

    project = make_project(tmp_path / "b", brand="../shared-brand/brand.yaml")
    shutil.copytree(project / "templates", tmp_path / "b" / "shared-brand")
    code, err = _run(capsys, "check", "--project", str(project))
    assert code == 1
    assert "briefing.yaml:5: error: brand file ../shared-brand/brand.yaml is outside the project folder" in err


def test_logos_are_checked_like_images_in_check(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>'
    project = make_project(
        tmp_path,
        {
            "clients/meridian.yaml": "name: Meridian\nlogo: ../../host-logo.png\n",
            "clients/borealis.yaml": "name: Borealis\nlogo: big.png\n",
            "clients/big.png": png_header(20_000, 20_000),
            "templates/logo.png": png_header(12_000, 12_000),
            "templates/logo-white.svg": svg,
        },
    )
    brand = project / "templates" / "brand.yaml"
    brand.write_text(brand.read_text(encoding="utf-8").replace("logo-white.png", "logo-white.svg"), encoding="utf-8")
    (tmp_path / "host-logo.png").write_bytes(png_header(10, 10))
    code, err = _run(capsys, "check", "--project", str(project))
    assert code == 1
    assert "clients/meridian.yaml:2: error: client logo '../../host-logo.png' is outside the project folder" in err
    assert f"clients/borealis.yaml:2: error: client logo 'big.png' is 400,000,000 pixels, {LIMIT}" in err
    assert f"templates/brand.yaml:4: error: brand logo 'logo.png' is 144,000,000 pixels, {LIMIT}" in err
    assert "templates/brand.yaml:5: error: brand logo_on_dark 'logo-white.svg' is corrupt or unreadable" in err


def test_a_decompression_bomb_is_an_image_error_and_check_goes_on(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        tmp_path,
        {
            "sections/03-bomb.md": "---\ntitle: Bomb\n---\n\nText.\n\n![Bomb](bomb.png)\n",
            "sections/bomb.png": png_header(20_000, 20_000),
            "sections/04-later.md": "---\ntitle: Later\n---\n\nText.\n\n![Missing](missing.png)\n",
        },
    )
    code, err = _run(capsys, "check", "--project", str(project))
    assert code == 1
    assert f"sections/03-bomb.md:7: error: image 'bomb.png' is 400,000,000 pixels, {LIMIT}" in err
    assert "sections/04-later.md:7: error: image not found: missing.png" in err
