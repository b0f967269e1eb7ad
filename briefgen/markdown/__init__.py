"""Markdown → document model: markdown-it-py with tables, footnotes and fenced divs."""

from briefgen.markdown.parse import parse_body

__all__ = ["parse_body"]
