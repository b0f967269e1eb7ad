"""cli.schemagen: JSON Schemas (draft 2020-12) and the README's key tables read off the
`Field` tables: required keys, defaults, nested tables, no unknown keys."""

from __future__ import annotations

import pytest

from briefgen.cli import schemagen
from briefgen.load.brand import BRAND_FIELDS


@pytest.mark.parametrize("kind", list(schemagen.TABLES))
def test_each_schema_is_a_closed_object_of_its_table(kind: str) -> None:
    schema = schemagen.json_schema(kind)
    fields = schemagen.TABLES[kind][0]
    assert schema["$schema"] == schemagen.DRAFT and schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(fields)
    assert set(schema.get("required", [])) == {k for k, f in fields.items() if f.required}
    assert all(p["description"] for p in schema["properties"].values())


def test_nested_tables_and_defaults_appear_in_place() -> None:
    brand = schemagen.json_schema("brand")
    colours = brand["properties"]["colors"]
    assert set(colours["properties"]) == set(BRAND_FIELDS["colors"].fields or {})
    assert colours["properties"]["panel"]["default"] == "#EEF2F6"
    assert "primary" in colours["required"]


def test_the_markdown_table_lists_nested_keys_with_dots() -> None:
    table = schemagen.markdown("brand")
    lines = table.splitlines()
    assert lines[:2] == ["| key | type | default | meaning |", "|---|---|---|---|"]
    assert any(line.startswith("| `colors.primary` |") and "| required |" in line for line in lines)
    assert any(line.startswith("| `contact.items` |") for line in lines)


def test_update_readme_regenerates_only_the_marked_blocks() -> None:
    text = "intro\n<!-- keys:client -->\nstale\n<!-- /keys -->\noutro\n"
    updated = schemagen.update_readme(text)
    assert updated.startswith("intro\n<!-- keys:client -->\n| key |") and updated.endswith("<!-- /keys -->\noutro\n")
    assert "stale" not in updated and schemagen.update_readme(updated) == updated
