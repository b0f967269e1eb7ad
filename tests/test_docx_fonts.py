"""Embedded fonts in the DOCX: subset TrueType parts, obfuscated and wired up as Word does it.

The sample's outputs are read back (parts, content types, relationships, fontTable,
settings, sizes); each part is de-obfuscated with its key and opened with fontTools.
The LibreOffice test converts the summary on a font setup that hides every Noto font:
the PDF must still be set in Noto, from the document's own fonts, on one page. It first
checks, on a copy without the embedded fonts, that the setup really hides Noto.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from support import FONTS, convert_to_pdf, docx_text, docx_xml, soffice

from briefgen.errors import Pos, Reporter
from briefgen.load.brand import load_brand
from briefgen.model import nodes as m
from briefgen.writers.docx import write_docx
from briefgen.writers.docx.package.embedfonts import font_key, obfuscate, subset_font

pytest.importorskip("fontTools")
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
GUID = re.compile(r"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$")
EMBEDS = {"embedRegular": "Regular", "embedBold": "Bold", "embedItalic": "Italic", "embedBoldItalic": "BoldItalic"}
SOURCES = {"Noto Serif": "NotoSerif", "Noto Sans": "NotoSans"}  # the sample brand's families
# single faces, embedded when the document sets them: the symbol fallback and the code font
SINGLE = {"Noto Sans Math": "NotoSansMath-Regular.ttf", "DejaVu Sans Mono": "DejaVuSansMono.ttf"}


def source_file(family: str, tag: str) -> Path:
    return FONTS / SINGLE[family] if family in SINGLE else FONTS / f"{SOURCES[family]}-{EMBEDS[tag]}.ttf"


needs_soffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")


def lo_key(font_key: str) -> bytes:
    """The 16-byte key as LibreOffice's DOCX import reads it: fixed positions in the GUID string."""
    positions = (35, 33, 31, 29, 27, 25, 22, 20, 17, 15, 12, 10, 7, 5, 3, 1)
    return bytes(int(font_key[p : p + 2], 16) for p in positions)


def deobfuscate(data: bytes, font_key: str) -> bytes:
    key = lo_key(font_key)
    return bytes(b ^ key[i % 16] for i, b in enumerate(data[:32])) + data[32:]


