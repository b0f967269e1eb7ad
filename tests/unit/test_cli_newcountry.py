"""cli.newcountry: `briefgen new country NAME` writes a profile pre-filled from the world
map (facts, borders, the geography of tiers) that loads, never overwrites one, and says
when the outline will not include it."""

from __future__ import annotations

from pathlib import Path

import pytest
from unitkit import loaded, project_dir

from briefgen import geo
from briefgen.cli import newcountry
from briefgen.cli.newcountry import new_country, population, slug
from briefgen.errors import BriefgenError, UsageError


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Côte d'Ivoire", "cote-divoire"), ("Bosnia and Herz.", "bosnia-and-herz"), ("!!!", "country")],
)
def test_slug_is_ascii_words_joined_by_dashes(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_population_reads_as_an_estimate() -> None:
    norway = geo.lookup("Norway")
    assert norway is not None
    text = population(norway)
    assert text.startswith("about ") and "million" in text and "estimate" in text


def test_a_profile_is_written_pre_filled_and_loads(tmp_path: Path) -> None:
    root = project_dir(tmp_path, outline=["sections/*.md", "sections/countries/*.md"])
    path, note = new_country(root, "NOR")
    assert path == root / "sections" / "countries" / "norway.md" and note == ""
    text = path.read_text(encoding="utf-8")
    assert 'title: "Norway"' in text and "kind: country" in text and "Sweden" in text  # a land border
    assert any(s.rel.endswith("countries/norway.md") for s in loaded(root).sources)


def test_a_profile_outside_the_outline_gets_a_note(tmp_path: Path) -> None:
    _, note = new_country(project_dir(tmp_path), "Norway")
    assert note == "add 'sections/countries/norway.md' to 'outline:' in briefing.yaml to include it"


def test_an_existing_profile_is_never_overwritten(tmp_path: Path) -> None:
    root = project_dir(tmp_path)
    path, _ = new_country(root, "Norway")
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(BriefgenError) as caught:
        new_country(root, "norway")
    assert "was not overwritten" in caught.value.diagnostics[0].message and path.read_text(encoding="utf-8") == "mine"


def test_an_unknown_country_or_no_project_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        new_country(project_dir(tmp_path), "Norwey")
    assert "unknown country 'Norwey'" in caught.value.diagnostics[0].message
    with pytest.raises(BriefgenError) as caught:
        new_country(tmp_path / "nowhere", "Norway")
    assert caught.value.diagnostics[0].message == "no briefing.yaml here"


def test_a_profile_written_meanwhile_by_a_concurrent_run_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project_dir(tmp_path)
    target = root / "sections" / "countries" / "norway.md"
    made = newcountry.profile

    def racing(*args: object) -> str:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("theirs", encoding="utf-8")
        return made(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(newcountry, "profile", racing)
    with pytest.raises(BriefgenError) as caught:
        new_country(root, "Norway")
    assert "was not overwritten" in caught.value.diagnostics[0].message
    assert target.read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in target.parent.iterdir()) == ["norway.md"]  # no temporary left
