"""The world map: every country found by name, alias or code; maps and locators anywhere,
projected around what they show; disputed areas; the context country; `new country`."""

from __future__ import annotations

import itertools
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Group, String
from reportlab.graphics.shapes import Path as RLPath
from reportlab.lib.colors import HexColor
from support import ROOT, flat, pdf_pages

from briefgen import geo
from briefgen.charts import drawing, mapdraw, parse_spec
from briefgen.charts.locator import WIDTH_PT, frame
from briefgen.cli.main import main
from briefgen.errors import BriefgenError
from briefgen.load.brand import Theme

PLACES = ("Norway", "Canada", "Fiji", "Russia", "Niger", "Singapore")


def spec_of(text: str, context: str = ""):
    return parse_spec(text, file="sections/x.md", line=10, base=ROOT, root=ROOT, context=context)


def parts(node: Group) -> list[object]:
    out: list[object] = []
    for child in node.contents:
        out += parts(child) if isinstance(child, Group) else [child]
    return out


def texts(node: Group) -> list[str]:
    return [s.text for s in parts(node) if isinstance(s, String)]


# ---------------------------------------------------------------- look-up
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("turkiye", "TUR"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Czechia", "CZE"),
        ("UK", "GBR"),
        ("United Kingdom", "GBR"),
        ("USA", "USA"),
        ("United States", "USA"),
        ("Burma", "MMR"),
        ("nor", "NOR"),
        ("Kingdom of Norway", "NOR"),
        ("Russian Federation", "RUS"),
        ("Kosovo", "KOS"),
    ],
)
def test_countries_are_found_by_name_alias_or_code(name: str, code: str) -> None:
    country = geo.lookup(name)
    assert country is not None and country.iso3 == code


def test_unknown_names_get_did_you_mean_at_file_and_line() -> None:
    assert geo.lookup("Norwya") is None and geo.suggestion("Norwya") == "did you mean 'Norway'?"
    assert "ISO 3166" in geo.suggestion("Atlantis")
    with pytest.raises(BriefgenError) as info:
        spec_of("type: map\nfocus: NOR\ndata:\n  - {country: Swedn, tier: 1}\n")
    [error] = [str(d) for d in info.value.diagnostics]
    assert error == "sections/x.md:13: error: unknown country 'Swedn' for the regional map (did you mean 'Sweden'?)"


@pytest.mark.parametrize("name", ["Singapore", "Bahrain", "Malta", "Andorra", "Monaco", "Vatican", "Tuvalu", "Nauru"])
def test_small_states_missing_from_110m_are_on_the_map(name: str) -> None:
    country = geo.lookup(name)
    assert country is not None and country.polygons and country.polygons[0][0]
    _lon, lat = country.label
    assert country.bbox[1] - 0.1 <= lat <= country.bbox[3] + 0.1


def test_every_natural_earth_country_is_there_with_its_facts() -> None:
    world = geo.world()
    assert len(world.countries) >= 240  # 1:110m has 177
    norway = world.by_iso3("NOR")
    assert (norway.capital, norway.formal, norway.population_year) == ("Oslo", "Kingdom of Norway", 2017)
    assert norway.neighbours == {"FIN", "RUS", "SWE"} and norway.population and norway.population > 5_000_000


def test_the_shipped_data_stays_small_and_ships_in_the_wheel() -> None:
    size = geo.INDEX_FILE.stat().st_size + geo.SHAPES_FILE.stat().st_size
    assert size < 2 * 1024 * 1024, size
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert '"geo/world.json"' in pyproject and '"geo/world.bin"' in pyproject


# ---------------------------------------------------------------- drawing anywhere
@pytest.mark.parametrize("name", PLACES)
def test_locators_and_maps_draw_anywhere(theme: Theme, fonts: tuple[str, str], name: str) -> None:
    accent = str(HexColor(theme.colors.accent))
    art = drawing(spec_of(f"type: locator\nfocus: {name}\n"), theme, WIDTH_PT, fonts=fonts)
    assert any(isinstance(s, RLPath) and str(s.fillColor) == accent for s in parts(art))
    neighbour = sorted(geo.lookup(name).neighbours)  # type: ignore[union-attr]
    rows = f"  - {{country: {neighbour[0]}, tier: 1}}\n" if neighbour else "  - {country: Australia, tier: 2}\n"
    chart = drawing(spec_of(f"type: map\ntitle: M\nfocus: {name}\ndata:\n{rows}"), theme, 440, fonts=fonts)
    assert geo.lookup(name).name in texts(chart)  # type: ignore[union-attr]


