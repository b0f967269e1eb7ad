"""Reading one section file: its front matter, validated into a typed `SectionMeta`, and its body.

`SectionMeta` has one field per key of the front matter's field table
(`formats.SECTION_FIELDS`), in the table's order, plus what loading derives (`level_set`,
`file`, `key_lines`). The table stays the one place that says what a key accepts, its
default and its meaning; the dataclass is what the code reads, by attribute. It is
written by hand so that type checkers and editors see it; it cannot drift from the
table: `read_meta` passes every table key to it by name (a key it lacks fails the first
section loaded), and `tests/unit/test_section_meta.py` checks that names and types agree.

Templates keep seeing the front matter as a mapping (`SectionMeta.view`), as before.
"""

from __future__ import annotations

from dataclasses import field, fields, is_dataclass
from pathlib import Path
from typing import Any, Literal

from briefgen.errors import BriefgenError, Diagnostic, Pos, Reporter, relpath
from briefgen.frozen import frozen
from briefgen.load.files import read_text, source_lines
from briefgen.load.formats import SECTION_FIELDS
from briefgen.load.schema import validate
from briefgen.load.yamlio import YamlList, YamlMap, load_yaml


# Items of the front matter's lists. Each remembers where it was written (`file`, `line`),
# so that generated parts (the summary, a fact box) report problems at its own line.
@frozen
class Event:
    """One of `events` (`formats.EVENT_FIELDS`)."""

    date: str
    text: str
    file: str
    line: int


@frozen
class KeyFact:
    """One of `key_facts` (`formats.FACT_FIELDS`); a number is kept as the text it prints."""

    label: str
    value: str
    file: str
    line: int


@frozen
class Judgement:
    """One of `key_judgements` (`formats.JUDGEMENT_FIELDS`); a plain string is its `text`."""

    text: str
    short: str
    priority: Literal["essential", "optional"]
    file: str
    line: int


@frozen
class KeyFigure:
    """One of `key_figures` (`formats.FIGURE_FIELDS`)."""

    value: str
    label: str
    priority: Literal["essential", "optional"]
    file: str
    line: int


# Each list key's item class, and what messages call one item.
ITEMS: dict[str, tuple[type, str]] = {
    "events": (Event, "event"),
    "key_facts": (KeyFact, "key fact"),
    "key_judgements": (Judgement, "key judgement"),
    "key_figures": (KeyFigure, "key figure"),
}


@frozen
class SectionMeta:
    """A section's front matter, validated, with its defaults resolved.

    The meaning of each key is its `Field.doc` in `formats.SECTION_FIELDS`. Resolved at
    load: `id` (default: the file name), `level` (1, or 2 for a country profile),
    `new_page` (None: the cut's `break_before` decides) and a profile's `name`
    (default: its title).
    """

    title: str
    id: str
    audiences: tuple[str, ...] | None
    tags: tuple[str, ...]
    kind: Literal["section", "country"]
    level: Literal[1, 2]
    new_page: bool | None
    events: tuple[Event, ...]
    bottom_line: str
    key_judgements: tuple[Judgement, ...]
    name: str
    tier: int | None
    border_km: float | None
    stance: str
    interests: tuple[str, ...]
    key_facts: tuple[KeyFact, ...]
    summary: str
    locator: bool
    key_figures: tuple[KeyFigure, ...]
    level_set: Literal[1, 2] | None  # `level` as written: profiles that leave it out are grouped
    file: str  # the section file, relative to the project
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def is_country(self) -> bool:
        return self.kind == "country"

    @property
    def has_exec(self) -> bool:
        """Whether the section carries what the summary and the executive box print."""
        return bool(self.bottom_line or self.key_judgements)

    def line(self, key: str, default: int = 1) -> int:
        """The line `key` was written on, or `default` when it was not written."""
        return self.key_lines.get(key, default)

    def view(self) -> dict[str, Any]:
        """What templates see as `section` (and `country`): a mapping of every key, in the
        order written and then the defaults, lists as lists and items as mappings."""
        order = dict.fromkeys([*(k for k in self.key_lines if k in SECTION_FIELDS), *SECTION_FIELDS])
        view = {key: _plain(getattr(self, key)) for key in (*order, "level_set", "file")}
        view["key_lines"] = dict(self.key_lines)  # for `at(section, key)` in generated parts
        return view


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    return value


@frozen
class Source:
    """A section file: validated front matter plus the raw (untemplated) body."""

    path: Path
    rel: str
    id: str
    meta: SectionMeta
    body: str
    body_line: int  # file line of the body's first line


def split_front_matter(text: str, rel: str) -> tuple[str, str, int]:
    """Return (front matter, body, body's first line). Front matter is required."""
    lines = source_lines(text, keepends=True)
    if not lines or lines[0].strip() != "---":
        raise BriefgenError(
            [
                Diagnostic(
                    Pos(rel, 1),
                    "section file has no front matter",
                    "start the file with a '---' line, then 'title: …', then '---'",
                )
            ]
        )
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    raise BriefgenError(
        [Diagnostic(Pos(rel, 1), "front matter is never closed", "add a '---' line after the front matter")]
    )


def _items(values: Any, key: str, reporter: Reporter) -> tuple[Any, ...]:
    cls, what = ITEMS[key]
    table = SECTION_FIELDS[key].fields
    assert table is not None
    out = []
    for i, value in enumerate(values or []):
        pos = values.at(i) if isinstance(values, YamlList) else Pos("?")
        if isinstance(value, str) and cls is Judgement:
            value = {"text": value}
        item = validate(value, table, pos, what, reporter)
        if cls is KeyFact:
            item["value"] = str(item["value"]) if item["value"] is not None else ""
        out.append(cls(**item, file=pos.file, line=pos.line))
    return tuple(out)


def read_meta(raw: Any, rel: str, stem: str, reporter: Reporter) -> SectionMeta:
    """Validate a section's front matter (`raw`, as read from YAML) into a `SectionMeta`."""
    data = validate(raw, SECTION_FIELDS, Pos(rel, 1), "section front matter", reporter)
    written = raw if isinstance(raw, dict) else {}
    for key in ITEMS:  # their problems are reported in this order
        data[key] = _items(written.get(key), key, reporter) if data[key] else ()
    for key in ("audiences", "tags", "interests"):
        data[key] = tuple(data[key]) if data[key] is not None else None
    country = data["kind"] == "country"
    level = data["level"] or (2 if country else 1)
    return SectionMeta(
        **{
            **data,
            "id": data["id"] or stem,
            "level": level,
            "name": (data["name"] or data["title"]) if country else data["name"],
        },
        level_set=data["level"],
        file=rel,
        key_lines=dict(raw.key_lines) if isinstance(raw, YamlMap) else {},
    )


def load_source(path: Path, root: Path, reporter: Reporter) -> Source | None:
    """Read one section file; its problems go to `reporter` (None: it could not be read at all)."""
    rel = relpath(path, root)
    try:
        text = read_text(path, rel)
        front, body, body_line = split_front_matter(text, rel)
        raw = load_yaml(front, rel, line_offset=1, what="front matter")
    except BriefgenError as exc:
        reporter.extend(exc)
        return None
    meta = read_meta(raw if raw is not None else {}, rel, path.stem, reporter)
    return Source(path=path, rel=rel, id=meta.id, meta=meta, body=body, body_line=body_line)
