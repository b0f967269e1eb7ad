"""The generated contact page's errors point at the brand file's `contact:` key."""

from __future__ import annotations

from pathlib import Path

from unitkit import load, project_dir

from briefgen.build.assemble import Assembler
from briefgen.errors import BriefgenError


def test_a_character_the_fonts_lack_in_the_contact_text_is_reported_at_the_brand_file(tmp_path: Path) -> None:
    root = project_dir(tmp_path)
    brand = root / "brand" / "brand.yaml"
    text = brand.read_text(encoding="utf-8")
    brand.write_text(text.replace("of the northern seas.", "of the northern seas 漢."), encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("contact:"))
    project, reporter = load(root)
    assert project is not None, reporter.errors
    try:
        Assembler(project).assemble("full")
    except BriefgenError as exc:
        shown = [f"{d.pos.file}:{d.pos.line}" for d in exc.diagnostics]
    else:
        raise AssertionError("the CJK character was not refused")
    assert shown == [f"brand/brand.yaml:{line}"], shown
