"""Each reportlab internal briefgen relies on (`briefgen.libs.rl_internals`) still does what we rely on.

One test per trick, against the installed reportlab: after an upgrade, a failure here
names the trick to look at, instead of a layout going wrong deep inside a build.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from briefgen.libs import rl_internals as rl

REPO = Path(__file__).resolve().parents[2]
FONT = REPO / "briefgen" / "fonts" / "NotoSans-Regular.ttf"


def _pdf(canvas: Canvas, buffer: io.BytesIO) -> PdfReader:
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


# ---------------------------------------------------------------- importing platypus


def test_load_platypus_defers_the_url_pattern_and_puts_re_compile_back() -> None:
    # A fresh process: platypus must not be imported yet for the swap to happen.
    code = """
import re
from briefgen.libs.rl_internals import load_platypus
real = re.compile
load_platypus()
from reportlab.platypus import paragraph
assert type(paragraph.uri_pat).__name__ == "_OnFirstUse", "reportlab's URL pattern no longer starts as expected"
assert re.compile is real, "re.compile must be the standard library's again"
compiled = real(*paragraph.uri_pat._source)
for url in ["https://example.org/a/b?c=d", "ftp://10.0.0.1:21/x", "not a url", "http://localhost"]:
    got, want = paragraph.uri_pat.match(url), compiled.match(url)
    assert (got and got.group(0)) == (want and want.group(0)), url
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# ---------------------------------------------------------------- fonts


@pytest.fixture
def restored_lookup() -> Iterator[None]:
    """The lookup hook is process-wide: put briefgen's own back after the test."""
    before = pdfmetrics.findFontAndRegister
    yield
    pdfmetrics.findFontAndRegister = before


def test_get_font_asks_the_lookup_hook_for_an_unknown_name(restored_lookup: None) -> None:
    asked: list[str] = []

    def find(name: str) -> object | None:
        asked.append(name)
        if name != "rl-internals-lazy":
            return None
        font = TTFont(name, str(FONT))
        pdfmetrics.registerFont(font)
        return font

    rl.hook_font_lookup(find)
    font = pdfmetrics.getFont("rl-internals-lazy")
    assert isinstance(font, TTFont) and asked == ["rl-internals-lazy"]
    # Registered now: reportlab finds it without asking again (as the font object it already
    # had for this face, if an earlier test registered the same file under another name).
    again = pdfmetrics.getFont("rl-internals-lazy")
    assert isinstance(again, TTFont) and asked == ["rl-internals-lazy"]
    assert stringWidth("Hi", "rl-internals-lazy", 10) > 0
    # A name the hook does not know goes on to reportlab's own lookup.
    assert pdfmetrics.findFontAndRegister("Times-Italic").fontName == "Times-Italic"
    assert "Times-Italic" in asked


def test_a_second_hook_does_not_stack_on_the_first(restored_lookup: None) -> None:
    rl.hook_font_lookup(lambda name: None)
    first = pdfmetrics.findFontAndRegister
    rl.hook_font_lookup(lambda name: None)
    assert pdfmetrics.findFontAndRegister.briefgen_original is first.briefgen_original  # type: ignore[attr-defined]


def test_ttf_path_is_the_file_the_font_was_read_from() -> None:
    font = TTFont("rl-internals-path", str(FONT))
    assert rl.ttf_path(font) == str(FONT)


# ---------------------------------------------------------------- the canvas


def test_fix_timestamp_dates_the_document() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=0)  # not invariant: the stamp would be the current time
    rl.fix_timestamp(canvas, 1633046400)  # 2021-10-01 00:00 UTC
    canvas.drawString(10, 10, "x")
    reader = _pdf(canvas, buffer)
    assert reader.metadata is not None
    assert reader.metadata["/CreationDate"].startswith("D:20211001000000")
    assert reader.metadata["/ModDate"].startswith("D:20211001000000")


def test_held_pages_are_written_later_with_their_own_content_and_numbers() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    held = []
    for word in ("first", "second", "third"):
        canvas.setFont("Helvetica", 12)
        canvas.drawString(72, 720, word)
        held.append(rl.hold_page(canvas))
    assert canvas.getPageNumber() == 4  # each hold starts the next page
    numbers = []
    for state in held:
        rl.restore_page(canvas, state)
        numbers.append(canvas.getPageNumber())
        canvas.drawString(72, 72, f"of {len(held)}")  # what is known only at the end
        Canvas.showPage(canvas)
    reader = _pdf(canvas, buffer)
    assert numbers == [1, 2, 3]
    texts = [page.extract_text() for page in reader.pages]
    assert [t.split() for t in texts] == [["first", "of", "3"], ["second", "of", "3"], ["third", "of", "3"]]


