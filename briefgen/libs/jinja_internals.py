"""Every use of Jinja2 beyond its documented API, in one place.

Each piece names the Jinja2 version it was checked against and why briefgen needs it;
`tests/unit/test_jinja_internals.py` checks each against the installed Jinja2, so an
upgrade that moves one fails there, by name. The pin in pyproject.toml stops at the next
major version.
"""

from __future__ import annotations

from typing import Any

import jinja2
import jinja2.nodes

CHECKED = "3.1.6"  # the Jinja2 version everything here was last checked against


class ParsedOnce(jinja2.Environment):
    """An environment mixin that compiles a template from a tree already parsed.

    The templater reads the names a template uses from its tree before the first render;
    compiling would parse the same source again. `keep` hands that tree to the next
    compile of the same name and source.

    Checked against Jinja2 3.1.6: `Environment._parse(source, name, filename)` is the one
    method both the public `parse` and `compile` call to make a tree; it is private, so
    this override is the trick to re-check after an upgrade. A tree is kept only until its
    template compiles, at most one per template name, and only for the very source (and
    file name) it was parsed from.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kept: dict[str | None, tuple[str, str | None, jinja2.nodes.Template]] = {}

    def keep(self, name: str, source: str, filename: str | None, tree: jinja2.nodes.Template) -> None:
        """Let the next compile of `name` from this very `source` use `tree`."""
        self.kept[name] = (source, filename, tree)

    def _parse(self, source: str, name: str | None, filename: str | None) -> jinja2.nodes.Template:
        kept = self.kept.pop(name, None)
        if kept is not None and kept[0] == source and kept[1] == filename:
            return kept[2]
        return super()._parse(source, name, filename)
