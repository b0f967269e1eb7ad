"""The one-page summary's plans: what each keeps, drops or shortens. A pure transform.

The summary is an ordinary deliverable made from the `summary.j2` template; what it says
comes from the selected sections' front matter: the bottom line and key judgements of
the executive section, and the key figures (plus the profiles' borders when the briefing
names them). This module turns that into the *items* the page budget may degrade and the
*plans* it may try, least degraded first:

1. drop optional blocks (the stance matrix, then the optional key figures, then optional
   judgements, last first);
2. use the `short` variant of judgements, last first;
3. shrink the type in 0.25 pt steps down to the brand's `min_size`.

`summary_view` is what the template sees as `summary` for one plan. Nothing here reads a
file or knows a writer: choosing the plan that fits the page is `build/summary.py`'s job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefgen.errors import Diagnostic, Pos
from briefgen.frozen import frozen

if TYPE_CHECKING:
    from briefgen.design.theme import Theme
    from briefgen.load.profiles import Profiles
    from briefgen.load.section import Source

STEP = 0.25
MAX_FIGURES = 6


@frozen
class Item:
    """One judgement or block that the budget may drop or shorten."""

    key: str
    label: str
    pos: Pos
    priority: str
    text: str
    short: str = ""


@frozen
class Plan:
    """One way to print the summary: the items it drops, those it shortens, its body type size."""

    dropped: frozenset[str] = frozenset()
    shortened: frozenset[str] = frozenset()
    size: float = 0.0

    def describe(self, items: dict[str, Item], base: float) -> list[str]:
        notes = [f"dropped {items[k].label} (optional)" for k in sorted(self.dropped, key=list(items).index)]
        notes += [f"used the short form of {items[k].label}" for k in sorted(self.shortened, key=list(items).index)]
        if self.size < base:
            notes.append(f"reduced the type from {base:g} pt to {self.size:g} pt")
        return notes


def exec_source(sources: tuple[Source, ...]) -> Source | None:
    """The section whose bottom line and key judgements the summary carries."""
    return next((s for s in sources if s.meta.has_exec), None)


NO_EXEC = Diagnostic(
    Pos("briefing.yaml"),
    "the summary needs a section with 'bottom_line' or 'key_judgements'",
    "add them to the executive summary's front matter",
)


def items_of(src: Source | None) -> dict[str, Item]:
    """The executive section's bottom line and key judgements, keyed "bottom", "j1", "j2", …"""
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


def notes(plan: Plan, items: dict[str, Item], pos: Pos, theme: Theme) -> tuple[str, ...]:
    """What the chosen plan changed, for the build's report ("summary: dropped …")."""
    named = {
        **items,
        "matrix": Item("matrix", "the stance matrix", pos, "optional", ""),
        "figures": Item("figures", "the optional key figures", pos, "optional", ""),
    }
    return tuple(f"summary: {n}" for n in plan.describe(named, theme.summary_size))
