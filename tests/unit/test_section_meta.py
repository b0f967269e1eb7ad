"""load/section.py: the typed front matter agrees with its field table, resolves its
defaults, refuses a bad value at its line, and shows templates the same mapping; and
model/layout.py: layouts round-trip between YAML, `Cut` and the writers' `Meta`."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any, Literal, Optional, Union

import pytest

from briefgen.errors import Reporter
from briefgen.load.formats import CUT_FIELDS, LAYOUTS, SECTION_FIELDS
from briefgen.load.project import load_project
from briefgen.load.schema import Field, is_str, json_of
from briefgen.load.section import ITEMS, Judgement, KeyFact, SectionMeta, load_source, read_meta
from briefgen.model import nodes as m
from briefgen.model.layout import Layout

# Set at load, so never None whatever the table's default; and a key fact's value, kept
# as the text it prints whether written as text or as a number.
RESOLVED: dict[str, Any] = {"id": str, "level": Literal[1, 2]}
CONVERTED: dict[tuple[type, str], Any] = {(KeyFact, "value"): str}
DERIVED = ("level_set", "file", "key_lines")


def python_type(schema: dict[str, Any], item: type | None = None) -> Any:
    """The Python type of the values a check's JSON Schema accepts."""
    if "enum" in schema:
        return Literal[tuple(schema["enum"])]
    if "anyOf" in schema:
        return Union[tuple(python_type(s) for s in schema["anyOf"])]  # noqa: UP007 (built from a list)
    if schema["type"] == "array":
        return tuple[item or python_type(schema["items"]), ...]
    return {"string": str, "integer": int, "number": float, "boolean": bool}[schema["type"]]


def expected(cls: type, name: str, spec: Field) -> Any:
    if cls is SectionMeta and name in RESOLVED:
        return RESOLVED[name]
    if (cls, name) in CONVERTED:
        return CONVERTED[(cls, name)]
    item = ITEMS[name][0] if cls is SectionMeta and name in ITEMS else None
    kind = python_type(json_of(spec.check), item)
    return kind if spec.required or spec.default is not None else Optional[kind]  # noqa: UP045


# ---------------------------------------------------------------- the dataclass and the table
def test_section_meta_has_one_field_per_table_key_in_its_order() -> None:
    names = [f.name for f in dataclasses.fields(SectionMeta)]
    assert names == [*SECTION_FIELDS, *DERIVED]


def test_section_meta_types_are_what_the_table_accepts() -> None:
    hints = typing.get_type_hints(SectionMeta)
    for name, spec in SECTION_FIELDS.items():
        assert hints[name] == expected(SectionMeta, name, spec), name
    assert hints["level_set"] == Optional[python_type(json_of(SECTION_FIELDS["level"].check))]  # noqa: UP045


@pytest.mark.parametrize("key", list(ITEMS))
def test_item_classes_match_their_nested_tables(key: str) -> None:
    cls = ITEMS[key][0]
    table = SECTION_FIELDS[key].fields
    assert table is not None
    assert [f.name for f in dataclasses.fields(cls)] == [*table, "file", "line"]
    hints = typing.get_type_hints(cls)
    for name, spec in table.items():
        assert hints[name] == expected(cls, name, spec), f"{key}.{name}"


def test_a_table_key_the_dataclass_lacks_fails_the_first_section(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(SECTION_FIELDS, "colour", Field(is_str, "a key added to the table only", default=""))
    with pytest.raises(TypeError, match="colour"):
        read_meta({"title": "T"}, "sections/t.md", "t", Reporter())


# ---------------------------------------------------------------- reading a section file
def load(tmp_path: Path, front: str) -> tuple[Any, Reporter]:
    path = tmp_path / "sections" / "x.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\nBody.\n", encoding="utf-8")
    reporter = Reporter()
    return load_source(path, tmp_path, reporter), reporter


def test_a_profile_resolves_its_defaults(tmp_path: Path) -> None:
    src, reporter = load(
        tmp_path,
        "title: Ruritania\nkind: country\ntier: 2\nborder_km: 1200\n"
        "key_facts:\n  - {label: Capital, value: 12}\n"
        "key_judgements:\n  - Plain judgement\n  - {text: Marked, priority: optional}\n",
    )
    assert not reporter.diagnostics
    meta = src.meta
    assert (src.id, meta.id, meta.name, meta.level, meta.level_set, meta.new_page) == (
        "x",
        "x",
        "Ruritania",
        2,
        None,
        None,  # unset: the cut's break_before decides
    )
    assert meta.is_country and meta.has_exec
    assert meta.key_facts == (KeyFact("Capital", "12", "sections/x.md", 7),)
    assert meta.key_judgements == (
        Judgement("Plain judgement", "", "essential", "sections/x.md", 9),
        Judgement("Marked", "", "optional", "sections/x.md", 10),
    )
    assert (meta.line("tier"), meta.line("summary")) == (4, 1)


