"""How dates and numbers read in every edition: the same words in templates, covers, bands and charts."""

from __future__ import annotations

from datetime import date as _date
from typing import Any

from briefgen.model.layout import Layout

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(value: Any) -> str:
    """'2021-08-15' -> '15 August 2021'; '2021-08' -> 'August 2021'; other text unchanged."""
    parts = str(value).split("-")
    try:
        if len(parts) == 3:
            d = _date(int(parts[0]), int(parts[1]), int(parts[2]))
            return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        if len(parts) == 2 and 1 <= int(parts[1]) <= 12:  # month 0 would index December
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return str(value)


def thousands(value: Any) -> str:
    """1135 -> '1,135'; other values unchanged."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = f"{value:,}"
        # Trailing zeros of decimals only: 1e+20 must not lose the zero of its exponent.
        return text.rstrip("0").rstrip(".") if isinstance(value, float) and "." in text and "e" not in text else text
    return str(value)


def running_foot(footer: str, document_id: str, client_name: str) -> str:
    """The brand's footer line on body pages: a client's copy adds its document id, so a
    printed page can be traced to the deliverable it came from."""
    if client_name and document_id:
        return f"{footer} · {document_id}" if footer else document_id
    return footer


def running_title(title: str, cut_title: str, layout: Layout) -> str:
    """The title in the running head: an annex's is its cut's (the report's title is on its cover)."""
    return cut_title if layout == Layout.ANNEX and cut_title else title
