"""Line and page breaks a typesetter would reject, measured from written PDFs
(tests/makeupkit.py; the line-break plan itself: tests/unit/test_writers_common_linebreak.py):

- a fact value breaks after a dash set solid ("Turkey–|Georgia"), never inside a proper
  noun while another break exists, and hyphenates with three letters either side;
- a list never leaves its one-line first item alone at a page's foot, nor its one-line
  last item alone at the next page's head (the widow rule across list items).
"""

from __future__ import annotations

import itertools
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from makeupkit import lone_list_lines, measure, poor_hyphens

from briefgen.cli.main import main

REPO = Path(__file__).resolve().parents[1]


def test_no_sample_fact_value_breaks_inside_a_proper_noun(sample_all: Path) -> None:
    found = {pdf.name: poor_hyphens(measure(pdf, body_size=10.5)) for pdf in sorted(sample_all.glob("*.pdf"))}
    assert {name: words for name, words in found.items() if words} == {}
    text = subprocess.run(
        ["pdftotext", "-layout", str(sample_all / "annex.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Turkey–Georgia" in text and "Afgh-" not in text and "Geor-" not in text


PROSE = "A sentence of plain prose that runs on for a while, to fill the page. " * 6
LONG_ITEM = "An item that runs on over several lines of the page, as a point in a briefing does. " * 3


def _pages(tmp_path: Path, make_project: Callable[..., Path], body: str) -> list:
    root = make_project(tmp_path, {"sections/03-lists.md": "---\ntitle: Lists\n---\n\n" + body})
    code = main(["build", "--project", str(root), "--output", str(root / "out"), "--format", "pdf", "--jobs", "1"])
    assert code == 0
    return measure(root / "out" / "full.pdf", body_size=10.5)


def _runs_over(pages: list) -> bool:
    """Whether a list runs over a page break somewhere."""
    return any(a.foot and b.head and a.foot[-1] != "text" and b.head[0] != "text" for a, b in itertools.pairwise(pages))


@pytest.mark.parametrize("shape", ["last", "first"])
def test_a_list_never_leaves_a_one_line_item_alone_over_a_page_break(
    tmp_path: Path, make_project: Callable[..., Path], shape: str
) -> None:
    # One-line paragraphs push the list down the page a line at a time, so that in some
    # runs only its one-line first item fits at the foot, or only its one-line last item
    # goes over (both happened before `KeptList`).
    if shape == "last":
        items = f"- {LONG_ITEM}\n- {LONG_ITEM}\n- A last short point.\n"
    else:
        items = f"- A first short point.\n- {LONG_ITEM}\n- {LONG_ITEM}\n"
    over = 0
    for lines in range(7):
        body = "\n\n".join([PROSE] * 4 + ["A short line."] * lines) + "\n\n" + items + "\n" + PROSE
        pages = _pages(tmp_path / str(lines), make_project, body)
        assert lone_list_lines(pages) == [], lines
        over += _runs_over(pages)
    assert over >= 2  # the list did run over a page break in some runs


def test_the_docx_keeps_a_lists_one_line_ends_with_their_neighbours(
    tmp_path: Path, make_project: Callable[..., Path]
) -> None:
    # The same rule as Word's keep-with-next (`writers/docx/keeps.py`): on the first item
    # when it is one line, on the item before a one-line last item; not on a long first item.
    import re
    import zipfile

    items = f"- A first short point.\n- {LONG_ITEM}\n- {LONG_ITEM}\n- A last short point.\n"
    longer = f"- {LONG_ITEM}\n- {LONG_ITEM}\n- {LONG_ITEM}\n"
    body = "---\ntitle: Lists\n---\n\n" + PROSE + "\n\n" + items + "\n" + PROSE + "\n\n" + longer + "\n" + PROSE
    root = make_project(tmp_path, {"sections/03-lists.md": body})
    code = main(["build", "--project", str(root), "--output", str(root / "out"), "--format", "docx", "--jobs", "1"])
    assert code == 0
    xml = zipfile.ZipFile(root / "out" / "full.docx").read("word/document.xml").decode()
    paragraphs = re.findall(r"<w:p\b.*?</w:p>", xml)
    listed = [p for p in paragraphs if "<w:numPr>" in p and ("short point" in p or "An item that runs" in p)]
    kept = ["<w:keepNext/>" in p for p in listed]
    assert kept == [True, False, True, False, False, False, False]