def test_a_section_resolves_level_and_page(tmp_path: Path) -> None:
    src, _ = load(tmp_path, "title: Detail\nlevel: 2\nid: detail\ntags: [a, b]\n")
    meta = src.meta
    assert (meta.id, meta.level, meta.level_set, meta.new_page, meta.tags, meta.name) == (
        "detail",
        2,
        2,
        None,
        ("a", "b"),
        "",
    )
    assert not meta.is_country and not meta.has_exec


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("title: T\ntier: 12\n", "sections/x.md:3: error: 'tier' must be a whole number from 1 to 9"),
        ("title: T\nlevel: 3\n", "sections/x.md:3: error: 'level' must be one of 1, 2"),
        (
            "title: T\nkey_figures:\n  - {value: '5'}\n",
            "sections/x.md:4: error: missing required key 'label' in key figure",
        ),
        ("title: T\nlocator: maybe\n", "sections/x.md:3: error: 'locator' must be true or false, not str ('maybe')"),
    ],
)
def test_a_bad_value_is_refused_at_its_line(tmp_path: Path, front: str, message: str) -> None:
    _src, reporter = load(tmp_path, front)
    assert [f"{d.pos}: {d.severity}: {d.message}" for d in reporter.diagnostics] == [message]


def test_templates_see_the_front_matter_as_a_mapping_in_written_order(tmp_path: Path) -> None:
    src, _ = load(tmp_path, "tags: [t]\ntitle: T\nevents:\n  - {date: '2020', text: Then}\n")
    view = src.meta.view()
    assert list(view)[:3] == ["tags", "title", "events"]
    assert list(view)[-3:] == ["level_set", "file", "key_lines"]
    assert set(view) == {*SECTION_FIELDS, "level_set", "file", "key_lines"}
    assert view["key_lines"] == {"tags": 2, "title": 3, "events": 4}  # file lines, after the opening ---
    assert view["events"] == [{"date": "2020", "text": "Then", "file": "sections/x.md", "line": 5}]
    assert view["tags"] == ["t"] and view["audiences"] is None and view["id"] == "x"


# ---------------------------------------------------------------- layouts
def test_layout_round_trips_between_yaml_and_the_enum() -> None:
    assert LAYOUTS == ("report", "annex", "summary")
    for layout in Layout:
        assert Layout(layout.value) is layout
        assert str(layout) == layout.value and f"{layout:<8}" == f"{layout.value:<8}"
        assert CUT_FIELDS["layout"].check(layout.value) is None
    assert json_of(CUT_FIELDS["layout"].check) == {"enum": ["report", "annex", "summary"]}


def test_cuts_carry_the_enum_and_meta_reads_it(tmp_path: Path, make_project: Any) -> None:
    root = make_project(tmp_path, cuts={"brief": {"layout": "annex", "title": "Brief"}})
    reporter = Reporter()
    project = load_project(root, reporter)
    assert project is not None and not reporter.diagnostics
    assert project.cuts["brief"].layout is Layout.ANNEX
    assert {cid: cut.layout for cid, cut in project.cuts.items() if cid != "brief"} == {
        "full": Layout.REPORT,
        "annex": Layout.ANNEX,
        "summary": Layout.SUMMARY,
    }
    meta = m.Meta("T", "", "", "2021-09-30", (), "brief", "Brief", project.cuts["brief"].layout, "general")
    assert meta.cover_label == "Brief"


@pytest.mark.parametrize(
    ("written", "hint"),
    [("anex", "did you mean 'annex'?"), ("poster", "report, annex or summary")],
)
def test_an_unknown_layout_is_an_error_at_its_line(tmp_path: Path, make_project: Any, written: str, hint: str) -> None:
    root = make_project(tmp_path, cuts={"brief": {"layout": written}})
    reporter = Reporter()
    load_project(root, reporter)
    assert [str(d) for d in reporter.diagnostics] == [
        f"briefing.yaml:5: error: 'layout' must be one of report, annex, summary ({hint})"
    ]
