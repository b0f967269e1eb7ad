"""Where each footnote is defined, so that one never referenced is reported at its line.

The footnote plugin drops an unreferenced definition from the token stream, line map
and all. This wraps its block rule to note the 0-based line of every definition in
`env["footnote_lines"]` (label → line) as the parser reads it, and the lines each
definition spans in `env["footnote_spans"]`: an unreferenced note's text is reported
as such, not as lines the parser did not understand.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from mdit_py_plugins.footnote.index import footnote_def


def footnote_lines_plugin(md: MarkdownIt) -> None:
    def noted(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        before = set(state.env.get("footnotes", {}).get("refs", {}))
        ok = footnote_def(state, start, end, silent)
        if ok and not silent:
            lines = state.env.setdefault("footnote_lines", {})
            for label in set(state.env["footnotes"]["refs"]) - before:
                lines[label] = start
            state.env.setdefault("footnote_spans", []).append((start, state.line))
        return ok

    md.block.ruler.at("footnote_def", noted, {"alt": ["paragraph", "reference"]})


def unreferenced(env: dict) -> list[tuple[str, int]]:
    """(label, 0-based line) of every footnote defined but never referenced."""
    refs = env.get("footnotes", {}).get("refs", {}) or {}
    lines = env.get("footnote_lines", {})
    return [(label[1:], lines.get(label, 0)) for label, ref in refs.items() if ref == -1]
