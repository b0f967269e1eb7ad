"""A second project of another subject and region builds every deliverable with briefgen's
default templates only, and carries none of the sample's words.

`tests/roots/arctic` is a small briefing on Arctic shipping (Norway, Canada, Russia)
with its own brand and its own `profiles:` wording.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from support import VALIDATOR, docx_text, flat, pdf_pages, run_cli, validate_docx
from test_neutral_package import PATTERN

PROJECT = Path(__file__).parent / "roots" / "arctic"
DELIVERABLES = ("full", "summary", "annex", "routes", "annex-northwind", "summary-northwind")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("arctic")
    run = run_cli("build", "--all", "--project", str(PROJECT), "--output", str(out))
    assert run.returncode == 0, run.stderr
    assert "error" not in run.stderr and "warning" not in run.stderr
    return out


def test_the_project_has_no_template_of_its_own() -> None:
    assert not list(PROJECT.rglob("*.j2"))


def test_every_deliverable_is_built(built: Path) -> None:
    for name in DELIVERABLES:
        assert (built / f"{name}.pdf").stat().st_size > 0
        assert (built / f"{name}.docx").stat().st_size > 0


def test_the_summaries_fit_one_page(built: Path) -> None:
    for name in ("summary", "summary-northwind"):
        pages = pdf_pages(built / f"{name}.pdf")
        assert len(pages) == 1
        text = flat(pages[0])
        assert "Bottom line".upper() in text.upper() and "about 40%" in text
        # The stance matrix is headed with this project's wording.
        assert "Position on transit rules" in text


def _docx_xml_parts(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_no_word_of_the_sample_anywhere(built: Path) -> None:
    for name in DELIVERABLES:
        text = " ".join(pdf_pages(built / f"{name}.pdf"))
        assert not PATTERN.search(text), f"{name}.pdf: {PATTERN.search(text)}"
        xml = _docx_xml_parts(built / f"{name}.docx")
        assert not PATTERN.search(xml), f"{name}.docx: {PATTERN.search(xml)}"
        assert "border" not in text.lower()  # no profile sets border_km: the row is left out


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared/tools/docx-validate is not beside this checkout")
def test_the_docx_files_are_valid(built: Path) -> None:
    for name in DELIVERABLES:
        result = validate_docx(built / f"{name}.docx")
        assert result.returncode == 0, f"{name}.docx: {result.stdout}{result.stderr}"


def test_profiles_use_the_project_wording(built: Path) -> None:
    pages = [flat(p) for p in pdf_pages(built / "full.pdf")]
    norway = next(p for p in pages if "Norway at a glance" in p)
    assert "Gateway state: ports and waters at the entrance to the routes" in norway
    assert "COUNTRY PROFILE · GATEWAY STATE" in norway.upper()
    assert "Position on transit rules" in norway
    docx = docx_text(built / "full.docx")
    assert "Route state: a main Arctic sea route runs through its waters" in docx


def test_profiles_are_grouped_under_their_own_heading(built: Path) -> None:
    contents = flat(pdf_pages(built / "full.pdf")[1])
    # Not nested under the section before them: a generated "Country profiles" heading.
    assert re.search(r"The routes and their traffic \d+ Country profiles \d+ Canada \d+ Norway \d+ Russia", contents)
    docx = docx_text(built / "full.docx")
    assert re.search(r"Country profiles .*Canada", docx)


def test_the_client_annex_holds_its_countries_in_its_order(built: Path) -> None:
    text = flat(" ".join(pdf_pages(built / "annex-northwind.pdf")))
    assert text.index("Russia at a glance") < text.index("Norway at a glance")
    assert "Canada at a glance" not in text
    assert "Prepared for Northwind Marine Insurance" in text


def test_a_cut_without_profiles_prints_no_empty_stance_matrix(built: Path) -> None:
    """The routes cut holds no profile: the matrix and its lead-in are left out, not a bare header."""
    full = flat(" ".join(pdf_pages(built / "full.pdf")))
    routes = flat(" ".join(pdf_pages(built / "routes.pdf")))
    assert "The positions of the three coastal states" in full
    assert "The positions of the three coastal states" not in routes
    # The old bare table printed its lone "Country" header cell.
    assert not re.search(r"\bCountry\b", routes)
    assert not re.search(r"\bCountry\b", docx_text(built / "routes.docx"))