def test_a_placed_image_is_stored_once_with_its_soft_mask(tmp_path: Path) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    path = tmp_path / "logo.png"
    Image.new("RGBA", (8, 4), (10, 20, 30, 128)).save(path)
    template = PDFImageXObject("rlinternalslogo", ImageReader(str(path)), mask="auto")
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for _page in range(2):
        reg = rl.place_image(canvas, template)
        assert rl.place_image(canvas, template) == reg  # the second placing reuses the first
        canvas.saveState()
        canvas.translate(72, 72)
        canvas.scale(80, 40)
        rl.show_image(canvas, reg, template.name)
        canvas.restoreState()
        canvas.showPage()
    reader = _pdf(canvas, buffer)
    images = []
    for page in reader.pages:
        xobjects = page["/Resources"]["/XObject"]
        assert list(xobjects) == [f"/{reg}"]
        assert f"/{reg} Do" in page.get_contents().get_data().decode("latin-1")
        images.append(xobjects[f"/{reg}"].indirect_reference.idnum)
    assert images[0] == images[1]  # one object, shown on both pages
    image = reader.get_object(images[0])
    assert image["/Subtype"] == "/Image" and (image["/Width"], image["/Height"]) == (8, 4)
    assert image["/SMask"].get_object()["/Subtype"] == "/Image"
    assert "_smask" in template.__dict__  # the cached template is left as it was, for the next document


# ---------------------------------------------------------------- paragraphs


def _paragraph(text: str) -> object:
    from reportlab.platypus import Paragraph

    return Paragraph(text, ParagraphStyle("rl-internals", fontName="Helvetica", fontSize=10, leading=12))


def test_line_breaking_is_kept_after_wrap_and_dropped_when_a_split_finds_no_room() -> None:
    para = _paragraph("word " * 40)
    assert not rl.has_line_breaking(para)
    _, height = para.wrap(100, 1000)
    assert rl.has_line_breaking(para)
    assert rl.line_count(para) == round(height / 12) > 3
    first, rest = para.split(100, 30)
    assert rl.line_count(first) == 2 and not rl.has_line_breaking(rest)
    assert rl.has_line_breaking(para)
    assert para.split(100, 15) == []  # one line's room: the paragraph moves on whole ...
    assert not rl.has_line_breaking(para)  # ... and its lines are gone, so a memoised wrap must not answer


@pytest.mark.parametrize("markup", ["Hello there", "<b>Hello</b> there"])  # one style; mixed fragments
def test_last_line_slack_is_the_width_left_on_the_last_line(markup: str) -> None:
    para = _paragraph(markup)
    para.wrap(200, 100)
    used = stringWidth("Hello", "Helvetica-Bold" if "<b>" in markup else "Helvetica", 10)
    used += stringWidth(" there", "Helvetica", 10)
    assert rl.line_count(para) == 1
    assert rl.last_line_slack(para) == pytest.approx(200 - used, abs=0.01)


# ---------------------------------------------------------------- hooks overridden in subclasses


def test_build_hands_every_flowable_to_handle_flowable() -> None:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer

    seen: list[object] = []

    class Doc(BaseDocTemplate):
        def handle_flowable(self, flowables: list) -> None:
            if flowables:
                seen.append(flowables[0])
            super().handle_flowable(flowables)

    doc = Doc(io.BytesIO())
    doc.addPageTemplates([PageTemplate("p", [Frame(72, 72, 400, 600)])])
    story = [_paragraph("one"), Spacer(1, 10), _paragraph("two")]
    doc.build(list(story))
    assert all(any(s is f for s in seen) for f in story)


def test_briefgen_attributes_do_not_shadow_reportlab_ones() -> None:
    # The writer's subclasses keep their own state under these names; reportlab must not use them.
    from reportlab.platypus import BaseDocTemplate

    canvas = Canvas(io.BytesIO())
    for name in ("_pages", "page_of", "page_numbers", "anchor_pages", "on_paginated", "forms_at_save"):
        assert not hasattr(canvas, name), name
    doc = BaseDocTemplate(io.BytesIO())
    for name in ("_steps", "_last_pos", "anchor_pages", "outline", "outline_level"):
        assert not hasattr(doc, name), name
    para = _paragraph("x")
    para.wrap(100, 100)
    for name in ("_wrapped", "bookmark", "source_pos"):
        assert not hasattr(para, name), name


# ---------------------------------------------------------------- drawings replayed


def test_page_operators_are_the_page_stream_and_take_appended_operators() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(10, 20, 30, 40, stroke=1, fill=0)
    assert rl.page_operators(canvas)[-1].startswith("n 10 20 30 40 re")
    rl.page_operators(canvas).append("1 0 0 RG 5 5 m 60 60 l S")
    content = _pdf(canvas, buffer).pages[0].get_contents().get_data().decode()
    assert "10 20 30 40 re" in content and "5 5 m 60 60 l S" in content


def test_plain_graphics_state_is_lost_with_transparency_or_an_enforced_colour_space() -> None:
    assert rl.plain_graphics_state(Canvas(io.BytesIO()))
    see_through = Canvas(io.BytesIO())
    see_through.setFillAlpha(0.5)
    assert not rl.plain_graphics_state(see_through)
    assert not rl.plain_graphics_state(Canvas(io.BytesIO(), enforceColorSpace="cmyk"))
    # With transparency set, an opaque colour writes a graphics state: operators differ.
    see_through.setFillColor(Color(1, 0, 0))
    assert rl.page_operators(see_through)[-1].endswith(" gs")


