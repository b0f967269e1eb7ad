"""Oversized input is refused with a clear limit instead of hanging the build."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.cli.main import main
from briefgen.markdown.parse import MAX_PARAGRAPH_CHARS, MAX_TABLE_ROWS


def test_a_paragraph_over_the_limit_is_refused_at_its_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    words = "word " * (MAX_PARAGRAPH_CHARS // 5 + 10)
    project = make_project(tmp_path, {"sections/03-huge.md": f"---\ntitle: Huge\n---\n\nShort one.\n\n{words}\n"})
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out"), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "sections/03-huge.md:7: error: paragraph is" in err and f"limit of {MAX_PARAGRAPH_CHARS:,}" in err
    assert not (tmp_path / "out" / "full.pdf").exists()


def test_a_table_over_the_row_limit_is_refused(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"| {i} | x |\n" for i in range(MAX_TABLE_ROWS + 1))
    project = make_project(tmp_path, {"sections/03-rows.md": f"---\ntitle: Rows\n---\n\n| A | B |\n|---|---|\n{rows}"})
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert (
        f"sections/03-rows.md:5: error: table has {MAX_TABLE_ROWS + 1:,} rows, over the limit of {MAX_TABLE_ROWS:,}"
        in err
    )


def test_a_long_table_within_the_limit_splits_across_pages_with_repeated_header(
    tmp_path: Path, make_project: Callable[..., Path]
) -> None:
    from support import pdf_pages

    rows = "".join(f"| row {i} | value {i} |\n" for i in range(400))
    project = make_project(
        tmp_path, {"sections/03-rows.md": f"---\ntitle: Rows\n---\n\n| Name | Value |\n|---|---|\n{rows}"}
    )
    assert main(["build", "--project", str(project), "--output", str(tmp_path / "out"), "--format", "pdf"]) == 0
    pages = pdf_pages(tmp_path / "out" / "full.pdf")
    table_pages = [p for p in pages if "row 1" in p or "row 399" in p or "value 200" in p]
    assert len(table_pages) >= 2
    assert all("Name" in p and "Value" in p for p in table_pages)
    assert "row 399" in " ".join(pages)


def test_control_characters_are_reported_at_their_line_and_do_not_shift_line_numbers(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "---\ntitle: Controls\n---\n\nA form feed \x0c here.\n\nA bell \x07 on line seven.\n"
    project = make_project(tmp_path, {"sections/03-ctl.md": body})
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "sections/03-ctl.md:5: error: invisible control character U+000C" in err
    assert "sections/03-ctl.md:7: error: invisible control character U+0007" in err


def test_deeply_nested_yaml_is_refused_at_its_line_not_a_crash(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # 1,000 levels overflowed Python's recursion limit in the node builders, and 50,000
    # crashed the process outright; the limit is found by an iterative pass first.
    deep = "[" * 50_000 + "]" * 50_000
    project = make_project(
        tmp_path,
        {
            "sections/03-deep.md": f"---\ntitle: Deep\nx: {deep}\n---\n\nText.\n",
            "clients/acme.yaml": "name: Acme\nnote: " + "{a: " * 20_000 + "1" + "}" * 20_000 + "\n",
        },
    )
    assert main(["check", "--project", str(project)]) == 1
    err = capsys.readouterr().err
    assert "sections/03-deep.md:3: error: YAML nested more than 64 levels deep" in err
    assert "clients/acme.yaml:2: error: YAML nested more than 64 levels deep" in err
    assert "internal error" not in err


def test_a_document_date_past_2107_still_builds_a_valid_docx(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    import zipfile

    # ZIP's MS-DOS dates end in 2107: later stamps are pinned there, not an internal error.
    project = make_project(tmp_path, date="2200-01-01")
    out = tmp_path / "out"
    assert main(["build", "--project", str(project), "--output", str(out), "--format", "docx"]) == 0
    with zipfile.ZipFile(out / "full.docx") as z:
        assert z.testzip() is None
        assert z.infolist()[0].date_time[0] == 2107
        assert "2200-01-01" in z.read("docProps/core.xml").decode()
