"""Adding a country is one new file plus one outline line: matrix and timeline follow."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import ROOT, flat, pdf_pages

from briefgen.cli.main import main

KAZAKHSTAN = """---
title: Kazakhstan
kind: country
name: Kazakhstan
tier: 2
stance: Watching closely; no decision on recognition
interests: [Transit corridors, Grain exports]
key_facts:
  - {label: Test figure, value: "42 wagons"}
events:
  - {date: "2021-08-18", text: "Kazakhstan test event for the chronology"}
summary: A test profile.
---

Kazakhstan is a test country added with a single file.
"""


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    for name in ("sections", "templates", "clients"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copyfile(ROOT / "briefing.yaml", root / "briefing.yaml")
    return root


def test_new_country_appears_in_matrix_timeline_and_as_a_profile(sample_copy: Path) -> None:
    (sample_copy / "sections" / "countries" / "kazakhstan.md").write_text(KAZAKHSTAN, encoding="utf-8")
    text = (sample_copy / "briefing.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "  - sections/countries/russia.md\n", "  - sections/countries/russia.md\n  - sections/countries/kazakhstan.md\n"
    )
    (sample_copy / "briefing.yaml").write_text(text, encoding="utf-8")
    out = sample_copy / "out"
    assert main(["build", "full", "--project", str(sample_copy), "--output", str(out), "--format", "pdf"]) == 0
    pages = [flat(p) for p in pdf_pages(out / "full.pdf")]
    matrix = next(p for p in pages if "Stance on recognising the Taliban" in p)
    assert "Watching closely; no decision on recognition" in " ".join(pages)
    assert "Kazakhstan" in matrix or "Kazakhstan" in pages[pages.index(matrix) + 1]
    chronology = " ".join(pages[[i for i, p in enumerate(pages) if "Chronology of key events" in p][-1] :])
    assert "18 August 2021 Kazakhstan test event for the chronology" in chronology
    assert chronology.find("17 August") < chronology.find("18 August 2021 Kazakhstan") < chronology.find("20 August")
    assert any("Kazakhstan at a glance" in p and "42 wagons" in p for p in pages)
