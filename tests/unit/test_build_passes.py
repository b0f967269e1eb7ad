"""build.passes: a section's filtering, a section's glyph and figure check and a document's
links, each remembered by the blocks it read and replayed with the same objects, warnings
and errors; keyed so that what differs (audience, a title, a section set) is not shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from unitkit import loaded, messages, project_dir, section

from briefgen.build.assemble import Assembler
from briefgen.build.passes import Passes
from briefgen.errors import BriefgenError
from briefgen.model import nodes as m
from briefgen.transform.links import resolve_links

FILES = {
    "sections/01-intro.md": section(
        "Introduction", 'For all.\n\n::: {audience="industry"}\nIndustry only.\n:::\n\nSee [the end](#02-end).\n'
    ),
    "sections/02-end.md": section("End", "Plain words, no div.\n"),
    "clients/acme.yaml": "name: Acme\n",
    "clients/bolt.yaml": "name: Bolt\n",
}


def assembler(tmp_path: Path, files: dict[str, str] = FILES, **briefing: object) -> Assembler:
    return Assembler(loaded(project_dir(tmp_path, files, **briefing)))


def body(done, title: str) -> tuple[m.Block, ...]:
    return next(s.blocks for s in done.document.sections if s.title == title)


def test_a_section_is_filtered_once_per_value_its_divs_test(tmp_path: Path) -> None:
    a = assembler(tmp_path)
    one, two = a.assemble("full", "industry", "acme"), a.assemble("full", "industry", "bolt")
    # The divs test the audience only: both clients get the very same filtered tuple.
    assert body(one, "Introduction") is body(two, "Introduction")
    other = a.assemble("full", "government", "acme")
    intro = body(other, "Introduction")
    assert intro is not body(one, "Introduction")
    texts = [b.children[0].text for b in intro if isinstance(b, m.Paragraph)]
    assert "Industry only." not in texts and "Industry only." in [
        b.children[0].text for b in body(one, "Introduction") if isinstance(b, m.Paragraph)
    ]
    # The omission is replayed for each deliverable that leaves the div out.
    again = a.assemble("full", "government", "bolt")
    assert [str(o) for o in again.omissions] == [str(o) for o in other.omissions]
    assert any("only for audience industry" in str(o) for o in again.omissions)


def test_blocks_without_a_div_pass_as_they_are(tmp_path: Path) -> None:
    a = assembler(tmp_path)
    parsed = a.section_blocks(a.project.sources[1], a.context(_sel(a)), 1)
    done = a.assemble("full", "industry")
    assert body(done, "End") is parsed


def _sel(a: Assembler):
    from briefgen.select.cut import select

    return select(a.project, "full", "industry", None)


def test_a_filter_error_is_reported_for_every_deliverable(tmp_path: Path) -> None:
    files = {"sections/01-a.md": section("A", '::: {audience="industri"}\nTypo.\n:::\n')}
    a = assembler(tmp_path, files)
    for client in (None, None):
        with pytest.raises(BriefgenError) as err:
            a.assemble("full", "industry", client)
        assert any("unknown audience 'industri'" in t for t in messages(err.value))


def test_glyph_problems_are_replayed_and_keyed_by_the_title(tmp_path: Path) -> None:
    files = {"sections/01-a.md": section("A", "Text with \u4e2d in it.\n")}
    a = assembler(tmp_path, files)
    with pytest.raises(BriefgenError) as first:
        a.assemble("full", "industry")
    with pytest.raises(BriefgenError) as second:
        a.assemble("full", "government")
    assert messages(first.value) == messages(second.value)
    assert any("\u4e2d" in t or "U+4E2D" in t for t in messages(first.value))
    passes = Passes(a.caches, a.project.theme)
    meta = a.meta(_sel(a))
    blocks = (m.Paragraph((m.Text("Fine."),)),)
    clean = m.Document(meta, (m.Section("a", "Title", 1, blocks, m.Pos("a.md", 1)),))
    bad = m.Document(meta, (m.Section("a", "Title \u4e2d", 1, blocks, m.Pos("a.md", 1)),))
    assert passes.problems(clean) == []
    assert passes.problems(bad) != []  # the same blocks, another title: not the clean answer
    assert passes.problems(clean) == []


def test_links_are_resolved_as_resolve_links_does_and_a_strict_failure_replays(tmp_path: Path) -> None:
    a = assembler(tmp_path)
    passes = Passes(a.caches, a.project.theme)
    meta = a.meta(_sel(a))
    link = (m.Paragraph((m.Text("See "), m.Link("#gone", (m.Text("it"),)))),)
    doc = m.Document(meta, (m.Section("s", "S", 1, link, m.Pos("s.md", 1)),))
    expected = resolve_links(doc, strict=False)
    for _ in range(2):
        got = passes.linked(doc, strict=False)
        assert got[0] == expected[0] and messages(got[1]) == messages(expected[1])
        with pytest.raises(BriefgenError) as err:
            passes.linked(doc, strict=True)
        assert messages(err.value) and all(": error: link to '#gone'" in t for t in messages(err.value))
    # Another section set (the target present) is another answer.
    target = m.Section("gone", "Gone", 1, (), m.Pos("g.md", 1))
    whole = m.Document(meta, (*doc.sections, target))
    assert passes.linked(whole, strict=True)[1] == []


def test_a_countrys_generated_parts_and_body_join_into_one_tuple(tmp_path: Path) -> None:
    files = {
        "sections/01-intro.md": section("Introduction"),
        "sections/countries/aland.md": section(
            "Aland", "Its profile.\n", kind="country", locator=False, bottom_line="A short verdict."
        ),
    }
    a = assembler(tmp_path, files, outline=["sections/01-intro.md", "sections/countries/*.md"])
    src = next(s for s in a.project.sources if s.meta.is_country)
    ctx = a.context(_sel(a))
    first, second = a.section_blocks(src, ctx, 2), a.section_blocks(src, ctx, 2)
    assert first is second and len(first) >= 2
    assert first[-1].children[0].text == "Its profile."  # the generated parts first, then the body


def test_memos_that_start_over_at_their_bound_give_the_same_documents(tmp_path: Path) -> None:
    a = assembler(tmp_path)
    tiny = assembler(tmp_path / "tiny")
    for attr in ("filtered", "checked", "linked", "joined"):
        getattr(tiny.caches, attr).bound = 1  # every new entry clears the memo first
    for audience in ("industry", "government", "industry"):
        for client in (None, "acme", "bolt"):
            want, got = a.assemble("full", audience, client), tiny.assemble("full", audience, client)
            assert got.document == want.document
            assert [str(o) for o in got.omissions] == [str(o) for o in want.omissions]
            assert messages(got.warnings) == messages(want.warnings)


def test_a_fact_box_with_position_markers_is_parsed_once_for_every_level(tmp_path: Path) -> None:
    files = {
        "sections/01-intro.md": section("Introduction"),
        "sections/countries/aland.md": section("Aland", "Its profile.\n", kind="country", locator=False, border_km=120),
    }
    a = assembler(tmp_path, files, outline=["sections/01-intro.md", "sections/countries/*.md"])
    parsed: list[int] = []
    parse_body = a._parse_body
    a._parse_body = lambda text, **kw: (parsed.append(kw["shift"]), parse_body(text, **kw))[1]  # type: ignore[method-assign]
    src = next(s for s in a.project.sources if s.meta.is_country)
    ctx = a.context(_sel(a))
    report, annex = a.section_blocks(src, ctx, 2), a.section_blocks(src, ctx, 1)
    assert parsed == [2, 2]  # the fact box (marked text) and the body, at the report's level only
    assert len(report) == len(annex) >= 2 and report[-1].children[0].text == "Its profile."
    assert [getattr(b, "pos", None) for b in report] == [getattr(b, "pos", None) for b in annex]  # its lines kept
    assert report[0].pos.file == "sections/countries/aland.md"
