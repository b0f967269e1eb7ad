"""writers.docx.fields: complex fields (begin, instruction, separate, cached result, end)
that show the right text before Word recalculates, and bookmarks written once per name."""

from __future__ import annotations

from typing import Any

import docxkit
from docxkit import text, w, xp

from briefgen.writers.docx.fields import bookmark, field, run
from briefgen.writers.docx.package.ooxml import el


def test_a_run_carries_its_character_style_and_text() -> None:
    r = run("Page", "Strong")
    assert xp(r, "w:rPr/w:rStyle/@w:val") == ["Strong"] and text(r) == "Page"
    assert xp(run(), "*") == []  # no text, no style: an empty run


def test_a_field_is_begin_instruction_separate_result_end() -> None:
    p = el("w:p")
    field(p, "PAGE\n", "7", style="PageNumber")
    kinds = [r.find(w("fldChar")).get(w("fldCharType")) if r.find(w("fldChar")) is not None else None for r in p]
    assert kinds == ["begin", None, "separate", None, "end"]
    assert xp(p, ".//w:instrText/text()") == [" PAGE "]  # one line, padded as Word writes it
    assert text(p[3]) == "7"
    assert set(xp(p, "w:r/w:rPr/w:rStyle/@w:val")) == {"PageNumber"}


def test_a_field_without_a_cached_result_has_no_result_run() -> None:
    p = el("w:p")
    field(p, "NUMPAGES", "")
    assert len(p) == 4 and text(p) == ""


def test_a_bookmark_wraps_the_paragraph_after_its_properties_once_per_name(theme: Any) -> None:
    c = docxkit.ctx(theme)
    p = el("w:p", None, el("w:pPr"), run("Title"))
    bookmark(p, "intro", c)
    bookmark(p, "intro", c)  # a second heading with the same anchor: Word keeps one anyway
    assert [child.tag for child in p] == [w("pPr"), w("bookmarkStart"), w("r"), w("bookmarkEnd")]
    start, end = p[1], p[3]
    assert start.get(w("name")) == "intro" and start.get(w("id")) == end.get(w("id"))
    other = el("w:p", None, run("No properties"))
    bookmark(other, "x" * 50, c)
    assert other[0].tag == w("bookmarkStart") and len(other[0].get(w("name"))) <= 40
    assert other[0].get(w("id")) != start.get(w("id"))
