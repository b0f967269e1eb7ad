"""How chart values read: numbers, units, currencies and dates, the same in labels and alt text.

Currencies are never converted. A series named by a known ISO 4217 code is a currency:
its values are labelled with its own symbol ("$64 million", "€200 million") and its
legend entry names it, so that no reader takes euros for dollars.
"""

from __future__ import annotations

import datetime as dt

from briefgen.design.wording import MONTHS

# code → (symbol written before the number, legend name). Symbols are all in Noto Sans.
CURRENCIES: dict[str, tuple[str, str]] = {
    "USD": ("$", "US dollars"),
    "EUR": ("€", "euros"),
    "GBP": ("£", "pounds sterling"),
    "JPY": ("¥", "Japanese yen"),
    "CNY": ("CN¥", "Chinese yuan"),
    "INR": ("₹", "Indian rupees"),
    "RUB": ("₽", "Russian roubles"),
    "CHF": ("CHF ", "Swiss francs"),
    "CAD": ("C$", "Canadian dollars"),
    "AUD": ("A$", "Australian dollars"),
}

# A unit that grows into the next one when values reach a thousand of it.
_NEXT_UNIT = {"thousand": "million", "million": "billion", "billion": "trillion"}
_NO_SPACE_UNITS = {"%", "‰", "°"}


def is_currency(series: str) -> bool:
    return series.upper() in CURRENCIES


def series_name(series: str) -> str:
    """The legend text: a currency's name and code ("US dollars (USD)"), else the series as written."""
    code = series.upper()
    if code in CURRENCIES:
        name = CURRENCIES[code][1]
        return f"{name[0].upper()}{name[1:]} ({code})"
    return series


def number(value: float) -> str:
    """1135 → "1,135"; 12.5 → "12.5"; 0.25 → "0.25"; -3 → "-3" (Noto Sans has no U+2212 minus)."""
    text = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    return ("-" if value < 0 and text != "0" else "") + text  # -0.001 reads "0", not "-0"


def amount(value: float, unit: str = "", series: str = "", qualifier: str = "") -> str:
    """A value as a reader should see it: "$64 million", "more than $1 billion", "1,135 km", "12%"."""
    while unit in _NEXT_UNIT and abs(value) >= 1000:
        value, unit = value / 1000, _NEXT_UNIT[unit]
    text = number(value)
    symbol = CURRENCIES.get(series.upper(), ("", ""))[0]
    if symbol:
        text = ("-" if text.startswith("-") else "") + symbol + text.lstrip("-")
    if unit:
        text += unit if unit in _NO_SPACE_UNITS else f" {unit}"
    return f"{qualifier} {text}" if qualifier else text


def axis_caption(unit: str, series: list[str]) -> str:
    """What the value axis counts, saying plainly when currencies sit side by side unconverted."""
    currencies = [s.upper() for s in series if is_currency(s)]
    if len(currencies) > 1:
        return _first_upper(f"{unit + ', ' if unit else ''}in the currency announced (not converted)")
    if currencies:
        name = CURRENCIES[currencies[0]][1]
        return _first_upper(f"{unit} {name}".strip())
    return _first_upper(unit)


def _first_upper(text: str) -> str:
    """Capitalise the first letter only: "million US dollars", not "million us dollars"."""
    return text[:1].upper() + text[1:]


def day(date: dt.date, *, year: bool = True) -> str:
    """A date as written in the text: "14 April 2021", or "14 April" when the year is plain."""
    return f"{date.day} {MONTHS[date.month - 1]}" + (f" {date.year}" if year else "")


def nice_step(span: float, target: int = 5) -> float:
    """A tick step of 1, 2, 2.5 or 5 × 10ⁿ giving about `target` intervals over `span`."""
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** _floor_log10(raw)
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _floor_log10(x: float) -> int:
    n = 0
    while x >= 10:
        x, n = x / 10, n + 1
    while x < 1:
        x, n = x * 10, n - 1
    return n


def ticks(low: float, high: float, target: int = 5) -> list[float]:
    """Round tick values covering [low, high]; the first is ≤ low and the last ≥ high."""
    step = nice_step(high - low, target)
    start = (low // step) * step
    out = [start]
    while out[-1] < high - 1e-9 * step:
        out.append(round(out[-1] + step, 10))
    return out
