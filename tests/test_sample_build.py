"""The sample briefing, built once per session and read back like a client would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import COUNTRIES, ROOT, flat, pdf_pages, run_cli

FIGURES = [
    "1,135 km",
    "800 km",
    "3.5 million",
    "3.7 million",
    "3 million",
    "14 million",
    "33 million",
    "€200 million",
    "€1 billion",
    "$64 million",
    "$31 million",
    "$30 million",
    "$1 billion",
    "2593",
    "13",
    "46%",
    "10%",
    "25%",
    "30%",
    "350 thousand",
    "300",
    "14 April 2021",
    "15 August 2021",
    "31 August",
    "30 August",
    "16 August",
    "17 August",
    "20 August",
    "23 August",
    "24 August",
    "25 August",
    "28 August",
    "29 August",
    "1 September",
    "2 September",
    "3 September",
    "7 September",
    "8 September",
    "10 September 2021",
    "12 September",
    "13 September",
    "14 September",
    "26 September",
    "30 September",
    "16 June",
    "9 July 2021",
    "10 January 2020",
    "2001",
    "2008",
    "2014",
    "2018",
]
NAMES = [
    "Biden",
    "Ashraf Ghani",
    "Mujahid",
    "Lavrov",
    "Nuland",
    "Macron",
    "Stoltenberg",
    "Blinken",
    "Erdoğan",
    "Nebenzya",
    "Shafqat Ali Khan",
    "Zhirnov",
    "TAPI",
    "Mes Aynak",
    "Chabahar",
    "CSTO",
]


@pytest.fixture(scope="session")
def built(sample_outputs: Path) -> Path:
    return sample_outputs


@pytest.fixture(scope="session")
def full_text(built: Path) -> str:
    return flat(" ".join(pdf_pages(built / "full.pdf")))


def test_check_strict_reports_nothing_on_the_sample() -> None:
    # Every warning counts, the brand's contrast warnings included (the band labels use the
    # same tint in both writers), and a dropped cross-reference too: the `global` cut and a
    # client's countries leave profiles out, so no section every cut keeps may point at one.
    result = run_cli("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout
    assert result.stderr.strip() == ""


@pytest.mark.parametrize("figure", FIGURES)
def test_every_key_figure_and_date_of_the_paper_is_in_the_pdf(full_text: str, figure: str) -> None:
    assert figure in full_text


def test_at_least_forty_figures_are_checked() -> None:
    assert len(set(FIGURES)) >= 40


@pytest.mark.parametrize("name", NAMES)
def test_named_people_and_projects_carry_over(full_text: str, name: str) -> None:
    assert name in full_text


def test_full_report_covers_every_section_in_order(built: Path) -> None:
    text = flat(" ".join(pdf_pages(built / "full.pdf")[2:]))
    titles = [
        "Executive summary",
        "Introduction and context",
        "Local level: Russia and Afghanistan",
        "Regional level: the first and second tiers",
        *COUNTRIES,
        "Global level",
        "The world order",
        "Conclusions",
        "Chronology of key events",
        "Partner with TESPA",
    ]
    positions = [text.find(t) for t in titles]
    assert -1 not in positions, dict(zip(titles, positions, strict=True))


def test_contents_page_lists_sections_with_page_numbers(built: Path) -> None:
    pages = pdf_pages(built / "full.pdf")
    contents = flat(pages[1] + " " + pages[2])
    assert "Contents" in contents
    for title in ("Executive summary", "Tajikistan", "Conclusions", "Partner with TESPA"):
        assert re.search(re.escape(title) + r"[ .]*\d+", contents), title


def test_stance_matrix_and_timeline_are_generated_from_front_matter(full_text: str) -> None:
    assert "Stance on recognising the Taliban" in full_text
    assert "Main interests" in full_text
    # The chronology sorts dates: 14 April 2021 comes before 15 August 2021 in the table.
    chrono = full_text[full_text.rfind("Chronology of key events") :]
    assert 0 <= chrono.find("14 April 2021") < chrono.find("15 August 2021") < chrono.find("31 August 2021")


def test_country_profiles_open_with_a_fact_box(built: Path) -> None:
    pages = [flat(p) for p in pdf_pages(built / "full.pdf")]
    tajik = next(p for p in pages if "Tajikistan at a glance" in p)
    assert "1,135 km" in tajik and "Stance on recognition" in tajik


def test_summary_is_one_page_with_bottom_line_and_essential_judgements(built: Path) -> None:
    import yaml

    pages = pdf_pages(built / "summary.pdf")
    assert len(pages) == 1
    text = flat(pages[0])
    front = (ROOT / "sections" / "00-executive-summary.md").read_text(encoding="utf-8").split("---")[1]
    meta = yaml.safe_load(front)
    assert flat(meta["bottom_line"])[:80] in text
    for j in meta["key_judgements"]:
        if j["priority"] == "essential":
            assert flat(j["text"])[:60] in text or flat(j["short"])[:60] in text
