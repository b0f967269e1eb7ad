"""writers.docx.package.package: template leftovers dropped, Word 2013+ layout, and a zip
with fixed entry times and order whose body goes in last, after `before_body` has run."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import Any

import docxkit
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docxkit import xp

from briefgen.model import nodes as m
from briefgen.writers.docx.package.package import save, tidy

STAMP = datetime(2024, 5, 1)


def test_tidy_drops_the_templates_leftovers_and_sets_compatibility_mode_15(theme: Any) -> None:
    c = docxkit.ctx(theme)
    tidy(c.docx)
    assert RT.THUMBNAIL not in {r.reltype for r in c.docx.part.package.rels.values()}
    assert RT.CUSTOM_XML not in {r.reltype for r in c.docx.part.rels.values()}
    settings = c.docx.settings.element
    assert xp(settings, ".//w:compatSetting[@w:name='compatibilityMode']/@w:val") == ["15"]
    assert xp(settings, "w:updateFields") == []  # no "Update fields?" prompt: the results are filled


def saved(theme: Any, words: str, before_body: Any = None) -> bytes:
    c = docxkit.ctx(theme)
    docxkit.render(c, m.Paragraph((m.Text(words),)))
    tidy(c.docx)
    out = io.BytesIO()
    save(c.docx, out, STAMP, before_body=before_body and (lambda: before_body(c)))
    return out.getvalue()


def test_the_zip_is_reproducible_with_fixed_times_and_the_body_last(theme: Any) -> None:
    data = saved(theme, "same words")
    assert data == saved(theme, "same words")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = z.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[-1] == "word/document.xml" and names[2:-1] == sorted(names[2:-1])
        assert {i.date_time for i in z.infolist()} == {STAMP.timetuple()[:6]}
        assert z.testzip() is None


def test_before_body_runs_after_the_other_parts_and_its_changes_are_saved(theme: Any) -> None:
    def late(c: Any) -> None:
        docxkit.render(c, m.Paragraph((m.Text("page numbers arrived"),)))

    with zipfile.ZipFile(io.BytesIO(saved(theme, "body", late))) as z:
        assert b"page numbers arrived" in z.read("word/document.xml")


def test_a_path_is_written_too(theme: Any, tmp_path: Any) -> None:
    c = docxkit.ctx(theme)
    save(c.docx, tmp_path / "out.docx", STAMP)
    assert zipfile.is_zipfile(tmp_path / "out.docx")


def test_remembered_listings_are_python_docx_own_for_each_set_of_parts(theme: Any) -> None:
    """The content types and `.rels` listings come from a memo: each document still gets
    exactly what python-docx would write for its own parts, however many came before."""
    from PIL import Image

    from briefgen.libs import opc_internals as opc
    from briefgen.writers.docx.figures import add_picture

    def listings(pictures: int) -> tuple[dict[str, bytes], dict[str, bytes]]:
        c = docxkit.ctx(theme)
        body = docxkit.container(c)
        for i in range(pictures):
            png = io.BytesIO()
            Image.new("RGB", (4 + i, 4), "white").save(png, "PNG")
            add_picture(opc.add_paragraph_element(body), body, png, 9525, 9525, f"picture {i}")
        tidy(c.docx)
        out = io.BytesIO()
        save(c.docx, out, STAMP)
        package = c.docx.part.package
        theirs = {"[Content_Types].xml": opc.content_types_xml(package.parts), "_rels/.rels": package.rels.xml}
        for part in package.parts:
            if len(part.rels):
                theirs[part.partname.rels_uri.membername] = part.rels.xml
        with zipfile.ZipFile(out) as z:
            return {name: z.read(name) for name in theirs}, theirs

    for pictures in (0, 2, 0, 1, 2):  # a memo that mixed documents up would show here
        ours, theirs = listings(pictures)
        assert ours == theirs
        media = ours["[Content_Types].xml"].count(b"image/png")
        assert (media > 0) == (pictures > 0)
        assert ours["word/_rels/document.xml.rels"].count(b'Target="media/image') == pictures
