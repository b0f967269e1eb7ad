"""The reportlab hooks the tagged PDF installs (`briefgen.libs.rl_hooks`): one test per hook."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
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
