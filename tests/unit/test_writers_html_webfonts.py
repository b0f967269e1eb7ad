"""writers.html.webfonts: the page's characters, and a face per role subset to them."""

from __future__ import annotations

import base64
import re

from chartkit import theme

from briefgen.fonts.register import register
from briefgen.writers.html.webfonts import ASCII, characters, font_faces, svg_fonts


def test_the_characters_are_the_texts_in_both_cases_and_ascii() -> None:
    chars = characters('<p title="ignored ü">straße &amp; ʼ</p><svg><text>€</text></svg>')
    assert {ord("ß"), ord("€"), ord("ʼ")} <= chars and ord("ü") not in chars
    assert chars >= ASCII and ord("SS"[0]) in chars  # upper-cased ß is SS


def test_each_face_is_a_woff2_subset_and_code_and_symbols_only_when_needed() -> None:
    t = theme()
    css = font_faces(t, characters("<p>plain text</p>"), mono=False)
    families = re.findall(r"font-family: '([^']+)'; src: url\(data:font/woff2;base64,([^)]+)\)", css)
    assert [f for f, _ in families] == ["Brand Body"] * 4 + ["Brand Heading"] * 4
    assert all(base64.b64decode(data)[:4] == b"wOF2" for _, data in families)
    with_code = font_faces(t, characters("<p>x → y</p>"), mono=True)
    assert "'Brand Mono'" in with_code and ("'Brand Symbols'" in with_code) == bool(t.symbols)


def test_chart_fonts_map_to_the_heading_family() -> None:
    names = register(theme())
    assert svg_fonts(names)[names.heading.bold] == "font-family: var(--font-heading); font-weight: 700"
