"""A single deliverable's PDF and DOCX written side by side: same bytes, errors still reach the user."""

from __future__ import annotations

import os

import pytest

from briefgen.batch import fork as forked
from briefgen.build.assemble import Assembler
from briefgen.build.make import render
from briefgen.build.run import load
from briefgen.errors import BriefgenError, Diagnostic, Pos

pytestmark = pytest.mark.skipif(not forked.available(), reason="forking needs Linux and a single thread")


@pytest.fixture(scope="module")
def assembled(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from conftest import write_project

    body = "".join(f"## Part {i}\n\nSome analysis, with *emphasis* and a list:\n\n- one\n- two\n\n" for i in range(30))
    root = write_project(tmp_path_factory.mktemp("p"), {"sections/03-long.md": f"---\ntitle: Long\n---\n\n{body}"})
    project = load(root)
    return project, Assembler(project).assemble("full")


@pytest.fixture(autouse=True)
def children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the processes `forked.Forked` starts during a test."""
    pids: list[int] = []
    original = forked.Forked.__init__

    def recording(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        pids.append(self.pid)

    monkeypatch.setattr(forked.Forked, "__init__", recording)
    return pids


def _all_reaped(pids: list[int]) -> bool:
    """Every child started has ended and been waited for: no zombie, no orphan."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            continue
        return False
    return bool(pids)


def test_side_by_side_gives_the_same_bytes_as_one_after_the_other(assembled, children) -> None:  # type: ignore[no-untyped-def]
    project, doc = assembled
    together, pages, _, _ = render(doc, project.theme, ("pdf", "docx"), parallel=True)
    apart, _, _, _ = render(doc, project.theme, ("pdf", "docx"), parallel=False)
    assert together["pdf"] == apart["pdf"]
    assert together["docx"] == apart["docx"], "the DOCX contents must get the same page numbers"
    assert pages["pdf"] > 5
    assert _all_reaped(children)


def test_an_error_in_the_docx_process_reaches_the_caller_with_its_position(
    assembled, monkeypatch: pytest.MonkeyPatch, children
) -> None:  # type: ignore[no-untyped-def]
    import briefgen.writers.docx

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise BriefgenError([Diagnostic(Pos("sections/03-long.md", 7), "cannot write this in Word", "fix it")])

    monkeypatch.setattr(briefgen.writers.docx, "write_docx", broken)
    project, doc = assembled
    with pytest.raises(BriefgenError) as caught:
        render(doc, project.theme, ("pdf", "docx"), parallel=True)
    assert str(caught.value.diagnostics[0].pos) == "sections/03-long.md:7"
    assert "cannot write this in Word" in str(caught.value)
    assert _all_reaped(children)


def test_a_crash_in_the_docx_process_is_reported_not_swallowed(
    assembled, monkeypatch: pytest.MonkeyPatch, children
) -> None:  # type: ignore[no-untyped-def]
    import briefgen.writers.docx

    def crash(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(briefgen.writers.docx, "write_docx", crash)
    project, doc = assembled
    with pytest.raises(RuntimeError, match="ZeroDivisionError: boom"):
        render(doc, project.theme, ("pdf", "docx"), parallel=True)
    assert _all_reaped(children)


def test_a_pdf_failure_stops_the_docx_process(assembled, monkeypatch: pytest.MonkeyPatch, children) -> None:  # type: ignore[no-untyped-def]
    import briefgen.writers.pdf

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise BriefgenError([Diagnostic(Pos("sections/03-long.md", 3), "this block cannot be laid out", "split it")])

    monkeypatch.setattr(briefgen.writers.pdf, "write_pdf", broken)
    project, doc = assembled
    with pytest.raises(BriefgenError, match="cannot be laid out"):
        render(doc, project.theme, ("pdf", "docx"), parallel=True)
    assert _all_reaped(children)
