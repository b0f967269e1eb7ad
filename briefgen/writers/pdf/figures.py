"""PDF handlers for figures: images and charts, numbered and captioned, and the unnumbered locator inset."""

from __future__ import annotations

from reportlab.platypus import Flowable, Image, Spacer

from briefgen.errors import BriefgenError
from briefgen.model import nodes as m
from briefgen.model.labels import Labels, fill
from briefgen.writers.common.figures import MAX_HEIGHT_SHARE, printed_size, too_small
from briefgen.writers.pdf.makeup import Keep
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer
from briefgen.writers.pdf.vector import Vector


def figure(b: m.Figure, r: Renderer) -> list[Flowable]:
    r.figures += 1
    width, height = printed_size(b.width_px, b.height_px, r.width, r.max_image_height / MAX_HEIGHT_SHARE)
    problem = too_small(b.path, (width, height), b.pos)
    if problem:
        raise BriefgenError([problem])
    image = Image(str(b.path), width=width, height=height)
    image.hAlign = "CENTER"
    caption = f"<b>{_number(r)}:</b> {r.inline.run(b.caption)}"
    return [Keep([image, Paragraph(caption, r.styles["caption"])]), Spacer(1, r.design.block.figure_after)]


def locator(b: m.Chart, r: Renderer) -> Flowable:
    """A locator inset at its own small width (never wider than the space): vector, no caption."""
    from briefgen.charts import drawing
    from briefgen.charts.locator import WIDTH_PT

    fonts = r.extras["fonts"]
    art = drawing(b.spec, r.extras["theme"], min(WIDTH_PT, r.width), fonts=(fonts.heading.regular, fonts.heading.bold))
    return Vector(art, "LEFT")


def chart(b: m.Chart, r: Renderer) -> list[Flowable]:
    """A vector drawing (selectable text), captioned and numbered with the figures.

    A locator inset is not a figure: drawn small, without caption or number.
    """
    from briefgen.charts import drawing

    if not b.spec.numbered:
        return [Keep([locator(b, r)]), Spacer(1, r.design.block.figure_after)]  # a Drawing takes no `source_pos`

    fonts = r.extras["fonts"]
    art = Vector(
        drawing(b.spec, r.extras["theme"], r.width, fonts=(fonts.heading.regular, fonts.heading.bold), titles=False),
        "CENTER",
    )
    r.figures += 1
    anchor = f'<a name="{b.anchor}"/>' if b.anchor else ""
    title = r.inline.plain(b.spec.title) if b.spec.title else ""
    parts: list[Flowable] = [art, Paragraph(f"{anchor}<b>{_number(r)}:</b> {title}", r.styles["caption"])]
    if b.spec.source:
        parts.append(Paragraph(r.inline.plain(fill(_labels(r).source, source=b.spec.source)), r.styles["caption"]))
    return [Keep(parts), Spacer(1, r.design.block.figure_after)]


def _labels(r: Renderer) -> Labels:
    return r.extras.get("labels") or Labels()  # type: ignore[return-value]


def _number(r: Renderer) -> str:
    """ "Figure N" in the project's words, as markup."""
    return r.inline.plain(fill(_labels(r).figure, number=r.figures))
