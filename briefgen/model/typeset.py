"""Typesetting rules both writers keep, so the PDF and the DOCX set text alike.

- Code tabs stop every `TAB_COLUMNS` columns: the PDF expands them to spaces, the DOCX
  keeps Word's tabs and puts its code style's tab stops at the same columns.
- Format characters that shape or break text but have no glyph of their own (joiners,
  zero-width spaces, variation selectors) are `INVISIBLE`: the DOCX keeps them for Word,
  and the PDF, which cannot apply them, leaves them out instead of drawing a box.
"""

from __future__ import annotations

import re

# Four columns, as most editors show a tab; Python's indentation reads as typed.
TAB_COLUMNS = 4

# Zero-width space, non-joiner, joiner, word joiner, byte order mark (a zero-width
# no-break space when inside text), and the sixteen variation selectors.
_INVISIBLE = "\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f"
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff" + "".join(chr(c) for c in range(0xFE00, 0xFE10)))
_FIND = re.compile(f"[{_INVISIBLE}]")


def drawable(text: str) -> str:
    """`text` without the `INVISIBLE` characters, for a writer that would draw them as glyphs."""
    return _FIND.sub("", text)
