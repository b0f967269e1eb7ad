"""Hostile input: oversized or disguised images, links out of the project, runaway templates."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from briefgen.cli.main import main
from briefgen.load.images import MAX_PIXELS

FIGURE = "---\ntitle: Figure\n---\n\nText.\n\n![A picture](img/pic.{ext})\n"


def _check(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["check", "--project", str(project)]) == 1
    return capsys.readouterr().err


def test_svg_images_are_refused(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    svg = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    project = make_project(tmp_path, {"sections/03-fig.md": FIGURE.format(ext="svg"), "sections/img/pic.svg": svg})
    err = _check(project, capsys)
    assert "sections/03-fig.md:7: error: image 'img/pic.svg'" in err
    assert "convert it to PNG" in err or "re-export" in err


def test_an_image_over_the_pixel_cap_is_refused(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, {"sections/03-fig.md": FIGURE.format(ext="png")})
    (project / "sections" / "img").mkdir()
    side = int(MAX_PIXELS**0.5) + 10
    Image.new("1", (side, side)).save(project / "sections" / "img" / "pic.png")
    err = _check(project, capsys)
    assert (
        f"sections/03-fig.md:7: error: image 'img/pic.png' is {side}×{side} pixels, over the {MAX_PIXELS:,}-pixel limit"
        in err
    )


def test_a_symlink_to_an_image_outside_the_project_is_refused(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, {"sections/03-fig.md": FIGURE.format(ext="png")})
    outside = tmp_path / "outside.png"
    Image.new("RGB", (10, 10)).save(outside)
    (project / "sections" / "img").mkdir()
    (project / "sections" / "img" / "pic.png").symlink_to(outside)
    err = _check(project, capsys)
    assert "sections/03-fig.md:7: error: image 'img/pic.png' is outside the project folder" in err


def test_a_runaway_template_is_stopped_by_the_output_limit(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "---\ntitle: Loop\n---\n\n{% for i in range(99999) %}{% for j in range(99999) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}\n"
    project = make_project(tmp_path, {"sections/03-loop.md": body})
    err = _check(project, capsys)
    assert "sections/03-loop.md: error: template exceeded the output limit of 2,000,000 characters" in err


def test_templates_cannot_reach_python_internals(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "---\ntitle: Escape\n---\n\n{{ briefing.__class__.__mro__[1].__subclasses__() }}\n"
    project = make_project(tmp_path, {"sections/03-escape.md": body})
    err = _check(project, capsys)
    assert "sections/03-escape.md:5: error:" in err


def test_reportlab_never_fetches_from_the_network() -> None:
    from reportlab import rl_config

    import briefgen.writers.pdf  # noqa: F401 - importing the writer sets the policy

    assert rl_config.trustedHosts == []
