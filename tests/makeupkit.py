"""Page make-up measured from a written PDF with pdfplumber, as a reader sees the pages.

For each page: the lines of text in the text frame (the running head and footer are
outside it), the headings left with fewer than two lines below them, whether a box's bar
(the 3 pt left bar every box has) runs into the frame's foot or out of its head, the
data tables (a header band over zebra rows): how many body rows each shows, and whether
its header is repeated at the top of the next page; how much of the frame is left empty
at the page's foot, the small bold words (labels, table headers) broken with a hyphen,
the small words (fact values, table cells) broken at a poor point (a proper noun, or
fewer than three letters before the hyphen), and the page's first and last lines, to
find a list's one-line first item left at a foot or its one-line last item at a head.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber

MM = 72 / 25.4
EDGE = 4.0  # points: how close to the frame's top or foot counts as touching it
BOX_BAR = 3.0  # the design's box bar width (design.rules.box_bar)


@dataclass
class Page:
    number: int
    lines: int = 0
    lonely_headings: list[str] = field(default_factory=list)
    box_at_foot: bool = False
    box_at_head: bool = False
    tables: list[int] = field(default_factory=list)  # body rows under each header band, top to bottom
    header_at_head: bool = False  # a data table's header band opens the page (a repeated header)
    contents: bool = False  # a contents page: most lines end with a page number
    empty: float = 1.0  # share of the text frame's height left empty below what the page holds
    opens_chapter: bool = False  # the page opens with a top-level heading (no kicker above it)
    label_hyphens: list[str] = field(default_factory=list)  # small bold words broken with a hyphen
    after_heading: int | None = None  # lines under the page's last heading (None: no heading)
    poor_hyphens: list[str] = field(default_factory=list)  # small words hyphenated at a poor point
    head: list[str] = field(default_factory=list)  # the first two lines: "bullet", "item" or "text"
    foot: list[str] = field(default_factory=list)  # the last two lines, likewise


def _close(a: tuple[float, ...] | None, b: tuple[float, ...]) -> bool:
    return a is not None and len(a) == len(b) and all(abs(x - y) < 0.01 for x, y in zip(a, b, strict=True))


def measure(path: Path, *, body_size: float, margins_mm: tuple[float, float] = (20, 20)) -> list[Page]:
    """Every page of the PDF at `path`; the text frame lies within the top and bottom margins."""
    out: list[Page] = []
    with pdfplumber.open(path) as pdf:
        for i, p in enumerate(pdf.pages):
            top, foot = margins_mm[0] * MM - 2, p.height - margins_mm[1] * MM + 2
            page = Page(i + 1)
            chars = [c for c in p.chars if c["top"] >= top and c["bottom"] <= foot and c["text"].strip()]
            lines = _lines(chars)
            page.lines = len(lines)
            numbered = sum(1 for _, _, (text, _) in lines if text.rstrip()[-1:].isdigit())
            page.contents = bool(lines) and numbered * 2 > len(lines) and lines[0][2][0].strip() != ""
            for n, (_, size, text) in enumerate(lines):
                if size >= body_size * 1.1 and "Bold" in text[1]:
                    page.after_heading = sum(1 for x in lines[n + 1 :] if x[1] < size)
                    if page.after_heading < 2:
                        page.lonely_headings.append(text[0])
            bars = [ln for ln in p.lines if abs(ln["x0"] - ln["x1"]) < 0.5 and abs(ln["linewidth"] - BOX_BAR) < 0.05]
            page.box_at_foot = any(ln["bottom"] >= foot - 2 - EDGE for ln in bars)
            page.box_at_head = any(ln["top"] <= top + 2 + EDGE for ln in bars)
            _tables(p, page, top, bars)
            # a watermark's letters run across the page at an angle: no content
            marks = [c for c in chars if c.get("upright", True)]
            marks += [o for o in (*p.rects, *p.lines, *p.images) if o["top"] >= top and o["bottom"] <= foot]
            page.empty = (foot - max((o["bottom"] for o in marks), default=top)) / (foot - top)
            page.opens_chapter = bool(lines) and lines[0][1] >= body_size * 1.8
            page.label_hyphens = _label_hyphens(p, body_size)
            page.poor_hyphens = _poor_hyphens(p, body_size)
            kinds = _line_kinds(chars)
            page.head, page.foot = kinds[:2], kinds[-2:]
            out.append(page)
    return out


def _label_hyphens(p: pdfplumber.page.Page, body_size: float) -> list[str]:
    """Words set bold and smaller than the body (fact-box labels, table header cells) that
    end a line broken inside the word with a hyphen."""
    words = p.extract_words(extra_attrs=["fontname", "size"])
    return [
        w["text"]
        for w in words
        if "Bold" in w["fontname"] and w["size"] < body_size and re.search(r"[^\W\d_]-$", w["text"])
    ]


def _poor_hyphens(p: pdfplumber.page.Page, body_size: float) -> list[str]:
    """Words set smaller than the body and not bold (fact values, table cells) that end a
    line hyphenated inside a capitalised word ("Afgh-") or after under three letters."""
    words = p.extract_words(extra_attrs=["fontname", "size"])
    out = []
    for w in words:
        found = re.search(r"([^\W\d_]+)-$", w["text"])
        if found and "Bold" not in w["fontname"] and w["size"] < body_size:
            part = found.group(1)
            if part[0].isupper() or len(part) < 3:
                out.append(w["text"])
    return out


LIST_MARK = re.compile(r"^(•|\d{1,2}\.(?!\d))")


def _line_kinds(chars: list[dict]) -> list[str]:
    """Each body line: "bullet" (a list item's first line), "item" (a list item's later
    line, indented past the text's left edge) or "text"."""
    rows: dict[int, list[dict]] = {}
    for c in chars:
        if c.get("upright", True):
            rows.setdefault(round(c["bottom"] / 2.5), []).append(c)
    lines = [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]
    if not lines:
        return []
    left = min(cs[0]["x0"] for cs in lines)
    kinds = []
    for cs in lines:
        text = "".join(c["text"] for c in cs)
        if LIST_MARK.match(text):
            kinds.append("bullet")
        elif cs[0]["x0"] > left + 6:
            kinds.append("item")
        else:
            kinds.append("text")
    return kinds


def _lines(chars: list[dict]) -> list[tuple[float, float, tuple[str, str]]]:
    """(baseline, largest size, (text, font of the largest char)) per line, top to bottom."""
    rows: dict[float, list[dict]] = {}
    for c in chars:
        key = round(c["bottom"] / 2.5)
        rows.setdefault(key, []).append(c)
    out = []
    for key in sorted(rows):
        cs = sorted(rows[key], key=lambda c: c["x0"])
        big = max(cs, key=lambda c: c["size"])
        out.append((key * 2.5, big["size"], ("".join(c["text"] for c in cs), big["fontname"])))
    return out


def _tables(p: pdfplumber.page.Page, page: Page, top: float, bars: list[dict]) -> None:
    rects = [r for r in p.rects if r["width"] > 100 and r.get("non_stroking_color") is not None]
    if not rects:
        return
    fills = {tuple(r["non_stroking_color"]) for r in rects}
    white = (1.0, 1.0, 1.0)
    for band in sorted(rects, key=lambda r: r["top"]):
        fill = tuple(band["non_stroking_color"])
        if fill == white or band["height"] > 40 or len(fill) != 3 or sum(fill) > 1.5:
            continue  # a header band is dark and one row high
        if any(
            abs(b["x0"] - band["x0"]) < 2 and b["top"] <= band["bottom"] and b["bottom"] >= band["top"] for b in bars
        ):
            continue  # a bottom-line box, not a table's header
        rows, y = 0, band["bottom"]
        for r in sorted(rects, key=lambda r: r["top"]):
            same = abs(r["x0"] - band["x0"]) < 1 and abs(r["x1"] - band["x1"]) < 1
            if same and abs(r["top"] - y) < 1 and tuple(r["non_stroking_color"]) != fill:
                rows, y = rows + 1, r["bottom"]
        page.tables.append(rows)
        if band["top"] <= top + 2 + EDGE:
            page.header_at_head = True
    del fills


def short_pages(pages: list[Page], least: int = 6, skip: int = 0) -> list[tuple[int, int]]:
    """(page, lines) of every body page but the last with fewer than `least` lines; the
    first `skip` pages (a cover) and contents pages are no body pages."""
    return [(p.number, p.lines) for p in pages[skip:-1] if p.lines < least and not p.contents]


def holes(pages: list[Page], most: float = 0.25, skip: int = 0) -> list[tuple[int, int]]:
    """(page, % empty) of every body page but the last that ends with more than `most` of
    its text frame empty, unless the next page opens a chapter (a top-level heading may
    start a fresh page); the first `skip` pages (a cover) and contents pages are no body pages."""
    return [
        (a.number, round(a.empty * 100))
        for a, b in itertools.pairwise(pages[skip:])
        if a.empty > most and not a.contents and not b.opens_chapter
    ]


def stranded_lead_ins(pages: list[Page], most: int = 3) -> list[tuple[int, int]]:
    """(page, lines) of a heading at a page's foot with at most `most` lines under it (a
    lead-in) while the next page opens with a table's header."""
    return [
        (a.number, a.after_heading)
        for a, b in itertools.pairwise(pages)
        if a.after_heading is not None and a.after_heading <= most and b.header_at_head
    ]


def label_hyphens(pages: list[Page]) -> list[tuple[int, str]]:
    return [(p.number, w) for p in pages for w in p.label_hyphens]


def split_boxes(pages: list[Page]) -> list[int]:
    """Pages whose box runs on to the next page."""
    return [a.number for a, b in itertools.pairwise(pages) if a.box_at_foot and b.box_at_head]


def thin_table_starts(pages: list[Page], least: int = 3) -> list[tuple[int, int]]:
    """(page, rows) of a table part with fewer than `least` body rows that continues on the next page."""
    out = []
    for a, b in itertools.pairwise(pages):
        if a.tables and b.header_at_head and a.tables[-1] < least:
            out.append((a.number, a.tables[-1]))
    return out


def thin_table_ends(pages: list[Page], least: int = 2) -> list[tuple[int, int]]:
    """(page, rows) of a table's continuation that opens a page with fewer than `least` body rows."""
    out = []
    for a, b in itertools.pairwise(pages):
        if a.tables and b.header_at_head and b.tables and b.tables[0] < least:
            out.append((b.number, b.tables[0]))
    return out


def lonely_headings(pages: list[Page]) -> list[tuple[int, str]]:
    return [(p.number, h) for p in pages for h in p.lonely_headings]


def poor_hyphens(pages: list[Page], hard: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """The poorly hyphenated words; a word whose part before the hyphen is in `hard`
    ("Year-" of "Year-round", as the sources spell it: `hard_hyphens`) broke at its own hyphen."""
    return [
        (p.number, w)
        for p in pages
        for w in p.poor_hyphens
        if re.sub(r".*[^\w-]", "", w).split("-")[-2] + "-" not in hard
    ]


def hard_hyphens(root: Path) -> frozenset[str]:
    """The words before a hyphen written in a project's sources ("Year-" of "Year-round")."""
    found: set[str] = set()
    for path in (*root.rglob("*.md"), *root.rglob("*.yaml")):
        found.update(m + "-" for m in re.findall(r"([^\W\d_]+)-(?=[^\W\d_])", path.read_text(encoding="utf-8")))
    return frozenset(found)


def lone_list_lines(pages: list[Page]) -> list[tuple[int, str]]:
    """(page, "first"/"last") where a list leaves one line alone: its first item of one
    line as the page's last line after text, the list going on over the page; or its last
    item of one line as the next page's first line, text following it."""
    out = []
    for a, b in itertools.pairwise(pages):
        if not (a.foot and b.head) or a.foot[-1] == "text" or b.head[0] == "text":
            continue  # no list runs over this page break
        if a.foot[-1] == "bullet" and (len(a.foot) < 2 or a.foot[0] == "text"):
            out.append((a.number, "first"))
        if b.head[0] == "bullet" and (len(b.head) < 2 or b.head[1] == "text"):
            out.append((b.number, "last"))
    return out
