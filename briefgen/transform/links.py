"""Internal links: every `#anchor` must point at a section or heading in the document.

In the full report a dangling anchor is an error. In a cut that leaves the target out,
the link becomes plain text and a warning says so, so nothing points into the void. A
cross-reference in parentheses, "(see the [port profile](#port))", whose every link
is left out, is dropped whole instead (with a warning), so the reader is never sent to
a section that is not there. A cross-reference that stays (a link to a section or a
heading in "(see …)", or alone in a table cell, as in the chronology) gets a `PageRef`
after it, which the writers print as ", p. N".
"""

from __future__ import annotations

import re
from dataclasses import field, replace

from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.frozen import frozen
from briefgen.model import nodes as m
from briefgen.model.labels import Labels, fill
from briefgen.model.memo import ONE_CALL, IdentityMemo
from briefgen.model.walk import iter_blocks, map_inlines, same_or


@frozen
class _Summary:
    """What one top-level block contributes to a document's link checks."""

    anchors: tuple[str, ...]
    figures: tuple[str | None, ...]  # one entry per numbered figure: its anchor, if any
    internal_links: bool


@frozen
class _Part:
    """What one section's blocks contribute: each block's summary, and their sum."""

    blocks: tuple[_Summary, ...]
    anchors: tuple[str, ...]
    figures: tuple[str | None, ...]
    internal_links: bool


_Targets = tuple[frozenset[str], tuple[tuple[str, int], ...]]  # anchors, and figure numbers


@frozen
class LinkMemos:
    """What the pass remembers by identity; a batch's assembler passes its own (`batch.caches`)."""

    summaries: IdentityMemo[m.Block, _Summary] = field(
        default_factory=lambda: IdentityMemo("link summaries by block", ONE_CALL)
    )
    # a block with its links fixed, and the warnings that gave, per set of targets
    fixes: IdentityMemo[m.Block, tuple[m.Block, tuple[Diagnostic, ...]]] = field(
        default_factory=lambda: IdentityMemo("blocks with links fixed", ONE_CALL)
    )
    # a section's blocks (one tuple, shared by the deliverables that keep it whole): their summaries
    sections: IdentityMemo[tuple[m.Block, ...], _Part] = field(
        default_factory=lambda: IdentityMemo("link summaries by section", ONE_CALL)
    )


def _summary(block: m.Block, memo: LinkMemos) -> _Summary:
    """`block`'s anchors, figures and links, remembered by identity: a batch's
    deliverables share their parsed blocks, so each is walked once."""
    found = memo.summaries.get(block)
    if found is not None:
        return found
    inner = list(iter_blocks((block,)))
    targets: list[str] = []

    def collect(run: tuple[m.Inline, ...], _owner: m.Block) -> tuple[m.Inline, ...]:
        targets.extend(_targets(run))
        return run

    map_inlines((block,), collect)
    summary = _Summary(
        tuple(b.anchor for b in inner if isinstance(b, m.Heading | m.Chart) and b.anchor),
        tuple(
            b.anchor if isinstance(b, m.Chart) else None
            for b in inner
            if isinstance(b, m.Figure) or (isinstance(b, m.Chart) and b.spec.numbered)
        ),
        any(t.startswith("#") for t in targets),
    )
    return memo.summaries.put(block, summary)


def _targets(run: tuple[m.Inline, ...]) -> list[str]:
    out: list[str] = []
    for node in run:
        if isinstance(node, m.Link):
            out.append(node.target)
        if isinstance(node, m.Emph | m.Strong | m.Strike | m.Link):
            out.extend(_targets(node.children))
    return out


def anchors(doc: m.Document, memo: LinkMemos | None = None) -> set[str]:
    return _anchors(doc, _summaries(doc, memo or LinkMemos()))


def figure_numbers(doc: m.Document, memo: LinkMemos | None = None) -> dict[str, int]:
    """Anchor -> "Figure N" number, counting images and numbered charts (not locator insets)
    in reading order, as the writers do."""
    return _figure_numbers(_summaries(doc, memo or LinkMemos()))


