"""geo: the world index: countries by ISO3 code, name or alias, blind to case, accents and
punctuation, and a did-you-mean for names it does not know."""

from __future__ import annotations

import pytest

from briefgen import geo

HOW_TO_NAME = "use the country's English name (e.g. 'Norway', 'Ivory Coast') or its ISO 3166 alpha-3 code (NOR)"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Türkiye", "TUR"),
        ("turkey", "TUR"),
        ("DEU", "DEU"),
        ("deu", "DEU"),
        ("germany", "DEU"),
        ("Germany!", "DEU"),
        ("  norway ", "NOR"),
        ("Holland", "NLD"),
        ("NORWAY", "NOR"),
    ],
)
def test_lookup_ignores_case_accents_spaces_and_punctuation(name: str, code: str) -> None:
    country = geo.lookup(name)
    assert country is not None and country.iso3 == code


def test_every_country_is_found_by_its_own_code_and_short_name() -> None:
    wrong = [
        c.iso3
        for c in geo.world().countries
        if geo.lookup(c.iso3) is not c or geo.lookup(c.name) is not c  # an alias never shadows a code or name
    ]
    assert wrong == []


def test_by_iso3_and_lookup_agree() -> None:
    norway = geo.world().by_iso3("NOR")
    assert norway is geo.lookup("Kingdom of Norway")
    assert (norway.name, norway.capital, norway.continent) == ("Norway", "Oslo", "Europe")
    assert {"SWE", "FIN", "RUS"} <= norway.neighbours
    with pytest.raises(KeyError):
        geo.world().by_iso3("nor")  # codes are exact: lookup is the forgiving door


@pytest.mark.parametrize("name", ["Atlantis", "", "XKX", "!!!"])
def test_unknown_names_are_none_with_advice_on_naming(name: str) -> None:
    assert geo.lookup(name) is None
    assert geo.suggestion(name) == HOW_TO_NAME


@pytest.mark.parametrize(("typo", "meant"), [("Swedn", "Sweden"), ("Tajikstan", "Tajikistan"), ("Finnland", "Finland")])
def test_near_misses_get_did_you_mean(typo: str, meant: str) -> None:
    assert geo.lookup(typo) is None
    assert geo.suggestion(typo) == f"did you mean '{meant}'?"


def test_names_lists_each_code_then_its_name() -> None:
    listed = geo.names()
    countries = geo.world().countries
    assert len(listed) == 2 * len(countries)
    assert listed[:2] == [countries[0].iso3, countries[0].name]
    assert "NOR" in listed[::2] and "Norway" in listed[1::2]
