"""fonts.fontfile: names, metrics, coverage and signatures read straight from the TTF, checked against fontTools."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefgen.errors import BriefgenError
from briefgen.fonts.fontfile import advances, char_map, cmap_of, coverage, family_name, natural_leading, signature

FONTS = Path(__file__).resolve().parents[2] / "briefgen" / "fonts"
REGULAR = FONTS / "NotoSans-Regular.ttf"
MONO = FONTS / "DejaVuSansMono.ttf"


@pytest.fixture(scope="module")
def noto() -> TTFont:
    return TTFont(io.BytesIO(REGULAR.read_bytes()))


def test_the_character_map_agrees_with_fonttools(noto: TTFont) -> None:
    want = {c: noto.getGlyphID(name) for c, name in noto.getBestCmap().items()}
    got = char_map(REGULAR)
    assert got == {c: g for c, g in want.items() if g}
    assert coverage(REGULAR) == frozenset(got)


def test_coverage_holds_latin_and_lacks_cjk() -> None:
    assert ord("Ğ") in coverage(REGULAR)
    assert ord("漢") not in coverage(REGULAR)


def test_advance_widths_agree_with_fonttools(noto: TTFont) -> None:
    units, widths = advances(REGULAR)
    assert units == noto["head"].unitsPerEm
    cmap = noto.getBestCmap()
    for ch in "aW .é":
        assert widths[ord(ch)] == noto["hmtx"][cmap[ord(ch)]][0], ch


@pytest.mark.parametrize("path", [REGULAR, MONO, FONTS / "NotoSans-BoldItalic.ttf"], ids=lambda p: p.stem)
def test_the_family_name_is_name_id_1(path: Path) -> None:
    font = TTFont(io.BytesIO(path.read_bytes()))
    assert family_name(path) == font["name"].getDebugName(1)


def test_natural_leading_is_the_windows_ascent_and_descent_in_ems(noto: TTFont) -> None:
    os2 = noto["OS/2"]
    assert natural_leading(REGULAR) == pytest.approx((os2.usWinAscent + os2.usWinDescent) / noto["head"].unitsPerEm)


def test_natural_leading_falls_back_to_1_2_for_an_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"\0\1\0\0\0\5" + b"\0" * 6)
    assert natural_leading(bad) == 1.2


def test_signature_tells_sans_from_monospace(noto: TTFont) -> None:
    sans, mono = signature(REGULAR), signature(MONO)
    assert sans is not None and mono is not None
    assert (sans.family, sans.pitch) == ("swiss", "variable")
    assert (mono.family, mono.pitch) == ("modern", "fixed")
    panose = noto["OS/2"].panose
    assert (
        sans.panose
        == bytes(
            [
                panose.bFamilyType,
                panose.bSerifStyle,
                panose.bWeight,
                panose.bProportion,
                panose.bContrast,
                panose.bStrokeVariation,
                panose.bArmStyle,
                panose.bLetterForm,
                panose.bMidline,
                panose.bXHeight,
            ]
        )
        .hex()
        .upper()
    )
    assert len(sans.panose) == 20


def test_signature_of_an_unreadable_file_is_none(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttf"
    bad.write_bytes(b"not a font")
    assert signature(bad) is None


def test_an_unreadable_font_fails_at_its_path(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttf"
    bad.write_bytes(b"\0\1\0\0\0\0" + b"\0" * 6)
    with pytest.raises(BriefgenError) as caught:
        family_name(bad)
    (d,) = caught.value.diagnostics
    assert d.pos.file == str(bad)
    assert d.message == "cannot read the font's family name: no 'name' table"
    assert d.hint == "use a valid TrueType (.ttf) file"


def test_a_font_without_a_unicode_cmap_is_refused() -> None:
    data = bytearray(REGULAR.read_bytes())
    font = TTFont(io.BytesIO(bytes(data)))
    font["cmap"].tables = [t for t in font["cmap"].tables if not t.isUnicode()]
    out = io.BytesIO()
    font.save(out)
    with pytest.raises(ValueError, match="no Unicode character map in format 4 or 12"):
        cmap_of(out.getvalue())
