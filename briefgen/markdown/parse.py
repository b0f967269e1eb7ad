"""Turning one rendered section body into model blocks, with source lines kept.

markdown-it-py tokenises (CommonMark, tables, strikethrough, footnotes, fenced divs);
this module walks the token stream once and builds frozen model nodes. Raw HTML is
never interpreted: HTML blocks and tags print exactly as typed, Markdown between them
included. Every source line must be consumed by some block (consumed.py), so nothing
is silently dropped. Inline tokens become model inlines in `inlines.py`; the parse state
both share is `context.Ctx`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from briefgen.design.theme import Typography
from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.load.files import source_lines
from briefgen.load.images import check_image
from briefgen.markdown.consumed import MAX_NESTING, check_consumed
from briefgen.markdown.context import Ctx
from briefgen.markdown.divs import divs_plugin, parse_attributes
from briefgen.markdown.inlines import inlines
from briefgen.markdown.notes import footnote_lines_plugin, unreferenced
from briefgen.markdown.tablerows import table_check_plugin
from briefgen.markdown.typography import DEFAULT, smarten, use_typography
from briefgen.model import nodes as m

# Layout cost grows faster than linearly past these; refusing beats a build that hangs.
MAX_PARAGRAPH_CHARS = 100_000
MAX_TABLE_ROWS = 10_000


@lru_cache(maxsize=4)
def _markdown(style: Typography = DEFAULT) -> MarkdownIt:
    """The parser, typesetting in the brand's `style` (one per style, made once)."""
    # `html` on: markdown-it then knows where raw HTML starts and ends, so Markdown
    # inside an HTML block or tag is not interpreted; writers print it as typed.
    options = {"html": True, "maxNesting": MAX_NESTING, "linkify": False, "inline_definitions": True}
    md = MarkdownIt("commonmark", options)
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin).use(footnote_lines_plugin).use(divs_plugin).use(table_check_plugin)
    # markdown-it turns links with a bad scheme (javascript:, file:, data:…) back into
    # plain text, silently. Accept every target here; `inlines.py` and `check_image`
    # then refuse bad ones with an error at their line.
    md.validateLink = lambda _url: True  # type: ignore[method-assign]
    return use_typography(md, style)


_MD = _markdown()  # the parser in the default style (tests tokenise with it)


def slug(text: str) -> str:
    s = re.sub(r"[^\w\s-]", "", text.lower()).strip()
    return re.sub(r"[\s_]+", "-", s) or "section"


def parse_body(
    text: str,
    *,
    file: str,
    line_of: Callable[[int], int | Pos],
    base: Path,
    root: Path,
    shift: int = 1,
    anchor_prefix: str = "",
    context: str = "",
    tiers: tuple[str, ...] = (),
    typography: Typography = DEFAULT,
) -> tuple[m.Block, ...]:
    """Parse `text`; `line_of` maps a 0-based line of `text` to the user's file line.

    `shift` is added to body heading levels, so `##` in a top-level section is level 2.
    `typography` is the brand's punctuation (`markdown/typography.py`).
    Raises BriefgenError with every problem found.
    """
    env: dict = {}
    tokens = _markdown(typography).parse(text, env)
    ctx = Ctx(file, line_of, base, root, shift, anchor_prefix, context, tiers, typography)
    check_consumed(text, tokens, ctx.at, ctx.errors, env.get("footnote_spans", ()))
    blocks, _ = _blocks(tokens, 0, ctx, stop=None)
    for line, message, hint in env.get("table_problems", ()):
        ctx.error(ctx.at(line), message, hint)
    for label, line in unreferenced(env):
        ctx.error(
            ctx.at(line),
            f"footnote [^{label}] is defined but never referenced",
            "reference it or delete it",
        )
    if ctx.notes:
        notes = tuple(m.Note(n, b) for n, b in sorted(ctx.notes.items()))
        blocks = (*blocks, m.Notes(notes, Pos(file, 0)))
    if ctx.errors:
        raise BriefgenError(ctx.errors)
    return blocks


