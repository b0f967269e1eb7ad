"""templating.render: each template is parsed once (the tree the templater reads names from
is the one compiled), and a render is reused only while the names the template reads keep
their values."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.templating.render import Templater

BODY = """{% for item in items %}- {{ item }} ({{ unit }})
{% endfor %}{% include "tail.j2" %}"""


@pytest.fixture
def templater(tmp_path: Path) -> Templater:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "tail.j2").write_text("by {{ author }}\n", encoding="utf-8")
    t = Templater(tmp_path, tmp_path / "templates")
    t.add_body("sections/a.md", BODY, 5)
    return t


def test_each_template_and_include_is_parsed_once(templater: Templater, parses: list[str | None]) -> None:
    ctx = {"items": ["a", "b"], "unit": "kg", "author": "Ann", "unused": object()}
    assert templater.render("sections/a.md", ctx) == "- a (kg)\n- b (kg)\nby Ann\n"
    assert sorted(map(str, parses)) == ["sections/a.md", "tail.j2"]
    assert templater.env.kept == {}, "a kept tree is dropped once its template compiles"


def test_a_render_is_reused_until_a_name_it_reads_changes(templater: Templater) -> None:
    items = ["a"]
    first = {"items": items, "unit": "kg", "author": "Ann", "unused": 1}
    assert templater.render("sections/a.md", first) == "- a (kg)\nby Ann\n"
    items.append("b")  # the same object: by identity, the render is reused
    assert templater.render("sections/a.md", dict(first, unused=2)) == "- a (kg)\nby Ann\n"
    assert templater.render("sections/a.md", dict(first, unit="t")) == "- a (t)\n- b (t)\nby Ann\n"
    assert templater.render("sections/a.md", dict(first, author="Bo")).endswith("by Bo\n")
    assert templater._names("sections/a.md") >= {"items", "unit", "author"}
    assert "unused" not in templater._names("sections/a.md")


def test_a_syntax_error_still_reads_at_its_line(templater: Templater) -> None:
    from briefgen.errors import BriefgenError

    templater.add_body("sections/b.md", "ok\n{% for x in %}\n", 3)
    with pytest.raises(BriefgenError) as info:
        templater.render("sections/b.md", {})
    assert str(info.value.diagnostics[0]).startswith("sections/b.md:4: error: template syntax error")
