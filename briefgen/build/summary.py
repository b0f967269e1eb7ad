"""The one-page summary's plans and page budget.

The summary is an ordinary deliverable: `pipeline.Assembler` renders the `summary.j2`
template (overridable like every template) through templating, parsing, filters, the
glyph check and links. What this module owns is the data that template sees for one
*plan*, and the choice of plan. When the content does not fit, it degrades in a fixed
order:

1. drop optional blocks (the stance matrix, then the optional key figures, then optional
   judgements, last first);
2. use the `short` variant of judgements, last first;
3. shrink the type in 0.25 pt steps down to the brand's `min_size`.

Fit is measured by the PDF writer (`pdf.measure`) against the frame, less a safety margin
so that Word and LibreOffice, whose line breaking differs slightly, also stay within the
budget; the PDF is then built and its page count confirmed. The same plan is used for
both formats. If nothing fits, the build fails with the overflow in mm and the items to
shorten; no file is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.load.profiles import Profiles
from briefgen.load.project import Source

if TYPE_CHECKING:
    from briefgen.build.assemble import Assembled
    from briefgen.load.brand import Theme
    from briefgen.model import nodes as m

SAFETY = 0.93  # share of the frame height the plan may fill; the rest absorbs DOCX drift
STEP = 0.25
MAX_FIGURES = 6
MM = 72 / 25.4


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


class Budget:
    """What the page budget chooses from: the items, every plan, and a document per plan.

    Documents are assembled when first asked for (`make`); plans that differ only in type
    size share one. A budget sent to a spawned worker, which has no assembler, takes
    every document along (see `__getstate__`).
    """

    def __init__(
        self,
        items: dict[str, Item],
        plans: tuple[Plan, ...],
        pos: Pos,
        pages: int,
        make: Callable[[Plan], m.Document] | None,
    ):
        self.items, self.plans, self.pos, self.pages = items, plans, pos, pages
        self._make = make
        self._docs: dict[tuple[frozenset[str], frozenset[str]], m.Document] = {}

    def document(self, plan: Plan) -> m.Document:
        key = (plan.dropped, plan.shortened)
        if key not in self._docs:
            assert self._make is not None, "every document travels with a pickled budget"
            self._docs[key] = self._make(plan)
        return self._docs[key]

    def __getstate__(self) -> dict[str, Any]:
        for plan in self.plans:
            self.document(plan)
        return {**self.__dict__, "_make": None}


def exec_source(sources: tuple[Source, ...]) -> Source | None:
    """The section whose bottom line and key judgements the summary carries."""
    return next((s for s in sources if s.meta.has_exec), None)


NO_EXEC = Diagnostic(
    Pos("briefing.yaml"),
    "the summary needs a section with 'bottom_line' or 'key_judgements'",
    "add them to the executive summary's front matter",
)


def items_of(src: Source | None) -> dict[str, Item]:
    if src is None:
        return {}
    meta, rel = src.meta, src.rel
    items: dict[str, Item] = {}
    if meta.bottom_line:
        items["bottom"] = Item(
            "bottom", "the bottom line", Pos(rel, meta.line("bottom_line")), "essential", meta.bottom_line
        )
    for i, j in enumerate(meta.key_judgements, 1):
        at = Pos(rel, j.line or meta.line("key_judgements"))
        items[f"j{i}"] = Item(f"j{i}", f"key judgement {i}", at, j.priority, j.text, j.short or "")
    return items


def _figures(sources: tuple[Source, ...], profiles: Profiles, essential_only: bool) -> list[dict[str, Any]]:
    """Up to six headline figures: `key_figures` from front matter, then profiles' borders
    when the briefing names them (`profiles.border_figure`).

    Key figures are optional unless marked `priority: essential`; borders are optional.
    When the budget gives up the optional figures, the essential ones stay.
    """
    found = [
        {"value": f.value, "label": f.label, "file": f.file, "line": f.line}
        for src in sources
        for f in src.meta.key_figures
        if not essential_only or f.priority == "essential"
    ]
    if not essential_only and profiles.border_figure:
        found += [
            {
                "value": f"{src.meta.border_km:,} km",
                "label": profiles.border_figure.replace("{name}", src.meta.name),
                "file": src.rel,
                "line": src.meta.line("border_km"),
            }
            for src in sources
            if src.meta.is_country and src.meta.border_km is not None
        ]
    return found[:MAX_FIGURES]


def summary_view(plan: Plan, sources: tuple[Source, ...], profiles: Profiles) -> dict[str, Any]:
    """What `summary.j2` sees as `summary` for one plan: the items it keeps, as written.

    Each item carries its `file` and `line`, so that `at(item)` in the template points
    errors in the generated page (a glyph the fonts lack, say) at the item's own line.
    """
    items = items_of(exec_source(sources))
    bottom = items.get("bottom")
    judgements = [
        {"text": i.short if k in plan.shortened and i.short else i.text, "file": i.pos.file, "line": i.pos.line}
        for k, i in items.items()
        if k != "bottom" and k not in plan.dropped
    ]
    essential = _figures(sources, profiles, essential_only=True)
    figures = essential if "figures" in plan.dropped else _figures(sources, profiles, essential_only=False)
    if not essential and len(figures) < 3:
        figures = []  # a panel of one or two optional figures looks unfinished
    countries = any(s.meta.is_country for s in sources)
    return {
        "bottom_line": {"text": bottom.text, "file": bottom.pos.file, "line": bottom.pos.line} if bottom else None,
        "judgements": judgements,
        "figures": figures,
        "matrix": countries and "matrix" not in plan.dropped,
    }


def plans(items: dict[str, Item], theme: Theme) -> tuple[Plan, ...]:
    """Every plan the budget may try, least degraded first."""
    out = [Plan(size=theme.summary_size)]
    dropped: frozenset[str] = frozenset()
    optional = ["matrix", "figures"]
    optional += [k for k in reversed(list(items)) if k != "bottom" and items[k].priority == "optional"]
    for key in optional:
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
    return tuple(out)


def fit_summary(assembled: Assembled, theme: Theme) -> tuple[m.Document, Any, float, tuple[str, ...]]:
    """Choose the least degraded plan that fits: (document, its PDF result, type scale, notes)."""
    from briefgen.writers.pdf import measure, write_pdf

    budget = assembled.budget
    assert budget is not None, "a summary is assembled with its budget"
    if not budget.items:
        raise BriefgenError([NO_EXEC])
    chosen: Plan | None = None
    last: tuple[float, float] = (0.0, 1.0)
    for plan in budget.plans:
        doc = budget.document(plan)
        used, height = measure(doc, theme, plan.size / theme.base_size)
        last = (used, height)
        if used <= height * budget.pages * SAFETY:
            pdf = write_pdf(doc, theme, scale=plan.size / theme.base_size)
            if pdf.pages <= budget.pages:
                chosen = plan
                break
    if chosen is None:
        raise BriefgenError([_overflow(budget, theme, last)])
    named = {
        **budget.items,
        "matrix": Item("matrix", "the stance matrix", budget.pos, "optional", ""),
        "figures": Item("figures", "the optional key figures", budget.pos, "optional", ""),
    }
    notes = tuple(f"summary: {n}" for n in chosen.describe(named, theme.summary_size))
    return doc, pdf, chosen.size / theme.base_size, notes


def _overflow(budget: Budget, theme: Theme, last: tuple[float, float]) -> Diagnostic:
    over = (last[0] - last[1] * budget.pages * SAFETY) / MM
    lines = max(1, round(over * MM / (theme.min_size * 1.42)))
    essentials = sorted(
        (i for i in budget.items.values() if i.priority == "essential"), key=lambda i: -len(i.short or i.text)
    )
    names = "; ".join(f"{i.label} at {i.pos} ({len(i.short or i.text)} characters)" for i in essentials[:3])
    return Diagnostic(
        budget.pos,
        f"the summary does not fit its {budget.pages}-page budget: it overflows by {over:.0f} mm (about {lines} lines) even at the minimum type size {theme.min_size:g} pt with every optional block dropped",
        f"shorten the longest essential items: {names}; or give judgements a shorter 'short' form",
    )
