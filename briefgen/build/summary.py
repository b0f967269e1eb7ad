"""The one-page summary's page budget: the least degraded plan that fits.

What each plan keeps, drops or shortens is `transform/summary.py`'s; `build/assemble.py`
makes a plan's document through the pipeline (`summary.j2` templated, parsed, filtered,
glyph-checked, linked). This module owns the choice: plans are tried in order, and fit
is measured by the PDF writer's public `measure` against the frame, less a safety margin
so that Word and LibreOffice, whose line breaking differs slightly, also stay within the
budget; the PDF is then built and its page count confirmed. The same plan is used for
both formats. If nothing fits, the build fails with the overflow in mm and the items to
shorten; no file is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.transform.summary import NO_EXEC, Item, Plan, notes

if TYPE_CHECKING:
    from briefgen.design.theme import Theme
    from briefgen.model import nodes as m

SAFETY = 0.93  # share of the frame height the plan may fill; the rest absorbs DOCX drift
MM = 72 / 25.4


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


def fit_summary(budget: Budget | None, theme: Theme) -> tuple[m.Document, Any, float, tuple[str, ...]]:
    """Choose the least degraded plan that fits: (document, its PDF result, type scale, notes)."""
    from briefgen.writers.pdf import measure, write_pdf

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
    return doc, pdf, chosen.size / theme.base_size, notes(chosen, budget.items, budget.pos, theme)


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
