"""writers.docx.package.embedfonts: the brand's faces embedded as Word does (subset to the
text's whole code-point pages, obfuscated with a stable key, listed in the font table,
flagged in settings), each family once."""

from __future__ import annotations

from typing import Any

import docxkit
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docxkit import xp
from lxml import etree

from briefgen.fonts.fontfile import family_name
from briefgen.model import nodes as m
from briefgen.writers.docx.package.embedfonts import (
    BASE_CHARS,
    families,
    font_key,
    obfuscate,
    subset_font,
    used_chars,
)


def test_obfuscation_xors_the_first_32_bytes_and_is_its_own_inverse() -> None:
    data = bytes(range(64))
    key = font_key("Family", "regular", data)
    assert key.startswith("{") and key.endswith("}") and len(key) == 38
    hidden = obfuscate(data, key)
    assert hidden[:32] != data[:32] and hidden[32:] == data[32:]
    assert obfuscate(hidden, key) == data
    secret = bytes.fromhex(key.strip("{}").replace("-", ""))
    assert hidden[0] == data[0] ^ secret[-1]  # the key's bytes are used last byte first


def test_the_key_depends_on_family_face_and_data_only() -> None:
    assert font_key("F", "bold", b"x") == font_key("F", "bold", b"x")
    assert len({font_key("F", "bold", b"x"), font_key("F", "regular", b"x"), font_key("F", "bold", b"y")}) == 3


def test_used_chars_are_the_texts_in_both_cases_rounded_to_whole_pages(theme: Any) -> None:
    c = docxkit.ctx(theme)
    docxkit.render(c, m.Paragraph((m.Text("ßé Ω"),)))
    chars = used_chars(c.docx)
    assert {"Ω", "ω", "É"} <= chars and chars >= BASE_CHARS
    page = ord("Ω") >> 7 << 7
    assert chr(page) in chars and chr(page + 127) in chars  # the rest of Ω's 128-code-point page comes along
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in chars)
    assert "ア" not in chars  # no page the text does not touch


def test_families_are_listed_once_each(theme: Any) -> None:
    found = families(theme)
    assert len({name for name, _ in found}) == len(found)
    name, faces = found[0]
    assert name == family_name(theme.fonts.regular) and faces["regular"] == theme.fonts.regular


def test_a_subset_is_smaller_and_cached(theme: Any) -> None:
    chars = frozenset(BASE_CHARS)
    found = subset_font(theme.fonts.regular, chars)
    assert found is not None
    data, cut = found
    assert cut and len(data) < theme.fonts.regular.stat().st_size
    assert subset_font(theme.fonts.regular, chars) is found


def test_embedding_lists_each_face_in_the_font_table_and_flags_settings(theme: Any) -> None:
    from briefgen.writers.docx.package.embedfonts import embed_fonts

    c = docxkit.ctx(theme)
    docxkit.render(c, m.Paragraph((m.Text("Embedded text"),)))
    count = embed_fonts(c.docx, theme)
    table = next(r.target_part for r in c.docx.part.rels.values() if r.reltype == RT.FONT_TABLE)
    root = etree.fromstring(table.blob)
    embeds = xp(root, "//w:font/*[starts-with(local-name(), 'embed')]")
    assert count == len(embeds) > 0
    for e in embeds:
        part = table.related_parts[e.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
        assert part.content_type.endswith("obfuscatedFont") and part.blob[32:36] != b""
    settings = c.docx.settings.element
    assert xp(settings, "w:embedTrueTypeFonts") and xp(settings, "w:saveSubsetFonts")


def test_the_code_font_counts_as_used_only_where_a_run_or_its_style_sets_it(theme: Any) -> None:
    from briefgen.writers.docx.package.embedfonts import Usage

    mono = family_name(theme.mono or theme.fonts.regular)
    plain_text = docxkit.ctx(theme)
    docxkit.render(plain_text, m.Paragraph((m.Text("No code here"),)))
    coded = docxkit.ctx(theme)
    docxkit.render(coded, m.Paragraph((m.Code("x = 1"),)))  # the Code character style sets the mono family
    assert not Usage(plain_text.docx).sets(mono) and Usage(coded.docx).sets(mono)
    assert Usage(coded.docx).chars() == used_chars(coded.docx) and "=" in used_chars(coded.docx)


def test_keys_and_obfuscated_bytes_are_remembered_per_subset_and_never_mixed(theme: Any) -> None:
    from briefgen.writers.docx.package.embedfonts import _keyed, _whole_pages

    latin = subset_font(theme.fonts.regular, _whole_pages(set("abc")))
    greek = subset_font(theme.fonts.regular, _whole_pages(set("abcΩ")))
    assert latin is not None and greek is not None and latin[0] != greek[0]
    assert _whole_pages(set("abc")) is _whole_pages(set("xyz"))  # one object per set of pages
    for data in (latin[0], greek[0]):
        key, hidden = _keyed("Family", "regular", data)
        assert key == font_key("Family", "regular", data) and hidden == obfuscate(data, key)
        assert _keyed("Family", "regular", data) == (key, hidden)
    assert _keyed("Family", "regular", latin[0])[0] != _keyed("Family", "bold", latin[0])[0]
    assert _keyed("Family", "regular", latin[0])[1] != _keyed("Family", "regular", greek[0])[1]
