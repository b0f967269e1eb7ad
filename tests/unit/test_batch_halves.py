"""batch.halves: two staged halves committed together as one record; an error leaves nothing staged."""

from __future__ import annotations

from pathlib import Path

from briefgen.batch.atomic import stage
from briefgen.batch.halves import PREFERENCES, WEIGHTS, abandon, join
from briefgen.batch.units import Kind, Made, Request
from briefgen.errors import BriefgenError, Diagnostic, Pos

REQ = Request("annex", "industry", "acme")


def half(folder: Path, fmt: str, data: bytes, **extra: object) -> Made:
    target = folder / f"annex.{fmt}"
    return Made(
        name="annex",
        request=REQ,
        audience="industry",
        files={fmt: target},
        pages={fmt: 3 if fmt == "pdf" else 0},
        seconds={fmt: 1.5},
        notes=(f"{fmt} note",),
        digests={fmt: (len(data), fmt * 4)},
        staged=stage({target: data}),
        **extra,  # type: ignore[arg-type]
    )


def error(text: str) -> BriefgenError:
    return BriefgenError([Diagnostic(Pos("sections/a.md", 4), text)])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_join_commits_both_files_and_merges_the_records_pdf_first(tmp_path: Path) -> None:
    docx, pdf = half(tmp_path, "docx", b"D"), half(tmp_path, "pdf", b"P")
    made = join(docx, pdf)  # the DOCX came back first
    assert isinstance(made, Made)
    assert list(made.files) == ["pdf", "docx"]
    assert made.files == {"pdf": tmp_path / "annex.pdf", "docx": tmp_path / "annex.docx"}
    assert made.pages == {"pdf": 3, "docx": 0}
    assert made.notes == ("pdf note", "docx note")
    assert made.digests == {"pdf": (1, "pdfpdfpdfpdf"), "docx": (1, "docxdocxdocxdocx")}
    assert made.staged == {}
    assert (tmp_path / "annex.pdf").read_bytes() == b"P" and (tmp_path / "annex.docx").read_bytes() == b"D"
    assert leftovers(tmp_path) == []


def test_an_error_in_either_half_is_returned_and_the_other_half_is_removed(tmp_path: Path) -> None:
    pdf = half(tmp_path, "pdf", b"P")
    assert len(leftovers(tmp_path)) == 1
    problem = error("bad table")
    assert join(pdf, problem) is problem
    assert leftovers(tmp_path) == [] and not (tmp_path / "annex.pdf").exists()
    docx = half(tmp_path, "docx", b"D")
    assert join(problem, docx) is problem
    assert list(tmp_path.iterdir()) == []


def test_two_errors_give_the_first(tmp_path: Path) -> None:
    first, second = error("one"), error("two")
    assert join(first, second) is first
    assert str(join(second, first)) == "sections/a.md:4: error: two"


def test_a_commit_that_fails_is_returned_as_an_error(tmp_path: Path) -> None:
    pdf, docx = half(tmp_path, "pdf", b"P"), half(tmp_path, "docx", b"D")
    next(iter(docx.staged.values())).unlink()  # its temporary file is gone
    result = join(pdf, docx)
    assert isinstance(result, BriefgenError)
    assert [d.message for d in result.diagnostics] == ["could not write output: No such file or directory"]
    assert not (tmp_path / "annex.pdf").exists() and leftovers(tmp_path) == []


def test_abandon_removes_a_half_and_ignores_anything_else(tmp_path: Path) -> None:
    pdf = half(tmp_path, "pdf", b"P")
    abandon(error("x"))
    abandon(None)
    assert len(leftovers(tmp_path)) == 1
    abandon(pdf)
    assert list(tmp_path.iterdir()) == []


def test_the_first_worker_prefers_the_baseline_and_whole_units_the_second_docx() -> None:
    first, second = PREFERENCES
    assert first[:2] == (Kind.BASELINE, Kind.WHOLE) and second[0] is Kind.DOCX
    assert set(first) == set(Kind) and set(second) == set(Kind) - {Kind.BASELINE}
    assert WEIGHTS == {Kind.PDF: 1, Kind.DOCX: 1}
