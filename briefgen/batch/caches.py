"""Every memo a batch keeps between deliverables: one table, each with its name and bound.

The assembler owns one `Caches` and hands each pass the memos it uses (templating,
parsing, filters, glyph and link checks), so that nothing is remembered in a module
global and a fresh assembler starts from nothing. Forked workers inherit the parent's.
The bounds are sized for a batch's shared sources (a few hundred sections, blocks and
templates) with room to spare; one-off texts, such as each client's note, make a memo
start over once it is full (`model.memo`). A bound changes speed and memory, never bytes:
`tests/test_batch_caches.py` builds a batch and separate builds and compares them.

The writers' per-process caches (fonts, styles, images, line breaks) stay with their
writer, each a `functools.lru_cache` or a `Memo` with its own bound, as passing them in
from here would thread a parameter through every handler for nothing.
"""

from __future__ import annotations

from typing import Any

from briefgen.model.memo import IdentityMemo, Memo

# attribute -> (name, bound, keyed by identity). The bounds are entries, not bytes.
MEMOS: dict[str, tuple[str, int, bool]] = {
    # templating: rendered output by template and the values of the names it reads
    "renders": ("rendered templates", 4_096, False),
    # templating: compiled templates by name, file and source checksum (`serve` keeps them)
    "compiled": ("compiled templates", 512, False),
    # the template context: one shared object per distinct value, so renders can key by identity
    "views": ("template context values", 4_096, False),
    # templated output lines mapped back to source lines (a line diff)
    "line_maps": ("source line maps", 512, False),
    # parsing: blocks by (file, text, level, anchor prefix); and by text, at the level first parsed
    "parsed": ("parsed bodies", 2_000, False),
    "levels": ("parsed bodies by level", 2_000, False),
    # filters: whether a block holds a div anywhere; the call-out a div became
    "divs": ("blocks holding divs", 20_000, True),
    "callouts": ("call-outs made from divs", 2_000, True),
    # glyph checks: findings per top-level block; missing characters and right-to-left runs per text
    "glyph_blocks": ("glyph findings by block", 2_000, True),
    "missing_glyphs": ("characters missing from the fonts", 4_096, False),
    "rtl_runs": ("right-to-left runs", 4_096, False),
    # figures (path, pixels, position) per top-level block, for the check of their printed size
    "figures": ("figures by block", 2_000, True),
    # link checks: each top-level block's anchors and links; its fixed copy per set of targets
    "link_summaries": ("link summaries by block", 2_000, True),
    "link_fixes": ("blocks with links fixed", 2_000, True),
    "link_sections": ("link summaries by section", 2_000, True),
    # a section's generated parts and its body joined: one tuple for the same parts
    "joined": ("generated parts joined to bodies", 2_000, False),
    # a deliverable's passes (`build/passes.py`), by the identity of the blocks they read:
    # a section's blocks filtered for what its divs test; a section's glyph and figure
    # problems; a document's links resolved
    "filtered": ("sections filtered per deliverable", 8_000, False),
    "checked": ("sections' glyph and figure problems", 2_000, False),
    "linked": ("documents with links resolved", 2_000, False),
    # reports: one object per distinct omission, so a batch's results share them
    "omissions": ("omissions", 4_096, False),
}


class Caches:
    """One assembler's memos, one attribute per row of `MEMOS`."""

    renders: Memo[Any]
    compiled: Memo[Any]
    views: Memo[Any]
    line_maps: Memo[Any]
    parsed: Memo[Any]
    levels: Memo[Any]
    divs: IdentityMemo[Any, bool]
    callouts: IdentityMemo[Any, Any]
    glyph_blocks: IdentityMemo[Any, Any]
    missing_glyphs: Memo[Any]
    rtl_runs: Memo[Any]
    figures: IdentityMemo[Any, Any]
    link_summaries: IdentityMemo[Any, Any]
    link_fixes: IdentityMemo[Any, Any]
    link_sections: IdentityMemo[Any, Any]
    joined: Memo[Any]
    filtered: Memo[Any]
    checked: Memo[Any]
    linked: Memo[Any]
    omissions: Memo[Any]

    def __init__(self) -> None:
        for attr, (name, bound, identity) in MEMOS.items():
            setattr(self, attr, (IdentityMemo if identity else Memo)(name, bound))

    def table(self) -> list[tuple[str, int, int]]:
        """(name, bound, entries now) of each memo, in the order of `MEMOS`."""
        return [(memo.name, memo.bound, len(memo)) for memo in (getattr(self, a) for a in MEMOS)]
