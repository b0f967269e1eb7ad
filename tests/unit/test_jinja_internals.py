"""The Jinja2 internal briefgen relies on (`briefgen.libs.jinja_internals`) still does what we rely on.

After an upgrade, a failure here names the trick to look at, instead of templates parsed
twice or, worse, compiled from a stale tree.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import jinja2
import jinja2.parser

from briefgen.libs import jinja_internals
from briefgen.libs.jinja_internals import ParsedOnce

PACKAGE = Path(jinja_internals.__file__).resolve().parent.parent


def test_parse_and_compile_both_make_their_tree_through_underscore_parse() -> None:
    assert list(inspect.signature(jinja2.Environment._parse).parameters) == ["self", "source", "name", "filename"]
    called: list[str | None] = []

    class Counting(jinja2.Environment):
        def _parse(self, source: str, name: str | None, filename: str | None) -> jinja2.nodes.Template:
            called.append(name)
            return super()._parse(source, name, filename)

    env = Counting()
    env.parse("{{ a }}", "p")
    env.compile("{{ a }}", "c")
    env.from_string("{{ a }}")
    assert called == ["p", "c", None]


def test_a_kept_tree_is_compiled_without_parsing_again_and_then_dropped(parses: list[str | None]) -> None:
    env = ParsedOnce()
    source = "{{ who }} was here"
    tree = env.parse(source, "t.j2", "t.j2")
    env.keep("t.j2", source, "t.j2", tree)
    code = env.compile(source, "t.j2", "t.j2")
    assert parses == ["t.j2"] and env.kept == {}
    assert env.template_class.from_code(env, code, {}).render(who="Ann") == "Ann was here"


def test_a_kept_tree_is_not_used_for_another_source(parses: list[str | None]) -> None:
    env = ParsedOnce()
    env.keep("t.j2", "{{ old }}", "t.j2", env.parse("{{ old }}", "t.j2", "t.j2"))
    template = env.from_string("{{ new }}")  # another name: parsed
    env.compile("{{ new }}!", "t.j2", "t.j2")  # the same name, another source: parsed too
    assert parses == ["t.j2", None, "t.j2"] and template.render(new="yes") == "yes"


def test_no_module_outside_libs_overrides_a_private_jinja_method() -> None:
    found = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "libs" not in path.parts and re.search(r"def _parse\(self, source", path.read_text(encoding="utf-8"))
    ]
    assert found == []
