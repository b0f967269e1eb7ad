"""HTML handlers for tables: data tables (in their own scrolling container, so a wide one
never widens the page), fact tables (label and value) and headline-figure panels."""

from __future__ import annotations

from briefgen.model import nodes as m
from briefgen.model.labels import Labels, fill
from briefgen.writers.html.markup import attrs, esc, own_id
from briefgen.writers.html.render import Ctx


def _cell(tag: str, cell: m.Cell, c: Ctx, scope: str | None = None) -> str:
    align = f"a-{cell.align}" if cell.align else None
    return f"<{tag}{attrs(class_=align, scope=scope)}>{c.run(cell.children)}</{tag}>"


def table(b: m.Table, c: Ctx) -> str:
    if b.kind == "facts":
        return facts(b, c)
    if b.kind == "figures":
        return figures_panel(b, c)
    if not (b.header or b.rows):
        return ""
    width = max((len(r) for r in (*b.header, *b.rows)), default=0)
    head = "".join(
        "<tr>" + "".join(_cell("th", cell, c, "col") for cell in row) + "<td></td>" * (width - len(row)) + "</tr>"
        for row in b.header
    )
    body = "".join(
        "<tr>" + "".join(_cell("td", cell, c) for cell in row) + "<td></td>" * (width - len(row)) + "</tr>"
        for row in b.rows
    )
    c.extras["tables"] = n = int(c.extras.get("tables", 0)) + 1  # type: ignore[call-overload]
    ident = own_id("table", c.inline.section, n)
    caption = f'<figcaption id="{esc(ident)}">{c.run(b.caption)}</figcaption>' if b.caption else ""
    # The scrolling region is a landmark: it needs a name of its own, as a keyboard stop.
    labels = c.extras.get("labels")
    named = fill(labels.table if isinstance(labels, Labels) else Labels().table, number=n)
    label = f' aria-labelledby="{esc(ident)}"' if b.caption else f' aria-label="{esc(named)}"'
    return (
        f'<figure class="table"><div class="scroll" role="region" tabindex="0"{label}><table{_wide(width)}>'
        f"{f'<thead>{head}</thead>' if head else ''}<tbody>{body}</tbody></table></div>{caption}</figure>"
    )


def _wide(columns: int) -> str:
    # Three columns and more would squeeze a phone's column to a word a line: such a
    # table keeps a readable width and scrolls in its box instead (css.py).
    return ' class="wide"' if columns >= 3 else ""


def facts(b: m.Table, c: Ctx) -> str:
    """Label and value pairs, as a description list (what a fact box is)."""
    rows = []
    for row in b.rows:
        label = c.run(row[0].children) if row else ""
        value = c.run(tuple(i for cell in row[1:] for i in cell.children))
        rows.append(f"<div><dt>{label}</dt><dd>{value}</dd></div>")
    return f'<dl class="facts">{"".join(rows)}</dl>'


def figures_panel(b: m.Table, c: Ctx) -> str:
    """Headline figures: the value large, its label small beneath."""
    items = "".join(
        f'<li><span class="value">{c.run(row[0].children)}</span>'
        f'<span class="label">{c.run(row[1].children if len(row) > 1 else ())}</span></li>'
        for row in b.rows
    )
    return f'<ul class="figures" role="list">{items}</ul>'
