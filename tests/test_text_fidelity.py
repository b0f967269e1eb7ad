"""Text reaches both outputs as typed: code tabs, invisible format characters, the
watermark kept out of the text layer, and right-to-left text refused at its line."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from support import docx_xml, flat, pdf_pages

from briefgen.cli.main import main

CODE = "def f(x):\n\tif x:\n\t\treturn x\t# tab comment\n    four = 4\n"
BODY = (
    "---\ntitle: Probe\n---\n\n"
    "Joined a\u200db, apart a\u200cb, broken a\u200bb, glued a\u2060b, selected va\ufe0fr.\n\n"
    f"```\n{CODE}```\n"
)
LONG = (
    "This paragraph runs across the middle of the page where the diagonal mark crosses it, "
    "and it must come out of the text layer in one piece, word after word, with nothing "
    "wedged between the words by the mark that lies under them on the printed page. " * 3
)


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("fidelity")
    project = write_project(tmp, {"sections/01-intro.md": BODY})
    out = tmp / "out"
    assert main(["build", "--project", str(project), "--output", str(out), "--jobs", "1"]) == 0
    return out


def _pdf_text(out: Path) -> str:
    return "\n".join(pdf_pages(out / "full.pdf")).replace("\xa0", " ")


def test_pdf_code_keeps_tabs_as_four_column_stops(probe: Path) -> None:
    text = _pdf_text(probe)
    # Leading tabs indent by 4 columns each; the inner tab reaches the next stop (column 20).
    assert "def f(x):\n    if x:\n        return x    # tab comment\n    four = 4" in text


def test_docx_code_keeps_tabs_with_stops_at_the_same_columns(probe: Path) -> None:
    xml = docx_xml(probe / "full.docx")
    code = re.search(r'<w:pStyle w:val="CodeBlock"/>.*?</w:p>', xml, re.S)
    assert code and code.group(0).count("<w:tab/>") == 4
    styles = docx_xml(probe / "full.docx", "word/styles.xml")
    style = re.search(r'<w:style [^>]*w:styleId="CodeBlock".*?</w:style>', styles, re.S)
    assert style
    stops = [int(p) for p in re.findall(r'<w:tab w:val="left" w:pos="(\d+)"/>', style.group(0))]
    size = int(re.search(r'<w:sz w:val="(\d+)"/>', style.group(0)).group(1)) / 2  # type: ignore[union-attr]
    step = (
        4 * 1233 / 2048 * size * 20
    )  # four characters of DejaVu Sans Mono (the brand's mono, as in the PDF), in twips
    assert len(stops) > 10
    assert all(abs((b - a) - step) <= 1 for a, b in itertools.pairwise(stops))


def test_invisible_characters_are_not_drawn_in_the_pdf_but_kept_in_the_docx(probe: Path) -> None:
    text = flat(_pdf_text(probe))
    assert "Joined ab, apart ab, broken ab, glued ab, selected var." in text
    assert not set(text) & {"\u200b", "\u200c", "\u200d", "\u2060", "\ufe0f"}
    xml = docx_xml(probe / "full.docx")
    for kept in ("a\u200db", "a\u200cb", "a\u200bb", "a\u2060b", "va\ufe0fr"):
        assert kept in xml


def test_right_to_left_text_is_refused_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import write_project

    body = "---\ntitle: Probe\n---\n\nFirst.\n\nThe greeting שלום עולם means peace.\n\n## مرحبا بكم\n"
    project = write_project(tmp_path, {"sections/01-intro.md": body})
    # A brand whose fonts cover Arabic: the refusal is about direction, not about glyphs.
    brand = project / "templates" / "brand.yaml"
    text = brand.read_text(encoding="utf-8")
    brand.write_text(re.sub(r"fonts/Noto\w+-\w+\.ttf", "fonts/DejaVuSansMono.ttf", text), encoding="utf-8")
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "sections/01-intro.md:7: error: right-to-left text (Hebrew/Arabic) is not supported yet: 'שלום עולם'" in err
    assert "sections/01-intro.md:9: error: right-to-left text (Hebrew/Arabic) is not supported yet: 'مرحبا بكم'" in err
    assert "not in the brand font" not in err  # one message for the run, not one per letter
    assert not (tmp_path / "out" / "full.pdf").exists()


@pytest.fixture(scope="module")
def watermarked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("watermark")
    files: dict[str, str | None] = {
        "sections/01-intro.md": None,
        "sections/02-detail.md": None,
        "sections/iran.md": f"---\ntitle: Iran\nkind: country\nname: Iran\ntier: 2\nstance: Waits\n---\n\n{LONG}\n\n{LONG}\n",
        "clients/acme.yaml": "name: Acme\ncountries: [iran]\nwatermark: WATERMARKED\n",
        "clients/plain.yaml": "name: Plain\ncountries: [iran]\n",
    }
    project = write_project(tmp, files)
    out = tmp / "out"
    for client in ("acme", "plain"):
        assert (
            main(["build", "annex", "--client", client, "--project", str(project), "--output", str(out), "--jobs", "1"])
            == 0
        )
    return out


def test_watermark_stays_out_of_the_text_layer(watermarked: Path) -> None:
    pages = pdf_pages(watermarked / "annex-acme.pdf")
    text = flat(" ".join(pages))
    assert not re.search(r"W\s*A\s*T\s*E\s*R|M\s*A\s*R\s*K\s*E\s*D", text)
    assert flat(LONG) in text  # the paragraph under the mark extracts intact
    assert flat(" ".join(pdf_pages(watermarked / "annex-plain.pdf"))).count(flat(LONG)) == text.count(flat(LONG))
    # The DOCX's watermark is a shape in the header (its text an attribute), not document text.
    with zipfile.ZipFile(watermarked / "annex-acme.docx") as z:
        parts = [z.read(n).decode() for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")]
    assert any('string="WATERMARKED"' in p for p in parts)
    assert not any(re.search(r"<w:t[^>]*>[^<]*WATERMARKED", p) for p in parts)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils (pdftoppm)")
def test_watermark_is_still_drawn(watermarked: Path, tmp_path: Path) -> None:
    from PIL import Image, ImageChops

    renders = []
    for client in ("acme", "plain"):
        prefix = tmp_path / client
        pdf = watermarked / f"annex-{client}.pdf"
        subprocess.run(["pdftoppm", "-r", "30", "-f", "2", "-l", "2", "-png", str(pdf), str(prefix)], check=True)
        renders.append(Image.open(next(tmp_path.glob(f"{client}*.png"))).convert("L"))
    width, height = renders[0].size
    middle = (0, height // 4, width, 3 * height // 4)  # away from the footer's document id
    diff = ImageChops.difference(*(r.crop(middle) for r in renders)).point(lambda v: 255 if v > 3 else 0)
    box = diff.getbbox()
    assert box, "the watermark left no mark on the page"
    # A diagonal across the middle: the changed area spans much of the band both ways.
    assert box[2] - box[0] > width / 3 and box[3] - box[1] > height / 4


NARROW = """---
title: Narrow
---

