"""build.assemble: one deliverable's model from a loaded project: its sections templated,
parsed and filtered (what is left out recorded), every problem of every section raised
at once, and what a batch shares (parsed blocks, the template context) made once."""

from __future__ import annotations

from pathlib import Path

import pytest
from unitkit import loaded, messages, project_dir, section

from briefgen.build.assemble import Assembler, _fits
from briefgen.errors import BriefgenError
from briefgen.model import nodes as m
from briefgen.model.layout import Layout


def assembler(tmp_path: Path, files: dict[str, str]) -> Assembler:
    return Assembler(loaded(project_dir(tmp_path, files)))


FILES = {
    "sections/01-intro.md": section("Introduction", "Opening words.\n\n## Scope\n\nWhat it covers.\n"),
    "sections/02-industry.md": section("For industry", "Trade details.\n", audiences=["industry"]),
    "sections/03-mixed.md": section(
        "Mixed", 'For all.\n\n::: {audience="industry"}\nIndustry only.\n:::\n\nAfter the div.\n'
    ),
}


def test_the_full_report_has_every_section_then_the_contact_page(tmp_path: Path) -> None:
    a = assembler(tmp_path, FILES)
    done = a.assemble("full", "industry")
    doc = done.document
    assert [s.title for s in doc.sections][:3] == ["Introduction", "For industry", "Mixed"]
    contact = doc.sections[-1]  # its title set as the text is (no break inside the name)
    assert contact.kind == "contact" and contact.title.replace("\xa0", " ") == a.project.theme.contact.title
    assert doc.meta.layout == Layout.REPORT and doc.meta.title == "Unit briefing" and doc.meta.audience == "industry"
    intro = doc.sections[0]
    assert isinstance(intro.blocks[1], m.Heading) and intro.blocks[1].level == 2  # the section is level 1
    assert done.omissions == ()


def test_another_audience_loses_a_section_and_a_div_and_says_why(tmp_path: Path) -> None:
    done = assembler(tmp_path, FILES).assemble("full", "government")
    titles = [s.title for s in done.document.sections]
    assert "For industry" not in titles
    mixed = next(s for s in done.document.sections if s.title == "Mixed")
    words = " ".join(b.children[0].text for b in mixed.blocks if isinstance(b, m.Paragraph))
    assert "Industry only" not in words and "After the div" in words
    where = [str(o) for o in done.omissions]
    assert any("For industry" in w and "government" in w for w in where)  # the section, by its title
    assert any(
        "sections/03-mixed.md:7" in w and "only for audience industry" in w for w in where
    )  # the div, at its line


def test_every_sections_errors_are_raised_together(tmp_path: Path) -> None:
    files = {
        "sections/01-a.md": section("A", "[x](javascript:a)\n"),
        "sections/02-b.md": section("B", "Fine.\n"),
        "sections/03-c.md": section("C", "[y](file:///etc/passwd)\n"),
    }
    with pytest.raises(BriefgenError) as caught:
        assembler(tmp_path, files).assemble("full")
    found = messages(caught.value)
    assert len(found) == 2 and found[0].startswith("sections/01-a.md:") and found[1].startswith("sections/03-c.md:")


def test_two_deliverables_share_the_blocks_of_a_section_they_both_show(tmp_path: Path) -> None:
    a = assembler(tmp_path, FILES)
    one, two = a.assemble("full", "industry"), a.assemble("full", "government")
    assert one.document.sections[0].blocks is two.document.sections[0].blocks  # parsed once, shared
    assert a.context(one.selection)["brand"] is a.context(two.selection)["brand"]


def test_the_same_text_at_another_level_is_shifted_not_parsed_again(tmp_path: Path) -> None:
    a = assembler(tmp_path, FILES)
    text = "## Sub\n\nWords.\n"
    top = a.parse(text, file="x.md", line_of=lambda i: i + 1, level=1, prefix="x-", base=tmp_path)
    deeper = a.parse(text, file="x.md", line_of=lambda i: i + 1, level=2, prefix="x-", base=tmp_path)
    assert [b.level for b in top if isinstance(b, m.Heading)] == [2]
    assert [b.level for b in deeper if isinstance(b, m.Heading)] == [3]
    assert deeper[1] is top[1]  # the paragraph is the very same object


def test_fits_keeps_headings_within_levels_one_to_six() -> None:
    h = lambda n: m.Heading(n, (), "a")  # noqa: E731
    assert _fits((h(2), h(5)), 1) and not _fits((h(2), h(6)), 1)
    assert not _fits((h(1),), -1)
    assert not _fits((h(6),), -1)  # a capped level-6 heading is never moved up
    assert _fits((m.Paragraph(()),), 9)