def _blocks(tokens: list[Token], i: int, ctx: Ctx, stop: str | None) -> tuple[tuple[m.Block, ...], int]:
    out: list[m.Block] = []
    while i < len(tokens):
        tok = tokens[i]
        if stop and tok.type == stop:
            return tuple(out), i + 1
        handler = _BLOCK_HANDLERS.get(tok.type)
        if handler is None:
            ctx.error(ctx.pos(tok), f"unsupported Markdown construct '{tok.type}'", "rewrite it as plain Markdown")
            i += 1
            continue
        block, i = handler(tokens, i, ctx)
        if block is not None:
            out.append(block)
    return tuple(out), i


def _paragraph(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block | None, int]:
    inline = tokens[i + 1]
    pos = ctx.pos(tokens[i])
    end = i + 2
    while tokens[end].type != "paragraph_close":  # footnote anchors sit before the close
        end += 1
    if len(inline.content) > MAX_PARAGRAPH_CHARS:
        ctx.error(
            pos,
            f"paragraph is {len(inline.content):,} characters long, over the limit of {MAX_PARAGRAPH_CHARS:,}",
            "split it into paragraphs",
        )
    children = inline.children or []
    images = [c for c in children if c.type == "image"]
    if images:
        meaningful = [
            c
            for c in children
            if not (c.type in ("softbreak", "hardbreak") or (c.type == "text" and not c.content.strip()))
        ]
        if len(meaningful) == 1 and len(images) == 1:
            return _figure(images[0], pos, ctx), end + 1
        ctx.error(
            pos,
            "an image must stand alone in its paragraph",
            "put the image on its own line with blank lines around it",
        )
    return m.Paragraph(inlines(children, ctx, pos), pos), end + 1


def _figure(tok: Token, pos: Pos, ctx: Ctx) -> m.Figure | None:
    src = str(tok.attrs.get("src", ""))
    caption = inlines(tok.children or [], ctx, pos)
    alt = "".join(c.content for c in (tok.children or []) if c.type == "text") or str(tok.attrs.get("title") or "")
    info = check_image(src, ctx.base, ctx.root, pos)
    if isinstance(info, Diagnostic):
        ctx.errors.append(info)
        return None
    path, w, h = info
    return m.Figure(path, caption, alt or path.stem, w, h, pos)


def _heading(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block, int]:
    tok = tokens[i]
    pos = ctx.pos(tok)
    level = int(tok.tag[1]) + ctx.shift - 1
    children = inlines(tokens[i + 1].children or [], ctx, pos)
    base = f"{ctx.anchor_prefix}{slug(tokens[i + 1].content)}"
    anchor, n = base, 2
    while anchor in ctx.anchors:
        anchor, n = f"{base}-{n}", n + 1
    ctx.anchors.add(anchor)
    # Past level 6 (`######` in a nested section) a heading keeps the smallest heading look.
    return m.Heading(min(level, 6), children, anchor, pos), i + 3


def _list(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block, int]:
    tok = tokens[i]
    pos = ctx.pos(tok)
    close = tok.type.replace("_open", "_close")
    items: list[m.ListItem] = []
    i += 1
    while tokens[i].type != close:
        item_pos = ctx.pos(tokens[i])
        blocks, i = _blocks(tokens, i + 1, ctx, stop="list_item_close")
        items.append(m.ListItem(blocks, item_pos))
    if tok.type == "ordered_list_open":
        start = int(tok.attrs.get("start", 1) or 1)
        return m.OrderedList(tuple(items), start, pos), i + 1
    return m.BulletList(tuple(items), pos), i + 1


def _quote(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block, int]:
    pos = ctx.pos(tokens[i])
    blocks, i = _blocks(tokens, i + 1, ctx, stop="blockquote_close")
    return m.BlockQuote(blocks, pos), i


def _code(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block | None, int]:
    tok = tokens[i]
    language = (tok.info or "").strip()
    if tok.type == "fence" and language == "chart":
        return _chart(tok, ctx), i + 1
    return m.CodeBlock(tok.content.rstrip("\n"), language, ctx.pos(tok)), i + 1


