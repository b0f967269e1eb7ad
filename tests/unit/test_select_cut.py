"""select.cut: one cut × audience × client → the sources in order, and why others are missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from unitkit import load, loaded, messages, project_dir, section

from briefgen.errors import BriefgenError, UsageError
from briefgen.select.cut import _included, select

FILES = {
    "sections/00-exec.md": section("Executive summary", audiences=["government"]),
    "sections/01-intro.md": section("Introduction"),
    "sections/02-trade.md": section("Trade", level=2),
    "sections/countries/aland.md": section("Aland", kind="country", locator=False),
    "sections/countries/bland.md": section("Bland", kind="country", locator=False, audiences=["industry"]),
    "sections/countries/cland.md": section("Cland", kind="country", locator=False),
    "clients/acme.yaml": 'name: "Acme"\naudience: "industry"\ncountries: ["cland", "aland"]\n',
    "clients/plain.yaml": 'name: "Plain"\n',
}
CUTS = {
    "intro-only": {"title": "Intro", "include": ["01-intro", "sections/countries/b*.md"]},
    "briefs": {"title": "Briefs", "layout": "annex", "include": ["countries"], "audience": "industry"},
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = project_dir(
        tmp_path_factory.mktemp("select"),
        FILES,
        outline=["sections/00-exec.md", "sections/01-intro.md", "sections/02-trade.md", "sections/countries/*.md"],
        cuts=CUTS,
    )
    return loaded(root)


def ids(sel: Any) -> list[str]:
    return [s.id for s in sel.sources]


def test_the_full_report_keeps_the_outline_order_for_the_default_audience(project: Any) -> None:
    sel = select(project, "full")
    assert (sel.name, sel.audience, sel.client) == ("full", "government", None)
    assert ids(sel) == ["00-exec", "01-intro", "02-trade", "aland", "cland"]
    assert [str(o) for o in sel.omissions] == ["§ Country profiles › Bland: audience government excluded"]


def test_an_audience_drops_the_sections_not_meant_for_it(project: Any) -> None:
    sel = select(project, "full", "industry")
    assert ids(sel) == ["01-intro", "02-trade", "aland", "bland", "cland"]
    assert [str(o) for o in sel.omissions] == ["§ Executive summary: audience industry excluded"]


def test_include_matches_ids_and_globs_and_names_what_it_leaves_out(project: Any) -> None:
    sel = select(project, "intro-only", "industry")
    assert ids(sel) == ["01-intro", "bland"]
    assert "§ Introduction › Trade: not in cut 'intro-only'" in [str(o) for o in sel.omissions]


def test_a_client_annex_follows_the_clients_order_and_countries(project: Any) -> None:
    sel = select(project, "annex", client_id="acme")
    assert sel.name == "annex-acme"
    assert sel.audience == "industry"  # the client's audience, when none is asked for
    assert ids(sel) == ["cland", "aland"]
    assert "§ Country profiles › Bland: not in client countries" in [str(o) for o in sel.omissions]


def test_a_cuts_own_audience_applies_when_none_is_asked(project: Any) -> None:
    assert select(project, "briefs").audience == "industry"
    assert select(project, "briefs", "government").audience == "government"


def test_an_unknown_cut_is_a_usage_error_with_the_closest_name(project: Any) -> None:
    with pytest.raises(UsageError) as caught:
        select(project, "ful")
    assert messages(caught.value) == ["<command line>: error: unknown cut 'ful' (did you mean 'full'?)"]


def test_an_unknown_client_lists_the_clients_or_says_how_to_add_one(project: Any, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        select(project, "annex", client_id="zzz")
    assert messages(caught.value) == ["<command line>: error: unknown client 'zzz' (expected one of: acme, plain)"]
    bare, _ = load(project_dir(tmp_path))
    with pytest.raises(UsageError) as caught:
        select(bare, "full", client_id="acme")
    assert messages(caught.value) == ["<command line>: error: unknown client 'acme' (add clients/<id>.yaml)"]


def test_an_unknown_audience_on_the_command_line_is_a_usage_error(project: Any) -> None:
    with pytest.raises(UsageError) as caught:
        select(project, "full", "industy")
    assert messages(caught.value) == ["<command line>: error: unknown audience 'industy' (did you mean 'industry'?)"]


def test_an_include_that_matches_nothing_is_an_error_at_the_cut(tmp_path: Path) -> None:
    root = project_dir(tmp_path, cuts={"short": {"include": ["01-intro", "intro"]}})
    project, reporter = load(root)
    assert project is not None and not reporter.errors, messages(reporter)
    with pytest.raises(BriefgenError) as caught:
        select(project, "short")
    assert not isinstance(caught.value, UsageError)
    assert messages(caught.value) == [
        "briefing.yaml:6: error: cut 'short' includes 'intro', which matches no section (did you mean '01-intro'?)"
    ]


def test_the_includes_are_remembered_by_the_names_they_read_so_a_new_section_is_seen() -> None:
    named = (("01-intro", "sections/01-intro.md", False), ("bland", "sections/countries/bland.md", True))
    include = ("01-intro", "sections/countries/b*.md", "countries", "gone")
    first = _included(include, named)
    assert first == (("gone",), (True, True)) and _included(include, named) is first  # the same answer, remembered
    grown = (*named, ("gone", "sections/gone.md", False), ("dland", "sections/countries/dland.md", True))
    assert _included(include, grown) == ((), (True, True, True, True))  # a section added: a new answer
    assert _included((), named) == ((), (False, False))  # an empty include leaves every section out
