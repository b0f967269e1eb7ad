"""Internal links: every `#anchor` must point at a section or heading in the document.

In the full report a dangling anchor is an error. In a cut that leaves the target out,
the link becomes plain text and a warning says so, so nothing points into the void.
"""

from __future__ import annotations

from dataclasses import replace

from . import model as m
from .errors import BriefgenError, Diagnostic
from .walk import iter_blocks, map_inlines


def anchors(doc: m.Document) -> set[str]:
    found = {s.id for s in doc.sections}
    for s in doc.sections:
        found.update(b.anchor for b in iter_blocks(s.blocks) if isinstance(b, m.Heading | m.Chart) and b.anchor)
    return found


def figure_numbers(doc: m.Document) -> dict[str, int]:
    """Anchor -> "Figure N" number, counting images and numbered charts (not locator insets)
    in reading order, as the writers do."""
    numbers: dict[str, int] = {}
    count = 0
    for section in doc.sections:
        for block in iter_blocks(section.blocks):
            if isinstance(block, m.Figure) or (isinstance(block, m.Chart) and block.spec.numbered):
                count += 1
                if isinstance(block, m.Chart) and block.anchor:
                    numbers[block.anchor] = count
    return numbers


def resolve_links(doc: m.Document, strict: bool) -> tuple[m.Document, list[Diagnostic]]:
    """Check internal links; an empty link to a figure, `[](#fig-aid)`, reads "Figure N"."""
    known = anchors(doc)
    figures = figure_numbers(doc)
    problems: list[Diagnostic] = []

    def fix(run: tuple[m.Inline, ...], owner: m.Block) -> tuple[m.Inline, ...]:
        out: list[m.Inline] = []
        for node in run:
            if isinstance(node, m.Link) and node.target.startswith("#") and node.target[1:] not in known:
                pos = getattr(owner, "pos", m.NOWHERE)
                problems.append(
                    Diagnostic(
                        pos,
                        f"link to '{node.target}' has no target in this document",
                        "link to a section id or heading",
                        "warning",
                    )
                )
                out.extend(fix(node.children, owner))
            elif isinstance(node, m.Link) and not node.children and node.target[1:] in figures:
                out.append(replace(node, children=(m.Text(f"Figure {figures[node.target[1:]]}"),)))
            elif isinstance(node, m.Emph | m.Strong | m.Strike | m.Link):
                out.append(replace(node, children=fix(node.children, owner)))
            else:
                out.append(node)
        return tuple(out)

    sections = tuple(replace(s, blocks=map_inlines(s.blocks, fix)) for s in doc.sections)
    if strict and problems:
        raise BriefgenError([replace(p, severity="error") for p in problems])
    return replace(doc, sections=sections), problems
