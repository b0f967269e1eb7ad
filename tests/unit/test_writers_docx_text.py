"""writers.docx.text: the one door for text into the DOCX XML: characters XML 1.0 cannot
hold removed, tabs, breaks and soft hyphens as Word's own elements, edge spaces kept."""

from __future__ import annotations

import pytest
from docx.oxml import OxmlElement
from docxkit import w

from briefgen.writers.docx.text import clean, plain, put_text

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("a\x00b\x08c", "abc"),
        ("bell\x07 and \x1b[0m", "bell and [0m"),
        ("C1 \x85\x9f controls", "C1  controls"),
        ("non\ufffe\uffffchars", "nonchars"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("windows\r\nmac\rend", "windows\nmac\nend"),
        ("émoji 😀 stays", "émoji 😀 stays"),
    ],
)
def test_clean_removes_what_xml_cannot_hold_and_keeps_the_rest(raw: str, kept: str) -> None:
    assert clean(raw) == kept


def test_put_text_turns_tabs_breaks_and_soft_hyphens_into_elements() -> None:
    r = OxmlElement("w:r")
    put_text(r, "a\tb\nhy\u00adphen\x01")
    assert [c.tag for c in r] == [w("t"), w("tab"), w("t"), w("br"), w("t"), w("softHyphen"), w("t")]
    assert [c.text for c in r if c.tag == w("t")] == ["a", "b", "hy", "phen"]


def test_put_text_preserves_spaces_at_a_runs_edges_only_where_there_are_some() -> None:
    r = OxmlElement("w:r")
    put_text(r, " lead\tinner trail ")
    first, _tab, second = list(r)
    assert first.get(XML_SPACE) == "preserve" and second.get(XML_SPACE) == "preserve"
    r2 = OxmlElement("w:r")
    put_text(r2, "no edges")
    assert r2[0].get(XML_SPACE) is None


def test_plain_is_one_clean_line() -> None:
    assert plain("  Title\n\twith\x00 breaks  ") == "Title with breaks"
