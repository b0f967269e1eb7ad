"""Pictures: figures with their numbered captions, and the logos on covers and bands.

Every picture is an inline DrawingML picture with alt text in `wp:docPr/@descr` (what a
screen reader says), or marked decorative (`floating.mark_decorative`) when it only repeats text. A figure is scaled to the text width and to at most half the text
height, never enlarged beyond its own size at 96 dpi; its caption is "Figure N: …" with
a SEQ field so Word's caption numbering and cross-references keep working. A locator
inset is a small picture without caption or number (`locator_picture`). A bar or line chart
whose spec says `docx: native` is an editable Word chart instead (`nativechart`), captioned alike.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml.etree import _Element

from briefgen.design.theme import Theme
from briefgen.errors import Pos, fail
from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.model.labels import fill
from briefgen.writers.docx.blocks import new_paragraph
from briefgen.writers.docx.context import Ctx
from briefgen.writers.docx.fields import bookmark, run
from briefgen.writers.docx.floating import mark_decorative
from briefgen.writers.docx.labels import label_runs
from briefgen.writers.docx.package.ooxml import el, set_ppr, spacing, val
from briefgen.writers.docx.text import plain

EMU_PER_TWIP = 635
EMU_PER_MM = 36000
EMU_PER_PX = 9525  # at 96 dpi
MAX_HEIGHT_SHARE = 0.5


def add_picture(
    p: _Element,
    container: Any,
    path: Path | io.BytesIO,
    width: int,
    height: int,
    alt: str,
    pos: Pos | None = None,
    name: str = "",
    decorative: bool = False,
) -> None:
    """Append an inline picture (`width`/`height` in EMU) with alt text to the `w:p` `p`
    (or, `decorative`, marked decorative: screen readers skip it)."""
    source = path if isinstance(path, io.BytesIO) else str(path)
    name = name or (path.name if isinstance(path, Path) else "figure.png")
    r = el("w:r")  # the run `Paragraph.add_run` appends
    p.append(r)
    try:
        inline = opc.picture_inline(container.part, source, width, height)
    except Exception as exc:  # python-docx raises its own, OS and Pillow errors for bad files
        raise fail(
            pos or m.NOWHERE, f"cannot put image '{name}' in the DOCX: {exc}", "re-export it as PNG or JPEG"
        ) from exc
    r.add_drawing(inline)
    for side in ("distT", "distB", "distL", "distR"):
        # Unset, LibreOffice pads inline pictures by 1/8 inch and shifts them off the margin.
        inline.set(side, "0")
    doc_pr = inline.docPr
    doc_pr.set("descr", plain(alt))
    doc_pr.set("name", plain(name))
    if decorative:
        mark_decorative(doc_pr)


def image_size(path: Path, pos: Pos | None = None) -> tuple[int, int]:
    """(width, height) in pixels; a missing or unreadable file is the author's error."""
    from PIL import UnidentifiedImageError

    try:
        stat = path.stat()
        return _pixels(path, stat.st_mtime_ns, stat.st_size)
    except (OSError, UnidentifiedImageError) as exc:
        raise fail(pos or Pos(str(path)), f"cannot read image '{path.name}': {exc}", "use a PNG or JPEG file") from exc


@lru_cache(maxsize=64)
def _pixels(path: Path, mtime_ns: int, size: int) -> tuple[int, int]:
    # Every cover of a batch shows the same logos; a file edited under `serve` has another
    # time or size, so it is read again.
    from PIL import Image

    with Image.open(path) as img:
        return max(img.size[0], 1), max(img.size[1], 1)


def fit(width_px: int, height_px: int, max_width: int, max_height: int) -> tuple[int, int]:
    """Width and height in EMU: within both limits, aspect kept, not enlarged past 96 dpi."""
    w, h = max(width_px, 1) * EMU_PER_PX, max(height_px, 1) * EMU_PER_PX
    k = min(1.0, max_width / w, max_height / h)
    return int(w * k), int(h * k)


