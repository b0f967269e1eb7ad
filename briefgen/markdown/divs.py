"""A markdown-it block rule for Pandoc-style fenced divs (`::: {.class key="v"}` … `:::`).

As in Pandoc, an opening fence must carry attributes and a bare fence closes the
innermost open div, so divs nest with fences of the same length. Fences inside code
blocks are ignored.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

OPEN = re.compile(r"^(:{3,})\s*(\{.*\}|[A-Za-z][\w-]*)\s*:*\s*$")
CLOSE = re.compile(r"^:{3,}\s*$")
CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")
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


def fenced_div(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    m = OPEN.match(_line(state, start))
    if not m:
        return False
    if silent:
        return True
    depth, line, in_code, closed = 1, start, "", False
    while True:
        line += 1
        if line >= end:
            break
        if state.sCount[line] < state.blkIndent and not state.isEmpty(line):
            break
        text = _line(state, line)
        fence = CODE_FENCE.match(text)
        if in_code:
            if fence and fence.group(1)[0] == in_code[0] and len(fence.group(1)) >= len(in_code):
                in_code = ""
            continue
        if fence:
            in_code = fence.group(1)
        elif OPEN.match(text):
            depth += 1
        elif CLOSE.match(text):
            depth -= 1
            if depth == 0:
                closed = True
                break
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "div"  # type: ignore[assignment]
    state.lineMax = line
    token = state.push("div_open", "div", 1)
    token.info = m.group(2)
    token.markup = m.group(1)
    token.map = [start, line + 1 if closed else line]
    token.meta = {"closed": closed}
    state.md.block.tokenize(state, start + 1, line)
    token = state.push("div_close", "div", -1)
    state.parentType, state.lineMax = old_parent, old_max
    state.line = line + 1 if closed else line
    return True


def divs_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before("fence", "fenced_div", fenced_div, {"alt": ["paragraph", "reference", "blockquote", "list"]})
