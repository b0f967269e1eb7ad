"""HTML output: document model → one self-contained, accessible web page (the web edition).

document.py  the page: sections in order, the entry point `write_html(doc, theme)`
page.py      head (meta, Open Graph), cover or summary band, marking, contents, footer
blocks.py    the dispatch table, block type → handler (textblocks, tables, boxes, figures)
inline.py    inline nodes → HTML; markup.py the ONE place text is escaped
css.py       the stylesheet, generated from the design system
"""

from briefgen.writers.html.document import write_html

__all__ = ["write_html"]