def _figure(node: m.Figure, container: Any, ctx: Ctx) -> None:
    width, height = fit(
        node.width_px, node.height_px, ctx.width * EMU_PER_TWIP, int(ctx.text_height_mm * MAX_HEIGHT_SHARE * EMU_PER_MM)
    )
    p = new_paragraph(container, "Figure")
    add_picture(p, container, node.path, width, height, node.alt, node.pos)
    ctx.figures += 1
    cap = _caption_label(container, ctx)
    if node.caption:
        cap.append(run(":", "Strong"))
        cap.append(run(" "))
        ctx.render_inlines(node.caption, cap, ctx)
    new_paragraph(container, "Figure Spacer")


def _caption_label(container: Any, ctx: Ctx) -> Any:
    """A caption paragraph opening with its bold "Figure N" (a SEQ field), as the PDF's does."""
    cap = new_paragraph(container, "Caption")
    fields = {"number": ("SEQ Figure \\* ARABIC", str(ctx.figures))}
    label_runs(cap, ctx.meta.labels.figure, fields, style="Strong")
    return cap


def _art(node: m.Chart, ctx: Ctx, width_pt: float) -> tuple[float, float, bytes]:
    """(width, height) in points and the 300 dpi PNG of a chart drawn `width_pt` wide."""
    return _raster(node.spec, ctx.theme, width_pt)


@lru_cache(maxsize=64)
def _raster(spec: Any, theme: Theme, width_pt: float) -> tuple[float, float, bytes]:
    # Rasterising is the slow step of a DOCX with charts, and a batch repeats the same
    # chart in many deliverables: draw each (chart, width) once per process.
    from briefgen.charts import drawing, png
    from briefgen.fonts.register import register

    fonts = register(theme)  # the rasteriser draws text with the TTFs registered here
    art = drawing(spec, theme, width_pt, fonts=(fonts.heading.regular, fonts.heading.bold), titles=False)
    return art.width, art.height, png(art, dpi=300)


def locator_picture(
    node: m.Chart, container: Any, ctx: Ctx, *, width: int, align: str = "left", before: float = 0
) -> None:
    """A locator inset as a 300 dpi picture `width` twips wide (at most), with alt text: no caption, no number."""
    from briefgen.charts.locator import WIDTH_PT

    art_w, art_h, data = _art(node, ctx, min(WIDTH_PT, width / 20))
    w = int(art_w * 12700)
    h = int(w * art_h / art_w)
    p = new_paragraph(container)
    set_ppr(p, spacing(before=before, after=0, line=1.0), val("w:jc", align))
    name = f"locator-{node.spec.focus.lower()}.png"
    add_picture(p, container, io.BytesIO(data), w, h, node.alt, node.pos, name)


def _chart(node: m.Chart, container: Any, ctx: Ctx) -> None:
    """A chart as a 300 dpi picture (crisp in Word and LibreOffice alike), or with `docx: native` an
    editable Word chart (`nativechart`), then its caption."""
    if not node.spec.numbered:
        locator_picture(node, container, ctx, width=ctx.width)
        new_paragraph(container, "Figure Spacer")
        return
    spec = node.spec
    width_pt = ctx.width / 20
    width = int(width_pt * 12700)
    p = new_paragraph(container, "Figure")
    if spec.docx == "native":  # an editable Word chart; its notes go under the caption
        from briefgen.writers.docx.nativechart import add_chart

        add_chart(p, node, ctx, width, int(ctx.text_height_mm * EMU_PER_MM * 0.8))
    else:
        art_w, art_h, data = _art(node, ctx, width_pt)
        height = int(width * art_h / art_w)
        add_picture(p, container, io.BytesIO(data), width, height, node.alt, node.pos, f"chart-{ctx.figures + 1}.png")
    ctx.figures += 1
    cap = _caption_label(container, ctx)
    if spec.title:
        cap.append(run(":", "Strong"))
        cap.append(run(f" {plain(spec.title)}"))
    if node.anchor:
        bookmark(cap, node.anchor, ctx)
    if spec.docx == "native" and spec.note:
        new_paragraph(container, "Caption").append(run(plain(spec.note)))
    if spec.source:
        note = new_paragraph(container, "Caption")
        note.append(run(plain(fill(ctx.meta.labels.source, source=spec.source))))
    new_paragraph(container, "Figure Spacer")


FIGURE_HANDLERS = {m.Figure: _figure, m.Chart: _chart}
