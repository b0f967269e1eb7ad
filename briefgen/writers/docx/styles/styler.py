"""The machinery of the style table (`parastyles`): a Word paragraph style as a design
role plus what only Word has (`Word`), turned into Word's properties (`Styler`), and the
spacing figures the body writer shares with the styles.

Every role sets its leading exact, in points, as the PDF does; spacing is in points too
(the design rounds both to Word's twip), so a page holds what the PDF's holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml.etree import _Element

from briefgen.design.spacing import ListSpace
from briefgen.design.system import TextStyle, scaled
from briefgen.writers.docx.package.ooxml import hexcolor, spacing, twips
from briefgen.writers.docx.styles.styles import Palette, define, run_props
from briefgen.writers.docx.styles.tablestyles import rule_height


def list_step(ordered: bool, b: float) -> int:
    """Twips from a list level's marker to its text at body size `b`: the PDF's indent for
    the list's marker (a bullet, or a number as wide as "10."), so that a list's lines are
    as long as the PDF's and break alike. A nested list steps in from its parent's text."""
    return twips(b * (ListSpace.number if ordered else ListSpace.bullet))


def rest(width: int, share: float) -> int:
    """The right indent that leaves a rule `share` of `width` long (the share rounded as
    written, so 0.18 leaves exactly 0.82 of it)."""
    return int(width * round(1 - share, 6))


def rhythm(compact: bool) -> float:
    """The factor on vertical spacing: tighter on the one-page summary."""
    return 0.7 if compact else 1.0


def paragraph_gap(b: float, compact: bool) -> float:
    """Points after a body paragraph (Normal's spacing after)."""
    return 0.6 * b * rhythm(compact)


def list_gap(b: float, compact: bool) -> float:
    """Points after a list's last item: the PDF's space after a list, which replaces
    (does not add to) the paragraph gap."""
    return ListSpace.after * b * rhythm(compact)


@dataclass(frozen=True)
class Word:
    """One Word paragraph style: the design role it sets, and what only Word has.

    `ppr` holds Word-only paragraph properties; `gap` replaces the role's spacing with
    (before, after) in points, where Word spaces differently (table cells, rules).
    `line` overrides the leading (a multiple, or points with `exact`).
    """

    name: str
    role: str | None = None
    ppr: list[_Element | None] = field(default_factory=list)
    gap: tuple[float, float] | None = None
    line: float | None = None
    exact: bool = False
    tighten: bool = True  # the summary's rhythm applies
    rpr: _Element | None = None  # instead of the role's run properties
    options: dict[str, Any] = field(default_factory=dict)


class Styler:
    """Turns the design's roles into Word's paragraph and run properties."""

    def __init__(self, p: Palette, b: float, compact: bool):
        self.p, self.b, self.compact, self.k = p, b, compact, rhythm(compact)
        self.design = p.design

    def role(self, name: str) -> TextStyle:
        style = self.design.text(name)
        return scaled(style, self.b) if not style.fixed else style

    def run(self, name: str) -> _Element:
        s = self.role(name)
        font = self.p.mono_font if s.face == "mono" else self.p.head_font if s.face == "heading" else self.p.body_font
        return run_props(
            font, s.size, hexcolor(s.color), bold=s.bold, italic=s.italic, caps=s.caps, tracking=s.tracking
        )

    def spacing(self, w: Word) -> _Element:
        k = self.k if w.tighten else 1.0
        if w.gap is not None:
            before, after = w.gap
        else:
            s = self.role(w.role) if w.role else None
            before, after = (s.before, s.after) if s else (0.0, 0.0)
        if w.line is None and w.role:
            # Exact points, as the PDF sets every role: Word's and LibreOffice's "auto" line is the
            # font's own height, LibreOffice's a shade short, and by a page's foot a line moves.
            return spacing(before=before * k, after=after * k, line=self.role(w.role).leading, exact=True)
        line = w.line if w.line is not None else 1.0
        return spacing(before=before * k, after=after * k, line=line, exact=w.exact)

    def define(self, styles: _Element, w: Word) -> None:
        rpr = w.rpr if w.rpr is not None or not w.role else self.run(w.role)
        define(styles, w.name, ppr=[*w.ppr, self.spacing(w)], rpr=rpr, **w.options)


def spacer(name: str, height: float) -> Word:
    """An empty paragraph exactly `height` points high, like the PDF's Spacer after a block."""
    return Word(
        name, None, gap=(0, 0), line=height, exact=True, rpr=run_props(size=2), options={"based_on": "Table Spacer"}
    )


def border_excess(rule: float, paragraph: float) -> float:
    """Points a rule drawn as a paragraph's border (`paragraph` high, the border's width
    added) stands taller than the PDF's `rule`-thick line."""
    return paragraph + rule_height(rule) - rule