def _summaries(doc: m.Document, memo: LinkMemos) -> list[_Part]:
    """Each section's summary, in order: its blocks' summaries, remembered by the identity
    of its blocks (the deliverables of a batch mostly keep a section's blocks whole)."""
    out = []
    for section in doc.sections:
        found = memo.sections.get(section.blocks)
        if found is None:
            each = tuple(_summary(b, memo) for b in section.blocks)
            found = memo.sections.put(
                section.blocks,
                _Part(
                    each,
                    tuple(a for s in each for a in s.anchors),
                    tuple(f for s in each for f in s.figures),
                    any(s.internal_links for s in each),
                ),
            )
        out.append(found)
    return out


def _anchors(doc: m.Document, summaries: list[_Part]) -> set[str]:
    found = {s.id for s in doc.sections}
    for part in summaries:
        found.update(part.anchors)
    return found


def _figure_numbers(summaries: list[_Part]) -> dict[str, int]:
    numbers: dict[str, int] = {}
    count = 0
    for part in summaries:
        for anchor in part.figures:
            count += 1
            if anchor:
                numbers[anchor] = count
    return numbers


def resolve_links(doc: m.Document, strict: bool, memo: LinkMemos | None = None) -> tuple[m.Document, list[Diagnostic]]:
    """Check internal links; an empty link to a figure, `[](#fig-aid)`, reads "Figure N"."""
    memo = memo or LinkMemos()
    # Each top-level block's summary looked up once for the three uses below.
    summaries = _summaries(doc, memo)
    known = _anchors(doc, summaries)
    figures = _figure_numbers(summaries)
    opener = xref_opener(doc.meta.labels.see)
    problems: list[Diagnostic] = []

    def fix(run: tuple[m.Inline, ...], owner: m.Block) -> tuple[m.Inline, ...]:
        out: list[m.Inline] = []
        for node in run:
            if isinstance(node, m.Link) and node.target.startswith("#") and node.target[1:] not in known:
                pos = position(owner, run)
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
                number = fill(doc.meta.labels.figure, number=figures[node.target[1:]])
                out.append(replace(node, children=(m.Text(number),)))
            elif isinstance(node, m.Emph | m.Strong | m.Strike | m.Link):
                inner = fix(node.children, owner)
                out.append(node if inner is node.children else replace(node, children=inner))
            else:
                out.append(node)
        return run if all(a is b for a, b in zip(out, run, strict=False)) and len(out) == len(run) else tuple(out)

    def fix_run(run: tuple[m.Inline, ...], owner: m.Block) -> tuple[m.Inline, ...]:
        fixed = fix(drop_dangling_xrefs(run, known, owner, problems, opener), owner)
        return add_page_refs(fixed, known - figures.keys(), isinstance(owner, m.Table), opener)

    targets: _Targets = (frozenset(known), tuple(sorted(figures.items())))

    def fixed(block: m.Block, summary: _Summary) -> m.Block:
        # Most blocks hold no internal link: passed through untouched. The others are
        # fixed once per block and set of targets, and their warnings replayed.
        if not summary.internal_links:
            return block
        found = memo.fixes.get(block, targets)
        if found is None:
            start = len(problems)
            return memo.fixes.put(block, (map_inlines((block,), fix_run)[0], tuple(problems[start:])), targets)[0]
        problems.extend(found[1])
        return found[0]

    def section(section: m.Section, part: _Part) -> m.Section:
        if not part.internal_links:
            return section
        blocks = same_or(section.blocks, tuple(fixed(b, f) for b, f in zip(section.blocks, part.blocks, strict=True)))
        return section if blocks is section.blocks else replace(section, blocks=blocks)

    sections = tuple(section(s, part) for s, part in zip(doc.sections, summaries, strict=True))
    if strict and problems:
        raise BriefgenError([replace(p, severity="error") for p in problems])
    return replace(doc, sections=sections), problems


# "(see", "(see also", "(cf." opening a parenthesis, at the end of a text run
_XREF_OPEN = re.compile(r"\s*\((?:see|cf\.)(?:\s+also)?\s[^()]*$", re.IGNORECASE)


