"""Many small Markdown bodies built through both writers in one process, text read back.

Each body becomes a section and a report cut of its own in one project, so it is
assembled (parse, filters, glyph and link checks) on its own, and anything it breaks
is charged to it. The writers run in this process on the model, a batch of sections
to a report (PDF, then DOCX with the PDF's page numbers): no interpreter per example
and few files, so hundreds are quick.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from conftest import write_project

from briefgen.build.assemble import Assembler
from briefgen.build.make import docx_bytes
from briefgen.build.run import load
from briefgen.errors import BriefgenError
from briefgen.model import nodes as m

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FRONT = "---\ntitle: Example {key}\nnew_page: true\n---\n\n"
BODY_LINE = 6  # the first body line of each section file: after the front matter above
_BLOCK_TAGS = re.compile(r"</?(?:p|li|h[1-6]|pre|blockquote|ul|ol|table|thead|tbody|tr|td|th|hr|br)\b[^>]*>")


@dataclass
class Result:
    """What became of one body: "built" (with its text), "refused" or "crashed"."""

    key: str
    body: str
    outcome: str
    diagnostics: list[str] = field(default_factory=list)
    pdf: str = ""
    docx: str = ""
    crash: str = ""

    @property
    def last_line(self) -> int:
        return BODY_LINE + self.body.count("\n")


def build_corpus(tmp: Path, bodies: dict[str, str], batch: int = 40) -> dict[str, Result]:
    """Build every body (key → Markdown, keys are section ids); see the module docstring.

    Bodies that assemble are written `batch` to a report, each section on its own pages,
    and each one's text is cut out of the files again: by the pages its section starts
    on in the PDF, by its title paragraph in the DOCX. A batch that fails is written
    again one body at a time, so that the failure is charged to the right one.
    """
    files: dict[str, str | bytes | None] = {"sections/01-intro.md": None, "sections/02-detail.md": None}
    cuts = {}
    for key, body in bodies.items():
        files[f"sections/{key}.md"] = FRONT.format(key=key) + body
        cuts[key] = {"include": [key], "layout": "report"}
    project = load(write_project(tmp, files, cuts=cuts))
    assembler = Assembler(project)
    results: dict[str, Result] = {}
    sections: list[m.Section] = []
    meta = None
    for key, body in bodies.items():
        try:
            doc = assembler.assemble(key).document
        except BriefgenError as exc:
            results[key] = Result(key, body, "refused", [str(d) for d in exc.diagnostics])
            continue
        except Exception as exc:  # the bug these tests exist to catch: reported, not raised
            results[key] = Result(key, body, "crashed", crash=f"internal error: {type(exc).__name__}: {exc}")
            continue
        meta = doc.meta
        sections += [s for s in doc.sections if s.id == key]
    for start in range(0, len(sections), batch):
        group = sections[start : start + batch]
        try:
            results.update(_write(m.Document(meta, tuple(group)), project.theme, bodies))
        except Exception:
            for section in group:
                results[section.id] = _write_one(m.Document(meta, (section,)), project.theme, bodies)
    return {key: results[key] for key in bodies}


def _write(doc: m.Document, theme: object, bodies: dict[str, str]) -> dict[str, Result]:
    from pypdf import PdfReader

    from briefgen.writers.pdf import write_pdf

    pdf = write_pdf(doc, theme)
    docx = docx_body_text(docx_bytes(lambda: pdf.anchor_pages, doc, theme))
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf.data)).pages]
    starts = [pdf.anchor_pages[s.id] - 1 for s in doc.sections] + [len(pages)]
    titles = [f"Example {s.id}" for s in doc.sections]
    cuts = [docx.index(f"\n{t}\n") for t in titles] + [len(docx)]
    return {
        s.id: Result(
            s.id,
            bodies[s.id],
            "built",
            pdf="\n".join(pages[starts[i] : starts[i + 1]]),
            docx=docx[cuts[i] : cuts[i + 1]],
        )
        for i, s in enumerate(doc.sections)
    }


def _write_one(doc: m.Document, theme: object, bodies: dict[str, str]) -> Result:
    key = doc.sections[0].id
    try:
        return _write(doc, theme, bodies)[key]
    except BriefgenError as exc:
        return Result(key, bodies[key], "refused", [str(d) for d in exc.diagnostics])
    except Exception as exc:
        return Result(key, bodies[key], "crashed", crash=f"internal error: {type(exc).__name__}: {exc}")


def docx_body_text(data: bytes) -> str:
    """The body's paragraphs, then the footnotes', contents entries left out; tabs and breaks read as spaces."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        roots = [
            ET.fromstring(z.read(name)) for name in ("word/document.xml", "word/footnotes.xml") if name in z.namelist()
        ]
    lines = []
    for p in (p for root in roots for p in root.iter(f"{W}p")):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val", "").startswith("TOC"):
            continue
        parts = []
        for el in p.iter():
            if el.tag == f"{W}t":
                parts.append(el.text or "")
            elif el.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                parts.append(" ")
        lines.append("".join(parts))
    return "\n".join(lines)


def html_text(markup: str) -> str:
    """The text a reader sees in HTML: tags stripped (blocks apart), entities decoded."""
    return html.unescape(re.sub(r"<[^>]*>", "", _BLOCK_TAGS.sub(" ", markup)))


# The typographer sets quotes, dashes and ellipses (markdown/typography.py): their form
# changes, never their number; a dash may stand for one to three hyphens.
_TYPOGRAPHIC = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "---", "\u2014": "---", "\u2026": "..."}
)


def tokens(text: str) -> Counter[str]:
    """Words and single punctuation marks, Unicode-normalised, typographic quotes and
    dashes read as typed; whitespace does not count."""
    text = unicodedata.normalize("NFC", text.replace("\u00ad", "")).translate(_TYPOGRAPHIC)
    return Counter(re.findall(r"\w+|[^\w\s]", text))


def missing(expected: str, got: str) -> list[str]:
    """Tokens of `expected` that `got` holds fewer times."""
    want, have = tokens(expected), tokens(got)
    return [t for t in want if want[t] > have[t]]
