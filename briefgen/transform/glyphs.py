"""Every character must exist in the brand fonts: a missing glyph is an error, not a box."""

from __future__ import annotations

import unicodedata
from dataclasses import field
from pathlib import Path

from briefgen.design.theme import Theme
from briefgen.errors import Diagnostic
from briefgen.fonts.fontfile import coverage
from briefgen.frozen import frozen
from briefgen.model import nodes as m
from briefgen.model.memo import ONE_CALL, IdentityMemo, Memo
from briefgen.model.typeset import INVISIBLE
from briefgen.model.walk import inlines_of, iter_blocks, iter_text

# Characters the writers turn into layout, not glyphs (see model/typeset.py).
_LAYOUT = {"\n", "\t", "\u00ad", *INVISIBLE}


@frozen
class GlyphMemos:
    """What the check remembers; a batch's assembler passes its own (`batch.caches`)."""

    blocks: IdentityMemo[m.Block, list[Diagnostic]] = field(
        default_factory=lambda: IdentityMemo("glyph findings by block", ONE_CALL)
    )
    missing: Memo[tuple[str, ...]] = field(default_factory=lambda: Memo("characters missing from the fonts", ONE_CALL))
    runs: Memo[str] = field(default_factory=lambda: Memo("right-to-left runs", ONE_CALL))


def missing_in(text: str, fonts: tuple[Path, ...], fallback: Path | None = None) -> tuple[str, ...]:
    """The characters of `text` that one of `fonts` lacks (and `fallback` too, if any)."""
    sets = [coverage(f) for f in fonts]
    extra = coverage(fallback) if fallback else frozenset()
    return tuple(
        sorted(
            ch
            for ch in set(text) - _LAYOUT  # each distinct character once: texts are long, alphabets short
            if ord(ch) > 0xFFFF or (ord(ch) not in extra and any(ord(ch) not in s for s in sets))
        )
    )


def glyph_problems(doc: m.Document, theme: Theme, memos: GlyphMemos | None = None) -> list[Diagnostic]:
    """Every character the brand fonts cannot show, or that PDF text extraction would lose.

    `memos.blocks` remembers each top-level block's findings by identity: the deliverables
    of a batch share their parsed blocks, so each is checked once.
    """
    memos = memos or GlyphMemos()
    errors: list[Diagnostic] = []
    for section in doc.sections:
        errors.extend(_text_problems(section.title, heading_faces(theme), theme, section.pos, "section title", memos))
        for top in section.blocks:
            found = memos.blocks.get(top)
            if found is None:
                found = memos.blocks.put(top, _block_problems(top, section.pos, theme, memos))
            errors.extend(found)
    return errors


def heading_faces(theme: Theme) -> tuple[Path, ...]:
    return (theme.heading_fonts.regular, theme.heading_fonts.bold)


def _block_problems(top: m.Block, fallback_pos: object, theme: Theme, memos: GlyphMemos) -> list[Diagnostic]:
    body = (theme.fonts.regular, theme.fonts.bold, theme.fonts.italic)
    errors: list[Diagnostic] = []
    for block in iter_blocks((top,)):
        fonts = heading_faces(theme) if isinstance(block, m.Heading) else body
        text = "".join(t for run in inlines_of(block) for t in iter_text(run))
        if isinstance(block, m.CodeBlock):
            text = block.text
        if isinstance(block, m.Callout):
            text, fonts = block.title, heading_faces(theme)
        if isinstance(block, m.Chart):
            text, fonts = chart_text(block.spec), heading_faces(theme)
        if isinstance(block, m.Table) and len(block.row_pos) == len(block.rows):
            errors.extend(_table_problems(block, fonts, theme, memos))
            continue
        errors.extend(_text_problems(text, fonts, theme, getattr(block, "pos", fallback_pos), "text", memos))
    return errors


