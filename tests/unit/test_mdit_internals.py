"""The markdown-it-py and mdit-py-plugins internals that `markdown/tablerows.py` and `markdown/notes.py` wrap.

Both replace a block rule with a wrapper that calls the original function, which neither
library exports as API, and notes.py reads the footnote plugin's bookkeeping in `env`.
After an upgrade, a failure here says which of them moved.
"""

from __future__ import annotations

import importlib

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_def


def test_the_table_rule_is_the_module_function_tablerows_wraps() -> None:
    table = importlib.import_module("markdown_it.rules_block.table").table
    ruler = MarkdownIt("commonmark").enable("table").block.ruler
    assert table in ruler.getRules("")
    # tablerows.py registers its wrapper with these alternative chains: the same as markdown-it's
    for chain in ("paragraph", "reference"):
        assert table in ruler.getRules(chain), chain


def test_the_footnote_definition_rule_is_the_function_notes_wraps() -> None:
    ruler = MarkdownIt("commonmark").use(footnote_plugin).block.ruler
    assert footnote_def in ruler.getRules("")
    for chain in ("paragraph", "reference"):
        assert footnote_def in ruler.getRules(chain), chain


def test_the_footnote_plugin_marks_an_unreferenced_definition_with_minus_one() -> None:
    env: dict = {}
    MarkdownIt("commonmark").use(footnote_plugin).parse("Text[^a].\n\n[^a]: used\n\n[^b]: unused\n", env)
    assert env["footnotes"]["refs"] == {":a": 0, ":b": -1}
