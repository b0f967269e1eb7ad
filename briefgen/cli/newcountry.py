"""`briefgen new country NAME`: a country profile pre-filled from the world map's data.

The profile gets the front matter the fact box reads: `name`, `tier` when the project
names a context country (1 if it borders it), and `key_facts` from Natural Earth (the
official name, capital, region, population estimate and land borders); the other keys
(`border_km`, `stance`, `interests`, `summary`) are written as comments to fill in, and
the body is a short placeholder. An existing file is never overwritten.
"""

from __future__ import annotations

import glob
import json
import unicodedata
from pathlib import Path

from briefgen import geo
from briefgen.batch.atomic import write_new
from briefgen.errors import BriefgenError, Diagnostic, Pos, UsageError
from briefgen.load.files import read_text
from briefgen.load.yamlio import load_yaml

COMMAND_LINE = Pos("<command line>")
PLACEHOLDER = "(to be written)"


def new_country(root: Path, name: str) -> tuple[Path, str]:
    """Write `sections/countries/<slug>.md` under `root`; return its path and a note for the user."""
    briefing = root / "briefing.yaml"
    if not briefing.is_file():
        raise BriefgenError(
            [
                Diagnostic(
                    Pos(str(briefing)), "no briefing.yaml here", "run inside a briefing project or pass --project DIR"
                )
            ]
        )
    country = geo.lookup(name)
    if country is None:
        raise UsageError([Diagnostic(COMMAND_LINE, f"unknown country '{name}'", geo.suggestion(name))])
    raw = load_yaml(read_text(briefing, "briefing.yaml"), "briefing.yaml")
    title = country.name if "." not in country.name else country.long_name
    rel = f"sections/countries/{slug(title)}.md"
    path = root / rel
    text = profile(country, title, _context(raw))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_new(path, text.encode("utf-8"))
    except FileExistsError:
        raise BriefgenError(
            [
                Diagnostic(
                    Pos(rel), "a profile already exists here; it was not overwritten", "edit it, or delete it first"
                )
            ]
        ) from None
    outline = raw.get("outline") if isinstance(raw, dict) else None
    # The loader's own glob (where `*` stops at a folder), not fnmatch: "sections/*.md" does not list it.
    listed = isinstance(outline, list) and any(
        isinstance(p, str) and rel in glob.glob(p, root_dir=root, recursive=True) for p in outline
    )
    note = "" if listed else f"add '{rel}' to 'outline:' in briefing.yaml to include it"
    return path, note


def _context(raw: object) -> geo.Country | None:
    profiles = raw.get("profiles") if isinstance(raw, dict) else None
    context = profiles.get("context") if isinstance(profiles, dict) else None
    return geo.lookup(context) if isinstance(context, str) else None


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = "".join(ch if ch.isalnum() else " " for ch in plain.replace("'", "")).split()
    return "-".join(words) or "country"


def population(country: geo.Country) -> str:
    n = country.population
    if not n:
        return ""
    amount = f"{n / 1e6:.1f} million" if n >= 1e6 else f"{round(n, -3 if n >= 10_000 else 0):,}"
    year = f" ({country.population_year} estimate)" if country.population_year else " (estimate)"
    return f"about {amount}{year}"


def profile(country: geo.Country, title: str, context: geo.Country | None) -> str:
    """The profile's text: front matter from the map data, then a placeholder body."""
    world = geo.world()
    borders = sorted(world.by_iso3(code).name for code in country.neighbours)
    facts = [
        ("Official name", country.formal or country.long_name),
        ("Capital", country.capital),
        ("Region", ", ".join(dict.fromkeys(v for v in (country.subregion, country.continent) if v))),
        ("Population", population(country)),
        ("Land borders", ", ".join(borders) if borders else "none"),
    ]
    q = lambda text: json.dumps(text, ensure_ascii=False)  # noqa: E731 - a YAML double-quoted string
    lines = [
        "---",
        f"# Pre-filled by `briefgen new country` from Natural Earth (public domain): {country.iso3}.",
        "# Check every fact before publishing, and write the stance, interests and summary.",
        f"title: {q(title)}",
        "kind: country",
        f"name: {q(title)}",
    ]
    # What a tier means is the project's own (profiles: tiers): say the geography, set nothing.
    if context is not None and context is not country:
        fact = "borders" if context.iso3 in country.neighbours else "does not border"
        lines.append(f"# tier: 1  ({title} {fact} {context.name})")
    else:
        lines.append("# tier: 1")
    lines += ["# border_km: 0", f"# stance: {q(PLACEHOLDER)}", "# interests: []"]
    lines.append("key_facts:")
    for label, value in facts:
        if value:
            lines += [f"  - label: {q(label)}", f"    value: {q(value)}"]
    lines += [f"# summary: {q(PLACEHOLDER)}", "---", ""]
    lines.append(f"{title}: {PLACEHOLDER} A few paragraphs on its position, interests and recent moves.")
    return "\n".join(lines) + "\n"
