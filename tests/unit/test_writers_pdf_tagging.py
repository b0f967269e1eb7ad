"""writers/pdf/tagging.py: marked content as flowables draw, artifacts per page, the tree written out."""

from __future__ import annotations

import io

import pikepdf
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from briefgen.libs.rl_internals import page_operators
from briefgen.writers.pdf import archival
from briefgen.writers.pdf.tagging import Elem, Marked, Tagger


def _para(text: str, elem: Elem | None) -> Paragraph:
    p = Paragraph(text, ParagraphStyle("s"))
    if elem is not None:
        p.pdf_tag = elem
    return p


def test_tagged_flowables_get_mcids_and_repeats_are_artifacts() -> None:
    archival.install()
    tagger, canvas = Tagger(), Canvas(io.BytesIO())
    canvas.tagger = tagger
    p = tagger.root.add("P")
    first = _para("one", p)
    for flowable in (first, first):
        flowable.wrapOn(canvas, 200, 100)
        flowable.drawOn(canvas, 10, 10)
    code = page_operators(canvas)
    assert "/P <</MCID 0>> BDC" in code and code.count("/Artifact BMC") == 1
    assert p.kids == [Marked(0, 0)]


def test_end_page_brackets_painting_outside_tagged_content_only() -> None:
    tagger, canvas = Tagger(), Canvas(io.BytesIO())
    canvas.tagger = tagger
    canvas.saveState()
    canvas.restoreState()
    state_only = list(page_operators(canvas))
    tagger.end_page(canvas)
    assert page_operators(canvas) == state_only  # nothing painted: nothing to bracket
    canvas.line(0, 0, 10, 10)
    tagger.end_page(canvas)
    code = page_operators(canvas)
    assert code[0] == "/Artifact BMC" and code[-1] == "EMC"


def test_write_makes_the_tree_the_parent_tree_and_tab_order() -> None:
    archival.install()
    buffer = io.BytesIO()
    tagger, canvas = Tagger(), Canvas(buffer)
    canvas.tagger = tagger
    sect = tagger.root.add("Sect")
    heading, empty = sect.add("H1"), sect.add("P")
    para = _para('<a href="https://example.org">a link</a>', heading)
    para.wrapOn(canvas, 200, 100)
    para.drawOn(canvas, 10, 700)
    tagger.end_page(canvas)
    canvas.showPage()
    tagger.write(canvas)
    canvas.save()
    assert not empty.has_content()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        root = pdf.Root.StructTreeRoot
        document = root.K[0]
        assert document.S == "/Document" and document.K.S == "/Sect"
        h1 = document.K.K  # the empty P is left out
        assert h1.S == "/H1" and h1.K[0] == 0 and h1.K[1].S == "/Link"
        assert pdf.pages[0].Tabs == "/S" and int(pdf.pages[0].StructParents) == 0
        annot = pdf.pages[0].Annots[0]
        assert int(annot.StructParent) == 1 and "example.org" in str(annot.Contents)
        assert int(root.ParentTreeNextKey) == 2


def test_a_float_moves_to_follow_the_block_drawn_last() -> None:
    archival.install()
    tagger, canvas = Tagger(), Canvas(io.BytesIO())
    canvas.tagger = tagger
    sect = tagger.root.add("Sect")
    box, caption = sect.add("Div"), sect.add("Caption")
    listing = sect.add("L")
    body = listing.add("LI").add("LBody")
    after = sect.add("P")
    assert not tagger.block_begun(body)
    item = _para("an item", body)
    item.wrapOn(canvas, 200, 100)
    item.drawOn(canvas, 10, 10)  # the list began on the page before: the box waited
    assert tagger.block_begun(body) and not tagger.block_begun(after) and not tagger.block_begun("Artifact")
    tagger.place_after_drawn([box, caption])  # after the list (the block), not inside its item
    assert sect.kids == [listing, box, caption, after]
    assert box.parent is sect and caption.parent is sect


def test_a_deep_copied_flowable_keeps_its_element_in_the_one_tree() -> None:
    # reportlab deep-copies a box's content as it splits the box in its row; a copy that
    # carried a copied element would draw content the structure tree never reaches.
    import copy

    tagger = Tagger()
    p = tagger.root.add("Sect").add("P")
    clone = copy.deepcopy(_para("split", p))
    assert clone.pdf_tag is p and p.parent is not None and p.parent.parent is tagger.root
