"""The reportlab hooks the tagged PDF installs (`briefgen.libs.rl_hooks`): one test per hook."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import ListFlowable, ListItem, Paragraph

from briefgen.libs import rl_hooks as hooks
from briefgen.libs import rl_internals as rl
from briefgen.writers.pdf.archival import subset_tag

FONT = Path(__file__).resolve().parents[2] / "briefgen" / "fonts" / "NotoSans-Regular.ttf"


def _saved(canvas: Canvas, buffer: io.BytesIO) -> pikepdf.Pdf:
    canvas.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def test_hook_flowable_drawing_wraps_tagged_flowables_only() -> None:
    seen: list[object] = []

    def hook(flowable: object, canvas: Canvas, draw: object) -> None:
        seen.append(flowable)
        rl.page_operators(canvas).append("% before")
        draw()  # type: ignore[operator]
        rl.page_operators(canvas).append("% after")

    hooks.hook_flowable_drawing(hook)
    canvas = Canvas(io.BytesIO())
    plain, tagged = Paragraph("plain", ParagraphStyle("s")), Paragraph("tagged", ParagraphStyle("s"))
    tagged.pdf_tag = "P"
    for p in (plain, tagged):
        p.wrapOn(canvas, 200, 100)
        p.drawOn(canvas, 10, 10)
    assert seen == [tagged]
    code = rl.page_operators(canvas)
    assert code[code.index("% before") + 1 : code.index("% after")]  # the paragraph drew in between
    from briefgen.writers.pdf.archival import install

    install()  # put the writer's own hook back for the tests that follow


def test_hash_subset_tags_names_subsets_by_their_characters() -> None:
    hooks.hash_subset_tags(subset_tag)
    pdfmetrics.registerFont(TTFont("ua-test-face", str(FONT)))
    names = []
    # reportlab's first subset holds all of ASCII: texts differ past it
    for text in ("abc é", "abc ß", "abc é"):
        buffer = io.BytesIO()
        canvas = Canvas(buffer)
        canvas.setFont("ua-test-face", 10)
        canvas.drawString(10, 10, text)
        with _saved(canvas, buffer) as pdf:
            names += [str(f.BaseFont) for f in pdf.pages[0].Resources.Font.values() if "NotoSans" in str(f.BaseFont)]
    assert len(names) == 3
    assert names[0] != names[1] and names[0] == names[2]  # by content, and reproducible
    assert all(re.fullmatch(r"/[A-Z]{6}\+NotoSans-Regular", n) and not n.startswith("/AAAAAA") for n in names)


def test_label_bullets_and_hook_bullet_drawing_tag_each_items_label() -> None:
    seen: list[tuple[object, str]] = []

    def hook(bullet: object, canvas: Canvas, draw: object) -> None:
        before = len(rl.page_operators(canvas))
        draw()  # type: ignore[operator]
        seen.append((bullet.pdf_tag, " ".join(rl.page_operators(canvas)[before:])))  # type: ignore[attr-defined]

    hooks.hook_bullet_drawing(hook)
    try:
        canvas = Canvas(io.BytesIO())
        style = ParagraphStyle("s")
        items = [ListItem([Paragraph(t, style)]) for t in ("a", "b", "c")]
        listed = ListFlowable(items, bulletType="1", bulletFormat="%s.")
        hooks.label_bullets(listed, ["first", "second"])  # the third bullet stays untagged
        listed.wrapOn(canvas, 200, 200)
        listed.drawOn(canvas, 10, 10)
    finally:
        from briefgen.writers.pdf.archival import install

        install()  # the writer's own hook back for the tests that follow
    assert [tag for tag, _ in seen] == ["first", "second"]
    assert "(1.) Tj" in seen[0][1] and "(2.) Tj" in seen[1][1]


def _document_with(text: str, face: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont(face, 10)
    canvas.drawString(10, 10, text)
    canvas.save()
    return buffer.getvalue()


def test_remember_font_subsets_makes_each_subset_once_and_the_same_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import pdfdoc, ttfonts

    def unhooked(target: object, name: str) -> Any:
        """reportlab's own function, put in place for this test (and put back after it)."""
        current = getattr(target, name)
        own = getattr(current, "briefgen_original", current)
        monkeypatch.setattr(target, name, own)
        return own

    make = unhooked(ttfonts.TTFontFile, "makeSubset")
    unhooked(ttfonts, "makeToUnicodeCMap")
    unhooked(pdfdoc.PDFZCompress, "encode")
    pdfmetrics.registerFont(TTFont("remembered-face", str(FONT)))
    # reportlab keeps one font per face name: forget what other tests had it remember
    pdfmetrics.getFont("remembered-face").face.__dict__.pop("briefgen_subsets", None)
    texts = ("abc é", "abc ß")  # two different subsets
    before = {text: _document_with(text, "remembered-face") for text in texts}
    made: list[tuple[int, ...]] = []

    def counting(self: object, subset: list[int]) -> bytes:
        made.append(tuple(subset))
        return make(self, subset)  # type: ignore[no-any-return]

    ttfonts.TTFontFile.makeSubset = counting
    hooks.remember_font_subsets(4)
    hooks.remember_deflated()
    after = {text: [_document_with(text, "remembered-face") for _ in range(3)] for text in texts}
    # the bytes of before the hooks, alike in every document; each subset made once
    assert all(after[text] == [before[text]] * 3 for text in texts)
    assert len(made) == len(set(made)) == 2  # one subset per text (reportlab's first: ASCII and é, or ß)


def test_remember_deflated_deflates_marked_content_once() -> None:
    import zlib

    from reportlab.pdfbase import pdfdoc

    hooks.remember_deflated()
    content = hooks.Deflatable(b"the same font program " * 50)
    first = pdfdoc.PDFZCompress.encode(content)
    assert first == zlib.compress(content) and content.deflated is first
    content.deflated = b"kept"
    assert pdfdoc.PDFZCompress.encode(content) == b"kept"  # not deflated again
    text = hooks.DeflatableText("a character map é")
    assert pdfdoc.PDFZCompress.encode(text) == zlib.compress(text.encode("utf-8"))
    plain = b"a page's operators"
    assert pdfdoc.PDFZCompress.encode(plain) == zlib.compress(plain) and not hasattr(plain, "deflated")


def test_remember_parsed_parses_a_text_once_per_style_values_on_its_class_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.lib.colors import CMYKColor, Color
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    from reportlab.platypus.paraparser import ParaParser

    from briefgen.libs.rl_hooks import remember_parsed, style_key

    class Memo(Paragraph):
        pass

    remember_parsed(Memo, limit=8)
    seen: list[str] = []
    original = ParaParser.parse
    monkeypatch.setattr(ParaParser, "parse", lambda self, text, style: seen.append(text) or original(self, text, style))
    style = ParagraphStyle("p", fontName="Helvetica", fontSize=10)
    first, again = (
        Memo("Some <b>bold</b> words", style),
        Memo("Some <b>bold</b> words", ParagraphStyle("p", parent=style)),
    )
    Paragraph("Some <b>bold</b> words", style)  # reportlab's own class is untouched
    assert len(seen) == 2 and [f.text for f in again.frags] == [f.text for f in first.frags]
    assert again.frags is not first.frags  # each paragraph its own list
    rgb, cmyk = (ParagraphStyle("c", textColor=c) for c in (Color(0, 0, 0), CMYKColor(0, 0, 0, 1)))
    assert style_key(rgb) != style_key(cmyk)