def _table_problems(table: m.Table, fonts: tuple[Path, ...], theme: Theme, memos: GlyphMemos) -> list[Diagnostic]:
    """A table's problems at the line of the row that has them (header and caption: the table's)."""
    head = [cell.children for row in table.header for cell in row] + [table.caption]
    lines = [(table.pos, head), *((p, [c.children for c in r]) for p, r in zip(table.row_pos, table.rows, strict=True))]
    errors: list[Diagnostic] = []
    for pos, runs in lines:
        text = "".join(t for inlines in runs for t in iter_text(inlines))
        errors.extend(_text_problems(text, fonts, theme, pos, "text", memos))
    return errors


def _text_problems(
    text: str, fonts: tuple[Path, ...], theme: Theme, pos: object, what: str, memos: GlyphMemos
) -> list[Diagnostic]:
    """Right-to-left text once, then each character the fonts lack (right-to-left ones aside)."""
    errors: list[Diagnostic] = []
    snippet = memos.runs.get(text)
    if snippet is None:
        snippet = memos.runs.put(text, right_to_left(text))
    if snippet:
        errors.append(
            Diagnostic(
                pos,  # type: ignore[arg-type]
                f"right-to-left text (Hebrew/Arabic) is not supported yet: {snippet!r}",
                "briefgen would set it left to right, reversed; transliterate it, or show it as an image",
            )
        )
    key = (text, fonts, theme.symbols)
    missing = memos.missing.get(key)
    if missing is None:
        missing = memos.missing.put(key, missing_in(*key))
    for ch in missing:
        if not (snippet and unicodedata.bidirectional(ch) in _RTL):
            errors.append(_error(pos, ch, what, _known(ch, theme)))
    return errors


# Bidi classes of right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...) and
# of the controls that open a right-to-left run.
_RTL = frozenset({"R", "AL", "RLE", "RLO", "RLI"})


def right_to_left(text: str) -> str:
    """The first run of words holding right-to-left characters (at most 40 characters), or ""."""
    if text.isascii():  # no right-to-left letter or control below U+0080
        return ""
    if not any(unicodedata.bidirectional(ch) in _RTL for ch in set(text)):
        return ""
    words = text.split()
    flags = [any(unicodedata.bidirectional(ch) in _RTL for ch in w) for w in words]
    start = flags.index(True)
    end = start
    while end < len(words) and (flags[end] or not words[end].isalpha()):
        end += 1
    while not flags[end - 1]:  # the run ends on its last right-to-left word
        end -= 1
    run = " ".join(words[start:end]).strip()
    return run if len(run) <= 40 else run[:39] + "…"


def chart_text(spec: object) -> str:
    """Every piece of author text a chart prints."""
    parts = [getattr(spec, k, "") for k in ("title", "unit", "source", "note")]
    for row in getattr(spec, "rows", ()):
        parts += [str(getattr(row, k, "") or "") for k in ("label", "series", "qualifier", "note", "name")]
    return " ".join(parts)


def _known(ch: str, theme: Theme) -> bool:
    fonts = [theme.fonts.regular, *([theme.symbols] if theme.symbols else [])]
    return any(ord(ch) in coverage(f) for f in fonts)


def _error(pos: object, ch: str, what: str, in_fonts: bool = False) -> Diagnostic:
    name = unicodedata.name(ch, "unnamed")
    if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
        return Diagnostic(
            pos,
            f"invisible control character U+{ord(ch):04X} in the {what} cannot be printed",
            "delete it; it is often pasted in from another program",
        )  # type: ignore[arg-type]
    if ord(ch) > 0xFFFF and in_fonts:
        # reportlab cannot map such characters for text extraction: copy-paste would lose them.
        return Diagnostic(
            pos,
            f"character U+{ord(ch):04X} ({name}) in the {what} is beyond U+FFFF and cannot be extracted from the PDF",
            "replace it with a character from the Basic Multilingual Plane",
        )  # type: ignore[arg-type]
    return Diagnostic(
        pos,
        f"character U+{ord(ch):04X} ({name}) in the {what} is not in the brand font",
        "replace it, or use a brand font that has it",
    )  # type: ignore[arg-type]
