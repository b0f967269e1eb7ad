"""cli/rebuild.py: `serve`'s page rebuilt in-process, keeping memos across saves of Markdown
files: the same bytes as a fresh build after every kind of save, errors at their moved
lines, and every memo of the assembler classified as kept or dropped."""

from __future__ import annotations

from pathlib import Path

from unitkit import messages, project_dir, section, write

from briefgen.batch.caches import MEMOS
from briefgen.batch.units import Request
from briefgen.cli.rebuild import BY_FILE, DROPPED, KEPT, Rebuilder


def fresh(root: Path, cut: str = "full") -> bytes | None:
    return Rebuilder(root, Request(cut)).page().data


def test_every_memo_is_either_kept_or_dropped_across_a_rebuild() -> None:
    assert set(MEMOS) == KEPT | DROPPED and not KEPT & DROPPED
    assert set(BY_FILE) <= KEPT


def test_a_kept_rebuild_writes_what_a_fresh_one_writes_after_each_kind_of_save(tmp_path: Path) -> None:
    root = project_dir(
        tmp_path,
        {
            "sections/01-intro.md": section("Introduction", "The opening paragraph.\n"),
            "sections/02-detail.md": section("Detail", "A second section, never saved.\n"),
        },
    )
    rebuilder = Rebuilder(root, Request("full"))
    first = rebuilder.page()
    assert first.data is not None and b"The opening paragraph." in first.data
    saves = [
        {"sections/01-intro.md": section("Introduction", "The opening paragraph, rewritten.\n")},
        {"sections/01-intro.md": section("Renamed", "The opening paragraph, rewritten.\n")},
        {"sections/03-new.md": section("Added", "A section added by a glob.\n")},
        {
            "brand/brand.yaml": (root / "brand" / "brand.yaml")
            .read_text(encoding="utf-8")
            .replace("name:", "name: X", 1)
        },
    ]
    for files in saves:
        write(root, files)
        rebuilder.saved(files)
        page = rebuilder.page()
        assert page.errors == () and page.data == fresh(root), files
    assert b"Renamed" in page.data and b"A section added by a glob." in page.data


def test_an_error_is_reported_at_its_line_after_the_front_matter_moved_it(tmp_path: Path) -> None:
    body = "A fine paragraph.\n\nA link to [nowhere](#nowhere) and a glyph no font has: 漢.\n"
    root = project_dir(tmp_path, {"sections/01-intro.md": section("Introduction", body)})
    rebuilder = Rebuilder(root, Request("full"))
    before = messages(rebuilder.page().errors)
    assert before and before == messages(Rebuilder(root, Request("full")).page().errors)
    moved = "---\n# two comment lines\n# move the body down\n" + section("Introduction", body)[4:]
    write(root, {"sections/01-intro.md": moved})
    rebuilder.saved(["sections/01-intro.md"])
    after = messages(rebuilder.page().errors)
    assert after == messages(Rebuilder(root, Request("full")).page().errors)
    assert after != before and [a.replace(":9:", ":7:") for a in after] == before


def test_the_command_lines_typo_is_a_usage_error_and_a_bug_an_internal_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    root = project_dir(tmp_path)
    typo = Rebuilder(root, Request("fulll")).page()
    assert typo.usage and typo.data is None and "unknown cut 'fulll'" in messages(typo.errors)[0]
    import briefgen.build.make as make

    def broken(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(make, "render", broken)
    bug = Rebuilder(root, Request("full")).page()
    assert not bug.usage and bug.name == "full.html"
    assert messages(bug.errors) == [
        "<full.html>: error: internal error: ZeroDivisionError: a bug "
        "(a briefgen bug: run with --debug for details, and please report it)"
    ]
