"""charts.alt: the alternative text generated from a chart's rows, values read as the labels read."""

from __future__ import annotations

import datetime as dt

from briefgen.charts.alt import alt_text
from briefgen.charts.spec import ChartSpec, Datum, Event, Place


def test_the_specs_own_alt_wins() -> None:
    assert alt_text(ChartSpec("bar", (Datum("A", 1),), title="T", alt="Written by hand.")) == "Written by hand."


def test_a_bar_chart_lists_each_bar_with_its_amount_and_the_source() -> None:
    spec = ChartSpec(
        "bar",
        (Datum("Norway", 2500, "NOK", "about"), Datum("Sweden", 12.5, note="in kind")),
        title="Aid.",
        unit="thousand",
        source="Ministry.",
    )
    assert (
        alt_text(spec) == "Bar chart: Aid. Norway, about 2.5 million; Sweden, 12.5 thousand in kind. Source: Ministry."
    )


def test_two_currencies_are_said_to_be_unconverted_one_is_not() -> None:
    two = ChartSpec("bar", (Datum("A", 1, "USD"), Datum("B", 2, "EUR")))
    assert alt_text(two) == "Bar chart. A, $1; B, €2. Amounts are in the currency announced and are not converted."
    one = ChartSpec("bar", (Datum("A", 1, "USD"), Datum("B", 2, "USD")))
    assert alt_text(one) == "Bar chart. A, $1; B, $2."


def test_a_line_chart_gives_first_last_and_highest_per_series() -> None:
    rows = (
        Datum("2019", 5, "USD"),
        Datum("2020", 9, "USD"),
        Datum("2021", 7, "USD"),
        Datum("2020", 3, "north"),
    )
    assert alt_text(ChartSpec("line", rows, title="Trade", unit="million")) == (
        "Line chart: Trade. US dollars (USD): from $5 million (2019) to $7 million (2021), highest $9 million (2020); north: 3 million (2020)."
    )
    assert alt_text(ChartSpec("line", (Datum("a", 1), Datum("b", 2)))) == (
        "Line chart. From 1 (a) to 2 (b), highest 2 (b)."
    )


def test_a_timeline_reads_its_events_in_date_order() -> None:
    rows = (Event(dt.date(2021, 8, 15), "Second."), Event(dt.date(2021, 4, 14), "First"))
    assert alt_text(ChartSpec("timeline", rows)) == "Timeline. 14 April 2021: First. 15 August 2021: Second."


def test_a_map_names_the_focus_and_each_tier_in_the_projects_words() -> None:
    rows = (
        Place("NOR", "Norway", 1),
        Place("SWE", "Sweden", 1, "long border"),
        Place("FIN", "Finland", 2),
    )
    spec = ChartSpec("map", rows, title="Neighbours", focus="NOR", tiers=("Borders",))
    assert alt_text(spec) == "Map: Neighbours. Norway is highlighted. Borders: Sweden (long border). Tier 2: Finland."
    assert alt_text(ChartSpec("map", rows[1:2])) == "Map. Tier 1: Sweden (long border)."


def test_a_map_names_every_tier_it_shows_up_to_nine_in_order() -> None:
    rows = (Place("SWE", "Sweden", 9), Place("FIN", "Finland", 3), Place("DNK", "Denmark", 1))
    assert alt_text(ChartSpec("map", rows)) == "Map. Tier 1: Denmark. Tier 3: Finland. Tier 9: Sweden."


def test_a_locator_names_its_countries() -> None:
    assert alt_text(ChartSpec("locator", (), focus="NOR")) == "Locator map: Norway"
    assert alt_text(ChartSpec("locator", (), focus="NOR", context="NOR")) == "Locator map: Norway"
    assert alt_text(ChartSpec("locator", (), focus="NOR", context="SWE")) == "Locator map: Norway and Sweden"
