"""Each python-docx internal briefgen relies on (`briefgen.libs.opc_internals`) still does what we rely on.

One test per trick, against the installed python-docx and its blank template: after an
upgrade, a failure here names the trick to look at, instead of a broken DOCX.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from briefgen.libs import opc_internals as opc

TBL = f"<w:tbl {nsdecls('w')}><w:tblPr/><w:tblGrid/></w:tbl>"


def _saved(document: docx.document.Document) -> zipfile.ZipFile:
    """The package as python-docx's own writer saves it."""
    buffer = io.BytesIO()
    document.save(buffer)
    return zipfile.ZipFile(buffer)


def test_body_is_a_container_of_the_document_body() -> None:
    document = docx.Document()
    body = opc.body(document)
    paragraph = body.add_paragraph("in the body")
    assert opc.element(body).tag == qn("w:body")
    assert document.paragraphs[-1].text == "in the body" and paragraph.text == "in the body"


def test_element_of_each_kind_of_container() -> None:
    document = docx.Document()
    section = document.sections[0]
    table = document.add_table(rows=1, cols=1)
    containers = {
        "w:body": opc.body(document),
        "w:tc": table.cell(0, 0),
        "w:hdr": section.header,
        "w:ftr": section.footer,
    }
    for tag, container in containers.items():
        element = opc.element(container)
        assert element.tag == qn(tag), tag
        added = opc.paragraph_element(container.add_paragraph(tag))
        assert added.getparent() is element, tag  # what the proxy adds lands in this very element


def test_insert_table_goes_before_the_section_properties() -> None:
    document = docx.Document()
    body = opc.body(document)
    body.add_paragraph("before")
    tbl = parse_xml(TBL)
    opc.insert_table(body, tbl)
    tags = [child.tag for child in opc.element(body)]
    assert tags[-2:] == [qn("w:tbl"), qn("w:sectPr")]  # append would have put it after sectPr
    assert opc.element(body)[-2] is tbl


def test_insert_table_in_a_cell_goes_after_its_paragraphs() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    tbl = parse_xml(TBL)
    opc.insert_table(cell, tbl)
    assert [child.tag for child in opc.element(cell)][-2:] == [qn("w:p"), qn("w:tbl")]


def test_cell_wraps_a_tc_the_writer_made() -> None:
    document = docx.Document()
    tbl = parse_xml(f"<w:tbl {nsdecls('w')}><w:tblPr/><w:tblGrid/><w:tr><w:tc/></w:tr></w:tbl>")
    body = opc.body(document)
    opc.insert_table(body, tbl)
    tc = tbl.find(f"{qn('w:tr')}/{qn('w:tc')}")
    cell = opc.cell(tc, body)
    cell.add_paragraph("in the cell")
    assert opc.element(cell) is tc
    assert [p.text for p in cell.paragraphs] == ["in the cell"]
    assert cell.part is document.part  # relationships (pictures, links) go to the document part


def test_paragraph_element_is_the_w_p_in_the_tree() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("x")
    p = opc.paragraph_element(paragraph)
    assert p.tag == qn("w:p") and p.getparent() is opc.element(opc.body(document))


def _png(color: tuple[int, int, int], size: int = 4) -> bytes:
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (size, size), color).save(png, format="PNG")
    return png.getvalue()


def test_picture_inline_makes_what_add_picture_makes(tmp_path: Any) -> None:
    """The same pictures, in the same order, through python-docx and through the trick:
    the same document (image parts shared by content, ids, names), whatever came before."""
    from docx.shared import Emu

    red, blue = _png((200, 0, 0)), _png((0, 0, 200), 6)
    logo = tmp_path / "logo.png"
    logo.write_bytes(red)
    sources = [io.BytesIO(red), io.BytesIO(blue), str(logo), io.BytesIO(red)]

    def theirs() -> bytes:
        document = docx.Document()
        for i, source in enumerate(sources):
            document.add_paragraph().add_run().add_picture(source, Emu(9525 * (i + 1)), Emu(9525))
        return b"".join(_saved(document).read(n) for n in sorted(_saved(document).namelist()) if "core" not in n)

    def ours() -> bytes:
        document = docx.Document()
        for i, source in enumerate(sources):
            p = opc.paragraph_element(document.add_paragraph())
            r = p.add_r()
            r.add_drawing(opc.picture_inline(document.part, source, 9525 * (i + 1), 9525))
        return b"".join(_saved(document).read(n) for n in sorted(_saved(document).namelist()) if "core" not in n)

    expected = theirs()
    assert ours() == expected and ours() == expected  # the second time from the remembered images
    logo.write_bytes(blue)  # the file edited (as under `serve`): read again, not remembered
    assert ours() == theirs() != expected


