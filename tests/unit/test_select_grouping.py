"""select.grouping: the level of each selected section, and the group headings over profiles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unitkit import load, messages, project_dir, section

from briefgen.load.profiles import Profiles
from briefgen.select.grouping import place

OUTLINE = {
    "sections/01-intro.md": section("Introduction"),
    "sections/02-aland.md": section("Aland", kind="country", locator=False),
    "sections/03-bland.md": section("Bland", kind="country", locator=False),
    "sections/04-mid.md": section("Interlude"),
    "sections/05-cland.md": section("Cland", kind="country", locator=False),
}


def sources(tmp: Path, files: dict[str, str] = OUTLINE) -> tuple[Any, ...]:
    project, reporter = load(project_dir(tmp, files))
    assert project is not None and not reporter.errors, messages(reporter)
    return project.sources


def rows(placed: list[Any]) -> list[tuple[str, int, bool, str, str]]:
    return [(p.source.id, p.level, p.new_page, p.group_id, p.group_title) for p in placed]


def test_each_run_of_profiles_gets_its_own_generated_group(tmp_path: Path) -> None:
    assert rows(place(sources(tmp_path), Profiles(), set())) == [
        ("01-intro", 1, None, "", ""),
        # The group heading opens the page, so its first profile does not break again.
        ("02-aland", 2, False, "country-profiles", "Country profiles"),
        ("03-bland", 2, None, "", ""),
        ("04-mid", 1, None, "", ""),
        ("05-cland", 2, False, "country-profiles-2", "Country profiles"),
    ]


def test_a_group_id_steps_around_ids_already_taken(tmp_path: Path) -> None:
    placed = place(sources(tmp_path), Profiles(group_title="Profiles"), {"country-profiles"})
    assert [(p.group_id, p.group_title) for p in placed if p.group_id] == [
        ("country-profiles-group", "Profiles"),
        ("country-profiles-2", "Profiles"),
    ]


def test_profiles_right_after_group_under_nest_there_and_later_runs_get_a_heading(tmp_path: Path) -> None:
    placed = place(sources(tmp_path), Profiles(group_under="01-intro"), set())
    assert rows(placed)[1:3] == [("02-aland", 2, None, "", ""), ("03-bland", 2, None, "", "")]
    assert rows(placed)[4] == ("05-cland", 2, False, "country-profiles", "Country profiles")


def test_an_empty_group_title_puts_profiles_at_the_top_level(tmp_path: Path) -> None:
    placed = place(sources(tmp_path), Profiles(group_title=""), set())
    assert [(p.source.id, p.level, p.group_id) for p in placed if p.source.id.endswith("land")] == [
        ("02-aland", 1, ""),
        ("03-bland", 1, ""),
        ("05-cland", 1, ""),
    ]


def test_a_profile_that_sets_its_level_is_never_grouped(tmp_path: Path) -> None:
    files = {
        "sections/01-intro.md": section("Introduction"),
        "sections/02-aland.md": section("Aland", kind="country", locator=False, level=2),
        "sections/03-bland.md": section("Bland", kind="country", locator=False, level=1, new_page=False),
    }
    assert rows(place(sources(tmp_path, files), Profiles(), set())) == [
        ("01-intro", 1, None, "", ""),
        ("02-aland", 2, None, "", ""),
        ("03-bland", 1, False, "", ""),
    ]
