"""The one-page summary and its page budget.

The summary is built as an ordinary model `Document` (layout "summary") from front
matter: the bottom line, key judgements, headline figures, a condensed stance matrix
and the contact line. When it does not fit, it degrades in a fixed order:

1. drop optional blocks (the stance matrix, then the optional key figures, then optional
   judgements, last first);
2. use the `short` variant of judgements, last first;
3. shrink the type in 0.25 pt steps down to the brand's `min_size`.

Fit is measured with reportlab's own layout (`wrap`) against the frame, less a safety
margin so that Word and LibreOffice, whose line breaking differs slightly, also stay
within the budget; the PDF is then built and its page count confirmed. The same plan
is used for both formats. If nothing fits, the build fails with the overflow in mm and
the items to shorten; no file is written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from typing import Any

from reportlab.lib.units import mm

from . import model as m
from .brand import Theme
from .errors import BriefgenError, Diagnostic, Pos
from .markdown import parse_body
from .pipeline import Assembled
from .project import Source

SAFETY = 0.93  # share of the frame height the plan may fill; the rest absorbs DOCX drift
STEP = 0.25


@dataclass(frozen=True)
class Item:
    """One judgement or block that the budget may drop or shorten."""

    key: str
    label: str
    pos: Pos
    priority: str
    text: str
    short: str = ""


@dataclass(frozen=True)
class Plan:
    dropped: frozenset[str] = frozenset()
    shortened: frozenset[str] = frozenset()
    size: float = 0.0

    def describe(self, items: dict[str, Item], base: float) -> list[str]:
        notes = [f"dropped {items[k].label} (optional)" for k in sorted(self.dropped, key=list(items).index)]
        notes += [f"used the short form of {items[k].label}" for k in sorted(self.shortened, key=list(items).index)]
        if self.size < base:
            notes.append(f"reduced the type from {base:g} pt to {self.size:g} pt")
        return notes


def _exec_source(assembled: Assembled) -> Source:
    for src in assembled.selection.sources:
        if src.meta["bottom_line"] or src.meta["key_judgements"]:
            return src
    raise BriefgenError(
        [
            Diagnostic(
                Pos("briefing.yaml"),
                "the summary needs a section with 'bottom_line' or 'key_judgements'",
                "add them to the executive summary's front matter",
            )
        ]
    )


def _inlines(text: str, pos: Pos, root: Any) -> tuple[m.Inline, ...]:
    blocks = parse_body(text, file=pos.file, line_of=lambda _i: pos.line, base=root, root=root)
    first = blocks[0] if blocks else None
    return first.children if isinstance(first, m.Paragraph) else (m.Text(text),)


def items_of(src: Source) -> dict[str, Item]:
    meta, lines, rel = src.meta, src.meta["pos_of"], src.rel
    items: dict[str, Item] = {}
    if meta["bottom_line"]:
        items["bottom"] = Item(
            "bottom", "the bottom line", Pos(rel, lines.get("bottom_line", 1)), "essential", meta["bottom_line"]
        )
    line = lines.get("key_judgements", 1)
    for i, j in enumerate(meta["key_judgements"], 1):
        items[f"j{i}"] = Item(f"j{i}", f"key judgement {i}", Pos(rel, line), j["priority"], j["text"], j["short"] or "")
    return items


def figures(assembled: Assembled, essential_only: bool = False) -> list[tuple[str, str]]:
    """Up to six headline figures: `key_figures` from front matter, then country borders.

    Key figures are optional unless marked `priority: essential`; borders are optional.
    When the budget gives up the optional figures, the essential ones stay.
    """
    found: list[tuple[str, str]] = []
    for src in assembled.selection.sources:
        found += [
            (f["value"], f["label"])
            for f in src.meta["key_figures"]
            if not essential_only or f["priority"] == "essential"
        ]
    if not essential_only:
        for src in assembled.selection.sources:
            if src.meta["kind"] == "country" and src.meta["border_km"] is not None:
                found.append((f"{src.meta['border_km']:,} km", f"{src.meta['name']}’s border with Afghanistan"))
    return found[:6]


def summary_document(assembled: Assembled, theme: Theme, plan: Plan) -> m.Document:
    src = _exec_source(assembled)
    items = items_of(src)
    root = src.path.parent
    meta = assembled.document.meta
    blocks: list[m.Block] = []
    if meta.subtitle:
        blocks.append(m.Paragraph((m.Text(meta.subtitle),), src_pos(src), "lead"))
    if "bottom" in items:
        b = items["bottom"]
        blocks.append(
            m.Callout("Bottom line", (m.Paragraph(_inlines(b.text, b.pos, root), b.pos),), "bottom-line", b.pos)
        )
    judgements = []
    for key, item in items.items():
        if key == "bottom" or key in plan.dropped:
            continue
        text = item.short if key in plan.shortened and item.short else item.text
        judgements.append(m.ListItem((m.Paragraph(_inlines(text, item.pos, root), item.pos),), item.pos))
    if judgements:
        blocks.append(m.Heading(2, (m.Text("Key judgements"),), "summary-judgements", src_pos(src)))
        blocks.append(m.OrderedList(tuple(judgements), 1, src_pos(src)))
    essential = figures(assembled, essential_only=True)
    figs = essential if "figures" in plan.dropped else figures(assembled)
    if figs and (len(figs) >= 3 or essential):  # a panel of one or two optional figures looks unfinished
        rows = tuple((m.Cell((m.Text(v),)), m.Cell((m.Text(label),))) for v, label in figs)
        blocks.append(m.Table((), rows, src_pos(src), kind="figures"))
    countries = [s for s in assembled.selection.sources if s.meta["kind"] == "country"]
    if countries and "matrix" not in plan.dropped:
        # Condensed: two countries side by side, so ten countries take five rows.
        head = (m.Cell((m.Text("Country (tier)"),)), m.Cell((m.Text("Stance on recognising the Taliban"),)))
        cells = [
            (
                m.Cell((m.Strong((m.Text(c.meta["name"]),)), m.Text(f" ({c.meta['tier']})"))),
                m.Cell((m.Text(c.meta["stance"]),)),
            )
            for c in countries
        ]
        half = (len(cells) + 1) // 2
        pairs = [
            cells[i] + (cells[i + half] if i + half < len(cells) else (m.Cell(()), m.Cell(()))) for i in range(half)
        ]
        header = (head + head,) if len(cells) > 1 else (head,)
        rows = tuple(pairs) if len(cells) > 1 else tuple(cells)
        blocks.append(m.Table(header, rows, src_pos(src), kind="data"))
    c = theme.contact
    contact = " · ".join(x for x in (theme.name, c.title, c.email, c.reply) if x)
    blocks.append(m.Paragraph((m.Text(contact),), src_pos(src), "small"))
    section = m.Section("summary", meta.title, 1, tuple(blocks), src_pos(src), "summary", False, {})
    return m.Document(replace(meta, layout="summary"), (section,))


def src_pos(src: Source) -> Pos:
    return Pos(src.rel, 1)


def optional_keys(assembled: Assembled, items: dict[str, Item]) -> list[str]:
    """Optional blocks in the order they are given up."""
    keys = ["matrix", "figures"]
    keys += [k for k in reversed(list(items)) if k != "bottom" and items[k].priority == "optional"]
    return keys


def plans(assembled: Assembled, theme: Theme, items: dict[str, Item]) -> list[Plan]:
    """Every plan the budget may try, least degraded first."""
    out = [Plan(size=theme.summary_size)]
    dropped: frozenset[str] = frozenset()
    for key in optional_keys(assembled, items):
        dropped |= {key}
        out.append(Plan(dropped, frozenset(), theme.summary_size))
    shortened: frozenset[str] = frozenset()
    for key in reversed([k for k in items if k != "bottom" and items[k].short and k not in dropped]):
        shortened |= {key}
        out.append(Plan(dropped, shortened, theme.summary_size))
    size = theme.summary_size
    while size - STEP >= theme.min_size - 1e-9:
        size = round(size - STEP, 2)
        out.append(Plan(dropped, shortened, size))
    return out


def measure(doc: m.Document, theme: Theme, size: float) -> tuple[float, float]:
    """(content height, available height) in points, using reportlab's wrap."""
    from reportlab.pdfgen.canvas import Canvas

    from .pdf.document import summary_story

    story, width, height = summary_story(doc, theme, size / theme.base_size)
    canvas = Canvas(io.BytesIO())
    used = 0.0
    for flowable in story:
        _, h = flowable.wrapOn(canvas, width, height)
        used += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return used, height


