"""The text a reader gets from the web page and from the PDF, in the same three parts,
for tests/test_html_browser.py to compare.

- cover: the PDF's first page (the summary: its band) against the page's masthead and
  the cover lines in its footer;
- contents: the PDF's contents page, less its page numbers, against the contents sidebar
  (a report's; an annex's sidebar is the web's own, as the PDF has no contents page);
- body: every later page, less the running head and foot, the marking and "Page N of M"
  (lines printed on every page, the cover included), and less a table's header row where
  the PDF repeats it at the top of a page the table runs on to, against `main`; the
  top-level boxes and figures are compared whole, wherever they stand (`without_floats`).

What only one side has is left out by rule: the page's elements marked `data-web-only`
(the reading time, footnote back links, an annex's sidebar, the summary's footer) and
`data-furniture` (the marking banner and the running foot, which the PDF prints on every
page, and which its side leaves out as furniture); the PDF's bullet glyphs
(the page's are list markers, not text) and the page numbers the PDF adds to a
cross-reference (", p. 20": a web page has no pages), while the numbers of numbered lists, which both
show, are written into the page's text; whitespace is collapsed, and the characters the
PDF never draws (soft hyphens, joiners) are dropped from both.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff\ufe00-\ufe0f]")
_NUMBERED = re.compile(r"^(.*\S) (\d+)$")
_PAGE_REF = re.compile(r",\s+p\.\s+\d+\b")  # a cross-reference's page in the PDF (model.PageRef)


def normal(text: str) -> str:
    return " ".join(_INVISIBLE.sub("", text).replace("•", " ").split())


def pdf_text(path: Path, heads: frozenset[str] = frozenset()) -> dict[str, str]:
    """The PDF's three parts; `heads` are the page's table header rows (as `normal` text)."""
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True)
    # A word hyphenated at a line's end (a soft hyphen the PDF used) is one word in the page.
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", raw.stdout)
    # So is a dash set solid where a fact value breaks its line after it ("Oslo–" / "Bergen").
    text = re.sub(r"(?<=\S)([–—])\n(?=\S)", r"\1", text)
    pages = [p.splitlines() for p in text.split("\f") if p.strip()]
    if len(pages) == 1:  # the summary: its band's two lines, then the page
        lines = [x for x in pages[0] if not re.fullmatch(r"Page \d+ of \d+", x)]
        return {"cover": normal("\n".join(lines[:2])), "contents": "", "body": normal("\n".join(lines[2:]))}
    cover, body_pages = pages[0], pages[1:]
    furniture = set.intersection(*(set(p) for p in body_pages)) if len(body_pages) > 1 else set()
    cover = [x for x in cover if x not in furniture]
    lines: list[str] = []
    for page in body_pages:
        kept = [x for x in page if x not in furniture and not re.fullmatch(r"Page \d+ of \d+", x)]
        for n in range(1, 5):  # a table's header row (wrapped in up to 4 lines), repeated on the page it runs on to
            head = normal(" ".join(kept[:n]))
            if len(kept) >= n and head in heads and head in normal(" ".join(lines)):
                kept = kept[n:]
                break
        lines += kept
    contents: list[str] = []
    if lines and lines[0] == "Contents":
        first = _NUMBERED.match(lines[1])
        assert first, lines[1]
        end = lines.index(first.group(1), 2)
        contents = [lines[0]] + [_NUMBERED.sub(r"\1", x) for x in lines[1:end]]
        lines = lines[end:]
    return {
        "cover": normal("\n".join(cover)),
        "contents": normal("\n".join(contents)),
        "body": _PAGE_REF.sub("", normal("\n".join(lines))),
    }


# In the page: numbered-list numbers written out, web-only parts hidden, then the parts' text.
_PAGE_TEXT = """() => {
  for (const ol of document.querySelectorAll('main ol')) {
    let n = ol.start || 1;
    for (const li of ol.children) {
      if (li.hasAttribute('value')) n = Number(li.getAttribute('value'));
      const mark = document.createElement('span'); mark.textContent = `${n++}. `; li.prepend(mark);
    }
  }
  for (const el of document.querySelectorAll('[data-web-only], [data-furniture]')) el.style.display = 'none';
  const text = sel => [...document.querySelectorAll(sel)].map(el => el.closest('[data-web-only], [data-furniture]') ? '' : el.innerText).join('\\n');
  const heads = [...document.querySelectorAll('main thead tr')].map(tr => tr.innerText);
  const floats = [...document.querySelectorAll('main div.box, main figure')]
    .filter(el => !el.parentElement.closest('div.box, figure, li, blockquote, table')).map(el => el.innerText);
  return {cover: text('header.masthead') + '\\n' + text('footer'), contents: text('nav.toc'), body: text('main'), heads, floats};
}"""


def html_text(page: Any) -> dict[str, Any]:
    """The page's text in its three parts (the page is changed: read it last)."""
    found = page.evaluate(_PAGE_TEXT)
    heads = frozenset(normal(h) for h in found.pop("heads"))
    floats = [normal(f) for f in found.pop("floats")]
    return {**{part: normal(text) for part, text in found.items()}, "heads": heads, "floats": floats}


def without_floats(page: str, pdf: str, floats: list[str]) -> tuple[str, str]:
    """Both bodies less the top-level boxes and figures, each found whole in the PDF: the
    PDF floats one that does not fit to the next page's top, after the text that follows
    it (writers/pdf/floats.py), so only its place differs."""
    for text in floats:
        assert text in pdf, f"a box or figure the PDF does not hold whole: {text[:200]}"
        page, pdf = page.replace(text, " ", 1), pdf.replace(text, " ", 1)
    return normal(page), normal(pdf)
