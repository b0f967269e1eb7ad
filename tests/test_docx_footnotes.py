"""Markdown notes in the DOCX are real Word footnotes (`w:footnoteReference` into
`word/footnotes.xml`), where the layout allows: formatted text, links (related from the
footnotes part), several paragraphs, a list; a note referenced twice, or from inside
another note, is a NOTEREF field; a section with a note Word cannot hold as a footnote (a
table) keeps its notes list. The file is valid, LibreOffice prints each note at the foot
of its page, and pandoc reads the notes back as footnotes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support import convert_to_pdf, docx_xml, soffice, validate_docx

from briefgen.cli.main import main

FILLER = " ".join(["Words fill the page so that the notes land at its foot."] * 10)
LONG = "\n\n".join([FILLER] * 5)  # more than a page: a notes list would come pages later

FIRST = f"""---
title: Intro
---

A claim with a note.[^src] A second claim, **bold**,[^two] and the first note again.[^src]

{LONG}

## A heading with a note[^head]

| Item[^cell] | Value |
|---|---|
| Cell | 3 |

[^src]: The source, with *emphasis*, `code` and a [link](https://example.org/in-a-note).
[^two]: A note of two paragraphs, the first.

    The second paragraph, which refers back.[^src]

    - a listed point in a note
[^head]: A note from a heading, which refers on.[^cell]
[^cell]: A note from a table header.
"""

SECOND = f"""---
title: Second
---

A section whose notes stay a list.[^a] One note holds a table.[^t]

{FILLER}

[^a]: Plain note kept in the list.
[^t]: A table in a note:

    | x | y |
    |---|---|
    | 1 | 2 |
"""

THIRD = """---
title: Third
---

The third section's note.[^z]

[^z]: The third section's only note, numbered on from the first section's.
"""


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("footnotes")
    files = {"sections/01-intro.md": FIRST, "sections/02-detail.md": SECOND, "sections/03-third.md": THIRD}
    project = write_project(tmp, files)
    assert main(["build", "-p", str(project), "-o", str(tmp / "out"), "-q", "--format", "docx"]) == 0
    return tmp / "out" / "full.docx"


def notes_of(docx: Path) -> dict[str, str]:
    """Footnote id -> its XML, separators left out."""
    xml = docx_xml(docx, "word/footnotes.xml")
    return dict(re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', xml, re.S))


def words(xml: str) -> str:
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_the_part_is_wired_as_word_wants(docx: Path) -> None:
    types = docx_xml(docx, "[Content_Types].xml")
    assert re.search(r'PartName="/word/footnotes.xml" ContentType="[^"]*wordprocessingml.footnotes\+xml"', types)
    rels = docx_xml(docx, "word/_rels/document.xml.rels")
    assert re.search(r'Type="[^"]*/relationships/footnotes" Target="footnotes.xml"', rels)
    xml = docx_xml(docx, "word/footnotes.xml")
    assert re.findall(r'<w:footnote w:type="(\w+)" w:id="(-?\d+)">', xml) == [
        ("separator", "-1"),
        ("continuationSeparator", "0"),
    ]
    settings = docx_xml(docx, "word/settings.xml")
    assert '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat>' in settings


def test_every_reference_has_its_footnote_in_order(docx: Path) -> None:
    body = docx_xml(docx)
    refs = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', body)
    assert refs == ["1", "2", "3", "4", "5"]  # Word numbers them in the order they come
    assert sorted(notes_of(docx)) == refs  # no footnote without its reference, none twice
    for note in notes_of(docx).values():
        assert re.match(
            r'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle '
            r'w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>',
            note,
        )
    texts = [words(n).strip() for n in notes_of(docx).values()]
    assert texts[0] == "The source, with emphasis, code and a link."
    assert texts[4] == "The third section\u2019s only note, numbered on from the first section\u2019s."


def test_formatting_links_paragraphs_and_lists_live_in_the_footnote(docx: Path) -> None:
    notes = notes_of(docx)
    assert '<w:rStyle w:val="Emphasis"/>' in notes["1"] and '<w:rStyle w:val="Code"/>' in notes["1"]
    rid = re.search(r'<w:hyperlink r:id="(\w+)"', notes["1"])
    assert rid
    own = docx_xml(docx, "word/_rels/footnotes.xml.rels")
    assert re.search(rf'Id="{rid.group(1)}" Type="[^"]*/hyperlink" Target="https://example.org/in-a-note"', own)
    assert "in-a-note" not in docx_xml(docx, "word/_rels/document.xml.rels")
    assert notes["2"].count("<w:p>") == 3 and "<w:numPr>" in notes["2"]  # two paragraphs and a list item
    assert "a listed point in a note" in words(notes["2"])


def test_a_note_referenced_again_is_a_noteref_to_its_footnote(docx: Path) -> None:
    body, notes = docx_xml(docx), notes_of(docx)
    assert re.search(
        r'<w:bookmarkStart w:id="\d+" w:name="_RefNote1"/><w:r>.{0,80}<w:footnoteReference w:id="1"/>', body
    )
    assert body.count("NOTEREF _RefNote1 \\f \\h") == 1  # the body's second reference
    assert "NOTEREF _RefNote1 \\f \\h" in notes["2"]  # and the one inside note 2
    assert "NOTEREF _RefNote4 \\f \\h" in notes["3"] and words(notes["3"]).endswith("refers on.4")  # a later note


def test_a_section_with_a_note_word_cannot_hold_keeps_its_list(docx: Path) -> None:
    body = docx_xml(docx)
    assert body.count('<w:pStyle w:val="NotesRule"/>') == 1  # the second section's only
    listed = re.findall(r'<w:pStyle w:val="Notes"/></w:pPr><w:bookmarkStart w:id="\d+" w:name="([^"]+)"/>', body)
    assert listed == ["note-02-detail-1", "note-02-detail-2"]
    assert '<w:hyperlink w:anchor="note-02-detail-1" w:history="1">' in body
    assert "Plain note kept in the list." in words(body)


def test_the_footnote_styles_follow_the_design(docx: Path) -> None:
    styles = docx_xml(docx, "word/styles.xml")
    text = re.search(r'<w:style w:type="paragraph" w:styleId="FootnoteText">.*?</w:style>', styles, re.S)
    mark = re.search(r'<w:style w:type="character" w:styleId="FootnoteReference">.*?</w:style>', styles, re.S)
    normal = re.search(r'<w:style w:type="paragraph"[^>]*w:styleId="Normal">.*?</w:style>', styles, re.S)
    assert text and mark and normal
    assert '<w:name w:val="footnote text"/>' in text.group(0) and "customStyle" not in text.group(0)
    assert '<w:vertAlign w:val="superscript"/>' in mark.group(0)
    size = int(re.search(r'<w:sz w:val="(\d+)"/>', text.group(0)).group(1))  # type: ignore[union-attr]
    body = int(re.search(r'<w:sz w:val="(\d+)"/>', normal.group(0)).group(1))  # type: ignore[union-attr]
    assert size == round(body * 0.8)  # the design's note role: 0.8 of the body size, as the PDF's notes


def test_the_file_is_valid(docx: Path) -> None:
    result = validate_docx(docx)
    assert result.returncode == 0, result.stdout + result.stderr


def test_libreoffice_prints_each_note_at_the_foot_of_its_page(docx: Path, tmp_path: Path) -> None:
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    pdf = convert_to_pdf(docx, tmp_path)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    split = pages.stdout.split("\f")
    first = next(i for i, p in enumerate(split) if "A claim with a note." in p)
    lines = [line.strip() for line in split[first].splitlines() if line.strip()]
    note = [i for i, line in enumerate(lines) if "The source, with emphasis" in line]
    filler = [i for i, line in enumerate(lines) if "Words fill the page" in line]
    assert note and filler and note[0] > filler[-1]  # on the page that refers to it, below its text
    assert "Words fill the page" in split[first + 1]  # and the section runs on: this is no list at its end
    table = next(p for p in split if "A note from a table header." in p)
    assert "Item" in table  # the table's note on the table's page


def test_pandoc_reads_real_footnotes(docx: Path) -> None:
    pypandoc = pytest.importorskip("pypandoc")
    try:
        text = pypandoc.convert_file(str(docx), "markdown")
    except OSError:
        pytest.skip("pandoc is not installed")
    assert re.search(r"A claim with a note\.\[\^1\]", text)
    assert re.search(r"^\[\^1\]: The source, with \*emphasis\*", text, re.M)
    assert len(re.findall(r"^\[\^\d+\]:", text, re.M)) == 5