def test_a_country_across_the_antimeridian_stays_whole() -> None:
    fiji = frame(geo.lookup("Fiji"), None)  # type: ignore[arg-type]
    (xa, ya), (xb, yb) = fiji((179.9, -16.5)), fiji((-179.9, -16.5))
    assert abs(xa - xb) < 2 and abs(ya - yb) < 2  # neighbours on the page, not a page apart
    drawn = mapdraw.country(geo.lookup("Fiji"), fiji)  # type: ignore[arg-type]
    assert drawn is not None and drawn.bbox[2] - drawn.bbox[0] < fiji.width / 2
    russia = frame(geo.lookup("Russia"), None)  # type: ignore[arg-type]
    assert russia((-175.0, 66.0))[0] > russia((37.0, 55.0))[0]  # Chukotka east of Moscow
    # No border is drawn along Natural Earth's cut at 180°: Chukotka reads as one piece of land.
    lines = mapdraw.country(geo.lookup("Russia"), russia).lines  # type: ignore[union-attr]
    on_seam = [[abs(abs(russia.inverse(x, y)[0]) - 180) < 0.01 for x, y in line] for line in lines]
    assert not [f for f in on_seam if any(a and b for a, b in itertools.pairwise(f))]
    assert any(any(f) for f in on_seam)  # the coast does meet the meridian there


def test_a_ring_around_the_pole_is_closed_over_it() -> None:
    antarctica = geo.lookup("Antarctica")
    proj = frame(antarctica, None)  # type: ignore[arg-type]
    drawn = mapdraw.country(antarctica, proj)  # type: ignore[arg-type]
    # Natural Earth cuts Antarctica at 180°; no sliver of it may go missing there.
    for point in ((179.6, -87.0), (-179.6, -87.0), (0.0, -89.5), (90.0, -80.0)):
        assert drawn is not None and drawn.contains(proj(point)), point


def test_high_latitudes_keep_their_shape() -> None:
    norway = geo.lookup("Norway")
    proj = frame(norway, None)  # type: ignore[arg-type]
    drawn = mapdraw.country(norway, proj)  # type: ignore[arg-type]
    mainland = max(drawn.polygons, key=lambda rings: len(rings[0]))[0]  # type: ignore[union-attr]
    xs, ys = [x for x, _ in mainland], [y for _, y in mainland]
    # Mainland Norway is some 1,450 km tall and 1,200 km wide; plain lon/lat would make it 0.5.
    assert 1.0 < (max(ys) - min(ys)) / (max(xs) - min(xs)) < 1.5
    svalbard = proj((16.0, 78.5))
    assert 0 < svalbard[0] < proj.width and 0 < svalbard[1] < proj.height  # framed with Norway


def test_disputed_areas_are_hatched_and_the_note_says_so(theme: Theme, fonts: tuple[str, str]) -> None:
    names = {d.name for d in geo.world().disputed}
    assert {"Crimea", "Jammu and Kashmir", "W. Sahara", "Abkhazia"} <= names
    sahel = drawing(
        spec_of("type: map\nfocus: Mauritania\ndata:\n  - {country: Mali, tier: 1}\n"), theme, 440, fonts=fonts
    )
    assert any("Hatched: disputed areas" in t for t in texts(sahel))
    hatching = [s for s in parts(sahel) if isinstance(s, RLPath) and s.fillColor is None and s.strokeWidth == 0.35]
    assert hatching and sum(op == 0 for h in hatching for op in h.operators) > 10  # many short strokes
    pacific = drawing(
        spec_of("type: map\nfocus: Fiji\ndata:\n  - {country: Tonga, tier: 2}\n"), theme, 440, fonts=fonts
    )
    assert not any("Hatched" in t for t in texts(pacific))


# ---------------------------------------------------------------- context country
def test_the_context_country_is_outlined_and_is_a_maps_default_focus() -> None:
    assert spec_of("type: locator\nfocus: Niger\n", context="MLI").context == "MLI"
    assert spec_of("type: locator\nfocus: Niger\n").context == ""
    spec = spec_of("type: map\ndata:\n  - {country: Niger, tier: 1}\n", context="MLI")
    assert spec.focus == "MLI"
    assert spec_of("type: map\ndata:\n  - {country: Fiji, tier: 1}\n").focus == ""
    # A tier means what the project says (profiles: tiers), not "borders the focus".
    assert spec_of("type: map\ndata:\n  - {country: Fiji, tier: 1}\n", context="MLI").focus == "MLI"