| Organisation | Members | Density | Area | Languages | Border |
|---|---|---|---|---|---|
| United Nations | 193 states | 1,135 / km | 652,230 km² | Arabic, Chinese, English | 1,135 km |
| Turkmenistan/and | 6,000,000 | 12 per km² | 488,100 km² | Turkmen | 744 km |

| Tier | Stance |
|---|---|
| 1 | Pragmatic engagement; develops bilateral ties with the interim government, and wants more |
"""


@pytest.fixture(scope="module")
def narrow(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("narrow")
    project = write_project(tmp, {"sections/01-intro.md": NARROW})
    out = tmp / "out"
    assert main(["build", "--project", str(project), "--output", str(out), "--jobs", "1"]) == 0
    return out


def _table_words() -> list[str]:
    rows = [line for line in NARROW.splitlines() if line.startswith("|") and "---" not in line]
    return [w for row in rows for cell in row.strip("|").split("|") for w in cell.split()]


def test_narrow_table_breaks_words_only_at_hyphens(narrow: Path) -> None:
    page = pdf_pages(narrow / "full.pdf")[2]
    assert re.search(r"[a-z]-\n[a-z]", page), "the narrow table needed no hyphenation: not a test"
    joined = re.sub(r"-\s+", "", flat(page))  # undo the hyphenation at line ends
    for word in _table_words():
        assert re.search(rf"(?<!\S){re.escape(word)}(?!\S)", joined), f"{word!r} was split without a hyphen"
    # Numbers stay with their units.
    for unit in ("1,135 / km", "652,230 km²", "12 per km²", "744 km"):
        assert unit in page.replace("\xa0", " ")


def test_docx_table_follows_the_same_plan(narrow: Path) -> None:
    xml = docx_xml(narrow / "full.docx")
    grids = re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", xml)
    wide, two = ([int(w) for w in re.findall(r'w:w="(\d+)"', g)] for g in grids[:2])
    assert len(wide) == 6 and len(two) == 2
    assert two[1] > 5 * two[0]  # the one-digit column stays narrow, the text takes the rest
    assert sum(wide) == sum(two)  # both as wide as the text
    # The same soft hyphens and no-break spaces as the PDF's cells.
    assert "<w:softHyphen/>" in xml
    assert "1,135\xa0km" in xml and "12\xa0per\xa0km²" in xml


def test_sample_tables_fit_without_hyphenation_or_loading_a_dictionary(sample_outputs: Path) -> None:
    matrix = [page for page in pdf_pages(sample_outputs / "full.pdf") if re.search(r"Country\s+Tier\s+Border", page)]
    assert matrix  # the stance matrix's pages (a fact box's "Main interests" is no matrix)
    for page in matrix:
        assert not re.search(r"[a-z]-\n[a-z]", page)
    # One process (--jobs 1), so the PDF's and the DOCX's tables are both seen here. The
    # summary: its tables fit whole words; the report's fact boxes, in the text column's
    # measure, hyphenate a few long labels and values, and load the dictionary for them.
    code = (
        "import sys; from briefgen.cli.main import main; from briefgen.writers.common.columns import dictionary; "
        "assert main(['build', 'summary', '--output', sys.argv[1], '--jobs', '1']) == 0; "
        "print(dictionary.cache_info().misses > 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(sample_outputs / "pyphen-probe")],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("False")  # hyphenation only when a word must break
