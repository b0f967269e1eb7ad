"""Model blocks → reportlab flowables: the ONE dispatch table, node type → handler.

The handlers are kept by family: `textblocks.py` (paragraphs, headings, code, rules,
notes), `lists.py` (lists and quotes), `tables.py` (data, fact and figure tables),
`boxes.py` (call-outs and fact boxes) and `figures.py` (images and charts); their shared
state is `renderer.Renderer`. A node type without a handler is an error naming its
source position; nothing is silently dropped. Layout problems (a figure that cannot
fit) are errors too.
"""

from __future__ import annotations

from briefgen.model import nodes as m
from briefgen.writers.pdf import boxes, figures, lists, tables, textblocks
from briefgen.writers.pdf.renderer import Handler

HANDLERS: dict[type, Handler] = {
    m.Paragraph: textblocks.paragraph,
    m.Heading: textblocks.heading,
    m.BulletList: lists.bullet_list,
    m.OrderedList: lists.ordered_list,
    m.Table: tables.table,
    m.Callout: boxes.callout,
    m.BlockQuote: lists.block_quote,
    m.Figure: figures.figure,
    m.Chart: figures.chart,
    m.CodeBlock: textblocks.code_block,
    m.Rule: textblocks.rule,
    m.Notes: textblocks.notes,
}
