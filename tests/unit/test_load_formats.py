"""load.formats: the declared keys of every file, their checks and their nested tables."""

from __future__ import annotations

import pytest

from briefgen.load.formats import (
    BRIEFING_FIELDS,
    BUILTIN_CUTS,
    CLIENT_FIELDS,
    CUT_FIELDS,
    EVENT_FIELDS,
    FACT_FIELDS,
    FIGURE_FIELDS,
    JUDGEMENT_FIELDS,
    LAYOUTS,
    PROFILE_FIELDS,
    SECTION_FIELDS,
    TIER_FIELDS,
    is_date,
    is_event_date,
    is_ident,
    is_tier,
)
from briefgen.load.schema import json_of

TABLES = {
    "briefing": BRIEFING_FIELDS,
    "section": SECTION_FIELDS,
    "cut": CUT_FIELDS,
    "client": CLIENT_FIELDS,
    "profiles": PROFILE_FIELDS,
}


@pytest.mark.parametrize(
    ("check", "good", "bad", "says"),
    [
        (is_date, "2021-09-30", "30.9.2021", 'must be a date written as "YYYY-MM-DD" (in quotes)'),
        (is_event_date, "2021-09", "Sept 2021", 'must be "YYYY-MM-DD", "YYYY-MM" or "YYYY" in quotes'),
        (is_ident, "annex-2_b", "-annex", "must be a simple name of letters, digits, '-' and '_'"),
        (is_tier, 9, 10, "must be a whole number from 1 to 9"),
    ],
)
def test_value_checks_accept_and_refuse(check: object, good: object, bad: object, says: str) -> None:
    assert check(good) is None  # type: ignore[operator]
    assert check(bad) == says  # type: ignore[operator]


def test_a_tier_is_no_boolean_and_an_event_year_is_text() -> None:
    assert is_tier(True) == "must be a whole number from 1 to 9"
    assert is_event_date(2021) is not None and is_event_date("2021") is None


def test_the_checks_patterns_are_their_json_schemas() -> None:
    assert json_of(is_date) == {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    assert json_of(is_tier) == {"type": "integer", "minimum": 1, "maximum": 9}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_key_says_what_it_means(name: str) -> None:
    for key, spec in TABLES[name].items():
        assert spec.doc.strip(), f"{name}.{key} has no meaning"
        assert not (spec.required and spec.default is not None), f"{name}.{key}: required with a default"


def test_nested_tables_are_declared_on_their_keys() -> None:
    assert BRIEFING_FIELDS["cuts"].fields is CUT_FIELDS and BRIEFING_FIELDS["cuts"].keyed
    assert BRIEFING_FIELDS["profiles"].fields is PROFILE_FIELDS and not BRIEFING_FIELDS["profiles"].keyed
    assert PROFILE_FIELDS["tiers"].fields is TIER_FIELDS
    nested = {k: SECTION_FIELDS[k].fields for k in ("events", "key_facts", "key_judgements", "key_figures")}
    assert nested == {
        "events": EVENT_FIELDS,
        "key_facts": FACT_FIELDS,
        "key_judgements": JUDGEMENT_FIELDS,
        "key_figures": FIGURE_FIELDS,
    }


def test_the_built_in_cuts_use_declared_layouts_and_only_cut_keys() -> None:
    assert set(BUILTIN_CUTS) == {"full", "annex", "summary"}
    for cut in BUILTIN_CUTS.values():
        assert set(cut) == set(CUT_FIELDS)
        assert cut["layout"] in LAYOUTS
    assert BUILTIN_CUTS["annex"]["include"] == ["countries"]
