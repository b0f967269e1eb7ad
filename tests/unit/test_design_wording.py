"""design.wording: how dates and numbers read in every edition, and the running head's
title and footer line, worded once for both formats."""

from __future__ import annotations

import pytest

from briefgen.design.wording import MONTHS, long_date, running_foot, running_title, thousands
from briefgen.model.layout import Layout


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-08-15", "15 August 2021"), ("2021-08", "August 2021"), ("2021-13", "2021-13"), ("soon", "soon")],
)
def test_long_date(value: str, expected: str) -> None:
    assert long_date(value) == expected


def test_thousands() -> None:
    assert (thousands(1135), thousands(1234.50), thousands(True), thousands("x")) == ("1,135", "1,234.5", "True", "x")


def test_running_foot_and_title_are_worded_once_for_both_formats() -> None:
    assert running_foot("Org · Research", "DOC-1", "Client") == "Org · Research · DOC-1"
    assert running_foot("Org · Research", "DOC-1", "") == "Org · Research"
    assert running_foot("", "DOC-1", "Client") == "DOC-1"
    assert running_title("Report", "Country annex", Layout.ANNEX) == "Country annex"
    assert running_title("Report", "Country annex", Layout.REPORT) == "Report"


def test_long_date_names_every_month_and_checks_the_day() -> None:
    assert [long_date(f"2020-{n:02d}-01").split()[1] for n in range(1, 13)] == list(MONTHS)
    assert long_date("2021-02-30") == "2021-02-30"  # no such day: left as written
    assert long_date("2021-00") == "2021-00"  # month 0 does not wrap round to December


def test_thousands_keeps_a_float_s_significant_digits() -> None:
    assert thousands(2500.0) == "2,500"  # a whole float reads as an integer
    assert thousands(0.25) == "0.25"
    assert thousands(1_000_000) == "1,000,000"


def test_thousands_never_strips_a_zero_from_an_exponent() -> None:
    assert thousands(1e20) == "1e+20"  # too big for plain digits: Python writes an exponent, kept whole
    assert thousands(1.5e-7) == "1.5e-07"
