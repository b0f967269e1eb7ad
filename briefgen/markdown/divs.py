"""A markdown-it block rule for Pandoc-style fenced divs (`::: {.class key="v"}` … `:::`).

As in Pandoc, an opening fence must carry attributes and a bare fence closes the
innermost open div, so divs nest with fences of the same length. A div's body is read
by markdown-it's own block rules, so a `:::` inside a code block, fenced code (in a
list item too) or an HTML block is theirs, never a closing fence.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

OPEN = re.compile(r"^(:{3,})\s*(\{.*\}|[A-Za-z][\w-]*)\s*:*\s*$")
CLOSE = re.compile(r"^:{3,}\s*$")
_ATTR = re.compile(r'\s*(?:\.([\w-]+)|#([\w-]+)|([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^\s}]+)))')


def parse_attributes(info: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], str]:
    """`{.a .b key="v" #id}` -> (classes, attributes, leftover text that did not parse)."""
    info = info.strip()
    if not info.startswith("{"):
        return (info,), (), ""
    body = info[1:-1]
    classes: list[str] = []
    attrs: list[tuple[str, str]] = []
    pos = 0
    while pos < len(body):
        m = _ATTR.match(body, pos)
        if not m or m.end() == pos:
            rest = body[pos:].strip()
            return tuple(classes), tuple(attrs), rest
        cls, ident, key, dq, sq, bare = m.groups()
        if cls:
            classes.append(cls)
        elif ident:
            attrs.append(("id", ident))
        else:
            value = dq if dq is not None else sq if sq is not None else bare
            attrs.append((key, re.sub(r"\\(.)", r"\1", value)))
        pos = m.end()
    return tuple(classes), tuple(attrs), ""


def _line(state: StateBlock, n: int) -> str:
    return state.src[state.bMarks[n] + state.tShift[n] : state.eMarks[n]]


def _open_divs(state: StateBlock) -> list[list[int]]:
    """The divs being read, innermost last: [token level of its body, closing line or -1].

    The level tells a fence directly in the div's body from one inside a quote or list
    item within it (markdown-it's `parentType` is not reliable after a setext check).
    """
    return state.env.setdefault("_divs", [])


def fenced_div(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    m = OPEN.match(_line(state, start))
    if not m:
        return False
    if silent:
        return True
    token = state.push("div_open", "div", 1)
    token.info = m.group(2)
    token.markup = m.group(1)
    opened = token
    old_parent = state.parentType
    state.parentType = "div"  # type: ignore[assignment]
    _open_divs(state).append([state.level, -1])
    # The body is read by markdown-it's own rules, so a fence inside a code block or a
    # list item's fenced code is theirs; `div_close` stops this at the closing fence.
    state.md.block.tokenize(state, start + 1, end)
    closed_at = _open_divs(state).pop()[1]
    state.push("div_close", "div", -1)
    state.parentType = old_parent
    if closed_at >= 0:
        state.line = closed_at + 1
    state.line = max(state.line, start + 1)
    opened.map = [start, state.line]
    opened.meta = {"closed": closed_at >= 0}
    return True


def div_close(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """A bare fence: ends the innermost div when read directly inside it.

    In silent mode it only answers whether the line may end a paragraph, quote or list
    (a lazy line `:::` inside a div closes the div, as in Pandoc).
    """
    divs = state.env.get("_divs") or []
    if not divs or state.sCount[start] - state.blkIndent >= 4 or not CLOSE.match(_line(state, start)):
        return False
    if silent:
        return True
    if state.level != divs[-1][0]:
        return False
    divs[-1][1] = start
    state.line = end  # ends the div's tokenize; fenced_div resumes after this line
    return True


def divs_plugin(md: MarkdownIt) -> None:
    alt = {"alt": ["paragraph", "reference", "blockquote", "list"]}
    md.block.ruler.before("fence", "fenced_div", fenced_div, alt)
    md.block.ruler.before("fenced_div", "div_close", div_close, alt)