def xref_opener(words: str) -> re.Pattern[str]:
    """What opens a cross-reference in the project's language (`labels.see`, words
    separated by '|'), followed by "also" in English. (`re` keeps the compiled pattern.)"""
    if words == Labels().see:
        return _XREF_OPEN
    alternatives = sorted((w.strip() for w in words.split("|") if w.strip()), key=len, reverse=True)
    spelled = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alternatives)
    return re.compile(rf"\s*\((?:{spelled})\s[^()]*$", re.IGNORECASE)


def drop_dangling_xrefs(
    run: tuple[m.Inline, ...],
    known: set[str],
    owner: m.Block,
    problems: list[Diagnostic],
    opener: re.Pattern[str] = _XREF_OPEN,
) -> tuple[m.Inline, ...]:
    """`run` without its parenthesised cross-references whose every internal link has no
    target here; each one dropped is a warning at the block's line."""
    out = list(run)
    i = 0
    while i < len(out):
        node = out[i]
        opened = opener.search(node.text) if isinstance(node, m.Text) else None
        close = _closing(out, i + 1) if opened else None
        if opened is None or close is None:
            i += 1
            continue
        links = [n for n in out[i + 1 : close] if isinstance(n, m.Link)]
        dangling = [n for n in links if n.target.startswith("#") and n.target[1:] not in known]
        if not links or len(dangling) < len(links):
            i += 1
            continue
        after = out[close].text.split(")", 1)[1]  # type: ignore[union-attr]
        words = (opened.group(0) + plain_of(out[i + 1 : close]) + out[close].text.split(")", 1)[0] + ")").strip()  # type: ignore[union-attr]
        problems.append(
            Diagnostic(
                position(owner, run),
                f"cross-reference '{words}' dropped: {_names(dangling)} not in this document",
                "this cut leaves the section out; reword the sentence if it needs the reference",
                "warning",
            )
        )
        before = node.text[: opened.start()]  # type: ignore[union-attr]
        out[i : close + 1] = [m.Text(t) for t in (before + after,) if t]
    return run if len(out) == len(run) and all(a is b for a, b in zip(out, run, strict=True)) else tuple(out)


def position(owner: m.Block, run: tuple[m.Inline, ...]) -> Pos:
    """Where `run` is: its table row's line inside a table (found by identity, only
    when there is something to report), else its block's."""
    if isinstance(owner, m.Table) and len(owner.row_pos) == len(owner.rows):
        for pos, row in zip(owner.row_pos, owner.rows, strict=True):
            if any(cell.children is run for cell in row):
                return pos
    return getattr(owner, "pos", m.NOWHERE)


def _closing(run: list[m.Inline], start: int) -> int | None:
    """The index of the text node that closes a parenthesis opened before `start`."""
    for j in range(start, len(run)):
        node = run[j]
        if isinstance(node, m.Text) and ")" in node.text:
            return j if "(" not in node.text.split(")", 1)[0] else None
    return None


def plain_of(run: list[m.Inline]) -> str:
    return "".join(n.text if isinstance(n, m.Text) else plain_of(list(getattr(n, "children", ()))) for n in run)


def _names(links: list[m.Link]) -> str:
    targets = [n.target for n in links]
    return f"{targets[0]} is" if len(targets) == 1 else f"{', '.join(targets[:-1])} and {targets[-1]} are"


def add_page_refs(
    run: tuple[m.Inline, ...], pages: set[str], cell: bool, opener: re.Pattern[str] = _XREF_OPEN
) -> tuple[m.Inline, ...]:
    """`run` with a `PageRef` after each cross-reference to one of `pages`' anchors: the
    links inside "(see …)", and a link that is a table cell's whole content."""

    def paged(node: m.Inline) -> bool:
        return isinstance(node, m.Link) and node.target.startswith("#") and node.target[1:] in pages

    if cell and len(run) == 1 and paged(run[0]):
        return (run[0], m.PageRef(run[0].target[1:]))  # type: ignore[union-attr]
    out: list[m.Inline] = []
    inside = False
    for node in run:
        out.append(node)
        if isinstance(node, m.Text):
            inside = bool(opener.search(node.text)) or (inside and ")" not in node.text)
        elif inside and paged(node):
            out.append(m.PageRef(node.target[1:]))  # type: ignore[union-attr]
    return run if len(out) == len(run) else tuple(out)
