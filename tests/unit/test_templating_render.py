"""templating.render: strict, sandboxed Jinja with errors at the template's own file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from unitkit import messages

from briefgen.errors import BriefgenError
from briefgen.templating.render import Templater, attr_escape, long_date, md_escape, thousands


@pytest.fixture
def templater(tmp_path: Path) -> Templater:
    root = tmp_path.resolve()
    (root / "templates").mkdir()
    (root / "templates" / "box.j2").write_text("Box {{ name }}\n{{ nope }}\n", encoding="utf-8")
    (root / "templates" / "hello.j2").write_text("Hello {{ name | md }}\n", encoding="utf-8")
    return Templater(root, root / "templates")


def failure(templater: Templater, name: str, context: dict[str, Any]) -> list[str]:
    with pytest.raises(BriefgenError) as caught:
        templater.render(name, context)
    return messages(caught.value)


def test_filters_for_generated_markdown() -> None:
    assert md_escape("*a* [b] #c") == r"\*a\* \[b\] \#c"
    assert attr_escape('say "hi" \\ bye') == 'say \\"hi\\" \\\\ bye'
    assert (long_date("2021-08-15"), long_date("2021-08"), long_date("2021"), long_date("soon")) == (
        "15 August 2021",
        "August 2021",
        "2021",
        "soon",
    )
    assert long_date("2021-02-30") == "2021-02-30"  # no such day: left as written
    assert (thousands(1135), thousands(1234.5), thousands(True), thousands("12")) == ("1,135", "1,234.5", "True", "12")


def test_a_body_renders_with_its_context_and_plain_markdown_is_returned_as_is(templater: Templater) -> None:
    plain = "Just *Markdown*.\n"
    templater.add_body("sections/a.md", plain, 5)
    assert templater.render("sections/a.md", {}) is plain
    templater.add_body("sections/b.md", "Hi {{ title }}.\n", 5)
    assert templater.render("sections/b.md", {"title": "T"}) == "Hi T.\n"
    templater.add_body("sections/b.md", "Bye {{ title }}.\n", 5)  # a changed body is rendered again
    assert templater.render("sections/b.md", {"title": "T"}) == "Bye T.\n"


def test_project_templates_come_before_the_defaults_and_filters_apply(templater: Templater) -> None:
    assert templater.render("hello.j2", {"name": "*x*"}) == "Hello \\*x\\*\n"


def test_an_undefined_name_is_reported_at_the_bodys_file_line(templater: Templater) -> None:
    templater.add_body("sections/a.md", "Hello {{ title }}\n\n{{ titel }}\n", 5)
    assert failure(templater, "sections/a.md", {"title": "T", "name": "n"}) == [
        "sections/a.md:7: error: undefined variable: 'titel' is undefined "
        "(check the spelling; variables are: name, title)"
    ]


def test_a_misspelt_key_suggests_the_closest_one(templater: Templater) -> None:
    templater.add_body("sections/a.md", "{{ country.nmae }}\n", 2)
    assert failure(templater, "sections/a.md", {"country": {"name": "N"}}) == [
        "sections/a.md:2: error: undefined variable: 'dict object' has no attribute 'nmae' (did you mean 'name'?)"
    ]


def test_a_name_that_is_none_in_this_build_says_so(templater: Templater) -> None:
    templater.add_body("sections/a.md", "x\n{{ client.name }}\n", 3)
    assert failure(templater, "sections/a.md", {"client": None}) == [
        "sections/a.md:4: error: undefined variable: there is no client in this build, so 'client' has no "
        "attributes (wrap it in {% if client %} … {% endif %})"
    ]


def test_an_error_inside_an_included_template_is_reported_there(templater: Templater) -> None:
    templater.add_body("sections/a.md", "{% include 'box.j2' %}\n", 1)
    assert failure(templater, "sections/a.md", {"name": "n"}) == [
        "templates/box.j2:2: error: undefined variable: 'nope' is undefined (check the spelling; variables are: name)"
    ]


def test_a_syntax_error_is_at_its_line(templater: Templater) -> None:
    templater.add_body("sections/b.md", "x\n{% if %}\n", 10)
    assert failure(templater, "sections/b.md", {}) == [
        "sections/b.md:11: error: template syntax error: Expected an expression, got 'end of statement block' "
        "(check the {% … %} and {{ … }} tags)"
    ]


def test_a_missing_template_lists_the_ones_there_are(templater: Templater) -> None:
    (message,) = failure(templater, "missign.j2", {})
    assert message.startswith("missign.j2: error: template 'missign.j2' not found (expected one of: box.j2, ")
    assert "factbox.j2" in message  # the defaults are on the search path too


def test_templates_may_only_read_data(templater: Templater) -> None:
    templater.add_body("sections/c.md", "{{ items.append(3) }}\n", 1)
    assert failure(templater, "sections/c.md", {"items": [1, 2]}) == [
        "sections/c.md:1: error: not allowed in templates: access to attribute 'append' of 'list' object is unsafe. "
        "(templates may only read data)"
    ]


def test_a_failure_is_reported_again_on_the_next_render(templater: Templater) -> None:
    templater.add_body("sections/a.md", "{{ missing }}\n", 1)
    first = failure(templater, "sections/a.md", {})
    assert failure(templater, "sections/a.md", {}) == first


def test_a_template_file_linking_outside_the_project_is_refused(tmp_path: Path) -> None:
    root = (tmp_path / "project").resolve()
    (root / "templates").mkdir(parents=True)
    (tmp_path / "host.j2").write_text("secret\n", encoding="utf-8")
    (root / "templates" / "leak.j2").symlink_to(tmp_path / "host.j2")
    templater = Templater(root, root / "templates")
    (message,) = failure(templater, "leak.j2", {})
    assert message.startswith("templates/leak.j2: error: template 'leak.j2' leads outside the project folder (to ")
    assert message.endswith("(copy it into the project)")


def test_a_saved_body_is_seen_whether_it_gains_or_loses_its_markup(templater: Templater) -> None:
    # What the templater remembers of a body (plain or not, the names it reads, in order)
    # is forgotten when the body changes, as `serve` and `watch` change it on a save.
    templater.add_body("sections/a.md", "Plain.\n", 1)
    assert templater.render("sections/a.md", {"title": "T"}) == "Plain.\n"
    templater.add_body("sections/a.md", "Now {{ title }}.\n", 1)
    assert templater.render("sections/a.md", {"title": "T"}) == "Now T.\n"
    templater.add_body("sections/a.md", "Now {{ title }} {{ b }}.\n", 1)
    assert templater.render("sections/a.md", {"title": "T", "b": "B"}) == "Now T B.\n"
    assert templater.render("sections/a.md", {"title": "T", "b": "C"}) == "Now T C.\n"  # `b` is in the key
    templater.add_body("sections/a.md", "Plain again.\n", 1)
    assert templater.render("sections/a.md", {"title": "T", "b": "C"}) == "Plain again.\n"