def test_document_footprint_grows_with_fonts_and_graphics_states_but_not_paths() -> None:
    canvas = Canvas(io.BytesIO())
    before = rl.document_footprint(canvas)
    canvas.setFillColorRGB(0.2, 0.4, 0.6)
    canvas.rect(10, 10, 50, 50, fill=1)
    assert rl.document_footprint(canvas) == before
    canvas.setFont("Courier", 9)
    assert rl.document_footprint(canvas) != before
    shaded = Canvas(io.BytesIO())
    shaded.setFillAlpha(0.3)
    assert rl.document_footprint(shaded) != before


def test_colours_ask_for_pdf_1_4_and_require_pdf_version_raises_it() -> None:
    canvas = Canvas(io.BytesIO())
    start = rl.pdf_version(canvas)
    canvas.setFillColor(Color(0, 0, 1))  # with its alpha of 1
    assert rl.pdf_version(canvas) == (1, 4) > start
    buffer = io.BytesIO()
    fresh = Canvas(buffer)
    rl.require_pdf_version(fresh, (1, 4))
    rl.require_pdf_version(fresh, (1, 3))  # never lowered
    fresh.drawString(10, 10, "x")
    fresh.save()
    assert buffer.getvalue().startswith(b"%PDF-1.4")


# ---------------------------------------------------------------- page make-up


def test_the_frame_tells_a_flowable_where_it_stands() -> None:
    """frame_of, current_frame, frame_empty and frame_used, seen from inside a real build."""
    from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

    seen: list[tuple[bool, float, bool]] = []
    rooms: list[tuple[float, float]] = []

    class Probe(Flowable):
        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            frame = rl.current_frame(self)
            seen.append((rl.frame_empty(frame), rl.frame_used(frame, ah), frame is rl.frame_of(self)))
            rooms.append(rl.frame_room(frame))
            return aw, 100

        def draw(self) -> None:
            pass

    doc = BaseDocTemplate(io.BytesIO())
    pads = {f"{side}Padding": 0 for side in ("left", "right", "top", "bottom")}
    doc.addPageTemplates([PageTemplate("p", [Frame(72, 72, 400, 600, id="f", **pads)])])
    doc.build([Probe(), Probe()])
    (empty1, used1, _), (empty2, used2, _) = seen[0], seen[-1]
    assert empty1 and used1 == 0
    assert not empty2 and used2 == 100
    assert rooms[0] == (600, 600) and rooms[-1] == (500, 600)  # (room left, whole height)
    assert rl.current_frame(Probe()) is None  # outside a document


def test_table_rows_count_a_split_tables_parts_and_wrap_all_stacks() -> None:
    from reportlab.platypus import Table

    table = Table([[str(i)] for i in range(10)], rowHeights=[20] * 10, repeatRows=1)
    canvas = Canvas(io.BytesIO())
    table.wrapOn(canvas, 100, 1000)
    first, rest = table.split(100, 85)
    assert rl.table_rows(table) == 10 and rl.table_rows(first) == 4 and rl.table_rows(rest) == 7
    _, height = rl.wrap_all([_paragraph("one"), _paragraph("two")], 300, canvas)
    assert height == sum(_paragraph(t).wrap(300, 1000)[1] for t in ("one", "two"))


def test_the_container_base_hands_its_content_to_the_frame() -> None:
    from reportlab.platypus import KeepTogether

    base = rl.container_base()
    assert issubclass(KeepTogether, base) and hasattr(base, "getSpaceBefore")
    keep = KeepTogether([_paragraph("a")])
    assert keep._content and keep.getSpaceBefore() == keep._content[0].getSpaceBefore()


def test_every_trick_names_the_version_it_was_checked_against() -> None:
    functions = [
        rl.load_platypus,
        rl.hook_font_lookup,
        rl.ttf_path,
        rl.fix_timestamp,
        rl.hold_page,
        rl.place_image,
        rl.show_image,
        rl.has_line_breaking,
        rl.line_count,
        rl.last_line_slack,
        rl.page_operators,
        rl.plain_graphics_state,
        rl.document_footprint,
        rl.pdf_version,
        rl.require_pdf_version,
        rl.frame_of,
        rl.current_frame,
        rl.frame_empty,
        rl.frame_used,
        rl.frame_room,
        rl.contained,
        rl.table_rows,
        rl.wrap_all,
        rl.container_base,
    ]
    for function in functions:
        assert re.search(rf"reportlab {re.escape(rl.CHECKED)}", function.__doc__ or ""), function.__name__


def test_contained_reaches_into_a_laid_out_lists_items() -> None:
    from reportlab.platypus import ListFlowable, ListItem

    para = _paragraph("an item")
    listing = ListFlowable([ListItem(para)])
    assert [type(f).__name__ for f in rl.contained(listing)] == ["ListItem"]
    listing.wrapOn(Canvas(io.BytesIO()), 300, 500)
    (indenter,) = listing.split(300, 500)  # split across pages, a list hands on its items
    assert type(indenter).__name__ == "LIIndenter" and rl.contained(indenter) == [para]
