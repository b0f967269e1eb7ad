"""fonts.register: the brand's faces are named up front, parsed on first use, and keep their bold/italic mapping."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from briefgen.design.theme import FontSet
from briefgen.fonts.register import FontNames, register

FONTS = Path(__file__).resolve().parents[2] / "briefgen" / "fonts"
FACES = ("Regular", "Bold", "Italic", "BoldItalic")


def _fontset(folder: Path) -> FontSet:
    """Copies of the shipped Noto faces in `folder`: paths no other test has registered."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [shutil.copy(FONTS / f"NotoSans-{face}.ttf", folder / f"NotoSans-{face}.ttf") for face in FACES]
    return FontSet(*map(Path, paths))


def _theme(body: FontSet, heading: FontSet, symbols: Path | None = None, mono: Path | None = None) -> object:
    return SimpleNamespace(fonts=body, heading_fonts=heading, symbols=symbols, mono=mono)


def test_each_family_is_named_from_its_regular_file(tmp_path: Path) -> None:
    body, heading = _fontset(tmp_path / "body"), _fontset(tmp_path / "heading")
    fonts = register(_theme(body, heading))  # type: ignore[arg-type]
    tag = hashlib.sha1(str(body.regular).encode()).hexdigest()[:8]
    assert fonts.body == FontNames(f"bg{tag}-R", f"bg{tag}-B", f"bg{tag}-I", f"bg{tag}-BI")
    assert fonts.heading != fonts.body
    assert register(_theme(body, heading)) == fonts  # type: ignore[arg-type]


def test_code_falls_back_to_the_body_font_and_symbols_to_none(tmp_path: Path) -> None:
    body = _fontset(tmp_path / "body")
    fonts = register(_theme(body, body))  # type: ignore[arg-type]
    assert fonts.mono == fonts.body.regular
    assert fonts.symbols is None
    assert fonts.heading == fonts.body


def test_a_single_face_font_is_one_face_whatever_the_markup(tmp_path: Path) -> None:
    body = _fontset(tmp_path / "body")
    mono = Path(shutil.copy(FONTS / "DejaVuSansMono.ttf", tmp_path / "mono.ttf"))
    fonts = register(_theme(body, body, mono=mono, symbols=mono))  # type: ignore[arg-type]
    assert fonts.mono == "bgone-" + hashlib.sha1(str(mono).encode()).hexdigest()[:8]
    assert fonts.symbols == fonts.mono
    assert {tt2ps(fonts.mono, b, i) for b in (0, 1) for i in (0, 1)} == {fonts.mono}


def test_a_face_is_parsed_only_when_first_asked_for(tmp_path: Path) -> None:
    body = _fontset(tmp_path / "lazy")
    names = register(_theme(body, body)).body  # type: ignore[arg-type]
    registered = pdfmetrics.getRegisteredFontNames()
    assert names.regular not in registered and names.bold not in registered
    font = pdfmetrics.getFont(names.bold)
    assert font.fontName == names.bold
    assert Path(font.face.filename) == body.bold
    assert names.bold in pdfmetrics.getRegisteredFontNames()
    assert names.italic not in pdfmetrics.getRegisteredFontNames()


def test_registering_the_regular_face_keeps_the_family_bold_and_italic(tmp_path: Path) -> None:
    body = _fontset(tmp_path / "family")
    names = register(_theme(body, body)).body  # type: ignore[arg-type]
    pdfmetrics.getFont(names.regular)
    assert tt2ps(names.regular, 0, 0) == names.regular
    assert tt2ps(names.regular, 1, 0) == names.bold
    assert tt2ps(names.regular, 0, 1) == names.italic
    assert tt2ps(names.regular, 1, 1) == names.bold_italic


def test_a_name_not_ours_is_left_to_reportlab() -> None:
    assert pdfmetrics.getFont("Helvetica").fontName == "Helvetica"
    with pytest.raises(KeyError):
        pdfmetrics.getFont("bgnever-R")
