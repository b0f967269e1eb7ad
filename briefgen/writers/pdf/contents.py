"""The contents list, laid out in the same single pass as the rest of the document.

Page numbers sit in a fixed-width right column, so an entry's height never depends on
its number: each line is laid out with its title only and places a form XObject for its
number, which the canvas fills in when the document is saved and every page is known
(see `NumberedCanvas`).
No second layout pass is needed, whatever the document's length.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from briefgen.design.spacing import PageSpace
from briefgen.libs.rl_internals import last_line_slack, line_count
from briefgen.model import nodes as m
from briefgen.model.contents import entries
from briefgen.writers.pdf.inline import InlineRenderer
from briefgen.writers.pdf.para import Paragraph

NUMBER_COLUMN = PageSpace.contents_number * mm


def number_form(key: str) -> str:
    return f"contents-page-{key}"


def number_box(size: float) -> tuple[float, float]:
    """Width and height of a page number's form; its baseline sits `size` above the bottom."""
    return size * 6, size * 2


class ContentsLine(Flowable):
    """One entry: its title (wrapped), a dot leader for level 2, and a deferred page number."""

    def __init__(self, title: str, key: str, style: ParagraphStyle, number_font: str, dots: bool):
        super().__init__()
        self.key, self.style, self.number_font, self.dots = key, style, number_font, dots
        self.para = Paragraph(title, style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, self.height = self.para.wrap(avail_width - NUMBER_COLUMN, avail_height)
        return avail_width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab API
        return self.style.spaceAfter

    def draw(self) -> None:
        canv, style, para = self.canv, self.style, self.para
        para.drawOn(canv, 0, 0)
        baseline = para.height - style.fontSize - (line_count(para) - 1) * style.leading
        if self.dots:
            text_end = para.width - style.rightIndent - last_line_slack(para)
            number_room = canv.stringWidth("000", self.number_font, style.fontSize) + 4
            step = style.fontSize * 0.45
            # Dots on a grid line up from entry to entry. They are drawn as a dotted rule,
            # not as text, so copying the contents gives "Title 12", not a row of periods.
            start = (int((text_end + 3) / step) + 1) * step
            end = int((self.width - number_room) / step) * step
            if end > start:
                canv.saveState()
                canv.setStrokeColor(style.textColor)
                canv.setLineWidth(style.fontSize * 0.11)
                canv.setLineCap(1)
                canv.setDash([0, step])
                y = baseline + style.fontSize * 0.06
                canv.line(start, y, end + step / 2, y)  # past `end`: rounding must not drop the last dot
                canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1)
        # The number is a form XObject filled in when the document is saved; placed here,
        # it still comes right after its title in the page's reading order.
        canv.saveState()
        canv.translate(self.width - number_box(style.fontSize)[0], baseline - style.fontSize)
        canv.doForm(number_form(self.key))
        canv.restoreState()
        canv.page_numbers[self.key] = (self.number_font, style.fontSize, style.textColor)


def contents_flowables(
    doc: m.Document,
    styles: dict[str, ParagraphStyle],
    inline: InlineRenderer,
    number_fonts: tuple[str, str],
    heading: str = "Contents",
) -> list[Flowable]:
    """The contents' `heading` and one line per entry; empty when there is nothing to list."""
    lines: list[Flowable] = []
    for level, title, key in entries(doc):
        style = styles["toc1"] if level == 1 else styles["toc2"]
        text = inline.plain(" ".join(title.split()), heading=level == 1)
        lines.append(ContentsLine(text, key, style, number_fonts[0 if level == 1 else 1], dots=level > 1))
    return [Paragraph(inline.plain(heading, heading=True), styles["toc_title"]), *lines] if lines else []
