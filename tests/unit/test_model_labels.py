"""model.labels: the project's words around the text, English by default; placeholders
filled, split for Word fields, and checked before any writer runs."""

from __future__ import annotations

from dataclasses import fields

import pytest

from briefgen.model.labels import MEANINGS, PLACES, Labels, fill, parts, placeholder_problem
from briefgen.model.nodes import Meta


def test_every_label_has_a_meaning_an_english_default_and_a_field() -> None:
    assert [f.name for f in fields(Labels)] == list(MEANINGS)
    assert Labels().view() == {key: default for key, (default, _meaning) in MEANINGS.items()}
    assert set(PLACES) <= set(MEANINGS)
    for key, (default, _meaning) in MEANINGS.items():
        assert placeholder_problem(key, default) is None, key


def test_fill_and_parts() -> None:
    assert fill("Seite {page} von {pages}", page=2, pages=9) == "Seite 2 von 9"
    assert parts("Seite {page} von {pages}") == [("Seite ", "page"), (" von ", "pages")]
    escaped = parts("{{Abb.}} {number}")  # doubled braces are literal braces
    assert "".join(text for text, _name in escaped) == "{Abb.} " and [n for _t, n in escaped if n] == ["number"]


@pytest.mark.parametrize(
    ("key", "label", "problem"),
    [
        ("page_of", "Seite {seite}", "uses {seite}, which this label does not fill (it fills: {page}, {pages})"),
        ("notes", "Notizen {number}", "uses {number}, which this label does not fill (it fills: none)"),
        ("figure", "Abb. {number", "has a stray brace"),
    ],
)
def test_a_placeholder_the_label_does_not_fill_is_named(key: str, label: str, problem: str) -> None:
    found = placeholder_problem(key, label)
    assert found is not None and found.startswith(problem)


def test_meta_says_prepared_for_and_names_an_annex_in_the_projects_words() -> None:
    labels = Labels(prepared_for="Erstellt für {client}", annex="Länderanhang")
    meta = Meta("T", "", "", "", (), "annex", "", "annex", "general", client_name="Nord", labels=labels)  # type: ignore[arg-type]
    assert meta.prepared_for == "Erstellt für Nord"
    assert meta.cover_label == "Länderanhang"
    assert Meta("T", "", "", "", (), "full", "T", "report", "general").prepared_for == ""  # type: ignore[arg-type]
