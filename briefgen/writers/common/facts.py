"""A fact table's two columns (label, value), decided once for both writers.

The label column takes the share of the width that makes the facts shortest, with the
lines counted by the brand's own advance widths (as `columns.py` measures words), so
the PDF and Word wrap the same labels and values and the fact box is as tall in both.
Ties go to the narrower label column. A label wraps at its spaces only: the column is
never narrower than its longest word ("spokesperson" is not broken "spokesper-son").
A value breaks as `linebreak.py` rules (after a dash set solid, "Oslo–|Bergen"; a
word hyphenated only when wider than a line, 3 letters either side, a proper noun only
as a last resort): a share that would hyphenate a proper noun, or leave a piece too
wide, loses to one that does not, even if it is taller. `sides` is a cell's left plus
right padding.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from briefgen.model import nodes as m
from briefgen.model.walk import plain
from briefgen.writers.common.columns import fit_cell, glue_units, text_width
from briefgen.writers.common.linebreak import apply, plan

LABEL_SHARES = (0.28, 0.31, 0.34, 0.37, 0.40, 0.43, 0.46)
MAX_LABEL_SHARE = 0.55  # a label word wider than this share of the box is hyphenated after all


@dataclass(frozen=True)
class FactFonts:
    label: Path
    label_size: float
    value: Path
    value_size: float


def label_share(rows: tuple[tuple[str, str], ...], width: float, fonts: FactFonts, sides: float) -> float:
    """The share of `width` for the label column (see the module docstring): never one
    that would hyphenate a label's word, up to `MAX_LABEL_SHARE`."""
    widest = max((text_width(w, fonts.label, fonts.label_size) for label, _ in rows for w in label.split()), default=0)
    need = (widest + sides + 1) / width  # a point to spare: rounding in the writers
    shares = [s for s in LABEL_SHARES if s >= need] or [min(need, MAX_LABEL_SHARE)]
    return min(shares, key=lambda s: (*_cost(rows, width, s, fonts, sides), s))


def _cost(
    rows: tuple[tuple[str, str], ...], width: float, share: float, fonts: FactFonts, sides: float
) -> tuple[int, float]:
    """Bad breaks in the values (a proper noun hyphenated, a piece too wide), and the
    facts' height, with the label column at `share`."""
    rooms = (width * share - sides, width * (1 - share) - sides)
    total, bad = 0.0, 0
    for label, value in rows:
        breaks = plan(value, rooms[1], fonts.value, fonts.value_size)
        bad += breaks.capitals + breaks.overflows
        total += max(
            _lines(label, rooms[0], fonts.label, fonts.label_size) * fonts.label_size,
            breaks.lines * fonts.value_size,
        )
    return bad, round(total)


def _lines(text: str, room: float, font: Path, size: float) -> int:
    """Lines of `text` broken greedily at spaces within `room` points."""
    lines, used = 1, 0.0
    space = text_width(" ", font, size)
    for word in text.split():
        w = text_width(word, font, size)
        if used and used + space + w > room:
            lines, used = lines + 1, w
        else:
            used = used + space + w if used else w
    return lines if text.strip() else 0


def fact_texts(table: m.Table) -> tuple[tuple[str, str], ...]:
    """(label, value) text of each row of a facts table, as the writers print them."""
    return tuple(
        (plain(row[0].children) if row else "", " ".join(plain(c.children) for c in row[1:])) for row in table.rows
    )


def fit_facts(table: m.Table, width: float, share: float, fonts: FactFonts, sides: float) -> m.Table:
    """The facts table set for its columns: a label's long words hyphenated, and each
    value with its line breaks (see the module docstring), so no word is cut without a
    hyphen and none breaks at a poor point."""
    rooms = (width * share - sides, width * (1 - share) - sides)
    rows = tuple(
        (fit_cell(row[0], rooms[0], fonts.label, fonts.label_size), *_values(row[1:], rooms[1], fonts)) if row else row
        for row in table.rows
    )
    return replace(table, rows=rows)


def _values(cells: tuple[m.Cell, ...], room: float, fonts: FactFonts) -> tuple[m.Cell, ...]:
    """A row's value cells, broken as one text: the writers print them as one paragraph."""
    if not cells:
        return cells
    cells = tuple(glue_units(c, room, fonts.value, fonts.value_size) for c in cells)
    texts = [plain(c.children) for c in cells]
    breaks = plan(" ".join(texts), room, fonts.value, fonts.value_size)
    out, at = [], 0
    for cell, text in zip(cells, texts, strict=True):
        marks = tuple((k - at, v) for k, v in breaks.marks if at < k < at + len(text))
        out.append(replace(cell, children=apply(cell.children, marks)))
        at += len(text) + 1
    return tuple(out)
