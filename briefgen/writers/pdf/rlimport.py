"""Loading reportlab's platypus without paying for its one slow regular expression.

`reportlab.platypus.paragraph` compiles, as it is imported, a case-insensitive URL
pattern with `\\xa1-\\uffff` ranges (`uri_pat`). That takes some 30 ms, a quarter of
the PDF writer's import, for a pattern used only when a URL has to be broken across
lines. While that module loads, this one pattern is wrapped so that it compiles on first
use; every other pattern compiles as usual. If reportlab changes the pattern, nothing
matches and the import simply costs what it did.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class _OnFirstUse:
    """Stands in for a compiled pattern; compiles it when a method is first looked up."""

    __slots__ = ("_compile", "_compiled", "_source")

    def __init__(self, source: tuple[str, int], compile_: Any) -> None:
        self._source = source
        self._compile = compile_
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = self._compile(*self._source)
        return getattr(self._compiled, name)


def load_platypus() -> None:
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    real = re.compile

    def compile_(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
            return _OnFirstUse((pattern, flags), real)
        return real(pattern, flags)

    re.compile = compile_  # type: ignore[assignment]
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = real
