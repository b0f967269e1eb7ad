"""Page make-up, measured from the written PDFs as a reader sees them (tests/makeupkit.py):
on every sample deliverable, on the Arctic project, and on small projects made to tempt
each fault (a table at a page foot, a section that would leave a page nearly empty).

- no page but a document's last carries fewer than six lines of text;
- no page but a document's last ends with over a quarter of its text frame empty, unless
  the next page opens a chapter (a box or figure that does not fit floats to the next
  page's top while the text after it fills the page: `writers/pdf/floats.py`);
- no box runs from one page on to the next (none of these is taller than a page);
- no heading is left at a page foot with fewer than two lines under it, nor with a short
  lead-in (three lines at most) while its table starts on the next page;
- no fact-box label or table header word is broken with a hyphen, and no value or cell
  word is hyphenated inside a proper noun or after fewer than three letters;
- no list leaves its one-line first item alone at a page's foot, or its one-line last
  item alone at the next page's head;
- a table starts only with three body rows, and its header repeats on the next page.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from makeupkit import (
    hard_hyphens,
    holes,
    label_hyphens,
    lone_list_lines,
    lonely_headings,
    measure,
    poor_hyphens,
    short_pages,
    split_boxes,
    stranded_lead_ins,
    thin_table_ends,
    thin_table_starts,
)

from briefgen.cli.main import main

REPO = Path(__file__).resolve().parents[1]
ARCTIC = REPO / "tests" / "roots" / "arctic"


def _margins(root: Path) -> tuple[float, float]:
    import yaml

    brand = next((root / "templates").glob("brand.yaml"), None) or next((root / "brand").glob("brand.yaml"))
    page = yaml.safe_load(brand.read_text(encoding="utf-8")).get("page", {}).get("margins_mm", {})
    return float(page.get("top", 20)), float(page.get("bottom", 20))


def _faults(folder: Path, body_size: float, margins: tuple[float, float], root: Path) -> dict[str, list[object]]:
    faults: dict[str, list[object]] = {}
    hard = hard_hyphens(root / "sections")
    for pdf in sorted(folder.glob("*.pdf")):
        pages = measure(pdf, body_size=body_size, margins_mm=margins)
        skip = 0 if len(pages) == 1 else 1  # a report's or annex's cover holds no body text
        found = {
            "short pages": short_pages(pages, skip=skip),
            "pages ending in a hole": holes(pages, skip=skip),
            "split boxes": split_boxes(pages),
            "headings at a foot": lonely_headings(pages),
            "lead-ins parted from their table": stranded_lead_ins(pages),
            "labels broken with a hyphen": label_hyphens(pages),
            "words hyphenated at a poor point": poor_hyphens(pages, hard),
            "list lines left alone": lone_list_lines(pages),
            "thin table starts": thin_table_starts(pages),
            "thin table ends": thin_table_ends(pages),
        }
        for kind, items in found.items():
            if items:
                faults.setdefault(pdf.name, []).append((kind, items))
    return faults


def test_every_sample_deliverable_is_made_up_cleanly(sample_all: Path) -> None:
    pdfs = sorted(p.name for p in sample_all.glob("*.pdf"))
    assert {"full.pdf", "annex.pdf", "annex-meridian.pdf", "summary.pdf", "public.pdf"} <= set(pdfs)
    assert _faults(sample_all, 10.5, _margins(REPO), REPO) == {}


@pytest.fixture(scope="module")
def arctic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("arctic-makeup")
    cmd = [sys.executable, "-m", "briefgen", "build", "--all", "-q", "-p", str(ARCTIC), "-o", str(out)]
    result = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return out


def test_the_arctic_project_is_made_up_cleanly(arctic: Path) -> None:
    assert len(list(arctic.glob("*.pdf"))) >= 3
    assert _faults(arctic, 10.0, _margins(ARCTIC), ARCTIC) == {}


def test_a_long_document_id_in_the_footer_stays_clear_of_the_page_number(arctic: Path) -> None:
    import pdfplumber

    with pdfplumber.open(arctic / "annex-northwind.pdf") as pdf:
        page = pdf.pages[1]
        words = page.extract_words()
        number = next(w for w in words if w["text"] == "Page" and w["top"] > page.height * 0.9)
        beside = [w for w in words if abs(w["bottom"] - number["bottom"]) < 2 and w["x0"] < number["x0"]]
    assert any("NORTHWIND" in w["text"] for w in beside)  # the document id is printed whole...
    assert max(w["x1"] for w in beside) < number["x0"] - 4  # ...and ends before "Page N of M"


PROSE = "A sentence of plain prose that runs on for a while, to fill the page. " * 6
TABLE = "| Year | Tonnes | Note |\n|---|---|---|\n" + "".join(
    f"| {1990 + i} | {i * 7} | row {i} |\n" for i in range(60)
)


def _build(tmp_path: Path, make_project: Callable[..., Path], files: dict[str, str], **briefing: object) -> Path:
    root = make_project(tmp_path, files, **briefing)
    code = main(["build", "--project", str(root), "--output", str(root / "out"), "--format", "pdf", "--jobs", "1"])
    assert code == 0
    return root / "out" / "full.pdf"


@pytest.mark.parametrize("paragraphs", [9, 10, 11, 12])
def test_a_long_table_starts_with_three_rows_and_repeats_its_header(
    tmp_path: Path, make_project: Callable[..., Path], paragraphs: int
) -> None:
    # Prose pushes the table's start down the page by steps, so that in some runs only
    # the header and a row or two would fit at the page's foot.
    body = "---\ntitle: Tables\n---\n\n" + "\n\n".join([PROSE] * paragraphs) + "\n\n" + TABLE
    pages = measure(
        _build(tmp_path, make_project, {"sections/03-tables.md": body}), body_size=10.5, margins_mm=_margins(REPO)
    )
    assert thin_table_starts(pages) == []
    parts = [p for p in pages[1:] if p.tables]  # the cover band is no table
    assert len(parts) >= 2 and all(p.header_at_head for p in parts[1:])
    assert sum(t for p in parts for t in p.tables) == 60  # every row, once


def test_the_measure_finds_a_nearly_empty_page_the_author_asked_for(
    tmp_path: Path, make_project: Callable[..., Path]
) -> None:
    # A section's own `new_page: true` is kept even after a short page: the measure sees it.
    short = "---\ntitle: Short\n---\n\nTwo lines of text.\n"
    forced = "---\ntitle: Forced\nnew_page: true\n---\n\n" + PROSE
    files = {"sections/01-intro.md": short, "sections/02-detail.md": None, "sections/04-forced.md": forced}
    pdf = _build(tmp_path, make_project, files)
    pages = measure(pdf, body_size=10.5, margins_mm=_margins(REPO))
    assert short_pages(pages, skip=1) == [(3, 2)]  # after the contents: the title and its one line


def test_a_rule_break_is_skipped_after_a_short_page(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    # `break_before: chapter` asks each top-level section for a page; after a page of two
    # lines the next section follows on instead.
    short = "---\ntitle: Short\n---\n\nTwo lines of text.\n"
    after = "---\ntitle: After\n---\n\n" + PROSE
    files = {"sections/01-intro.md": short, "sections/02-detail.md": None, "sections/04-after.md": after}
    pdf = _build(tmp_path, make_project, files, cuts={"full": {"break_before": "chapter"}})
    pages = measure(pdf, body_size=10.5, margins_mm=_margins(REPO))
    assert short_pages(pages, skip=1) == []


def _words(text: str) -> list[str]:
    import re

    return re.findall(r"[^\W_]+", text)


def test_a_box_that_does_not_fit_floats_and_the_text_fills_its_page(
    tmp_path: Path, make_project: Callable[..., Path]
) -> None:
    # Prose pushes a box down the page by steps until it no longer fits: it moves whole
    # to the next page's top (after the rest of a paragraph split there), the prose after
    # it fills the page it left, and the tagged structure reads in the order of the pages.
    import pdfua

    box = '::: {.callout title="A box"}\n' + "\n\n".join(["Inside the box, a line of facts."] * 14) + "\n:::\n"
    after = "\n\n".join(f"After the box {i}. " + PROSE for i in range(8))
    floated = 0
    for paragraphs in (11, 12, 13):
        body = "---\ntitle: Floats\n---\n\n" + "\n\n".join([PROSE] * paragraphs) + "\n\n" + box + "\n" + after
        pdf = _build(tmp_path / str(paragraphs), make_project, {"sections/03-floats.md": body})
        pages = measure(pdf, body_size=10.5, margins_mm=_margins(REPO))
        assert holes(pages, skip=1) == [] and split_boxes(pages) == [], paragraphs
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        on_pages = text.split("\f")
        where = next(i for i, t in enumerate(on_pages) if "A box" in t)
        floated += "After the box 0" in on_pages[where - 1]  # the text after the box filled the page before
        tagged = _words(" ".join(t for _, t in pdfua.tagged_text(pdf)))
        read, at = _words(text), 0
        for word in tagged[tagged.index("Floats") :]:
            at = read.index(word, at) + 1  # each word, in the structure's order, where pdftotext reads it
    assert floated >= 1


@pytest.mark.parametrize("paragraphs", [9, 10, 11])
def test_a_heading_and_its_short_lead_in_stay_with_their_tables_first_rows(
    tmp_path: Path, make_project: Callable[..., Path], paragraphs: int
) -> None:
    # Prose pushes the heading, a two-line lead-in and a long table towards the page's
    # foot by steps: the three stay together, or all move on.
    lead = "## Chronology\n\nThe table below gathers every dated event in this briefing, with the section that tells it, in date order.\n\n"
    body = "---\ntitle: Tables\n---\n\n" + "\n\n".join([PROSE] * paragraphs) + "\n\n" + lead + TABLE
    pages = measure(
        _build(tmp_path, make_project, {"sections/03-tables.md": body}), body_size=10.5, margins_mm=_margins(REPO)
    )
    assert stranded_lead_ins(pages) == [] and lonely_headings(pages[1:]) == [] and thin_table_starts(pages) == []
    assert sum(t for p in pages[1:] for t in p.tables) == 60


def test_fact_labels_and_table_headers_wrap_at_spaces_only(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    # A narrow label column would break "spokesperson"; the column widens instead. A
    # table's header words stay whole while the body's long words take the hyphens.
    # Long values make a narrow label column the shortest plan.
    value = "a value that runs on over several lines of the fact box, as values do " * 2
    rows = ["Tier", "Foreign Ministry spokesperson", "Main interests", "Neighbouring corridor", "Route"]
    facts = "| | |\n|---|---|\n" + "".join(f"| **{label}** | {value} |\n" for label in rows)
    locator = '\n```chart\ntype: locator\nfocus: "Norway"\n```\n'  # beside the facts: a narrow label column
    box = '::: {.factbox title="At a glance"}\n' + facts + locator + ":::\n"
    head = "| Environmentalists | Year | Representatives | Year |\n|---|---|---|---|\n"
    grid = (
        head
        + "| Year x | Environmentalists | Internationalisation Representatives | Responsibilities straightforwardness |\n"
    )
    body = "---\ntitle: Labels\n---\n\n" + box + "\n" + grid
    pdf = _build(tmp_path, make_project, {"sections/03-labels.md": body})
    pages = measure(pdf, body_size=10.5, margins_mm=_margins(REPO))
    assert label_hyphens(pages) == []
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "spokesperson" in text and "Environmentalists" in text
