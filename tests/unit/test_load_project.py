"""load.project: briefing.yaml, the outline, section front matter, cuts and clients → `Project`,
with every problem of every file collected at its line."""

from __future__ import annotations

from pathlib import Path

from unitkit import load, messages, project_dir, section

from briefgen.load.formats import SECTION_FIELDS


def test_a_project_loads_sources_in_outline_order_with_their_body_lines(tmp_path: Path) -> None:
    files = {
        "sections/b.md": section("Bee", "Bee text.\n"),
        "sections/a.md": section("Ay", "Ay text.\n", id="first"),
        "sections/c.md": section("Cee", kind="country", locator=False),
    }
    project, reporter = load(project_dir(tmp_path, files, outline=["sections/b.md", "sections/[ac].md"]))
    assert messages(reporter) == []
    assert [(s.id, s.rel, s.body_line) for s in project.sources] == [
        ("b", "sections/b.md", 4),
        ("first", "sections/a.md", 5),
        ("c", "sections/c.md", 6),
    ]
    assert project.sources[0].body == "\nBee text.\n"
    assert [s.id for s in project.countries] == ["c"]
    assert (project.title, project.date, project.audiences) == (
        "Unit briefing",
        "2024-05-01",
        ("government", "industry"),
    )
    assert set(project.cuts) == {"full", "annex", "summary"}


def test_every_problem_of_every_file_is_reported_at_its_line(tmp_path: Path) -> None:
    files = {
        "sections/01-intro.md": section("Intro", audiences=["governmnt"]),
        "sections/02-x.md": "no front matter\n",
        "sections/sub/01-intro.md": section("Again"),
        "sections/04-z.md": section("Zed", kind="country", locator=False),
        "clients/acme.yaml": "name: Acme\ncountries:\n  - 04-z\n  - ylnd\ncuts: [annex, nope]\n",
    }
    outline = ["sections/*.md", "sections/sub/*.md", "sections/none*.md", "sections/intro.md"]
    cuts = {"bad id": {}, "ok": {"audience": "x"}}
    project, reporter = load(project_dir(tmp_path, files, outline=outline, cuts=cuts, profiles={"group_under": "no"}))
    assert project is not None  # the other files' problems are reported too: `check` lists them all
    assert messages(reporter) == [
        "briefing.yaml:4: error: outline pattern 'sections/none*.md' matches no file",
        "briefing.yaml:4: error: outline entry 'sections/intro.md' does not exist "
        "(did you mean 'sections/01-intro.md'?)",
        "sections/01-intro.md:3: error: unknown audience 'governmnt' (did you mean 'government'?)",
        "sections/02-x.md:1: error: section file has no front matter "
        "(start the file with a '---' line, then 'title: …', then '---')",
        "sections/sub/01-intro.md:1: error: duplicate section id '01-intro' (also sections/01-intro.md) "
        "(set a unique 'id:' in the front matter)",
        "briefing.yaml:6: error: cut id 'bad id' must be a simple name of letters, digits, '-' and '_'",
        "briefing.yaml:6: error: cut 'ok': unknown audience 'x' (expected one of: government, industry)",
        "clients/acme.yaml:1: error: client 'acme': unknown cut 'nope' (expected one of: annex, full, ok, summary)",
        "clients/acme.yaml:4: error: client 'acme': unknown country 'ylnd' (expected one of: 04-z)",
        "briefing.yaml:7: error: profiles: 'group_under' names 'no', which is no section of the outline "
        "(expected one of: 01-intro, 04-z)",
    ]


def test_front_matter_errors_point_into_the_section_file(tmp_path: Path) -> None:
    bad = "---\ntitle: A\nlevel: 3\nkind: profile\nunknown_key: 1\n---\nBody.\n"
    _, reporter = load(project_dir(tmp_path, {"sections/a.md": bad}))
    assert messages(reporter) == [
        "sections/a.md:3: error: 'level' must be one of 1, 2 (1 for a top-level section, 2 to nest under the "
        "previous one; default 1, and for profiles their group (see 'group_under'))",
        'sections/a.md:4: error: \'kind\' must be one of section, country ("section" or "country")',
        "sections/a.md:5: error: unknown key 'unknown_key' in section front matter (expected one of: "
        + ", ".join(sorted(SECTION_FIELDS))
        + ")",
    ]


def test_a_client_file_becomes_a_client(tmp_path: Path) -> None:
    files = {
        "sections/a.md": section("Aland", kind="country", locator=False),
        "clients/acme.yaml": 'name: Acme\naudience: industry\ncountries: [a]\nmarking: "RESTRICTED"\nwatermark: true\n',
    }
    project, reporter = load(project_dir(tmp_path, files))
    assert messages(reporter) == []
    client = project.clients["acme"]
    assert (client.name, client.audience, client.countries, client.cuts) == ("Acme", "industry", ("a",), ("annex",))
    assert (client.marking, client.watermark) == ("RESTRICTED", "RESTRICTED")  # `true`: the marking's text


def test_a_built_in_cut_with_nothing_to_show_says_why(tmp_path: Path) -> None:
    project, _ = load(project_dir(tmp_path))
    assert project.idle_builtin("annex") == "the project has no country profiles"
    assert project.idle_builtin("summary") == "no section has 'bottom_line' or 'key_judgements'"
    assert project.idle_builtin("full") is None


def test_no_briefing_yaml_is_one_error_and_no_project(tmp_path: Path) -> None:
    project, reporter = load(tmp_path)
    assert project is None
    assert messages(reporter) == [
        f"{tmp_path.resolve() / 'briefing.yaml'}: error: no briefing.yaml here "
        "(run inside a briefing project or pass --project DIR)"
    ]
