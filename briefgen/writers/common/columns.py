"""Data-table columns, decided once from the model for both writers.

Each column is at least as wide as its longest word, when the width allows; the rest of
the width goes to the columns that hold more text. A number and its unit ("1,135 km",
"12 per km²") count as one word and are joined by no-break spaces, so no cell ends a line
between them. Where a word is wider than its column even so, it gets soft hyphens at the
places pyphen's dictionary allows: the PDF and Word then break it there, with a visible
hyphen, and only where a line needs it. Words are measured with the brand's own
advance widths (`fontfile.advances`), so the PDF breaks lines where this plan expects.

The writers differ only in units: the PDF lays the table out with these widths in
points, and the DOCX writes them as `w:gridCol` twips.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from briefgen.design.spacing import TableSpace
from briefgen.fonts.fontfile import advances
from briefgen.model import nodes as m
from briefgen.model.walk import plain

CELL_PAD = TableSpace.data.left + TableSpace.data.right  # points: a data cell's side padding, in both writers
HYPHENATION = "en_GB"  # the DOCX's proofing language, too
HYPHEN_MIN = 3  # letters a hyphenated word keeps before and after the hyphen
SHY, NBSP = "\u00ad", "\u00a0"

_NOT_UNITS = frozenset({"a", "an", "and", "as", "at", "by", "for", "in", "is", "it", "of", "on", "or", "the", "to"})
# A number, then an optional "/" or "per", then a short unit: "1,135 km", "12 per km²", "40 %".
_NUMBER_UNIT = re.compile(r"(?<![^\s(])(\d[\d,.]*)((?:[ ]+(?:/|per))?)[ ]+([A-Za-zµ°%‰]{1,3}[²³]?|%|‰)(?=[\s,;:.)]|$)")
_SPACES = re.compile(r"[ \t\n]+")
_WORD = re.compile(r"[^ \t\n]+")
_LETTERS = re.compile(r"[^\W\d_]{5,}")  # runs of letters long enough to hyphenate


@dataclass(frozen=True)
class CellFonts:
    """What a cell is set in: TTF paths of header and body cells, and the size in points."""

    head: Path
    body: Path
    size: float


@dataclass(frozen=True)
class Columns:
    """Column widths in points (summing to the width asked for), and the cells to print."""

    widths: tuple[float, ...]
    header: tuple[tuple[m.Cell, ...], ...]
    rows: tuple[tuple[m.Cell, ...], ...]
    loose: frozenset[tuple[int, int]]  # (row, column) of cells with a piece wider than its column


def lay_out(table: m.Table, width: float, fonts: CellFonts) -> Columns:
    """The columns of a data table `width` points wide, and its cells as they should print."""
    rows = (*table.header, *table.rows)
    n_head = len(table.header)
    ncols = max((len(r) for r in rows), default=1) or 1
    texts = tuple(tuple(plain(c.children) for c in row) for row in rows)
    widths = _widths(texts, n_head, ncols, width, fonts)
    loose: set[tuple[int, int]] = set()
    out: list[tuple[m.Cell, ...]] = []
    for i, (row, cells) in enumerate(zip(texts, rows, strict=True)):
        font = fonts.head if i < n_head else fonts.body
        new_row = []
        for j, (text, cell) in enumerate(zip(row, cells, strict=True)):
            new, fits = _fit_cell(cell, text, widths[j] - CELL_PAD, font, fonts.size)
            new_row.append(new)
            if not fits:
                loose.add((i, j))
        out.append(tuple(new_row))
    return Columns(tuple(widths), tuple(out[:n_head]), tuple(out[n_head:]), frozenset(loose))


def _fit_cell(cell: m.Cell, text: str, room: float, font: Path, size: float) -> tuple[m.Cell, bool]:
    """The cell with numbers glued to their units (where they fit) and long words hyphenated;
    and whether every piece between break points now fits `room`."""
    cell, text = _glued(cell, text, room, font, size)
    long = {w for w in _words(text) if _width(w, font, size) > room}
    if not long:
        return cell, True
    breaks = {w: _hyphenated(w) for w in long}
    fits = all(_fits(b, room, font, size) for b in breaks.values())
    return replace(cell, children=_map_text(cell.children, lambda t: _apply(t, breaks))), fits


def _glued(cell: m.Cell, text: str, room: float, font: Path, size: float) -> tuple[m.Cell, str]:
    """The cell and its text with numbers glued to their units, where they fit `room`."""
    glued = _glue(text)
    if glued != text and all(_width(w, font, size) <= room for w in _words(glued) if NBSP in w):
        return replace(cell, children=_map_text(cell.children, _glue)), glued
    return cell, text


def glue_units(cell: m.Cell, room: float, font: Path, size: float) -> m.Cell:
    """`cell` with each number joined to its unit by a no-break space, where it fits `room`."""
    return _glued(cell, plain(cell.children), room, font, size)[0]


def _glue(text: str) -> str:
    def join(found: re.Match[str]) -> str:
        number, per, unit = found.groups()
        if unit.lower() in _NOT_UNITS:
            return found.group(0)
        return number + per.replace(" ", NBSP) + NBSP + unit

    return _NUMBER_UNIT.sub(join, text)


def _map_text(inlines: tuple[m.Inline, ...], fn: Callable[[str], str]) -> tuple[m.Inline, ...]:
    """The runs with `fn` applied to every `Text` (code spans stay exactly as typed)."""
    out: list[m.Inline] = []
    for node in inlines:
        if isinstance(node, m.Text):
            node = m.Text(fn(node.text))
        elif isinstance(node, m.Emph | m.Strong | m.Strike | m.Link):
            node = replace(node, children=_map_text(node.children, fn))
        out.append(node)
    return tuple(out)


def _words(text: str) -> list[str]:
    return [w for w in _SPACES.split(text) if w]


def _widths(texts: tuple[tuple[str, ...], ...], n_head: int, ncols: int, width: float, fonts: CellFonts) -> list[float]:
    """Floors at the longest word, then the spare width shared by how much more each column wants.

    When the longest words do not fit side by side, the floors drop to the longest piece
    of a hyphenated word (numbers and words without a break point stay whole), and the
    spare width goes first to the columns that must hyphenate most.
    """
    whole = [CELL_PAD + fonts.size] * ncols
    need = list(whole)
    for i, row in enumerate(texts):
        font = fonts.head if i < n_head else fonts.body
        for j, text in enumerate(row):
            words = _words(_glue(text))
            longest = max((_width(w, font, fonts.size) for w in words), default=0.0)
            whole[j] = max(whole[j], longest + CELL_PAD + 1)  # a point to spare: rounding in the writers
            # A long cell wants at most about two lines' worth of 30 characters.
            need[j] = max(need[j], min(_width(" ".join(words), font, fonts.size), 30 * fonts.size) + CELL_PAD + 1)
    if sum(whole) > width:
        # Hyphenate words, keeping numbers with their units; failing that, part them too.
        # Header words stay whole while the body's hyphenation leaves room for them.
        for head_whole in (True, False):
            for units in (True, False):
                pieces = _piece_floors(texts, n_head if head_whole else 0, ncols, fonts, units, whole_rows=n_head)
                if sum(pieces) < width:
                    return _share(pieces, whole, width)
        return [width * f / sum(pieces) for f in pieces]
    if sum(need) <= width:  # everything fits on one line: share the rest by need
        return [width * n / sum(need) for n in need]
    return _share(whole, need, width)


def _share(floor: list[float], want: list[float], width: float) -> list[float]:
    """`floor` plus the spare width: first to the columns that want little more (so short
    cells stay on one line), then to the rest by how much more each wants."""
    gaps = [max(w - f, 0.0) for w, f in zip(want, floor, strict=True)]
    out, spare = list(floor), width - sum(floor)
    waiting = sorted(range(len(floor)), key=lambda j: gaps[j])
    while waiting and gaps[waiting[0]] <= spare / len(waiting):
        j = waiting.pop(0)
        out[j] += gaps[j]
        spare -= gaps[j]
    share = [gaps[j] for j in waiting] if waiting and sum(gaps[j] for j in waiting) else None
    targets = waiting if share else list(range(len(out)))
    weights = share or [want[j] for j in targets]
    for j, weight in zip(targets, weights, strict=True):
        out[j] += spare * weight / sum(weights)
    return out


def _piece_floors(
    texts: tuple[tuple[str, ...], ...], keep: int, ncols: int, fonts: CellFonts, units: bool, whole_rows: int
) -> list[float]:
    """Each column's width at its widest unbreakable piece: a word's syllables (with the
    hyphen), a number, or with `units` a number and its unit; in the first `keep` rows
    (the header's), a whole word. The first `whole_rows` rows are set in the header font."""
    floors = [CELL_PAD + fonts.size] * ncols
    for i, row in enumerate(texts):
        font = fonts.head if i < whole_rows else fonts.body
        for j, text in enumerate(row):
            for word in _words(_glue(text) if units else text):
                pieces = [word] if i < keep else re.split(f"{SHY}|(?<=-)", _hyphenated(word))
                hyphen = "-" if len(pieces) > 1 else ""
                widest = max(_width(p + hyphen, font, fonts.size) for p in pieces)
                floors[j] = max(floors[j], widest + CELL_PAD + 1)
    return floors


@lru_cache(maxsize=16_384)  # a batch measures the same facts and cells for every deliverable
def _width(text: str, font: Path, size: float) -> float:
    units, table = advances(font)
    default = table.get(0x20, units // 2)
    return sum(table.get(ord(ch), default) for ch in text if ch != SHY) * size / units


def _fits(word: str, room: float, font: Path, size: float) -> bool:
    """Whether every piece of `word` between its break points fits `room` with its hyphen."""
    return all(_width(piece + "-", font, size) <= room for piece in re.split(f"{SHY}|(?<=-)", word))


def _apply(text: str, breaks: dict[str, str]) -> str:
    """`text` with each long word replaced by its hyphenated form (whole words only)."""
    return _WORD.sub(lambda w: breaks.get(w.group(0), w.group(0)), text)


@lru_cache(maxsize=2048)
def _hyphenated(word: str) -> str:
    """`word` with soft hyphens where the dictionary allows a break."""
    return _LETTERS.sub(lambda run: dictionary().inserted(run.group(0), hyphen=SHY), word)


@lru_cache(maxsize=1)
def dictionary():  # pyphen (50 ms to load) only when a word must break
    """The one hyphenation dictionary of table cells and fact values (`HYPHEN_MIN` a side)."""
    import pyphen

    return pyphen.Pyphen(lang=HYPHENATION, left=HYPHEN_MIN, right=HYPHEN_MIN)


def text_width(text: str, font: Path, size: float) -> float:
    """`text`'s advance width in points, in `font` at `size` (soft hyphens take no room)."""
    return _width(text, font, size)


def fit_cell(cell: m.Cell, room: float, font: Path, size: float) -> m.Cell:
    """`cell` with numbers glued to their units and words wider than `room` hyphenated, as
    a data table's cells are (fact tables use it too)."""
    return _fit_cell(cell, plain(cell.children), room, font, size)[0]
