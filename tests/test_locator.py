"""The locator inset in country fact boxes: spec, frame, drawing, and its place in PDF and DOCX."""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, Group, String
from reportlab.graphics.shapes import Path as RLPath
from support import ROOT, docx_text, docx_xml, flat, pdf_pages

from briefgen import geo
from briefgen.charts import alt_text, drawing, parse_spec
from briefgen.charts.locator import ASPECT, WIDTH_MM, WIDTH_PT, frame, main_points
from briefgen.cli.main import main
from briefgen.errors import BriefgenError
from briefgen.load.brand import Theme

SAMPLE = ("Pakistan", "Uzbekistan", "Turkmenistan", "Tajikistan", "Iran", "China", "India", "Turkey", "Qatar", "Russia")


def spec_of(text: str, line: int = 10, context: str = "AFG"):
    return parse_spec(text, file="sections/x.md", line=line, base=ROOT, root=ROOT, context=context)


def errors_of(text: str, line: int = 10) -> list[str]:
    with pytest.raises(BriefgenError) as info:
        spec_of(text, line)
    return [str(d) for d in info.value.diagnostics]


def shapes(node: Group) -> list[object]:
    out: list[object] = []
    for child in node.contents:
        out += shapes(child) if isinstance(child, Group) else [child]
    return out


# ---------------------------------------------------------------- spec
def test_a_locator_needs_no_rows_and_is_not_a_numbered_figure() -> None:
    spec = spec_of("type: locator\nfocus: Tajikistan\n")
    assert (spec.type, spec.rows, spec.focus, spec.context) == ("locator", (), "TJK", "AFG")
    assert not spec.numbered and spec_of("type: bar\ndata:\n  - {label: A, value: 1}\n").numbered
    assert alt_text(spec) == "Locator map: Tajikistan and Afghanistan"
    # Without a context country (the project names none) the locator outlines nothing.
    alone = spec_of("type: locator\nfocus: Tajikistan\n", context="")
    assert alone.context == "" and alt_text(alone) == "Locator map: Tajikistan"
    assert spec_of("type: locator\nfocus: Türkiye\n").focus == "TUR"
    assert spec_of("type: locator\nfocus: qat\ncontext: IRN\n").context == "IRN"


def test_locator_keys_are_checked_at_their_lines() -> None:
    found = errors_of("type: locator\nfocus: TJK\ntitle: Where\ndata: []\n")
    assert found[0].startswith("sections/x.md:12: error: 'title' does not apply to a locator map"), found
    assert found[1].startswith("sections/x.md:13: error: 'data' does not apply to a locator map"), found
    assert errors_of("type: locator\n")[0].startswith("sections/x.md:10: error: a locator map needs 'focus'")
    bar = errors_of("type: bar\ncontext: AFG\ndata:\n  - {label: A, value: 1}\n")
    assert bar[0].startswith("sections/x.md:11: error: 'context' applies to locator charts, not bar"), bar


def test_an_unknown_focus_names_the_fence_line_and_the_fix() -> None:
    [error] = errors_of("type: locator\nfocus: Tajikstan\n")
    # Line 9 is the ```chart line: inside a generated fact box it is the profile's first line.
    assert error.startswith("sections/x.md:9: error: the locator map cannot show 'Tajikstan'"), error
    assert "world map" in error and "did you mean 'Tajikistan'?" in error


# ---------------------------------------------------------------- frame and drawing
@pytest.mark.parametrize("name", SAMPLE)
def test_the_frame_shows_both_countries(name: str) -> None:
    world = geo.world()
    focus, afg = geo.lookup(name), world.by_iso3("AFG")
    assert focus is not None
    proj = frame(focus, afg)
    assert proj.width / proj.height == pytest.approx(ASPECT)
    for c in (focus, afg):
        for x, y in (proj(p) for p in main_points(c)):
            assert -0.01 <= x <= proj.width + 0.01 and -0.01 <= y <= proj.height + 0.01, (name, c.iso3)


