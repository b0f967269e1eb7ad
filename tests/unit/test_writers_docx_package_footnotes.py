"""writers.docx.package.footnotes: `word/footnotes.xml` made once, with Word's two separator
notes, related from the document, and settings.xml's `w:footnotePr` in schema order."""

from __future__ import annotations

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docxkit import xp

from briefgen.writers.docx.package.footnotes import PARTNAME, add_footnote, footnotes_part
from briefgen.writers.docx.package.ooxml import local


def test_the_part_is_made_once_with_its_separators_and_relationship() -> None:
    document = docx.Document()
    part = footnotes_part(document)
    assert footnotes_part(document) is part  # the second note finds the same part
    assert str(part.partname) == PARTNAME and part.content_type == CT.WML_FOOTNOTES
    assert [r.target_part for r in document.part.rels.values() if r.reltype == RT.FOOTNOTES] == [part]
    root = part.element
    assert xp(root, "w:footnote/@w:id") == ["-1", "0"]
    assert xp(root, "w:footnote/@w:type") == ["separator", "continuationSeparator"]
    assert len(xp(root, "w:footnote[@w:id='-1']/w:p/w:r/w:separator")) == 1
    assert len(xp(root, "w:footnote[@w:id='0']/w:p/w:r/w:continuationSeparator")) == 1


def test_settings_name_the_separators_before_compat() -> None:
    document = docx.Document()
    footnotes_part(document)
    settings = document.settings.element
    assert xp(settings, "w:footnotePr/w:footnote/@w:id") == ["-1", "0"]
    names = [local(child) for child in settings if isinstance(child.tag, str)]
    # CT_Settings: ... characterSpacingControl ... footnotePr, endnotePr, compat, ...
    assert names.index("characterSpacingControl") < names.index("footnotePr") == names.index("compat") - 1
    assert names.count("footnotePr") == 1


def test_add_footnote_appends_a_note_with_its_id() -> None:
    part = footnotes_part(docx.Document())
    note = add_footnote(part, 1)
    assert part.element[-1] is note and xp(part.element, "w:footnote/@w:id") == ["-1", "0", "1"]
    assert xp(note, "@w:type") == []  # a normal note has no type
