"""Model blocks → HTML: the ONE dispatch table, node type → handler.

The handlers are kept by family, as in the PDF and DOCX writers: `textblocks.py`
(paragraphs, headings, code, rules, lists, quotes, notes), `tables.py` (data, fact and
figure tables), `boxes.py` (call-outs, the bottom line, fact boxes) and `figures.py`
(images and charts). A node type without a handler is an error at its source position
(`render.Ctx.blocks`); nothing is silently dropped.
"""

from __future__ import annotations

from briefgen.model import nodes as m
from briefgen.writers.html import boxes, figures, tables, textblocks
from briefgen.writers.html.render import Handler

HANDLERS: dict[type, Handler] = {
    m.Paragraph: textblocks.paragraph,
    m.Heading: textblocks.heading,
    m.BulletList: textblocks.bullet_list,
    m.OrderedList: textblocks.ordered_list,
    m.Table: tables.table,
    m.Callout: boxes.callout,
    m.BlockQuote: textblocks.block_quote,
    m.Figure: figures.figure,
    m.Chart: figures.chart,
    m.CodeBlock: textblocks.code_block,
    m.Rule: textblocks.rule,
    m.Notes: textblocks.notes,
}