@pytest.mark.parametrize("name", SAMPLE)
def test_the_drawing_is_small_wordless_and_in_the_brand_colours(
    theme: Theme, fonts: tuple[str, str], name: str
) -> None:
    from reportlab.lib.colors import HexColor

    art = drawing(spec_of(f"type: locator\nfocus: {name}\n"), theme, WIDTH_PT, fonts=fonts)
    assert 42 <= WIDTH_MM <= 50 and art.width == pytest.approx(WIDTH_PT)
    assert art.height == pytest.approx(WIDTH_PT / ASPECT)
    parts = shapes(art)
    assert not [s for s in parts if isinstance(s, String)]  # no labels at all
    fills = {str(s.fillColor) for s in parts if isinstance(s, RLPath) and s.fillColor is not None}
    assert str(HexColor(theme.colors.accent)) in fills  # the profiled country
    outlines = [s for s in parts if isinstance(s, RLPath) and s.fillColor is None]
    primary = [s for s in outlines if str(s.strokeColor) == str(HexColor(theme.colors.primary))]
    assert len(primary) == 1  # Afghanistan's outline, over the white borders
    rings = [s for s in parts if isinstance(s, Circle)]
    assert bool(rings) == (name == "Qatar")  # only a country too small to find gets a ring


# ---------------------------------------------------------------- PDF
Segment = tuple[tuple[float, float], tuple[float, float]]


def _page_geometry(pdf: Path, needle: str) -> tuple[list[Segment], dict[str, tuple[float, float]]]:
    """Path segments (from, to) and text origins of the page holding `needle`, in page space."""
    reader = PdfReader(str(pdf))
    page = next(p for p in reader.pages if needle in (p.extract_text() or ""))
    segments: list[Segment] = []
    texts: dict[str, tuple[float, float]] = {}
    last = [(0.0, 0.0)]

    def before(op: bytes, args: list, cm: list, tm: list) -> None:
        if op in (b"m", b"l"):
            x, y = float(args[0]), float(args[1])
            point = (cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5])
            if op == b"l":
                segments.append((last[0], point))
            last[0] = point

    def text(t: str, cm: list, tm: list, font: object, size: float) -> None:
        x, y = tm[4], tm[5]
        texts.setdefault(t.strip(), (cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5]))

    page.extract_text(visitor_operand_before=before, visitor_text=text)
    return segments, texts


def test_the_pdf_fact_box_has_the_locator_beside_the_facts(sample_outputs: Path) -> None:
    segments, texts = _page_geometry(sample_outputs / "full.pdf", "Tajikistan at a glance")
    tier_x, tier_y = texts["Tier"]
    value_x, _ = texts["First tier: borders"]  # the value wraps in the text column's measure
    _, title_y = texts["Tajikistan at a glance"]
    # Inside the box, right of the facts (not the facts' row rules, which start at the labels),
    # below the box title and above the body text.
    beside = [
        b
        for a, b in segments
        if a[0] > value_x + 120
        and b[0] > value_x + 120
        and tier_y - 200 < min(a[1], b[1])
        and max(a[1], b[1]) < title_y
    ]
    assert len(beside) > 150, len(beside)  # the map is vector paths, not a picture
    xs, ys = [x for x, _ in beside], [y for _, y in beside]
    assert max(ys) == pytest.approx(tier_y + 8, abs=6)  # top-aligned with the first fact, not below the table
    assert max(xs) - min(xs) == pytest.approx(WIDTH_PT, abs=1)
    assert max(ys) - min(ys) == pytest.approx(WIDTH_PT / ASPECT, abs=1)
    assert min(xs) > tier_x + 200


def test_locators_are_not_figures_in_the_pdf(sample_outputs: Path) -> None:
    text = flat(" ".join(pdf_pages(sample_outputs / "full.pdf")))
    captions = re.findall(r"Figure (\d+): ([^.]{0,40})", text)
    assert [n for n, _ in captions] == ["1", "2", "3"], captions
    assert "Figure 2: Afghanistan’s neighbours by tier" in text
    assert "Figure 3: Humanitarian aid pledged for Afghanistan in 2021" in text
    assert "Locator" not in text


def test_a_cross_reference_after_the_profiles_keeps_its_number(sample_outputs: Path) -> None:
    text = flat(" ".join(pdf_pages(sample_outputs / "full.pdf")))
    assert "see also Figure 3" in text


