"""The names a Jinja template reads, found in one walk of its parsed tree.

The templater keys each render by the values of the names a template reads
(`render.Templater._memo_key`), so it reads them from every template before its first
render. Jinja's `find_all` gives the same nodes through nested generators, which cost
more than the rest of reading the template; this walk uses a stack.
"""

from __future__ import annotations

import jinja2.nodes

_REFERENCES = (jinja2.nodes.Extends, jinja2.nodes.FromImport, jinja2.nodes.Import, jinja2.nodes.Include)


def loaded_names(tree: jinja2.nodes.Node) -> tuple[set[str], bool]:
    """The names `tree` loads (`Name` nodes read, not stored), and whether it names other
    templates (extends, imports, includes: `jinja2.meta.find_referenced_templates` then
    says which)."""
    names: set[str] = set()
    refers = False
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, jinja2.nodes.Name):
            if node.ctx == "load":
                names.add(node.name)
        elif isinstance(node, _REFERENCES):
            refers = True
        for field in node.fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                stack.extend(item for item in value if isinstance(item, jinja2.nodes.Node))
            elif isinstance(value, jinja2.nodes.Node):
                stack.append(value)
    return names, refers
