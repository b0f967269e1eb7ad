"""The HTML writer: a document model in, one self-contained web page out.

The page reads like the PDF: the cover band, the contents (a sidebar that follows the
reader), the sections in order with the same boxes, tables and figures, and the footer.
Everything it needs is inside the file (styles, fonts as WOFF2, pictures as data URIs,
charts as inline SVG), so it can be emailed or hosted anywhere. The one script keeps the
sidebar's current entry marked; the page works without it.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefgen.design.theme import Theme
from briefgen.fonts.register import register
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.model.walk import inlines_of, iter_blocks, iter_text
from briefgen.writers.html import page, webfonts
from briefgen.writers.html.blocks import HANDLERS
from briefgen.writers.html.css import stylesheet
from briefgen.writers.html.inline import Inlines
from briefgen.writers.html.markup import attrs, esc, own_id
from briefgen.writers.html.render import Ctx

# Marks the contents entry of the section being read (the sidebar is sticky CSS).
SCRIPT = """
const links = new Map([...document.querySelectorAll('.toc a')].map(a => [a.hash.slice(1), a]));
const seen = new IntersectionObserver(es => { for (const e of es) if (e.isIntersecting && links.has(e.target.id)) {
  for (const a of links.values()) a.removeAttribute('aria-current');
  links.get(e.target.id).setAttribute('aria-current', 'true'); } }, {rootMargin: '0px 0px -70% 0px'});
for (const id of links.keys()) { const t = document.getElementById(id); if (t) seen.observe(t); }
""".strip()


def section_html(section: m.Section, c: Ctx) -> str:
    """A section, its title one level below the page's h1 (the summary's own title is h1)."""
    c.inline = Inlines(section.id, section.pos)
    big = section.level == 1 or section.kind == "country"  # as the PDF: new_page is now only a break
    c.title_level = section.level + c.shift
    tag = f"h{c.title_level}"
    kicker = f'<p class="kicker">{esc(section.kicker)}</p>' if section.kicker else ""
    title_class = "section-title big" if big else "section-title"
    title = f"<{tag}{attrs(class_=title_class, id=own_id('title', section.id))}>{esc(section.title)}</{tag}>"
    body = _brief(section.blocks, c) if c.shift == 0 else c.blocks(section.blocks)
    classes = f"section level-{section.level} kind-{section.kind}"
    return (
        f"<section{attrs(class_=classes, id=section.id, aria_labelledby=own_id('title', section.id))}>"
        f"{kicker}{title}{body}</section>"
    )


def _brief(blocks: tuple[m.Block, ...], c: Ctx) -> str:
    """The summary as a one-screen brief: the argument (bottom line, judgements) in the
    main column, the evidence (headline figures, tables, what follows) beside it on a
    wide screen. The reading order is the PDF's."""
    split = next((i for i, b in enumerate(blocks) if isinstance(b, m.Table)), len(blocks))
    main, side = c.blocks(blocks[:split]), c.blocks(blocks[split:])
    return f'<div class="brief-main">{main}</div>' + (f'<div class="brief-side">{side}</div>' if side else "")


def word_count(doc: m.Document) -> int:
    """Words of running text (what the reading time counts): bodies, not charts or furniture."""
    words = 0
    for section in doc.sections:
        words += len(section.title.split())
        for block in iter_blocks(section.blocks):
            for inlines in inlines_of(block):
                words += sum(len(t.split()) for t in iter_text(inlines))
    return words


def write_html(doc: m.Document, theme: Theme) -> bytes:
    """Render `doc` (any layout) to one self-contained HTML page, as UTF-8 bytes."""
    fonts = register(theme)
    meta = doc.meta
    summary = meta.layout == Layout.SUMMARY
    extras = {"fonts": fonts, "svg_fonts": webfonts.svg_fonts(fonts), "labels": meta.labels}
    c = Ctx(theme, HANDLERS, extras=extras, shift=0 if summary else 1)
    sections = "".join(section_html(s, c) for s in doc.sections)
    words = word_count(doc)
    top = (page.brief_band if summary else page.cover)(doc, theme, words)
    nav = "" if summary else page.contents(doc)
    body = (
        f'<a class="skip" href="#main">{esc(meta.labels.skip)}</a>'
        f"{top}"
        f'<div class="page">{nav}<main id="main" tabindex="-1"><article>{sections}</article></main></div>'
        f"{page.footer(doc, theme)}"
    )
    has_code = any(isinstance(n, m.CodeBlock | m.Code) for n in _nodes(doc))
    faces = webfonts.font_faces(theme, webfonts.characters(body), mono=has_code)
    html = (
        f'<!DOCTYPE html>\n<html lang="{esc(meta.lang)}">\n<head>\n{page.head(doc, theme, stylesheet(theme, faces))}\n'
        f'</head>\n<body class="layout-{meta.layout.value}">{body}<script>{SCRIPT}</script></body>\n</html>\n'
    )
    return html.encode("utf-8")


def _nodes(doc: m.Document) -> Iterator[object]:
    """Every block and inline of the document (for what the page needs, such as a code font)."""
    for section in doc.sections:
        for block in iter_blocks(section.blocks):
            yield block
            for inlines in inlines_of(block):
                yield from _inlines(inlines)


def _inlines(inlines: tuple[m.Inline, ...]) -> Iterator[m.Inline]:
    for node in inlines:
        yield node
        yield from _inlines(getattr(node, "children", ()))
