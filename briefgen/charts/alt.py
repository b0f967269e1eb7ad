"""Alternative text: one plain sentence (or a few) saying what a chart shows, built from its data.

Used when a spec has no `alt:`. It states the values as the labels do, currencies and
all, so a screen-reader user gets the same facts as a sighted one.
"""

from __future__ import annotations

from briefgen.charts import values as fmt
from briefgen.charts.spec import ChartSpec, Datum, Event, Place


def alt_text(spec: ChartSpec) -> str:
    """The spec's own `alt`, else a sentence generated from its rows."""
    if spec.alt:
        return spec.alt
    if spec.type == "locator":
        return _locator(spec)
    what = {"bar": "Bar chart", "line": "Line chart", "timeline": "Timeline", "map": "Map"}[spec.type]
    head = f"{what}: {spec.title.rstrip('.')}." if spec.title else f"{what}."
    body = {"bar": _bars, "line": _lines, "timeline": _events, "map": _places}[spec.type](spec)
    tail = f" Source: {spec.source.rstrip('.')}." if spec.source else ""
    return f"{head} {body}{tail}"


def _value(spec: ChartSpec, row: Datum) -> str:
    text = fmt.amount(row.value, spec.unit, row.series, row.qualifier)
    return f"{text} {row.note}" if row.note else text


def _bars(spec: ChartSpec) -> str:
    rows = [r for r in spec.rows if isinstance(r, Datum)]
    items = "; ".join(f"{r.label}, {_value(spec, r)}" for r in rows)
    currencies = [s for s in spec.series if fmt.is_currency(s)]
    note = " Amounts are in the currency announced and are not converted." if len(currencies) > 1 else ""
    return f"{items}.{note}"


def _lines(spec: ChartSpec) -> str:
    rows = [r for r in spec.rows if isinstance(r, Datum)]
    parts = []
    for series in spec.series:
        points = [r for r in rows if r.series == series]
        first, last = points[0], points[-1]
        name = f"{fmt.series_name(series)}: " if series else ""
        if len(points) == 1:
            parts.append(f"{name}{_value(spec, first)} ({first.label})")
            continue
        high = max(points, key=lambda r: r.value)
        parts.append(
            f"{name}from {_value(spec, first)} ({first.label}) to {_value(spec, last)} ({last.label}), "
            f"highest {_value(spec, high)} ({high.label})"
        )
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]


def _events(spec: ChartSpec) -> str:
    events = sorted((r for r in spec.rows if isinstance(r, Event)), key=lambda e: e.date)
    return " ".join(f"{fmt.day(e.date)}: {e.label.rstrip('.')}." for e in events)


def _places(spec: ChartSpec) -> str:
    from briefgen.geo import world

    places = [r for r in spec.rows if isinstance(r, Place) and r.iso3 != spec.focus]

    def named(tier: int) -> str:
        return ", ".join(f"{p.name} ({p.label})" if p.label else p.name for p in places if p.tier == tier)

    def tier(n: int) -> str:  # the legend's wording (the project's, else neutral)
        return spec.tiers[n - 1] if n <= len(spec.tiers) else f"Tier {n}"

    parts = [f"{world().by_iso3(spec.focus).name} is highlighted."] if spec.focus else []
    parts += [f"{tier(n)}: {named(n)}." for n in sorted({p.tier for p in places})]  # every tier shown, 1–9
    return " ".join(parts)


def _locator(spec: ChartSpec) -> str:
    from briefgen.geo import world

    focus = world().by_iso3(spec.focus).name
    if not spec.context or spec.context == spec.focus:
        return f"Locator map: {focus}"
    return f"Locator map: {focus} and {world().by_iso3(spec.context).name}"
