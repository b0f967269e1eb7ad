"""Typography: quotes, dashes and ellipses set the brand's way, and balanced headings.

Every text that reaches the model passes here once: Markdown bodies and templates'
output through markdown-it's `smartquotes` plus the `typeset` core rule below (text
tokens only, so code spans, code blocks and raw HTML keep what was typed), and plain
strings (section and document titles, box titles) through `smarten`. One pass for all,
so that headings, the contents, the chronology and the profiles' facts never disagree.

- Straight quotes become the brand's pair (`Typography.quotes`, default “…” and ‘…’),
  apostrophes ’; curly quotes typed in another style are mapped to the brand's.
- Dashes between words follow `Typography.dash`: "en" sets a spaced en dash (a – b),
  "em" a closed em dash (a—b). A spaced hyphen, `--`, `---`, a spaced or closed em dash
  all count as such a dash; an en dash inside a range (10–14) is left alone.
- `...` becomes an ellipsis.
- A heading's last two words are bound by a no-break space when they are short, so a
  heading never ends on a line holding one word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from markdown_it import MarkdownIt
from markdown_it.rules_core.smartquotes import APOSTROPHE, process_inlines
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from briefgen.design.theme import Typography

DEFAULT = Typography()
NBSP = "\u00a0"
# Any dash with one space on each side, between two words; a text token's edge counts as
# a word ("*a* -- `b`": the dash's token is " -- ").
_SPACED = re.compile(r"(?:(?<=\S)|^)[ ](?:---|--|-|\u2013|\u2014)[ ](?:(?=\S)|$)")
_CLOSED = re.compile(r"(?<=[^\W\d_])(?:---|\u2014)(?=[^\W\d_])")
_DOUBLE_HYPHEN = re.compile(r"(?<=\w)--(?=\w)")
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_CURLY = "\u201c\u201d\u2018\u2019"
# Headings bind their last two words when these together are at most this long: longer
# pairs would leave a visibly short line before them instead.
BIND_CHARS = 20


def dashes(text: str, style: Typography = DEFAULT) -> str:
    """`text` with its word-separating dashes in the brand's style, and ellipses."""
    if "-" not in text and "\u2014" not in text and "\u2013" not in text and "..." not in text:
        return text
    dash = " \u2013 " if style.dash == "en" else "\u2014"
    text = _SPACED.sub(dash, text)
    text = _CLOSED.sub(dash, text)
    text = _DOUBLE_HYPHEN.sub("\u2013", text)
    return _ELLIPSIS.sub("\u2026", text)


def _restyle_curly(text: str, style: Typography, open_single: list[int]) -> str:
    """Curly quotes typed in the default style, mapped to a brand's other style; a
    straight ' that smartquotes left unpaired ('90s, a lone one) becomes an apostrophe.

    ’ closes a ‘ still open in the same run, unless it sits between two letters (an
    apostrophe); otherwise it stays an apostrophe."""
    text = text.replace("'", APOSTROPHE)
    if style.quotes == _CURLY or not any(c in text for c in _CURLY):
        return text
    out = list(text)
    for i, ch in enumerate(text):
        if ch in "\u201c\u201d\u2018":
            out[i] = style.quotes[_CURLY.index(ch)]
            if ch == "\u2018":
                open_single.append(1)
        elif ch == "\u2019" and open_single:
            inside_word = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
            if not inside_word:
                open_single.pop()
                out[i] = style.quotes[3]
    return "".join(out)


def _bind(text: str, words: int) -> str:
    """`text`'s last two words joined by a no-break space, when the whole heading has
    three words or more (`words`) and the last two are short."""
    parts = text.split(" ")
    if words < 3 or len(parts) < 2 or not parts[-1] or not parts[-2]:
        return text
    if len(parts[-1]) + len(parts[-2]) > BIND_CHARS:
        return text
    return " ".join(parts[:-1]) + NBSP + parts[-1]


def bind_last_words(text: str) -> str:
    """A plain heading with its last two words bound, as `_typeset` binds headings."""
    return _bind(text, len(text.split()))


def _typeset(state: StateCore) -> None:
    """The core rule: dashes and ellipses in text tokens, quotes restyled, headings bound."""
    style: Typography = state.md.options["brand_typography"]
    tokens = state.tokens
    for n, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        open_single: list[int] = []
        for child in token.children:
            if child.type == "text":
                child.content = _restyle_curly(dashes(child.content, style), style, open_single)
        last = token.children[-1]
        if n > 0 and tokens[n - 1].type == "heading_open" and last.type == "text":
            # Only the last text token's last space: a heading ending in code or emphasis keeps its breaks.
            words = sum(len(t.content.split()) for t in token.children if t.type in ("text", "code_inline"))
            last.content = _bind(last.content, words)


def use_typography(md: MarkdownIt, style: Typography) -> MarkdownIt:
    """Set `md` to typeset in `style`: smart quotes, then the `typeset` rule."""
    md.options["typographer"] = True
    md.options["quotes"] = style.quotes
    md.options["brand_typography"] = style
    md.enable("smartquotes")
    md.core.ruler.before("text_join", "typeset", _typeset)
    return md


@lru_cache(maxsize=8)
def _quote_state(quotes: str) -> SimpleNamespace:
    return SimpleNamespace(md=SimpleNamespace(options=SimpleNamespace(quotes=quotes)))


def smarten(text: str, style: Typography = DEFAULT) -> str:
    """A plain string (a title, a box title) set like body text: quotes, dashes, ellipses."""
    if not text:
        return text
    token = Token("text", "", 0, content=text)
    if "'" in text or '"' in text:
        process_inlines([token], _quote_state(style.quotes))  # type: ignore[arg-type]
    return _restyle_curly(dashes(token.content, style), style, [])


def smarten_title(text: str, style: Typography = DEFAULT) -> str:
    """A title that prints as a heading: smartened, its last two words bound."""
    return bind_last_words(smarten(text, style))
