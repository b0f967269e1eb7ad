"""The DOCX writer, read back: styles, fields, numbering, pictures, properties, validity.

Documents are built by hand from the model, so these tests need no Markdown, templating
or pipeline. The validator and LibreOffice tests skip when their tools are missing.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image, ImageDraw

from briefgen import model as m
from briefgen.brand import load_brand
from briefgen.docx import BLOCK_HANDLERS, INLINE_HANDLERS, bookmark_name, write_docx
from briefgen.docx.text import clean
from briefgen.errors import BriefgenError, Pos, Reporter

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
VALIDATOR = SHARED / "tools" / "docx-validate"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ---------------------------------------------------------------- building documents
@pytest.fixture(scope="module")
def theme():
    reporter = Reporter()
    loaded = load_brand(ROOT / "templates" / "brand.yaml", ROOT, reporter)
    assert loaded is not None, reporter.diagnostics
    return loaded


@pytest.fixture(scope="module")
def chart(tmp_path_factory) -> Path:
    """A small bar chart PNG standing in for a figure."""
    path = tmp_path_factory.mktemp("img") / "trade.png"
    img = Image.new("RGB", (1200, 700), "white")
    draw = ImageDraw.Draw(img)
    for i, h in enumerate((420, 310, 520, 260, 180)):
        draw.rectangle((120 + i * 200, 620 - h, 240 + i * 200, 620), fill=(15, 44, 76))
    draw.line((80, 620, 1150, 620), fill=(91, 103, 112), width=4)
    img.save(path)
    return path


def T(text: str) -> tuple[m.Inline, ...]:
    return (m.Text(text),)


def P(text: str, style: str = "body") -> m.Paragraph:
    return m.Paragraph(T(text), Pos("sections/test.md", 3), style)


def para(*inlines: m.Inline) -> m.Paragraph:
    return m.Paragraph(tuple(inlines), Pos("sections/test.md", 5))


def item(text: str, *more: m.Block) -> m.ListItem:
    return m.ListItem((P(text), *more))


def cells(*texts: str) -> tuple[m.Cell, ...]:
    return tuple(m.Cell(T(t), "right" if t[:1].isdigit() else "") for t in texts)


LOREM = (
    "Moscow's room for manoeuvre is set less by what it controls on the ground than by the forums it can shape. "
    "Its diplomats lean on formats where procedure counts for more than money, and they present contacts "
    "as access. Neighbours read the signals carefully and hedge their bets accordingly."
)


def meta(layout: str = "report", **changes) -> m.Meta:
    base = dict(
        title="Afghanistan and Russia – A New Reality",
        subtitle="How Moscow turns limited leverage into a seat at the table",
        series="Research",
        date="2021-09-30",
        authors=("TESPA Research", "A. Analyst"),
        cut="full",
        cut_title="",
        layout=layout,
        audience="government",
        client_name="Ministry of Examples",
        marking=m.Marking("Official – Sensitive", "CONFIDENTIAL"),
        document_id="TESPA-2021-017",
        keywords=("Russia", "Afghanistan", "Central Asia"),
    )
    base.update(changes)
    return m.Meta(**base)


def report_doc(chart: Path, layout: str = "report", **meta_changes) -> m.Document:
    pos = Pos("sections/01-introduction.md", 1)
    intro = m.Section(
        "introduction",
        "Introduction",
        1,
        (
            P(LOREM, "lead"),
            para(
                m.Text("Russia "), m.Strong((m.Text("claims influence"),)), m.Text(" it does "),
                m.Emph((m.Text("not"), m.Strong((m.Text(" hold"),)))), m.Text(", see "),
                m.Link("#regional-level", T("the regional chapter")), m.Text(" and "),
                m.Link("https://example.org/report?a=1&b=2", T("the source")), m.Text("."),
                m.NoteRef(1), m.Text(" Old view: "), m.Strike(T("a great game")), m.Text("; code "),
                m.Code("x < y & z"), m.LineBreak(), m.Text("After a break\twith a tab\x01 and \ufffe junk."),
            ),
            m.Heading(2, T("Three levels of analysis"), "introduction-three-levels", Pos("sections/01-introduction.md", 9)),
            m.BulletList((item("Local: contacts with the Taliban.", m.BulletList((item("Nested bullet one."), item("Nested bullet two.")))),
                          item("Regional: coordination through the CSTO."), item("Global: the UN and the veto.", P("A second paragraph in the item.")))),
            m.OrderedList((item("First ordered point."), item("Second ordered point.", m.OrderedList((item("Nested a."), item("Nested b.")))))),
            P("Between two lists."),
            m.OrderedList((item("Restarted list, item four."), item("Item five.")), start=4),
            m.Heading(3, T("A level-three heading"), "introduction-l3", pos),
            m.BlockQuote((P("We will talk to everyone who is ready to talk to us."),), pos),
            m.Callout("Bottom line", (P(LOREM),), "bottom-line", pos),
            m.Callout("The Russian model", (P("lack of control → image of influence → diplomatic resource"),), "callout", pos),
            m.Callout("Key facts", (m.BulletList((item("Border: 800 km"), item("Trade: growing"))),), "factbox", pos),
            m.Figure(chart, T("Trade with Afghanistan, 2016–2020"), "Bar chart of five years of trade, highest in 2018", 1200, 700, pos),
            m.Table(
                (cells("Country", "Border (km)", "Stance"),),
                tuple(cells(c, b, s) for c, b, s in (
                    ("Pakistan", "2,670", "Engaged, hopes for a friendly government"),
                    ("Iran", "945", "Withholds recognition for now"),
                    ("Tajikistan", "1,357", "Openly hostile to the Taliban"),
                    ("Uzbekistan", "144", "Pragmatic, trade first"),
                )),
                pos,
                caption=T("Neighbours at a glance"),
            ),
            m.CodeBlock("def hello():\n    return 'world'\t# tab", "python", pos),
            m.Rule(pos),
            P("Small print after the rule.", "small"),
            m.Notes((m.Note(1, (P("A note with a link to the regional chapter."),)),), pos),
        ),
        pos,
        new_page=True,
    )
    regional = m.Section(
        "regional-level", "Regional level", 1,
        (P(LOREM), P(LOREM), m.Heading(2, T("Central Asian neighbours"), "regional-neighbours", pos), P(LOREM)), pos, new_page=True,
    )
    iran = m.Section(
        "countries-iran", "Iran", 2,
        (
            P("Iran is hedging: trade and faith tie it to Afghanistan, but it withholds recognition."),
            m.Table((), (cells("Border with Afghanistan", "800 km"), cells("Share of steel imports", "around 25%")), pos, kind="facts"),
            P(LOREM),
        ),
        pos, kind="country",
    )
    pakistan = m.Section("countries-pakistan", "Pakistan", 2, (P(LOREM), P(LOREM)), pos, kind="country")
    contact = m.Section(
        "contact", "Contact", 1,
        (m.Callout("Partner with TESPA", (P("We work with research institutions and government bodies."), P("partners@tespa.example")), "contact", pos),),
        pos,
    )
    return m.Document(meta(layout, **meta_changes), (intro, regional, iran, pakistan, contact))


def summary_doc(**meta_changes) -> m.Document:
    pos = Pos("sections/00-executive-summary.md", 1)
    judgements = (
        "Locally, Moscow has no structural leverage and trades on its contacts with the new authorities.",
        "Regionally it works at one remove; China, Pakistan and Iran hold the stronger hands.",
        "Globally, the case is a route back into talks with the West through UN formats.",
        "The method is to move the contest from resources to rules and procedures.",
        "Two models of order meet here: rules and coalitions against poles and spheres.",
        "Ambition outruns capacity, exposing weakness as a regional player.",
    )
    blocks = (
        m.Callout("Bottom line", (P("Russia compensates for its lack of control with diplomacy, signals and institutions, "
                                    "turning an image of influence into a resource it can spend at the global level."),), "bottom-line", pos),
        m.Heading(2, T("Key judgements"), "summary-key-judgements", pos),
        m.OrderedList(tuple(item(j) for j in judgements)),
        m.Heading(2, T("At a glance"), "summary-glance", pos),
        m.Table((), (cells("Date of assessment", "30 September 2021"), cells("Countries covered", "10"), cells("Horizon", "12 months")), pos, kind="facts"),
        m.Table((cells("Actor", "Leverage", "Trend"),), (cells("China", "High", "Rising"), cells("Pakistan", "High", "Stable"), cells("Russia", "Low", "Stable")), pos),
        P("Contact: partners@tespa.example · We respond within 2 business days.", "small"),
    )
    section = m.Section("summary", "Summary", 1, blocks, pos)
    return m.Document(meta("summary", cut="summary", cut_title="Summary", **meta_changes), (section,))


def build(doc: m.Document, theme, **kw) -> bytes:
    out = io.BytesIO()
    write_docx(doc, theme, out, **kw)
    return out.getvalue()


def body_paragraphs(data: bytes):
    return docx.Document(io.BytesIO(data)).paragraphs


def xml(data: bytes, part: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(part).decode("utf-8")


if __name__ == "__main__":  # render the fixtures for a look: python tests/test_docx_writer.py OUTDIR
    from briefgen.brand import load_brand as _lb

    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/briefgen-docx")
    out_dir.mkdir(parents=True, exist_ok=True)
    th = _lb(ROOT / "templates" / "brand.yaml", ROOT, Reporter())
    img = out_dir / "chart.png"
    Image.new("RGB", (1200, 700), (200, 210, 220)).save(img)
    write_docx(report_doc(img), th, out_dir / "report.docx", toc_pages={"introduction": 3, "regional-level": 5})
    write_docx(report_doc(img, "annex", cut_title="Country annex"), th, out_dir / "annex.docx")
    write_docx(summary_doc(), th, out_dir / "summary.docx", scale=0.95)
    print(out_dir)
