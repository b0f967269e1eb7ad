"""The page around the sections: the head (meta and Open Graph tags), the skip link, the
client's marking banner, the cover band (or the summary's brief band), the contents
sidebar and the footer. Each says the same as the PDF's cover and furniture, in the same
words (`design/wording.py`)."""

from __future__ import annotations

from briefgen.design.theme import Theme
from briefgen.design.wording import long_date, running_foot
from briefgen.model import nodes as m
from briefgen.model.contents import entries
from briefgen.model.labels import MEANINGS, fill
from briefgen.model.layout import Layout
from briefgen.writers.html.figures import data_uri
from briefgen.writers.html.markup import attr, attrs, esc

WORDS_PER_MINUTE = 230  # an adult reading prose silently


def page_title(meta: m.Meta) -> str:
    """The window title: the PDF's document title."""
    return meta.title + (f" — {meta.cut_title}" if meta.layout != Layout.REPORT else "")


def head(doc: m.Document, theme: Theme, css: str) -> str:
    meta = doc.meta
    title = page_title(meta)
    description = meta.subtitle or meta.cut_title
    tags = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<meta{attrs(name='description', content=description)}>" if description else "",
        f"<meta{attrs(name='author', content=', '.join(meta.authors))}>" if meta.authors else "",
        f"<meta{attrs(name='keywords', content=', '.join(meta.keywords))}>" if meta.keywords else "",
        '<meta name="generator" content="briefgen">',
        f"<meta{attrs(name='dcterms.date', content=meta.date)}>" if meta.date else "",
        # A client's marked copy is not for search engines.
        '<meta name="robots" content="noindex, nofollow">' if meta.client_name else "",
        '<meta property="og:type" content="article">',
        f"<meta{attrs(property='og:title', content=title)}>",
        f"<meta{attrs(property='og:description', content=description)}>" if description else "",
        f"<meta{attrs(property='og:site_name', content=theme.name)}>",
        f"<meta{attrs(property='og:locale', content=meta.lang.replace('-', '_'))}>",
        f"<meta{attrs(property='article:published_time', content=meta.date)}>" if meta.date else "",
        *(f"<meta{attrs(property='article:author', content=a)}>" for a in meta.authors),
        f"<style>{css}</style>",
    ]
    return "\n".join(t for t in tags if t)


def marking(meta: m.Meta) -> str:
    if not meta.marking or not meta.marking.text:
        return ""
    return f'<p class="marking" role="note" data-furniture="">{esc(meta.marking.text)}</p>'


def reading_time(words: int, label: str = MEANINGS["reading"][0]) -> str:
    """How long the page takes to read, in the project's words (`labels.reading`)."""
    return fill(label, minutes=max(1, round(words / WORDS_PER_MINUTE)))


def cover(doc: m.Document, theme: Theme, words: int) -> str:
    """The masthead: the cover band and the line of details under it (the PDF's cover)."""
    meta = doc.meta
    logo = theme.logo_on_dark or theme.logo
    band = [
        f'<img class="logo"{attrs(src=data_uri(logo), alt=theme.name)}>',
        f'<p class="series">{esc(meta.cover_label)}</p>' if meta.cover_label else "",
        f"<h1>{esc(meta.title)}</h1>",
        f'<p class="subtitle">{esc(meta.subtitle)}</p>' if meta.subtitle else "",
    ]
    details = [
        f'<p class="client">{esc(meta.prepared_for)}</p>' if meta.client_name else "",
        f'<p class="info"><time datetime="{attr(meta.date)}">{esc(long_date(meta.date))}</time></p>'
        if meta.date
        else "",
        f'<p class="info">{esc(", ".join(meta.authors))}</p>' if meta.authors else "",
        f'<p class="info">{esc(meta.title)}</p>' if meta.layout == Layout.ANNEX else "",
        f'<p class="reading" data-web-only="">{reading_time(words, meta.labels.reading)}</p>',
        f'<img class="client-logo"{attrs(src=data_uri(meta.client_logo), alt=meta.client_name)}>'
        if meta.client_logo
        else "",
    ]
    return (
        f'<header class="masthead">{marking(meta)}<div class="cover"><div class="cover-inner">{"".join(band)}</div></div>'
        f'<div class="details"><div class="details-inner">{"".join(details)}</div></div></header>'
    )


def brief_band(doc: m.Document, theme: Theme, words: int) -> str:
    """The summary's band: logo, "Policy brief" (for whom) and the date, as on its PDF page."""
    meta = doc.meta
    logo = theme.logo_on_dark or theme.logo
    label = meta.labels.summary + (f" · {meta.prepared_for}" if meta.client_name else "")
    return (
        f'<header class="masthead">{marking(meta)}<div class="cover brief-band"><div class="cover-inner">'
        f'<img class="logo"{attrs(src=data_uri(logo), alt=theme.name)}>'
        f'<p class="label">{esc(label)}</p>'
        f'<p class="date"><time datetime="{attr(meta.date)}">{esc(long_date(meta.date))}</time></p>'
        f'<p class="reading" data-web-only="">{reading_time(words, meta.labels.reading)}</p>'
        f"</div></div></header>"
    )


def contents(doc: m.Document) -> str:
    """The contents sidebar: the PDF's contents entries (sections and ## headings), nested."""
    items: list[str] = []
    open_sub = False
    for level, title, anchor in entries(doc):
        link = f'<a href="#{attr(anchor)}">{esc(title)}</a>'
        if level == 1 or not items:
            if open_sub:
                items.append("</ol></li>")
                open_sub = False
            elif items:
                items.append("</li>")
            items.append(f"<li>{link}")
        else:
            if not open_sub:
                items.append("<ol>")
                open_sub = True
            items.append(f"<li>{link}</li>")
    if items:
        items.append("</ol></li>" if open_sub else "</li>")
    # A report's contents are its PDF's contents page; an annex's are the web's own.
    web_only = "" if doc.meta.layout == Layout.REPORT else ' data-web-only=""'
    return (
        f'<nav class="toc" aria-labelledby="toc-title"{web_only}>'
        f'<h2 id="toc-title">{esc(doc.meta.labels.contents)}</h2><ol>{"".join(items)}</ol></nav>'
    )


def footer(doc: m.Document, theme: Theme) -> str:
    """The foot of the page: the cover's last lines (tagline, a client copy's document id),
    then the running foot the PDF prints on every page (furniture, like its page numbers).
    The summary's one page has none of them: on the web they are the web's own."""
    meta = doc.meta
    own = ' data-web-only=""' if meta.layout == Layout.SUMMARY else ""
    lines = [
        f"<p{own}>{esc(theme.tagline)}</p>" if theme.tagline else "",
        f"<p{own}>{esc(fill(meta.labels.document, id=meta.document_id))}</p>"
        if meta.document_id and meta.client_name
        else "",
        f'<p class="running" data-furniture="">{esc(running_foot(theme.footer, meta.document_id, meta.client_name))}</p>',
    ]
    return f'<footer class="site-footer">{"".join(lines)}</footer>'
