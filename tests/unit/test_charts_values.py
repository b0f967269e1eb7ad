"""charts.values: how numbers, units, currencies and dates read; currencies are never converted."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.charts import values


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1135, "1,135"),
        (12.5, "12.5"),
        (0.25, "0.25"),
        (-3, "-3"),
        (-1234.5, "-1,234.5"),
        (1e6, "1,000,000"),
        (7.0, "7"),
        (-0.001, "0"),  # rounds to nothing: no minus sign before it
        (-0.004, "0"),
        (-0.005, "-0.01"),
    ],
)
def test_number_uses_thousands_commas_and_at_most_two_decimals(value: float, text: str) -> None:
    assert values.number(value) == text


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((1500, "thousand", "GBP"), "£1.5 million"),
        ((2_000_000, "thousand"), "2 billion"),
        ((-2500, "million", "usd"), "-$2.5 billion"),
        ((999, "million", "JPY"), "¥999 million"),
        ((5, "", "CHF"), "CHF 5"),
        ((5, "", "CAD"), "C$5"),
        ((3, "°"), "3°"),
        ((4, "‰"), "4‰"),
        ((1500, "km"), "1,500 km"),
        ((10, "", "North"), "10"),
        ((10, "", "", "about"), "about 10"),
    ],
)
def test_amount_reads_as_written_and_grows_only_named_units(args: tuple, text: str) -> None:
    assert values.amount(*args) == text


def test_a_currency_keeps_its_own_symbol_whatever_the_size() -> None:
    # Growing the unit changes the words, never the currency: no conversion between series.
    assert values.amount(1200, "million", "EUR") == "€1.2 billion"
    assert values.amount(1200, "million", "USD") == "$1.2 billion"
    assert values.amount(1200, "million", "RUB") == "₽1.2 billion"


def test_is_currency_knows_iso_codes_in_any_case() -> None:
    assert [values.is_currency(s) for s in ("usd", "Eur", "INR", "XYZ", "", "North")] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]


def test_series_name_names_a_currency_and_its_code() -> None:
    assert values.series_name("usd") == "US dollars (USD)"
    assert values.series_name("gbp") == "Pounds sterling (GBP)"
    assert values.series_name("North region") == "North region"


@pytest.mark.parametrize(
    ("unit", "series", "caption"),
    [
        ("million", ["USD", "EUR"], "Million, in the currency announced (not converted)"),
        ("", ["usd", "eur"], "In the currency announced (not converted)"),
        ("million", ["eur"], "Million euros"),
        ("", ["JPY"], "Japanese yen"),
        ("million", ["North", "South"], "Million"),
        ("%", [], "%"),
        ("", [""], ""),
    ],
)
def test_axis_caption_says_when_currencies_are_not_converted(unit: str, series: list[str], caption: str) -> None:
    assert values.axis_caption(unit, series) == caption


def test_day_writes_the_month_in_words() -> None:
    assert values.day(dt.date(2021, 4, 4)) == "4 April 2021"
    assert values.day(dt.date(2021, 12, 31), year=False) == "31 December"


@pytest.mark.parametrize(
    ("span", "step"), [(0, 1.0), (-5, 1.0), (7, 2), (10, 2), (0.3, 0.1), (1234, 250), (12, 2.5), (100, 20)]
)
def test_nice_step_is_1_2_2_5_or_5_times_a_power_of_ten(span: float, step: float) -> None:
    assert values.nice_step(span) == pytest.approx(step)


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (3, 97, [0, 20, 40, 60, 80, 100]),
        (-12, 12, [-15, -10, -5, 0, 5, 10, 15]),
        (0.1, 0.95, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
    ],
)
def test_ticks_cover_the_range_with_round_values(low: float, high: float, expected: list[float]) -> None:
    got = values.ticks(low, high)
    assert got == pytest.approx(expected)
    assert got[0] <= low and got[-1] >= high


def test_a_currency_amount_that_rounds_to_zero_has_no_minus() -> None:
    assert values.amount(-0.001, series="USD") == "$0"
    assert values.amount(-2, series="USD") == "-$2"
