"""HTML handlers for boxes: call-outs, the bottom line, contacts and fact boxes (facts
beside their locator map), each a note labelled by its title, with the design's look for
its kind."""

from __future__ import annotations

from briefgen.design.system import box_look
from briefgen.model import nodes as m
from briefgen.writers.html.markup import attrs, esc, own_id
from briefgen.writers.html.render import Ctx


def callout(b: m.Callout, c: Ctx) -> str:
    look = box_look(c.design, b.kind)
    c.extras["boxes"] = n = int(c.extras.get("boxes", 0)) + 1  # type: ignore[call-overload]
    ident = own_id("box", c.inline.section, n)
    title = ""
    if b.title:
        shown = b.title.upper() if look.caps_title else b.title
        title = f'<p class="box-title" id="{esc(ident)}">{esc(shown)}</p>'
    saved = c.paragraph_class
    if look.body != "box_body":
        c.paragraph_class = look.body.replace("_", "-")
    body = c.blocks(b.blocks)
    c.paragraph_class = saved
    kind = b.kind if b.kind in c.design.boxes else "callout"
    if _with_locator(b):
        body = f'<div class="beside">{body}</div>'
    # A note, not a landmark: boxes of the same title recur (one per country profile),
    # and landmarks must be told apart by their names.
    label = f' aria-labelledby="{esc(ident)}"' if b.title else f' aria-label="{esc(kind.replace("-", " "))}"'
    return f'<div{attrs(class_="box " + kind)} role="note"{label}>{title}{body}</div>'


def _with_locator(b: m.Callout) -> bool:
    """A fact box of [facts, locator]: laid out side by side where there is room."""
    blocks = b.blocks
    return (
        b.kind == "factbox"
        and len(blocks) == 2
        and isinstance(blocks[0], m.Table)
        and blocks[0].kind == "facts"
        and isinstance(blocks[1], m.Chart)
        and not blocks[1].spec.numbered
    )