def _chart(tok: Token, ctx: Ctx) -> m.Chart | None:
    # Imported here so that documents without charts never load the charts package.
    from briefgen.charts import alt_text, parse_spec

    pos = ctx.pos(tok)
    try:
        spec = parse_spec(
            tok.content,
            file=ctx.file,
            line=pos.line + 1,
            base=ctx.base,
            root=ctx.root,
            context=ctx.context,
            tiers=ctx.tiers,
        )
    except BriefgenError as exc:
        ctx.errors.extend(exc.diagnostics)
        return None
    # The caption's words, set like the text around them (the rows' labels are data).
    style = ctx.typography
    spec = replace(
        spec, title=smarten(spec.title, style), note=smarten(spec.note, style), source=smarten(spec.source, style)
    )
    return m.Chart(spec, spec.alt or alt_text(spec), f"fig-{spec.id}" if spec.id else "", pos)


def _rule(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block, int]:
    return m.Rule(ctx.pos(tokens[i])), i + 1


def _table(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block, int]:
    pos = ctx.pos(tokens[i])
    header: list[tuple[m.Cell, ...]] = []
    rows: list[tuple[m.Cell, ...]] = []
    row_pos: list[Pos] = []
    current: list[m.Cell] = []
    in_head = False
    i += 1
    while tokens[i].type != "table_close":
        t = tokens[i]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            current = []
            if not in_head:
                row_pos.append(ctx.pos(t) if t.map else pos)
        elif t.type == "tr_close":
            (header if in_head else rows).append(tuple(current))
        elif t.type in ("th_open", "td_open"):
            style = str(t.attrs.get("style", ""))
            align = style.split(":", 1)[1] if style.startswith("text-align:") else ""
            cell_pos = ctx.pos(t) if t.map else pos
            current.append(m.Cell(inlines(tokens[i + 1].children or [], ctx, cell_pos), align))
            i += 2
        i += 1
    if len(rows) > MAX_TABLE_ROWS:
        ctx.error(
            pos,
            f"table has {len(rows):,} rows, over the limit of {MAX_TABLE_ROWS:,}",
            "split it, or move the data to an annex file",
        )
    if all(not c.children for row in header for c in row):
        return m.Table((), tuple(rows), pos, kind="facts", row_pos=tuple(row_pos)), i + 1
    return m.Table(tuple(header), tuple(rows), pos, row_pos=tuple(row_pos)), i + 1


def _div(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block, int]:
    tok = tokens[i]
    pos = ctx.pos(tok)
    if not tok.meta.get("closed"):
        ctx.error(pos, "fenced div is never closed", "add a ':::' line where the block ends")
    classes, attrs, rest = parse_attributes(tok.info)
    if rest:
        ctx.error(pos, f"could not read the div attributes near '{rest}'", 'write them as {.class key="value"}')
    blocks, i = _blocks(tokens, i + 1, ctx, stop="div_close")
    attrs = tuple((k, smarten(v, ctx.typography) if k == "title" else v) for k, v in attrs)
    return m.Div(attrs, classes, blocks, pos), i


def _footnotes(tokens: list[Token], i: int, ctx: Ctx) -> tuple[None, int]:
    i += 1
    while tokens[i].type != "footnote_block_close":
        tok = tokens[i]
        number = int(tok.meta["id"]) + 1
        blocks, i = _blocks(tokens, i + 1, ctx, stop="footnote_close")
        ctx.notes[number] = blocks
    return None, i + 1


def _html_block(tokens: list[Token], i: int, ctx: Ctx) -> tuple[m.Block, int]:
    """Raw HTML is never interpreted: the block prints as typed, line by line."""
    lines = source_lines(tokens[i].content)
    children: list[m.Inline] = []
    for n, line in enumerate(lines):
        children += [m.LineBreak()] if n else []
        children += [m.Text(line)] if line else []
    return m.Paragraph(tuple(children), ctx.pos(tokens[i])), i + 1


def _skip(tokens: list[Token], i: int, ctx: Ctx) -> tuple[None, int]:
    return None, i + 1


_BLOCK_HANDLERS: dict[str, Callable[[list[Token], int, Ctx], tuple[m.Block | None, int]]] = {
    "paragraph_open": _paragraph,
    "heading_open": _heading,
    "bullet_list_open": _list,
    "ordered_list_open": _list,
    "blockquote_open": _quote,
    "fence": _code,
    "code_block": _code,
    "hr": _rule,
    "table_open": _table,
    "div_open": _div,
    "footnote_block_open": _footnotes,
    "footnote_anchor": _skip,
    "definition": _skip,
    "html_block": _html_block,
}
