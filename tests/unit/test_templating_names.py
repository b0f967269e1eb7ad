"""templating.names: the names a template reads, as Jinja's own `find_all` finds them."""

from __future__ import annotations

from pathlib import Path

import jinja2
import jinja2.meta
import jinja2.nodes

from briefgen.templating.names import loaded_names

DEFAULTS = Path(__file__).resolve().parents[2] / "briefgen" / "templates"
SOURCES = [
    "{{ a.b }} {% for x in items %}{{ x | md }}{{ loop.index }}{% endfor %}",
    "{% set y = 1 %}{{ y }}{% if section and country.name %}{{ at(section, 'k') }}{% endif %}",
    "{% macro m(p) %}{{ p ~ q }}{% endmacro %}{{ m(r) }}{% call m(s) %}{{ t }}{% endcall %}",
    "{% with z = w %}{{ z[v] }}{% endwith %}{{ {'k': u}['k'] }}{{ [n1, n2] | join }}",
    "plain text, no markup",
]


def _jinja(tree: jinja2.nodes.Template) -> set[str]:
    return {n.name for n in tree.find_all(jinja2.nodes.Name) if n.ctx == "load"}


def test_the_names_are_those_find_all_finds_in_every_default_template_and_more() -> None:
    env = jinja2.Environment()
    sources = [*SOURCES, *(p.read_text(encoding="utf-8") for p in sorted(DEFAULTS.glob("*.j2")))]
    assert len(sources) > len(SOURCES)
    for source in sources:
        tree = env.parse(source)
        names, refers = loaded_names(tree)
        assert names == _jinja(tree), source
        assert refers == any(True for _ in jinja2.meta.find_referenced_templates(tree)), source
    assert loaded_names(env.parse(SOURCES[0]))[0] == {"a", "items", "x", "loop"}


def test_a_template_that_names_another_is_told_apart() -> None:
    env = jinja2.Environment()
    for source in ('{% include "x.j2" %}', "{% import 'm.j2' as m %}{{ m.f(a) }}", "{% extends name %}"):
        assert loaded_names(env.parse(source))[1], source
    assert loaded_names(env.parse("{% import 'm.j2' as m %}{{ m.f(a) }}"))[0] == {"m", "a"}