@pytest.mark.parametrize("reltype", [RT.FONT_TABLE, RT.THEME])
def test_set_blob_replaces_what_is_saved_for_a_document_part(reltype: str) -> None:
    document = docx.Document()
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == reltype)
    assert not isinstance(part, XmlPart)  # an XmlPart's bytes come from its tree, not from _blob
    data = part.blob.replace(b"</", b"<!-- briefgen --></", 1)
    opc.set_blob(part, data)
    assert part.blob == data
    assert _saved(document).read(part.partname.membername) == data


def test_set_blob_replaces_the_extended_properties() -> None:
    document = docx.Document()
    package = document.part.package
    part = next(r.target_part for r in package.rels.values() if r.reltype == RT.EXTENDED_PROPERTIES)
    assert not isinstance(part, XmlPart)
    opc.set_blob(part, b"<Properties/>")
    assert _saved(document).read(part.partname.membername) == b"<Properties/>"


def test_content_types_are_what_python_docx_writes() -> None:
    document = docx.Document()
    package = document.part.package
    ours = opc.content_types_xml(package.parts)
    assert ours == _saved(document).read("[Content_Types].xml")
    assert b'PartName="/word/document.xml"' in ours and b'Extension="rels"' in ours
    # and the package relationships the DOCX writer takes from the public `rels.xml`
    assert package.rels.xml == _saved(document).read("_rels/.rels")


def test_every_trick_names_the_version_it_was_checked_against() -> None:
    functions = [
        opc.body,
        opc.element,
        opc.insert_table,
        opc.cell,
        opc.paragraph_element,
        opc.picture_inline,
        opc.element_maker,
        opc.add_paragraph_element,
        opc.unlinked_story,
        opc.set_blob,
        opc.content_types_xml,
    ]
    for function in functions:
        assert re.search(rf"python-docx {re.escape(opc.CHECKED)}", function.__doc__ or ""), function.__name__


def test_story_container_fills_a_detached_body_whose_proxies_belong_to_the_part() -> None:
    document = docx.Document()
    part = XmlPart.load(document.part.partname, document.part.content_type, b"<x/>", document.part.package)
    story = opc.story_container(part)
    paragraph = story.add_paragraph("in a note")
    element = opc.element(story)
    assert element.tag == qn("w:body") and element.getparent() is None  # not in any part yet
    assert opc.paragraph_element(paragraph).getparent() is element and paragraph.part is part
    opc.insert_table(story, parse_xml(TBL))
    assert [child.tag for child in element] == [qn("w:p"), qn("w:tbl")]


def test_add_paragraph_element_places_a_paragraph_as_add_paragraph_does() -> None:
    document = docx.Document()
    section = document.sections[0]
    table = document.add_table(rows=1, cols=1)
    for container in (opc.body(document), table.cell(0, 0), section.header, section.footer):
        ours = opc.add_paragraph_element(container)
        theirs = opc.paragraph_element(container.add_paragraph())
        assert type(ours) is type(theirs) and ours.getnext() is theirs  # the same place: the one after it is theirs
    assert opc.element(opc.body(document))[-1].tag == qn("w:sectPr")  # the body still closes with its sectPr
    story = opc.story_container(document.part)  # a detached body without sectPr: appended
    assert opc.add_paragraph_element(story).getparent() is opc.element(story)


def test_element_maker_is_what_oxml_element_calls() -> None:
    from docx.oxml import OxmlElement

    made = opc.element_maker()(qn("w:p"), nsmap={"w": qn("w:p")[1:].split("}")[0]})
    assert type(made) is type(OxmlElement("w:p")) and etree_string(made) == etree_string(OxmlElement("w:p"))


def etree_string(node: object) -> bytes:
    from lxml import etree

    return etree.tostring(node)  # type: ignore[arg-type]


def test_unlinked_story_adds_what_unlinking_adds() -> None:
    """Each header and footer of two sections unlinked by python-docx and by the trick,
    written into: the same package, part names, relationships and references."""
    from docx.enum.section import WD_SECTION

    def package(unlink: Any) -> bytes:
        document = docx.Document()
        document.add_section(WD_SECTION.NEW_PAGE)
        for section in document.sections:
            section.different_first_page_header_footer = True
            for i, hdrftr in enumerate(
                (section.first_page_header, section.header, section.first_page_footer, section.footer)
            ):
                story = unlink(hdrftr)
                assert story.tag in (qn("w:hdr"), qn("w:ftr"))
                story.append(parse_xml(f"<w:p {nsdecls('w')}><w:r><w:t>{i}</w:t></w:r></w:p>"))
        saved = _saved(document)
        return b"".join(saved.read(name) for name in sorted(saved.namelist()) if "core" not in name)

    def theirs(hdrftr: Any) -> Any:
        hdrftr.is_linked_to_previous = False
        return opc.element(hdrftr)

    expected = package(theirs)
    assert package(opc.unlinked_story) == expected and package(opc.unlinked_story) == expected
    document = docx.Document()
    story = opc.unlinked_story(document.sections[0].header)
    assert opc.unlinked_story(document.sections[0].header) is story  # defined already: the same part's
