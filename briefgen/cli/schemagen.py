"""JSON Schemas and the README's key tables, derived from the field tables that validate.

`briefgen schema NAME` prints a draft 2020-12 schema for editors; `--markdown` prints
the same keys as a table. Both are read off the `Field` tables in `formats.py` and
`brand.py`, so the schema, the documentation and the validation cannot disagree.
`python3 -m briefgen.cli.schemagen README.md` rewrites the README's generated tables.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefgen.load.brand import BRAND_FIELDS
from briefgen.load.formats import BRIEFING_FIELDS, CLIENT_FIELDS, SECTION_FIELDS, is_ident
from briefgen.load.schema import Field, json_of, label_of

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TABLES: dict[str, tuple[dict[str, Field], str]] = {
    "briefing": (BRIEFING_FIELDS, "briefgen briefing.yaml"),
    "brand": (BRAND_FIELDS, "briefgen brand file (templates/brand.yaml)"),
    "section": (SECTION_FIELDS, "briefgen section front matter"),
    "client": (CLIENT_FIELDS, "briefgen client file (clients/<id>.yaml)"),
}


def json_schema(name: str) -> dict[str, Any]:
    """The whole schema of one file kind, ready for `json.dumps`."""
    fields, title = TABLES[name]
    return {"$schema": DRAFT, "title": title, **_object(fields)}


def _object(fields: dict[str, Field]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {key: _field(f) for key, f in fields.items()},
        "additionalProperties": False,
    }
    required = [key for key, f in fields.items() if f.required]
    if required:
        out["required"] = required
    return out


def _field(field: Field) -> dict[str, Any]:
    schema = json_of(field.check)
    if field.fields is not None:
        inner = _object(field.fields)
        if field.keyed:
            ident = json_of(is_ident)
            schema = {"type": "object", "propertyNames": ident, "additionalProperties": inner}
        else:
            schema = _attach(schema, inner)
    schema["description"] = field.doc
    if field.default not in (None, "", [], {}) or isinstance(field.default, bool):
        schema["default"] = field.default
    return schema


def _attach(schema: dict[str, Any], inner: dict[str, Any]) -> dict[str, Any]:
    """Put the nested table where the check accepts a mapping (itself, its items, a branch)."""
    if schema.get("type") == "object":
        return dict(inner)
    if "items" in schema:
        return {**schema, "items": _attach(schema["items"], inner)}
    if "anyOf" in schema:
        return {**schema, "anyOf": [_attach(s, inner) for s in schema["anyOf"]]}
    return schema


def rows(fields: dict[str, Field], prefix: str = "") -> Iterator[tuple[str, str, str, str]]:
    """(key, type, default, meaning) for every key, nested keys as `parent.key`."""
    for key, field in fields.items():
        name = f"{prefix}{key}"
        yield name, label_of(field.check), _default(field), field.doc
        if field.fields is not None:
            many = field.keyed or label_of(field.check).startswith("list")
            inner = f"{name}.ID." if field.keyed else f"{name}[]." if many else f"{name}."
            yield from rows(field.fields, inner)


def _default(field: Field) -> str:
    if field.required:
        return "required"
    if field.default in (None, "", [], {}) and not isinstance(field.default, bool):
        return "–"
    if isinstance(field.default, str | int | float | bool | list):
        return f"`{json.dumps(field.default)}`"
    return str(field.default)


def markdown(name: str) -> str:
    """The key table of one file kind, as the README shows it."""
    lines = ["| key | type | default | meaning |", "|---|---|---|---|"]
    for key, kind, default, doc in rows(TABLES[name][0]):
        lines.append(f"| `{key}` | {kind} | {default} | {doc.replace('|', '/')} |")
    return "\n".join(lines) + "\n"


_BLOCK = re.compile(r"(<!-- keys:(\w+) -->\n)(.*?)(<!-- /keys -->)", re.S)


def update_readme(text: str) -> str:
    """`text` with every `<!-- keys:NAME -->` … `<!-- /keys -->` block regenerated."""
    return _BLOCK.sub(lambda m: m[1] + markdown(m[2]) + m[4], text)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    target.write_text(update_readme(target.read_text(encoding="utf-8")), encoding="utf-8")
