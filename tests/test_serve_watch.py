"""`briefgen watch` end to end: it builds, rebuilds on a save with a report of what changed,
shows a broken section as `file:line: error:` and keeps the last good file, recovers on
the next save, and stops on Ctrl+C with exit 0 and no partial file."""

from __future__ import annotations

from pathlib import Path

from livekit import Running, arctic_copy, edited, poll
from support import flat, pdf_pages

OPENING = "Three routes matter."


def pdf_text(path: Path) -> str:
    return flat(" ".join(pdf_pages(path))) if path.exists() else ""


def test_watch_rebuilds_on_save_reports_errors_and_recovers(tmp_path: Path) -> None:
    project = arctic_copy(tmp_path)
    section = project / "sections" / "01-routes.md"
    pdf = project / "output" / "full.pdf"
    with Running("watch", "-p", str(project), "--format", "pdf", "--jobs", "1") as watch:
        at, _ = watch.wait_for(r"^watching .* \(Ctrl\+C to stop\)")
        assert any(line.startswith("wrote ") and "full.pdf (" in line for line in watch.lines[:at]), watch.output
        assert OPENING in pdf_text(pdf)

        edited(section, (OPENING, "Four routes matter, counting the sentinel passage."))
        at, _ = watch.wait_for(r"^changed: sections/01-routes\.md$", at)
        at, _ = watch.wait_for(r"^wrote .*full\.pdf \(\d+ pages, \d+\.\d\d s\)$", at)
        at, _ = watch.wait_for(r"^built 1 of 1 deliverable\(s\) in \d+\.\d\d s$", at)
        assert "sentinel passage" in pdf_text(pdf)

        edited(section, ("title: The routes", "title: [The routes"))
        at, _ = watch.wait_for(r"^sections/01-routes\.md:\d+: error: malformed YAML", at)
        at, _ = watch.wait_for(r"^built 0 of 1 deliverable\(s\) .*fix the errors above and save to build again$", at)
        assert "sentinel passage" in pdf_text(pdf)  # the last good file stays

        edited(section, ("title: [The routes", "title: The routes"), ("sentinel passage", "recovered passage"))
        poll(lambda: pdf_text(pdf), lambda text: "recovered passage" in text, "the rebuilt PDF")
        at, _ = watch.wait_for(r"^built 1 of 1 deliverable\(s\)", at)
        code = watch.stop()
    assert code == 0, watch.output
    assert watch.lines[-1].endswith("stopped watching")  # its own line, unless Ctrl+C cut a rebuild's
    assert sorted(p.name for p in pdf.parent.iterdir()) == ["full.pdf", "manifest.json"]


def test_watch_refuses_an_unknown_cut_at_once(tmp_path: Path) -> None:
    project = arctic_copy(tmp_path)
    with Running("watch", "fulll", "-p", str(project), "--format", "pdf") as watch:
        code = watch.proc.wait(timeout=120)
        watch.stop()
    assert code == 2, watch.output
    assert "unknown cut 'fulll'" in watch.output and "did you mean 'full'?" in watch.output
    assert not (project / "output" / "full.pdf").exists()