def embedded(path: Path) -> list[tuple[str, str, str, bytes]]:
    """(family, embed element, fontKey, part bytes as stored) for every embedded face."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
        rels = etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels if r.get("Type") == FONT_REL}
        found = []
        for font in table.iter(f"{W}font"):
            for node in font:
                tag = node.tag.removeprefix(W)
                if tag in EMBEDS:
                    target = targets[node.get(f"{R}id")]
                    found.append((font.get(f"{W}name"), tag, node.get(f"{W}fontKey"), z.read(f"word/{target}")))
    return found


# ---------------------------------------------------------------- the package
def test_font_parts_have_their_content_type_and_relationships(sample_outputs: Path) -> None:
    from lxml import etree

    with zipfile.ZipFile(sample_outputs / "summary.docx") as z:
        names = z.namelist()
        types = etree.fromstring(z.read("[Content_Types].xml"))
        rels = etree.fromstring(z.read("word/_rels/fontTable.xml.rels"))
    parts = sorted(n for n in names if re.fullmatch(r"word/fonts/font\d+\.odttf", n))
    assert len(parts) == 8, parts  # Noto Serif and Noto Sans, four faces each
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.iter(f"{CT}Override")}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.iter(f"{CT}Default")}
    for part in parts:
        assert overrides.get(f"/{part}", defaults.get("odttf")) == OBFUSCATED, part
    font_rels = sorted(f"word/{r.get('Target')}" for r in rels.iter(f"{PR}Relationship") if r.get("Type") == FONT_REL)
    assert font_rels == parts


def test_font_table_embeds_every_face_of_both_families(sample_outputs: Path) -> None:
    faces = embedded(sample_outputs / "summary.docx")
    assert {(family, tag) for family, tag, _, _ in faces} == {(f, t) for f in SOURCES for t in EMBEDS}
    keys = [key for _, _, key, _ in faces]
    assert all(GUID.match(key) for key in keys), keys
    assert len(set(keys)) == len(keys)
    table = docx_xml(sample_outputs / "summary.docx", "word/fontTable.xml")
    assert table.count('w:subsetted="1"') == len(faces)


def test_parts_are_obfuscated_and_open_as_the_named_truetype_fonts(sample_outputs: Path) -> None:
    for family, tag, key, data in embedded(sample_outputs / "summary.docx"):
        assert data[:4] not in (b"\x00\x01\x00\x00", b"true", b"OTTO"), f"{family} {tag} is not obfuscated"
        font = TTFont(io.BytesIO(deobfuscate(data, key)))
        assert "glyf" in font
        assert font["name"].getDebugName(1) == family  # the name the styles use
        subfamily = font["name"].getDebugName(2).replace(" ", "")
        assert subfamily == EMBEDS[tag], (family, tag, subfamily)


def test_subsets_cover_the_document_text(sample_outputs: Path) -> None:
    text = docx_text(sample_outputs / "full.docx")
    assert "Erdoğan" in text and "€" in text
    for family, tag, key, data in embedded(sample_outputs / "full.docx"):
        cmap = TTFont(io.BytesIO(deobfuscate(data, key))).getBestCmap()
        source = TTFont(source_file(family, tag)).getBestCmap()
        needed = {ch for ch in text if ord(ch) in source}
        missing = sorted(ch for ch in needed if ord(ch) not in cmap)
        assert not missing, (family, tag, missing)
        assert all(ord(ch) in cmap for ch in "Erdoğan€0123456789" if ord(ch) in source), (family, tag)
        assert len(cmap) < len(source) / 4, "the font was not subset"


def test_settings_ask_word_to_keep_the_subset_fonts_in_schema_order(sample_outputs: Path) -> None:
    settings = docx_xml(sample_outputs / "summary.docx", "word/settings.xml")
    names = re.findall(r"<w:(\w+)[ />]", settings)[1:]  # children and deeper, in document order
    assert "embedTrueTypeFonts" in names and "saveSubsetFonts" in names
    # CT_Settings: zoom, …, embedTrueTypeFonts, embedSystemFonts, saveSubsetFonts, …, proofState, …
    assert names.index("zoom") < names.index("embedTrueTypeFonts") < names.index("saveSubsetFonts")
    assert names.index("saveSubsetFonts") < names.index("proofState") < names.index("defaultTabStop")


def test_styles_name_the_embedded_families(sample_outputs: Path) -> None:
    styles = docx_xml(sample_outputs / "summary.docx", "word/styles.xml")
    named = set(re.findall(r'w:ascii="([^"]+)"', styles))
    assert set(SOURCES) <= named


def test_the_summary_stays_small(sample_outputs: Path) -> None:
    # Measured: the eight faces, subset to whole 128-code-point pages of what the
    # document uses, take about 270 kB in the zip (the full TTFs: 4.6 MB), the summary
    # about 340 kB in all.
    path = sample_outputs / "summary.docx"
    with zipfile.ZipFile(path) as z:
        fonts = [i for i in z.infolist() if i.filename.endswith(".odttf")]
    assert sum(i.compress_size for i in fonts) < 330_000
    assert max(i.file_size for i in fonts) < 100_000
    assert path.stat().st_size < 450_000


# ---------------------------------------------------------------- the pieces
def test_obfuscation_matches_libreoffice_and_undoes_itself() -> None:
    data = bytes(range(64))
    key = font_key("Noto Serif", "regular", data)
    assert GUID.match(key)
    assert key == font_key("Noto Serif", "regular", data)  # deterministic: builds stay byte-identical
    assert key != font_key("Noto Serif", "bold", data)
    hidden = obfuscate(data, key)
    assert hidden[32:] == data[32:] and hidden[:32] != data[:32]
    assert obfuscate(hidden, key) == data
    assert deobfuscate(hidden, key) == data  # LibreOffice's reading of the key


def test_a_font_whose_licence_restricts_embedding_is_left_out(tmp_path: Path) -> None:
    font = TTFont(FONTS / "NotoSans-Regular.ttf")
    font["OS/2"].fsType = 0x0002  # restricted licence embedding
    path = tmp_path / "Restricted.ttf"
    font.save(str(path))
    assert subset_font(path, frozenset("abc")) is None
    assert subset_font(FONTS / "NotoSans-Regular.ttf", frozenset("abc")) is not None


def test_one_family_for_body_and_headings_is_embedded_once(tmp_path: Path) -> None:
    reporter = Reporter()
    theme = load_brand(ROOT / "templates" / "brand.yaml", ROOT, reporter)
    assert theme is not None
    theme = replace(theme, heading_fonts=theme.fonts)
    meta = m.Meta("One family", "", "Research", "2021-09-30", ("TESPA",), "full", "", "report", "government")
    section = m.Section(
        "intro", "Introduction", 1, (m.Paragraph((m.Text("Ankara, Erdoğan, €5"),), Pos("x.md", 3)),), Pos("x.md", 1)
    )
    out = tmp_path / "one.docx"
    write_docx(m.Document(meta, (section,)), theme, out)
    faces = embedded(out)
    assert sorted(family for family, *_ in faces) == ["Noto Serif"] * 4
    with zipfile.ZipFile(out) as z:
        assert len([n for n in z.namelist() if n.endswith(".odttf")]) == 4


# ---------------------------------------------------------------- LibreOffice, without Noto installed
def convert_without_noto(docx: Path, outdir: Path) -> tuple[list[str], int]:
    """Convert with LibreOffice on a font setup that rejects every Noto file; (PDF font names, pages)."""
    from pypdf import PdfReader

    pdf = convert_to_pdf(docx, outdir, reject_fonts="*Noto*")
    reader = PdfReader(str(pdf))
    fonts: set[str] = set()
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            fonts.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return sorted(fonts), len(reader.pages)


def without_embedded_fonts(src: Path, dst: Path) -> None:
    """A copy of `src` whose font table no longer points at the embedded fonts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/fontTable.xml":
                data = re.sub(rb"<w:embed(?:Regular|Bold|Italic|BoldItalic) [^>]*/>", b"", data)
            zout.writestr(info, data)


@needs_soffice
def test_libreoffice_sets_the_summary_in_the_embedded_fonts_on_one_page(sample_outputs: Path, tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    bare = tmp_path / "bare" / "summary.docx"
    bare.parent.mkdir()
    without_embedded_fonts(sample_outputs / "summary.docx", bare)
    control, _ = convert_without_noto(bare, tmp_path / "control")
    if any("Noto" in name for name in control):
        pytest.skip(f"this machine's fonts cannot be hidden from LibreOffice: {control}")
    shutil.copyfile(sample_outputs / "summary.docx", tmp_path / "summary.docx")
    fonts, pages = convert_without_noto(tmp_path / "summary.docx", tmp_path / "embedded")
    assert {"NotoSerif-Regular", "NotoSans-Bold"} <= set(fonts), fonts
    assert all(name.startswith("Noto") for name in fonts), fonts
    assert pages == 1