def test_an_unknown_context_country_is_an_error_in_briefing_yaml(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, profiles={"context": "Narnya"})
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "briefing.yaml:5: error: unknown context country 'Narnya'" in err, err


def test_check_reads_names_but_never_the_shapes() -> None:
    code = (
        f"from briefgen.cli.main import main; main(['check', '--project', {str(ROOT)!r}]);"
        "from briefgen import geo; print(geo._values.cache_info().currsize, geo._by_key.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split()[-2:] == ["0", "1"], out


# ---------------------------------------------------------------- new country
def test_new_country_writes_a_profile_that_builds(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(
        tmp_path, outline=["sections/*.md", "sections/countries/*.md"], profiles={"context": "Sweden"}
    )
    assert main(["new", "country", "Norge", "--project", str(project)]) == 2
    assert "unknown country 'Norge'" in capsys.readouterr().err
    assert main(["new", "country", "nor", "--project", str(project)]) == 0
    path = project / "sections" / "countries" / "norway.md"
    text = path.read_text(encoding="utf-8")
    for fact in (
        'name: "Norway"',
        "# tier: 1  (Norway borders Sweden)",  # the geography; what a tier means is the project's
        '"Kingdom of Norway"',
        '"Oslo"',
        "2017 estimate",
        "Finland, Russia, Sweden",
    ):
        assert fact in text, fact
    assert main(["new", "country", "Norway", "--project", str(project)]) == 1  # never overwritten
    assert "not overwritten" in capsys.readouterr().err and path.read_text(encoding="utf-8") == text
    out = tmp_path / "out"
    assert main(["build", "--project", str(project), "--output", str(out), "--format", "pdf"]) == 0
    pdf = flat(" ".join(pdf_pages(out / "full.pdf")))
    assert "Norway at a glance" in pdf and "Kingdom of Norway" in pdf and "Finland, Russia, Sweden" in pdf


@pytest.mark.parametrize("name", ["Monaco", "Vatican", "Tuvalu", "Maldives", "Ashmore and Cartier Is."])
def test_a_state_too_small_for_its_outline_is_still_marked(theme: Theme, fonts: tuple[str, str], name: str) -> None:
    from reportlab.graphics.shapes import Circle

    accent = str(HexColor(theme.colors.accent))
    art = drawing(spec_of(f"type: locator\nfocus: {name}\n"), theme, WIDTH_PT, fonts=fonts)
    marks = [s for s in parts(art) if isinstance(s, Circle)]
    assert any(str(c.fillColor) == accent for c in marks)  # the dot
    assert any(c.fillColor is None and str(c.strokeColor) == accent for c in marks)  # the ring around it


@pytest.mark.parametrize("name", ["Western Sahara", "Somaliland", "N. Cyprus"])
def test_a_disputed_territory_in_focus_shows_in_its_own_colour(theme: Theme, fonts: tuple[str, str], name: str) -> None:
    accent = str(HexColor(theme.colors.accent))
    art = drawing(spec_of(f"type: locator\nfocus: {name}\n"), theme, WIDTH_PT, fonts=fonts)
    focus = [s for s in parts(art) if isinstance(s, RLPath) and str(s.fillColor) == accent]
    hatching = [s for s in parts(art) if isinstance(s, RLPath) and s.fillColor is None and s.strokeWidth == 0.35]
    assert focus
    boxes = [f.getBounds() for f in focus]
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    for h in hatching:  # other disputed areas may be in view, but none is drawn over the focus
        hx0, hy0, hx1, hy1 = h.getBounds()
        assert hx1 <= x0 or hx0 >= x1 or hy1 <= y0 or hy0 >= y1


def test_map_alt_text_uses_the_projects_tier_wording() -> None:
    from briefgen.charts import alt_text

    text = "type: map\nfocus: Mali\ndata:\n  - {country: Niger, tier: 1}\n  - {country: Chad, tier: 2}\n"
    plain = alt_text(spec_of(text))
    assert "Mali is highlighted. Tier 1: Niger. Tier 2: Chad." in plain
    worded = parse_spec(text, file="x.md", line=1, base=ROOT, root=ROOT, tiers=("Neighbours", "Players"))
    assert "Neighbours: Niger. Players: Chad." in alt_text(worded)