# ---------------------------------------------------------------- DOCX
def test_the_docx_fact_box_holds_the_locator_picture_beside_the_facts(sample_outputs: Path) -> None:
    from lxml import etree

    path = sample_outputs / "full.docx"
    tree = etree.fromstring(docx_xml(path).encode("utf-8"))
    ns = {
        "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    }
    found = {}
    for doc_pr in tree.iterfind(".//wp:docPr", ns):
        descr = doc_pr.get("descr", "")
        if descr.startswith("Locator map:"):
            found[descr] = doc_pr
    assert set(found) == {f"Locator map: {n} and Afghanistan" for n in SAMPLE}
    doc_pr = found["Locator map: Tajikistan and Afghanistan"]
    cell = next(a for a in doc_pr.iterancestors() if a.tag == f"{{{ns['w']}}}tc")
    row = cell.getparent()
    facts_cell = row.find("w:tc", ns)
    assert facts_cell is not cell  # the picture is in the second cell of the row …
    facts_text = "".join(facts_cell.itertext())
    assert "Tier" in facts_text and "1,135\xa0km" in facts_text  # … beside the facts (the unit glued on)
    box = next(a for a in row.iterancestors() if a.tag == f"{{{ns['w']}}}tc")
    assert "Tajikistan at a glance" in "".join(box.itertext())  # and all of it inside the fact box
    assert docx_xml(path).count("SEQ Figure") == 3  # no caption, no number for the ten locators
    assert "Locator" not in docx_text(path)


def test_the_docx_locators_are_300_dpi(sample_outputs: Path) -> None:
    import io

    from PIL import Image

    with zipfile.ZipFile(sample_outputs / "full.docx") as z:
        images = [Image.open(io.BytesIO(z.read(n))) for n in z.namelist() if n.startswith("word/media/")]
    small = [im for im in images if im.format == "PNG" and im.width < 600]  # 46 mm at 300 dpi is 543 px
    assert len(small) == 10
    assert all(round(im.info["dpi"][0]) == 300 and im.width == math.ceil(WIDTH_PT / 72 * 300) for im in small)


# ---------------------------------------------------------------- a country outside the map
def test_a_profile_of_a_country_outside_the_map_is_an_error_at_its_file(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "---\ntitle: Narnia\nkind: country\nname: Narnia\nstance: Neutral\ntier: 2\n---\n\nText.\n"
    project = make_project(tmp_path, {"sections/03-narnia.md": body})
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out"), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "sections/03-narnia.md:1: error: the locator map cannot show 'Narnia'" in err, err
    assert "name:" in err and "world map" in err
    assert not (tmp_path / "out" / "full.pdf").exists()


def test_a_profile_builds_with_its_locator(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    body = "---\ntitle: Oman\nkind: country\nname: Oman\nstance: Neutral\ntier: 2\n---\n\nText.\n"
    project = make_project(tmp_path, {"sections/03-oman.md": body}, profiles={"context": "Afghanistan"})
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out"), "--jobs", "1"]) == 0
    text = flat(" ".join(pdf_pages(tmp_path / "out" / "full.pdf")))
    assert "Oman at a glance" in text and "Figure" not in text
    assert 'descr="Locator map: Oman and Afghanistan"' in docx_xml(tmp_path / "out" / "full.docx")
    # Without `profiles: context:` the locator shows the country alone.
    alone = make_project(tmp_path / "alone", {"sections/03-oman.md": body})
    assert main(["build", "--project", str(alone), "--output", str(tmp_path / "out2"), "--format", "docx"]) == 0
    assert 'descr="Locator map: Oman"' in docx_xml(tmp_path / "out2" / "full.docx")


def test_a_country_outside_the_map_can_turn_its_locator_off(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    from briefgen.cli.main import main

    profile = "---\ntitle: Narnia\nkind: country\nname: Narnia\ntier: 2\nstance: None reported\nlocator: false\n---\n\nA far land.\n"
    project = make_project(tmp_path, {"sections/03-narnia.md": profile})
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out"), "--format", "pdf"]) == 0
    text = " ".join(pdf_pages(tmp_path / "out" / "full.pdf"))
    assert "Narnia at a glance" in text


def test_a_locator_is_drawn_once_for_both_writers(theme: Theme, fonts: tuple[str, str]) -> None:
    # The PDF asks with titles, the DOCX without; a locator has neither title nor source,
    # so both get the one cached drawing instead of projecting the map twice.
    spec = spec_of("type: locator\nfocus: Iran\n")
    assert drawing(spec, theme, WIDTH_PT, fonts=fonts) is drawing(spec, theme, WIDTH_PT, fonts=fonts, titles=False)
    titled = spec_of(
        "type: bar\ntitle: Trade\nsource: IMF\ndata:\n  - {label: A, value: 1}\n  - {label: B, value: 2}\n"
    )
    with_titles = drawing(titled, theme, 300, fonts=fonts)
    without = drawing(titled, theme, 300, fonts=fonts, titles=False)
    assert with_titles is not without
    assert with_titles.height > without.height
