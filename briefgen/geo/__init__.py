"""The world map's data: `world.json` (names, codes, facts, borders) and `world.bin` (shapes).

A package of its own, under `load` (the briefing's context country is looked up here),
`charts` (maps and locators) and the CLI (`new country`). Both files sit beside this
module so that an installed package finds them; they are made from Natural Earth by
`data/geo/extract.py` (see `data/geo/README.md`). Looking a country up reads only the
small index; the shapes (integer thousandths of a degree) are read on the first drawing
and decoded one country at a time, so `check` never pays for them. Nothing here touches
the network or needs the tools that made the files.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from briefgen.frozen import frozen

INDEX_FILE = Path(__file__).with_name("world.json")
SHAPES_FILE = Path(__file__).with_name("world.bin")

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # the outer ring, then holes


@dataclass(frozen=True, eq=False)
class Shape:
    """Where an outline's rings sit in `world.bin`: the first point, then ring lengths per polygon."""

    at: int
    rings: list[list[int]]

    @property
    def polygons(self) -> tuple[Polygon, ...]:
        found = _decoded.get(self.at)
        if found is None:
            found = _decoded[self.at] = _decode(self.at, self.rings)
        return found


@dataclass(frozen=True, eq=False)
class Country:
    """One admin-0 country or territory. `bbox` is (west, south, east, north) with east > 180
    when the country spans the antimeridian; `main` indexes the polygons a map frames it by."""

    iso3: str  # ISO 3166 alpha-3, or Natural Earth's ADM0_A3 where ISO has none (Kosovo: KOS)
    name: str
    long_name: str
    formal: str
    names: tuple[str, ...]  # every name and alias it is found by
    kind: str  # Natural Earth's TYPE: "Sovereign country", "Dependency", …
    continent: str
    subregion: str
    population: int | None
    population_year: int | None
    capital: str
    label: Point  # the deepest point inside its largest part
    bbox: tuple[float, float, float, float]
    main: tuple[int, ...]
    neighbours: frozenset[str]  # ISO3 codes of countries sharing a land border
    shape: Shape

    @property
    def polygons(self) -> tuple[Polygon, ...]:
        return self.shape.polygons


@dataclass(frozen=True, eq=False)
class Disputed:
    """A disputed or breakaway area (Natural Earth's layer), drawn neutral and hatched."""

    name: str
    note: str
    bbox: tuple[float, float, float, float]
    shape: Shape


@frozen
class World:
    source: str
    countries: tuple[Country, ...]
    disputed: tuple[Disputed, ...]

    def by_iso3(self, iso3: str) -> Country:
        return _codes()[iso3]


@cache
def world() -> World:
    """The index, parsed once per process (about 110 kB: a couple of milliseconds)."""
    data = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
    countries = tuple(
        Country(
            iso3=c["code"],
            name=c["name"],
            long_name=c["long"],
            formal=c["formal"],
            names=(c["code"], c["adm0"], *c["names"]),
            kind=c["type"],
            continent=c["continent"],
            subregion=c["subregion"],
            population=c["pop"],
            population_year=c["pop_year"],
            capital=c["capital"],
            label=(c["label"][0], c["label"][1]),
            bbox=tuple(c["bbox"]),
            main=tuple(c["main"]),
            neighbours=frozenset(c["neighbours"]),
            shape=Shape(c["at"], c["rings"]),
        )
        for c in data["countries"]
    )
    disputed = tuple(
        Disputed(d["name"], d["note"], tuple(d["bbox"]), Shape(d["at"], d["rings"])) for d in data["disputed"]
    )
    return World(data["source"], countries, disputed)


@cache
def _codes() -> dict[str, Country]:
    return {c.iso3: c for c in world().countries}


@cache
def _values() -> array:
    """Every coordinate of `world.bin` (little-endian int32), read on the first drawing."""
    values = array("i")
    values.frombytes(SHAPES_FILE.read_bytes())
    if sys.byteorder == "big":
        values.byteswap()
    return values


_decoded: dict[int, tuple[Polygon, ...]] = {}  # by first point: each outline decoded once


def _decode(at: int, rings: list[list[int]]) -> tuple[Polygon, ...]:
    values = _values()
    out = []
    i = at * 2
    for lengths in rings:
        polygon = []
        for n in lengths:
            flat = values[i : i + 2 * n]
            polygon.append(tuple((x / 1000, y / 1000) for x, y in zip(flat[::2], flat[1::2], strict=True)))
            i += 2 * n
        out.append(tuple(polygon))
    return tuple(out)


def _key(text: str) -> str:
    """Case-, accent- and punctuation-blind form of a name, so 'Türkiye' and 'turkiye' match."""
    plain = text if text.isascii() else unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("", plain.lower())  # ASCII by now: letters and digits are [a-z0-9]


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@cache
def _by_key() -> dict[str, Country]:
    """Name keys → country: codes and short names first, so an alias never shadows a name."""
    found: dict[str, Country] = {}
    for rank in range(3):
        for country in world().countries:
            names = country.names[:3] if rank == 0 else country.names[3:4] if rank == 1 else country.names[4:]
            for name in names:
                found.setdefault(_key(name), country)
    found.pop("", None)
    return found


def lookup(name_or_code: str) -> Country | None:
    """A country by ISO3 code, Natural Earth code, name, long or formal name, or common alias."""
    return _by_key().get(_key(name_or_code))


def names() -> list[str]:
    """The short name and code of every country, for listing."""
    return [n for c in world().countries for n in (c.iso3, c.name)]


def suggestion(name: str) -> str:
    """'did you mean …?' for a name `lookup` does not know, or how to name a country."""
    keys = _by_key()
    close = difflib.get_close_matches(_key(name), list(keys), n=1, cutoff=0.75)
    if close:
        return f"did you mean '{keys[close[0]].name}'?"
    return "use the country's English name (e.g. 'Norway', 'Ivory Coast') or its ISO 3166 alpha-3 code (NOR)"