def fit_summary(assembled: Assembled, theme: Theme) -> tuple[m.Document, Any, float, tuple[str, ...]]:
    """Choose the least degraded plan that fits: (document, its PDF result, type scale, notes)."""
    from .pdf import write_pdf

    src = _exec_source(assembled)
    items = items_of(src)
    budget = assembled.selection.cut.page_budget
    chosen: Plan | None = None
    last: tuple[float, float] = (0.0, 1.0)
    for plan in plans(assembled, theme, items):
        doc = summary_document(assembled, theme, plan)
        used, height = measure(doc, theme, plan.size)
        last = (used, height)
        if used <= height * budget * SAFETY:
            pdf = write_pdf(doc, theme, scale=plan.size / theme.base_size)
            if pdf.pages <= budget:
                chosen = plan
                break
    if chosen is None:
        over = (last[0] - last[1] * budget * SAFETY) / mm
        lines = max(1, round(over * mm / (theme.min_size * 1.42)))
        essentials = sorted(
            (i for i in items.values() if i.priority == "essential"), key=lambda i: -len(i.short or i.text)
        )
        names = "; ".join(f"{i.label} at {i.pos} ({len(i.short or i.text)} characters)" for i in essentials[:3])
        raise BriefgenError(
            [
                Diagnostic(
                    src_pos(src),
                    f"the summary does not fit its {budget}-page budget: it overflows by {over:.0f} mm (about {lines} lines) even at the minimum type size {theme.min_size:g} pt with every optional block dropped",
                    f"shorten the longest essential items: {names}; or give judgements a shorter 'short' form",
                )
            ]
        )
    notes = tuple(
        f"summary: {n}"
        for n in chosen.describe(
            {
                **items,
                "matrix": Item("matrix", "the stance matrix", src_pos(src), "optional", ""),
                "figures": Item("figures", "the optional key figures", src_pos(src), "optional", ""),
            },
            theme.summary_size,
        )
    )
    return doc, pdf, chosen.size / theme.base_size, notes
