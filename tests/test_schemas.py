"""The editors' JSON Schemas and the README's key tables, both derived from the field
tables: the schemas accept the sample's files and refuse misspelt keys, name every key
the validation knows, and the README's tables are exactly the generated ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from support import ROOT

from briefgen.cli.main import main
from briefgen.cli.schemagen import TABLES, json_schema, markdown, update_readme
from briefgen.load.brand import BRAND_FIELDS
from briefgen.load.formats import BRIEFING_FIELDS, CLIENT_FIELDS, SECTION_FIELDS
from briefgen.load.schema import Field


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def sample_files() -> list[tuple[str, Path]]:
    files = [("briefing", ROOT / "briefing.yaml"), ("brand", ROOT / "templates" / "brand.yaml")]
    files += [("client", p) for p in sorted((ROOT / "clients").glob("*.yaml"))]
    files += [("section", p) for p in sorted((ROOT / "sections").rglob("*.md"))]
    return files


@pytest.mark.parametrize(("kind", "path"), sample_files(), ids=lambda v: getattr(v, "name", v))
def test_the_schemas_accept_every_sample_file(kind: str, path: Path) -> None:
    data = front_matter(path) if kind == "section" else yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [e.message for e in validator(kind).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("kind", "data", "where"),
    [
        ("briefing", {"title": "T", "outline": [], "audiencs": ["a"]}, "audiencs"),
        ("brand", {"name": "N", "logo": "l.png", "contact": {"title": "t"}, "colors": {"primry": "#000000"}}, "primry"),
        ("brand", {"name": "N", "logo": "l.png", "contact": {"title": "t"}, "colours": {}}, "colours"),
        ("section", {"title": "T", "boarder_km": 3}, "boarder_km"),
        ("section", {"title": "T", "events": [{"date": "2021", "txt": "x"}]}, "txt"),
        ("client", {"name": "N", "countires": []}, "countires"),
        ("briefing", {"title": "T", "outline": [], "cuts": {"one": {"layuot": "report"}}}, "layuot"),
    ],
)
def test_the_schemas_refuse_misspelt_keys(kind: str, data: dict[str, Any], where: str) -> None:
    errors = [e.message for e in validator(kind).iter_errors(data)]
    assert any(where in e and "unexpected" in e for e in errors), errors


def test_the_schemas_check_values_as_the_validation_does() -> None:
    section = validator("section")
    assert not section.is_valid({"title": "T", "kind": "county"})
    assert not section.is_valid({"title": "T", "events": [{"date": "30 Sept", "text": "x"}]})
    assert not validator("brand").is_valid(
        {"name": "N", "logo": "l", "contact": {"title": "t"}, "colors": {"primary": "navy"}}
    )
    assert not validator("briefing").is_valid({"outline": []})  # title is required


def keys(fields: dict[str, Field], schema: dict[str, Any], path: str = "") -> list[str]:
    """Every key of the field tables (nested too) that the schema does not declare."""
    missing = []
    for key, field in fields.items():
        props = schema.get("properties", {})
        if key not in props:
            missing.append(path + key)
            continue
        if field.fields is not None:
            inner = props[key]
            inner = inner.get("additionalProperties") if field.keyed else inner.get("items", inner)
            for branch in inner.get("anyOf", [inner]):
                if branch.get("type") == "object":
                    missing += keys(field.fields, branch, f"{path}{key}.")
    return missing


@pytest.mark.parametrize(
    ("kind", "fields"),
    [("briefing", BRIEFING_FIELDS), ("brand", BRAND_FIELDS), ("section", SECTION_FIELDS), ("client", CLIENT_FIELDS)],
)
def test_every_key_of_the_field_tables_is_in_the_schema(kind: str, fields: dict[str, Field]) -> None:
    schema = json_schema(kind)
    assert keys(fields, schema) == []
    assert set(schema["properties"]) == set(fields)
    assert all(p.get("description") for p in schema["properties"].values())
    assert schema["additionalProperties"] is False


def test_the_brand_schema_nests_its_tables_with_defaults() -> None:
    brand = json_schema("brand")["properties"]
    assert brand["colors"]["required"] == ["primary", "accent", "text", "muted"]
    assert brand["colors"]["properties"]["panel"]["default"] == "#EEF2F6"
    assert brand["page"]["properties"]["margins_mm"]["properties"]["top"]["default"] == 20
    assert "fonts" not in json_schema("brand")["required"]  # the default fonts


def test_schema_command_prints_json_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "client"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json_schema("client")
    assert main(["schema", "brand", "--markdown"]) == 0
    table = capsys.readouterr().out
    assert '| `colors.accent` | colour "#RRGGBB" | required |' in table
    with pytest.raises(SystemExit) as stop:
        main(["schema", "brnad"])
    assert stop.value.code == 2
    assert "usage: briefgen schema" in capsys.readouterr().err


def test_the_readme_key_tables_are_the_generated_ones() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for kind in TABLES:
        assert f"<!-- keys:{kind} -->\n{markdown(kind)}<!-- /keys -->" in readme
    assert update_readme(readme) == readme, "run: python3 -m briefgen.cli.schemagen README.md"
