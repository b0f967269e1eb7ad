"""Where a narrow column's text breaks its lines, decided once for both writers.

A typesetter's rules for a fact box's values, where a column holds a few words a line:

- a line may end at a space, or after a dash or hyphen set with no space around it
  ("Oslo–|Bergen", "trans-|Atlantic"): a discretionary break, with no hyphen added;
- a word is hyphenated only when it is wider than a whole line by itself, at a point
  pyphen's dictionary allows with at least `columns.HYPHEN_MIN` letters on either side;
- a capitalised word (a proper noun) is never hyphenated where a lowercase word or a
  break above would do; `Breaks.capitals` counts the times it had to be, so a plan can
  widen the column instead.

reportlab breaks only at spaces and soft hyphens, so the result is written into the
text: a hard line break after each dash that ends a line, and a soft hyphen at each
hyphenation point used (and none elsewhere). Lines are filled greedily, with the
brand's advance widths (`columns.text_width`), as reportlab and Word fill them, so the
breaks at spaces fall where this plan expects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from briefgen.model import nodes as m
from briefgen.writers.common.columns import SHY, dictionary, text_width

DASHES = "\u2013\u2014-"  # en dash, em dash, hyphen: a line may end after one set solid
BREAK = "\n"  # in `Breaks.marks`: a line ends here with no hyphen (after a dash)

# A piece is what lies between two free break points: a run of non-spaces up to and
# including a dash that has a non-space on both sides.
_L = r"[^\W\d_]"  # a letter: a dash between two figures ("2017–2018") stays whole
_S, _NS = "[ \t\n]", "[^ \t\n]"  # a no-break space (a number and its unit) is no break point
_PIECE = re.compile(rf"{_NS}+?(?:(?<={_L})[{DASHES}](?={_NS})|(?<={_NS})[{DASHES}](?={_L})|(?={_S})|$)")
_RUN = re.compile(r"[^\W\d_]+")  # letters only: what pyphen may hyphenate


@dataclass(frozen=True)
class Breaks:
    """A text's lines in a column: how many, the marks to insert at offsets of its plain
    text (`BREAK` or `SHY`), proper nouns hyphenated, and pieces too wide even so."""

    lines: int
    marks: tuple[tuple[int, str], ...]
    capitals: int
    overflows: int


@dataclass
class _Line:
    """The line being filled: its width so far and where its text ends."""

    used: float = 0.0
    end: int = 0  # offset just past the line's last piece


def plan(text: str, room: float, font: Path, size: float) -> Breaks:
    """Where `text` breaks in a column `room` points wide (see the module docstring)."""
    return _plan(text, round(room, 3), font, size)


@lru_cache(maxsize=8192)  # a batch plans the same fact values for every deliverable
def _plan(text: str, room: float, font: Path, size: float) -> Breaks:
    space = text_width(" ", font, size)
    marks: list[tuple[int, str]] = []
    lines, capitals, overflows = 1, 0, 0
    line = _Line()
    for found in _PIECE.finditer(text):
        piece, start = found.group(0), found.start()
        gap = space if line.used and start > line.end else 0.0
        width = text_width(piece, font, size)
        if line.used + gap + width <= room:
            line.used, line.end = line.used + gap + width, found.end()
            continue
        if width <= room and line.used:  # the piece starts the next line
            _end_line(marks, text, line)
            lines += 1
            line.used, line.end = width, found.end()
            continue
        # Wider than a line: hyphenate it, filling this line first.
        cuts, capital = _cuts(piece)
        used, done = line.used + gap, 0
        while used + text_width(piece[done:], font, size) > room:
            cut = _last_fit(piece, cuts, done, room - used, font, size)
            if cut is None and used:  # nothing fits on this line: the piece starts the next
                _end_line(marks, text, line)
                lines, used = lines + 1, 0.0
                continue
            if cut is None:
                overflows += 1
                break
            marks.append((start + cut, SHY))
            capitals += capital
            lines, used, done = lines + 1, 0.0, cut
        line.used, line.end = used + text_width(piece[done:], font, size), found.end()
    return Breaks(lines if text.strip() else 0, tuple(marks), capitals, overflows)


def _end_line(marks: list[tuple[int, str]], text: str, line: _Line) -> None:
    """End the line at `line.end`: after a dash, with a hard break (a space breaks by itself)."""
    if line.end and text[line.end - 1] in DASHES and line.end < len(text) and text[line.end] not in " \t\n":
        marks.append((line.end, BREAK))


def _cuts(piece: str) -> tuple[tuple[int, ...], bool]:
    """Offsets in `piece` where it may be hyphenated; and whether only a capitalised word
    offers them (lowercase words' points are preferred when a piece has both)."""
    lower: list[int] = []
    upper: list[int] = []
    for run in _RUN.finditer(piece):
        word = run.group(0)
        points = [run.start() + p for p in dictionary().positions(word)]
        (upper if word[0].isupper() else lower).extend(points)
    if lower:
        return tuple(sorted(lower)), False
    return tuple(sorted(upper)), True


def _last_fit(piece: str, cuts: tuple[int, ...], done: int, room: float, font: Path, size: float) -> int | None:
    """The furthest cut after `done` whose part from `done`, with its hyphen, fits `room`."""
    best = None
    for cut in cuts:
        if cut <= done:
            continue
        if text_width(piece[done:cut] + "-", font, size) > room:
            break
        best = cut
    return best


def apply(inlines: tuple[m.Inline, ...], marks: tuple[tuple[int, str], ...]) -> tuple[m.Inline, ...]:
    """`inlines` with each mark inserted at its offset in their plain text: `BREAK` as a
    hard line break, `SHY` as a soft hyphen (code spans are never broken)."""
    if not marks:
        return inlines
    return _insert(inlines, dict(marks), [0])


def _insert(inlines: tuple[m.Inline, ...], marks: dict[int, str], at: list[int]) -> tuple[m.Inline, ...]:
    out: list[m.Inline] = []
    for node in inlines:
        if isinstance(node, m.Text):
            buf = ""
            for i, ch in enumerate(node.text):
                mark = marks.pop(at[0] + i, None)
                if mark == BREAK:
                    out += [m.Text(buf), m.LineBreak()] if buf else [m.LineBreak()]
                    buf = ""
                buf += SHY + ch if mark == SHY else ch
            if buf:
                out.append(m.Text(buf))
            at[0] += len(node.text)
        elif isinstance(node, m.Code):
            at[0] += len(node.text)
            out.append(node)
        elif isinstance(node, m.Emph | m.Strong | m.Strike | m.Link):
            out.append(replace(node, children=_insert(node.children, marks, at)))
        else:
            out.append(node)
    return tuple(out)
