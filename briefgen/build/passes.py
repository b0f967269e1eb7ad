"""The passes the assembler runs over a deliverable's sections, remembered across a batch.

`check` and a batch assemble many deliverables from the same parsed blocks: each
section's filtering for one audience, client and cut, and the whole-document passes (the
glyph and figure check, link resolution) give the same answer whenever they see the same
blocks. So each answer is remembered by the identity of the blocks it read (the filters
return the very same tuple for the same input, which keeps the later keys stable), and a
later deliverable replays it: the same objects, warnings and errors, in the same order.
The memos live in the assembler's `Caches` (`filtered`, `checked`, `linked`); an entry
keeps the blocks it is keyed by alive, so their ids cannot pass to other objects.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from briefgen.batch.caches import Caches
from briefgen.design.theme import Theme
from briefgen.errors import BriefgenError, Diagnostic
from briefgen.model import nodes as m
from briefgen.model.walk import iter_blocks
from briefgen.transform.filters import CONDITIONS, Context, FilterResult, filter_blocks
from briefgen.transform.glyphs import GlyphMemos, glyph_problems
from briefgen.transform.links import LinkMemos, resolve_links
from briefgen.writers.common.figures import figure_problems


def _tested(blocks: tuple[m.Block, ...]) -> tuple[str, ...] | None:
    """What the divs in `blocks` test ("audience", "client", "cut"), or None with no div."""
    divs = [b for b in iter_blocks(blocks) if isinstance(b, m.Div)]
    if not divs:
        return None
    bases = {key.removeprefix("not-") for d in divs for key, _ in d.attrs}
    return tuple(sorted(bases & CONDITIONS.keys()))


class Passes:
    """One assembler's filters, checks and link resolution, each remembered by the blocks it read."""

    def __init__(self, caches: Caches, theme: Theme) -> None:
        self.caches, self.theme = caches, theme
        self._glyphs = GlyphMemos(caches.glyph_blocks, caches.missing_glyphs, caches.rtl_runs)
        self._links = LinkMemos(caches.link_summaries, caches.link_fixes, caches.link_sections)

    def filtered(self, blocks: tuple[m.Block, ...], fctx: Context, out: FilterResult) -> tuple[m.Block, ...]:
        """`filter_blocks` for one deliverable, its errors and omissions added to `out`.

        Blocks without a div pass as they are. Otherwise the answer is keyed by the blocks
        and the values of what their conditions test (audience, client, cut; a section
        with audience divs only is filtered once per audience, whatever the client). The
        declared names are the project's, fixed for the assembler's life (`Caches` is made
        afresh, or these memos dropped, when briefing.yaml or a client changes).
        """
        tests = self.caches.filtered.get(id(blocks))
        if tests is None or tests[0] is not blocks:
            tests = self.caches.filtered.put(id(blocks), (blocks, _tested(blocks)))
        if tests[1] is None:
            return blocks
        values = {"audience": fctx.audience, "client": fctx.client, "cut": fctx.cut}
        key = (id(blocks), *((k, values[k]) for k in tests[1]))
        found = self.caches.filtered.get(key)
        if found is None or found[0] is not blocks:
            part = FilterResult()
            kept = filter_blocks(blocks, fctx, part)
            found = self.caches.filtered.put(key, (blocks, kept, tuple(part.errors), tuple(part.omissions)))
        out.errors.extend(found[2])
        out.omissions.extend(found[3])
        return found[1]  # type: ignore[no-any-return]

    def problems(self, doc: m.Document) -> list[Diagnostic]:
        """The glyphs the fonts lack and the figures too small to print, in `doc`: what
        the PDF would refuse, found by `check` too. Each section's, by its title, position
        and blocks (the sections of a batch's deliverables are mostly the same)."""
        glyphs: list[Diagnostic] = []
        figures: list[Diagnostic] = []
        for section in doc.sections:
            key = (section.title, section.pos, id(section.blocks))
            found = self.caches.checked.get(key)
            if found is None or found[0] is not section.blocks:
                one = m.Document(doc.meta, (section,))
                found = self.caches.checked.put(
                    key,
                    (
                        section.blocks,
                        tuple(glyph_problems(one, self.theme, self._glyphs)),
                        tuple(figure_problems(self._figures(one), self.theme)),
                    ),
                )
            glyphs += found[1]
            figures += found[2]
        return [*glyphs, *figures]

    def glyphs(self, doc: m.Document) -> list[Diagnostic]:
        """Only the glyph check (the summary's page has no figures to measure)."""
        return glyph_problems(doc, self.theme, self._glyphs)

    def linked(self, doc: m.Document, strict: bool) -> tuple[m.Document, list[Diagnostic]]:
        """`resolve_links(doc, strict)`, by each section's id and blocks, and the words that
        open a cross-reference (links read nothing else)."""
        key = (strict, doc.meta.labels.see, tuple((s.id, id(s.blocks)) for s in doc.sections))
        found = self.caches.linked.get(key)
        if found is None or any(a is not s.blocks for a, s in zip(found[0], doc.sections, strict=True)):
            try:
                done, warnings = resolve_links(doc, strict=strict, memo=self._links)
                fixed: Any = tuple(s.blocks for s in done.sections)
                failure: tuple[Diagnostic, ...] | None = None
            except BriefgenError as exc:
                fixed, warnings, failure = None, [], tuple(exc.diagnostics)
            found = self.caches.linked.put(
                key, (tuple(s.blocks for s in doc.sections), fixed, tuple(warnings), failure)
            )
        if found[3] is not None:
            raise BriefgenError(found[3])
        sections = tuple(
            s if b is s.blocks else replace(s, blocks=b) for s, b in zip(doc.sections, found[1], strict=True)
        )
        return replace(doc, sections=sections), list(found[2])

    def _figures(self, doc: m.Document) -> list[tuple[Path, int, int, Any]]:
        """Every figure's (path, width px, height px, position), each top-level block's
        remembered by identity: the deliverables of a batch share their blocks."""
        memo = self.caches.figures
        found: list[tuple[Path, int, int, Any]] = []
        for section in doc.sections:
            for top in section.blocks:
                figures = memo.get(top)
                if figures is None:
                    figures = memo.put(
                        top,
                        tuple(
                            (b.path, b.width_px, b.height_px, b.pos)
                            for b in iter_blocks((top,))
                            if isinstance(b, m.Figure)
                        ),
                    )
                found.extend(figures)
        return found
