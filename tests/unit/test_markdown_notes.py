"""markdown.notes: where each footnote definition is, so an unreferenced one is reported there."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from briefgen.markdown.notes import footnote_lines_plugin, unreferenced


def env_of(text: str) -> dict:
    env: dict = {}
    MarkdownIt("commonmark").use(footnote_plugin).use(footnote_lines_plugin).parse(text, env)
    return env


def test_unreferenced_definitions_are_listed_with_their_lines() -> None:
    env = env_of("Text[^a].\n\n[^a]: Used.\n\n[^b]: Not used,\n    over two lines.\n\n[^c]: Nor this.\n")
    assert unreferenced(env) == [("b", 4), ("c", 7)]


def test_every_definition_records_the_lines_it_spans() -> None:
    env = env_of("Text[^a].\n\n[^a]: First\n    and second.\n\nAfter.\n")
    assert env["footnote_spans"] == [(2, 5)]
    assert unreferenced(env) == []


def test_text_without_notes_leaves_nothing_behind() -> None:
    assert unreferenced(env_of("Plain text.\n")) == []
