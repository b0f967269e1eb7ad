"""The one-page summary's page budget: degrade in order, or fail with the overflow."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import flat, pdf_pages

from briefgen.cli.main import main

LONG = (
    "Moscow uses every regional format it can find to look indispensable to the new authorities in Kabul, "
    "while its neighbours with borders, money and trade routes make the decisions that matter on the ground"
)


def _summary(
    judgements: list[dict[str, str]], bottom: str = "Russia lacks leverage and trades on access instead."
) -> str:
    lines = ["---", "title: Executive summary", f'bottom_line: "{bottom}"', "key_judgements:"]
    for j in judgements:
        lines.append(f'  - text: "{j["text"]}"')
        if j.get("short"):
            lines.append(f'    short: "{j["short"]}"')
        lines.append(f"    priority: {j.get('priority', 'essential')}")
    lines += ["---", "", "The body of the executive summary.", ""]
    return "\n".join(lines)


def test_twice_the_judgements_still_fit_one_page_and_the_build_says_what_it_did(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    judgements = [
        {
            "text": f"Judgement {i}: {LONG}. {LONG}.",
            "short": f"Judgement {i}, short.",
            "priority": "optional" if i > 6 else "essential",
        }
        for i in range(1, 13)
    ]
    project = make_project(tmp_path, {"sections/00-summary.md": _summary(judgements)})
    out = tmp_path / "out"
    assert main(["build", "summary", "--project", str(project), "--output", str(out), "--format", "pdf"]) == 0
    printed = capsys.readouterr().out
    pages = pdf_pages(out / "summary.pdf")
    assert len(pages) == 1
    text = flat(pages[0])
    assert "Russia lacks leverage and trades on access instead." in text
    for i in range(1, 7):
        assert f"Judgement {i}" in text  # every essential judgement, in full or short form
    assert "summary: dropped key judgement 12 (optional)" in printed


def test_short_forms_and_smaller_type_come_after_dropping(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    judgements = [
        {"text": f"Judgement {i}: {LONG}. {LONG}.", "short": f"Judgement {i} in brief."} for i in range(1, 11)
    ]
    project = make_project(tmp_path, {"sections/00-summary.md": _summary(judgements)})
    out = tmp_path / "out"
    assert main(["build", "summary", "--project", str(project), "--output", str(out), "--format", "pdf"]) == 0
    printed = capsys.readouterr().out
    assert "used the short form of key judgement 10" in printed
    assert len(pdf_pages(out / "summary.pdf")) == 1


def test_content_that_cannot_fit_fails_with_the_overflow_and_writes_nothing(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    judgements = [{"text": f"Judgement {i}: {LONG}. {LONG}. {LONG}."} for i in range(1, 16)]
    project = make_project(tmp_path, {"sections/00-summary.md": _summary(judgements)})
    out = tmp_path / "out"
    assert main(["build", "summary", "--project", str(project), "--output", str(out)]) == 1
    err = capsys.readouterr().err
    assert "sections/00-summary.md:1: error: the summary does not fit its 1-page budget" in err
    assert " mm (about " in err and "minimum type size 8 pt" in err
    assert "shorten the longest essential items: key judgement" in err
    assert not (out / "summary.pdf").exists() and not (out / "summary.docx").exists()


def test_summary_without_a_bottom_line_or_judgements_is_an_error(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path)
    assert (
        main(["build", "summary", "--project", str(project), "--output", str(tmp_path / "o"), "--format", "pdf"]) == 1
    )
    assert "the summary needs a section with 'bottom_line' or 'key_judgements'" in capsys.readouterr().err


def test_summary_for_a_client_carries_its_name_and_marking(tmp_path: Path) -> None:
    from support import run_cli

    result = run_cli("build", "summary", "--client", "meridian", "--format", "pdf", "--output", str(tmp_path))
    assert result.returncode == 0, result.stderr
    pages = pdf_pages(tmp_path / "summary-meridian.pdf")
    assert len(pages) == 1
    text = flat(pages[0])
    assert "PREPARED FOR MERIDIAN ENERGY" in text
    assert "CONFIDENTIAL — prepared for Meridian Energy" in text
    assert "Turkmenistan" in text and "Tajikistan" not in text  # the matrix follows the client's countries


def test_essential_key_figures_survive_when_the_optional_ones_are_dropped(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    judgements = [{"text": f"Judgement {i}: {LONG}. {LONG}.", "short": f"Judgement {i}, short."} for i in range(1, 11)]
    text = _summary(judgements).replace(
        "---\n\nThe body",
        "key_figures:\n"
        '  - {value: "1,135 km", label: "Essential border", priority: essential}\n'
        '  - {value: "42", label: "Optional one"}\n'
        '  - {value: "43", label: "Optional two"}\n'
        '  - {value: "44", label: "Optional three"}\n'
        "---\n\nThe body",
    )
    project = make_project(tmp_path, {"sections/00-summary.md": text})
    out = tmp_path / "out"
    assert main(["build", "summary", "--project", str(project), "--output", str(out), "--format", "pdf"]) == 0
    assert "summary: dropped the optional key figures (optional)" in capsys.readouterr().out
    page = flat(pdf_pages(out / "summary.pdf")[0])
    assert "1,135 km" in page and "Essential border" in page
    assert "Optional one" not in page


def test_check_finds_a_declared_summary_with_nothing_to_show_and_all_leaves_out_idle_builtins(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # No section has a bottom line and no profile exists: the built-in summary and annex
    # are left out of --all and check (saying so); a declared summary cut is an error in
    # check exactly as it is in build, at the cut's own line.
    project = make_project(tmp_path)
    out = tmp_path / "o"
    assert main(["build", "--all", "--project", str(project), "--output", str(out), "--format", "pdf"]) == 0
    said = capsys.readouterr().out
    assert "left out the built-in cut 'summary': no section has 'bottom_line' or 'key_judgements'" in said
    assert "left out the built-in cut 'annex': the project has no country profiles" in said
    assert sorted(p.name for p in out.glob("*.pdf")) == ["full.pdf"]

    briefing = project / "briefing.yaml"
    lines = briefing.read_text(encoding="utf-8").splitlines()
    briefing.write_text("\n".join([*lines, "cuts:", "  brief:", "    layout: summary", ""]), encoding="utf-8")
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    line = len(lines) + 2
    assert f"briefing.yaml:{line}: error: the summary needs a section with 'bottom_line' or 'key_judgements'" in err
    assert main(["build", "brief", "--project", str(project), "--output", str(out), "--format", "pdf"]) == 1
    assert f"briefing.yaml:{line}: error: the summary needs a section" in capsys.readouterr().err
