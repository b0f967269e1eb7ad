"""markdown-it inline tokens → model inlines: text, breaks, code, emphasis, links and note references.

A link target must be an http(s) or mailto address or an in-document anchor; anything
else (javascript:, file:, data:…) is an error at its line rather than a live link.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it.token import Token

from briefgen.errors import Pos
from briefgen.markdown.context import Ctx
from briefgen.model import nodes as m

_ALLOWED_SCHEMES = ("http://", "https://", "mailto:")


def inlines(children: list[Token], ctx: Ctx, pos: Pos) -> tuple[m.Inline, ...]:
    out, _ = _inline_run(children, 0, ctx, pos, stop=None)
    return tuple(_merge_text(out))


def _merge_text(items: list[m.Inline]) -> list[m.Inline]:
    """`items` with each run of adjacent texts as one `Text` (joined once per run: a
    paragraph's words come in many tokens, and a `Text` per token joined made it quadratic)."""
    merged: list[m.Inline] = []
    run: list[m.Text] = []
    for item in items:
        if isinstance(item, m.Text):
            run.append(item)
            continue
        if run:
            merged.append(run[0] if len(run) == 1 else m.Text("".join(t.text for t in run)))
            run = []
        merged.append(item)
    if run:
        merged.append(run[0] if len(run) == 1 else m.Text("".join(t.text for t in run)))
    return merged


_WRAPPERS: dict[str, tuple[str, Callable[[tuple[m.Inline, ...]], m.Inline]]] = {
    "em_open": ("em_close", m.Emph),
    "strong_open": ("strong_close", m.Strong),
    "s_open": ("s_close", m.Strike),
}


def _inline_run(children: list[Token], i: int, ctx: Ctx, pos: Pos, stop: str | None) -> tuple[list[m.Inline], int]:
    out: list[m.Inline] = []
    while i < len(children):
        tok = children[i]
        kind = tok.type
        if kind == stop:
            return out, i + 1
        if kind in ("text", "text_special", "html_inline"):
            if tok.content:  # markdown-it leaves empty text tokens at emphasis edges: no empty runs
                out.append(m.Text(tok.content))
        elif kind == "softbreak":
            out.append(m.Text(" "))
        elif kind == "hardbreak":
            out.append(m.LineBreak())
        elif kind == "code_inline":
            out.append(m.Code(tok.content))
        elif kind in _WRAPPERS:
            close, node = _WRAPPERS[kind]
            inner, i = _inline_run(children, i + 1, ctx, pos, stop=close)
            out.append(node(tuple(_merge_text(inner))))
            continue
        elif kind == "link_open":
            href = str(tok.attrs.get("href", ""))
            inner, i = _inline_run(children, i + 1, ctx, pos, stop="link_close")
            if not (href.startswith("#") or href.lower().startswith(_ALLOWED_SCHEMES)):
                ctx.error(
                    pos, f"link target '{href}' is not allowed", "use an http(s):// or mailto: address, or #section-id"
                )
            out.append(m.Link(href, tuple(_merge_text(inner))))
            continue
        elif kind == "footnote_ref":
            out.append(m.NoteRef(int(tok.meta["id"]) + 1))
        elif kind == "image":
            ctx.error(pos, "an image must stand alone in its paragraph", "put the image on its own line")
        else:
            ctx.error(pos, f"unsupported inline Markdown '{kind}'", "rewrite it as plain text")
        i += 1
    return out, i
