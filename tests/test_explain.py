"""`--explain` says what each deliverable leaves out compared with the full report, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT

from briefgen.cli.main import main


def _div_lines(rel: str, opener: str) -> list[int]:
    lines = (ROOT / rel).read_text(encoding="utf-8").splitlines()
    return [i for i, line in enumerate(lines, 1) if line.strip() == opener]


def test_public_edition_lists_the_blocks_it_hides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "public", "--format", "pdf", "--output", str(tmp_path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "public: omits, compared with the full report:" in out
    for line in _div_lines("sections/04-global-level.md", '::: {not-audience="public"}'):
        assert f"block at sections/04-global-level.md:{line}: audience public excluded" in out
    # Business-only blocks are not in the full report (government) either: not listed.
    for line in _div_lines("sections/countries/iran.md", '::: {audience="business"}'):
        assert f"sections/countries/iran.md:{line}" not in out


def test_client_annex_lists_countries_and_sections_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["build", "annex", "--client", "meridian", "--format", "pdf", "--output", str(tmp_path), "--explain"]) == 0
    )
    out = capsys.readouterr().out
    assert "§ Regional level: the first and second tiers › Tajikistan: not in client countries" in out
    assert "§ Conclusions: not in cut 'annex'" in out
    assert "› Iran:" not in out and "› Turkmenistan:" not in out


def test_the_full_report_omits_nothing_of_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "full", "--format", "pdf", "--output", str(tmp_path), "--explain"]) == 0
    assert "full: omits nothing" in capsys.readouterr().out
