"""The DOCX writer, read back: styles, fields, numbering, pictures, properties, validity.

Documents are built by hand from the model, so these tests need no Markdown, templating
or pipeline. The validator and LibreOffice tests skip when their tools are missing.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import UTC
from pathlib import Path

import docx
import pytest
from PIL import Image, ImageDraw

from briefgen.design.system import body_margins_mm
from briefgen.errors import BriefgenError, Pos, Reporter
from briefgen.load.brand import load_brand
from briefgen.model import nodes as m
from briefgen.model.layout import BreakBefore
from briefgen.writers.docx import BLOCK_HANDLERS, INLINE_HANDLERS, bookmark_name, write_docx
from briefgen.writers.docx.text import clean

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
VALIDATOR = SHARED / "tools" / "docx-validate"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ---------------------------------------------------------------- building documents


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


def words(text: str) -> tuple[m.Inline, ...]:
    return (m.Text(text),)


def body_para(text: str, style: str = "body") -> m.Paragraph:
    return m.Paragraph(words(text), Pos("sections/test.md", 3), style)


def para(*inlines: m.Inline) -> m.Paragraph:
    return m.Paragraph(tuple(inlines), Pos("sections/test.md", 5))


def item(text: str, *more: m.Block) -> m.ListItem:
    return m.ListItem((body_para(text), *more))


def cells(*texts: str) -> tuple[m.Cell, ...]:
    return tuple(m.Cell(words(t), "right" if t[:1].isdigit() else "") for t in texts)


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
            body_para(LOREM, "lead"),
            para(
                m.Text("Russia "),
                m.Strong((m.Text("claims influence"),)),
                m.Text(" it does "),
                m.Emph((m.Text("not"), m.Strong((m.Text(" hold"),)))),
                m.Text(", see "),
                m.Link("#regional-level", words("the regional chapter")),
                m.Text(" and "),
                m.Link("https://example.org/report?a=1&b=2", words("the source")),
                m.Text("."),
                m.NoteRef(1),
                m.Text(" Old view: "),
                m.Strike(words("a great game")),
                m.Text("; code "),
                m.Code("x < y & z"),
                m.LineBreak(),
                m.Text("After a break\twith a tab\x01 and \ufffe junk."),
            ),
            m.Heading(
                2, words("Three levels of analysis"), "introduction-three-levels", Pos("sections/01-introduction.md", 9)
            ),
            m.BulletList(
                (
                    item(
                        "Local: contacts with the Taliban.",
                        m.BulletList((item("Nested bullet one."), item("Nested bullet two."))),
                    ),
                    item("Regional: coordination through the CSTO."),
                    item("Global: the UN and the veto.", body_para("A second paragraph in the item.")),
                )
            ),
            m.OrderedList(
                (
                    item("First ordered point."),
                    item("Second ordered point.", m.OrderedList((item("Nested a."), item("Nested b.")))),
                )
            ),
            body_para("Between two lists."),
            m.OrderedList((item("Restarted list, item four."), item("Item five.")), start=4),
            m.Heading(3, words("A level-three heading"), "introduction-l3", pos),
            m.BlockQuote((body_para("We will talk to everyone who is ready to talk to us."),), pos),
            m.Callout("Bottom line", (body_para(LOREM),), "bottom-line", pos),
            m.Callout(
                "The Russian model",
                (body_para("lack of control → image of influence → diplomatic resource"),),
                "callout",
                pos,
            ),
            m.Callout("Key facts", (m.BulletList((item("Border: 800 km"), item("Trade: growing"))),), "factbox", pos),
            m.Figure(
                chart,
                words("Trade with Afghanistan, 2016–2020"),
                "Bar chart of five years of trade, highest in 2018",
                1200,
                700,
                pos,
            ),
            m.Table(
                (cells("Country", "Border (km)", "Stance"),),
                tuple(
                    cells(c, b, s)
                    for c, b, s in (
                        ("Pakistan", "2,670", "Engaged, hopes for a friendly government"),
                        ("Iran", "945", "Withholds recognition for now"),
                        ("Tajikistan", "1,357", "Openly hostile to the Taliban"),
                        ("Uzbekistan", "144", "Pragmatic, trade first"),
                    )
                ),
                pos,
                caption=words("Neighbours at a glance"),
            ),
            m.CodeBlock("def hello():\n    return 'world'\t# tab", "python", pos),
            m.Rule(pos),
            body_para("Small print after the rule.", "small"),
            m.Notes((m.Note(1, (body_para("A note with a link to the regional chapter."),)),), pos),
        ),
        pos,
        new_page=True,
    )
    regional = m.Section(
        "regional-level",
        "Regional level",
        1,
        (
            body_para(LOREM),
            body_para(LOREM),
            m.Heading(2, words("Central Asian neighbours"), "regional-neighbours", pos),
            body_para(LOREM),
        ),
        pos,
        new_page=True,
    )
    iran = m.Section(
        "countries-iran",
        "Iran",
        2,
        (
            body_para("Iran is hedging: trade and faith tie it to Afghanistan, but it withholds recognition."),
            m.Table(
                (),
                (cells("Border with Afghanistan", "800 km"), cells("Share of steel imports", "around 25%")),
                pos,
                caption=words("Iran at a glance"),
                kind="facts",
            ),
            body_para(LOREM),
        ),
        pos,
        kind="country",
    )
    pakistan = m.Section("countries-pakistan", "Pakistan", 2, (body_para(LOREM), body_para(LOREM)), pos, kind="country")
    contact = m.Section(
        "contact",
        "Contact",
        1,
        (
            m.Callout(
                "Partner with TESPA",
                (
                    body_para("We work with research institutions and government bodies."),
                    body_para("partners@tespa.example"),
                ),
                "contact",
                pos,
            ),
        ),
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
        m.Callout(
            "Bottom line",
            (
                body_para(
                    "Russia compensates for its lack of control with diplomacy, signals and institutions, "
                    "turning an image of influence into a resource it can spend at the global level."
                ),
            ),
            "bottom-line",
            pos,
        ),
        m.Heading(2, words("Key judgements"), "summary-key-judgements", pos),
        m.OrderedList(tuple(item(j) for j in judgements)),
        m.Heading(2, words("At a glance"), "summary-glance", pos),
        m.Table(
            (),
            (
                cells("Date of assessment", "30 September 2021"),
                cells("Countries covered", "10"),
                cells("Horizon", "12 months"),
            ),
            pos,
            kind="facts",
        ),
        m.Table(
            (cells("Actor", "Leverage", "Trend"),),
            (cells("China", "High", "Rising"), cells("Pakistan", "High", "Stable"), cells("Russia", "Low", "Stable")),
            pos,
        ),
        body_para("Contact: partners@tespa.example · We respond within 2 business days.", "small"),
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


def docx_parts(data: bytes, prefix: str) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith(prefix)}


@pytest.fixture(scope="module")
def report(theme, chart) -> bytes:
    return build(report_doc(chart), theme, toc_pages={"introduction": 3, "regional-level": 5, "countries-iran": 6})


# ---------------------------------------------------------------- dispatch and text
def test_every_model_node_type_has_a_handler() -> None:
    assert set(m.BLOCK_TYPES) <= set(BLOCK_HANDLERS)
    assert set(m.INLINE_TYPES) <= set(INLINE_HANDLERS)


def test_a_node_without_a_handler_is_an_error_at_its_position(theme) -> None:
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Mystery:
        pos: Pos

    doc = m.Document(meta(), (m.Section("s", "S", 1, (Mystery(Pos("sections/s.md", 7)),), Pos("sections/s.md", 1)),))  # type: ignore[arg-type]
    with pytest.raises(BriefgenError) as caught:
        build(doc, theme)
    assert "sections/s.md:7" in str(caught.value) and "cannot be rendered in DOCX" in str(caught.value)


def test_clean_removes_what_xml_cannot_hold() -> None:
    assert clean("a\x00b\x1fc\td\ne\ud800f\ufffeg\uffffh\x85i") == "abc\td\nefghi"
    assert clean("x\r\ny\rz") == "x\ny\nz"


def test_control_characters_never_reach_the_xml(report) -> None:
    body = xml(report, "word/document.xml")
    assert "\x01" not in body and "\ufffe" not in body
    assert "After a break" in body
    # the tab in the text became Word's own tab element
    assert re.search(r"After a break</w:t><w:tab/><w:t[^>]*>with a tab", body)


# ---------------------------------------------------------------- styles
def test_paragraphs_use_the_restyled_builtin_styles(report) -> None:
    used = {p.style.name for p in body_paragraphs(report)}
    for name in (
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "List Bullet 2",
        "List Number",
        "List Number 2",
        "List Continue",
        "Quote",
        "Caption",
        "toc 1",
        "toc 2",
        "Lead",
        "Small",
        "Code Block",
        "TOC Heading",
    ):
        assert name in used, name


def test_styles_name_the_brand_font_families_and_sizes(theme) -> None:
    from docx.shared import Pt

    doc = docx.Document(io.BytesIO(build(summary_doc(), theme, scale=0.8)))
    styles = doc.styles
    assert styles["Normal"].font.name == "Noto Serif"
    assert styles["Heading 1"].font.name == "Noto Sans"
    assert styles["Normal"].font.size == Pt(round(theme.base_size * 0.8 * 2) / 2)
    # no theme font may override the named family
    rfonts = styles["Heading 1"].element.find(f"{W}rPr/{W}rFonts")
    assert not [k for k in rfonts.attrib if k.endswith("Theme") or k.endswith("theme")]
    assert styles["Heading 1"].font.color.rgb == docx.shared.RGBColor.from_string(theme.colors.primary[1:].upper())


def test_runs_carry_character_styles_not_direct_formatting(report) -> None:
    body = xml(report, "word/document.xml")
    for style in ("Strong", "Emphasis", "Strikethrough", "Code", "Hyperlink", "FootnoteReference"):
        assert f'<w:rStyle w:val="{style}"/>' in body, style
    assert "<w:sz " not in body and "<w:color" not in body
    # The one direct font: the symbol fallback, on the characters the text fonts lack (symbols.py).
    named = re.findall(r'<w:rFonts w:ascii="([^"]+)"[^>]*/></w:rPr><w:t>([^<]*)</w:t>', body)
    assert len(named) == body.count("<w:rFonts")
    assert {family for family, _ in named} <= {"Noto Sans Math"}
    assert all(not any(c.isalnum() for c in text) for _, text in named)


@pytest.mark.parametrize("layout", ["report", "annex", "summary"])
def test_every_style_and_bookmark_reference_resolves(theme, chart, layout) -> None:
    data = build(summary_doc() if layout == "summary" else report_doc(chart, layout), theme)
    styles = xml(data, "word/styles.xml")
    ids = set(re.findall(r'w:styleId="([^"]+)"', styles))
    referenced = set(re.findall(r'<w:(?:basedOn|next|link) w:val="([^"]+)"', styles))
    stories = {
        **docx_parts(data, "word/document"),
        **docx_parts(data, "word/header"),
        **docx_parts(data, "word/footer"),
    }
    for part in stories.values():
        referenced |= set(re.findall(r'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', part))
    assert referenced <= ids, referenced - ids
    body = stories["word/document.xml"]
    names = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"', body)
    assert len(names) == len(set(names)) and all(len(n) <= 40 for n in names)
    assert set(re.findall(r'w:anchor="([^"]+)"', body)) <= set(names)


# ---------------------------------------------------------------- contents, headers, footers
def test_toc_is_a_real_field_with_cached_entries_and_pages(report) -> None:
    body = xml(report, "word/document.xml")
    assert '<w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText>' in body
    begin = body.index("TOC \\o")
    end = body.index('w:fldCharType="end"', begin)
    cached = body[begin:end]
    assert cached.count('w:fldCharType="separate"') == 1  # one field, no nested ones to trip readers
    text = re.sub(r"<[^>]+>", " ", cached)
    for title in ("Introduction", "Regional level", "Iran", "Pakistan", "Contact"):
        assert title in text
    assert '<w:hyperlink w:anchor="regional-level"' in cached
    entries = re.findall(r'<w:hyperlink w:anchor="([^"]+)"[^>]*>(.*?)</w:hyperlink>', cached)
    shown = {anchor: re.sub(r"<[^>]+>", "", inner) for anchor, inner in entries}
    assert shown["countries-iran"] == "Iran6" and "<w:tab/>" in dict(entries)["countries-iran"]
    assert shown["countries-pakistan"] == "Pakistan"  # no page known: an entry without a number


def test_toc_without_pages_still_lists_entries(theme, chart) -> None:
    body = xml(build(report_doc(chart), theme), "word/document.xml")
    begin = body.index("TOC \\o")
    cached = body[begin : body.index('w:fldCharType="end"', begin)]
    assert "Regional level" in cached and "Contact" in cached and "<w:tab/>" not in cached


def test_cover_is_its_own_section_with_a_different_first_page(report, theme) -> None:
    doc = docx.Document(io.BytesIO(report))
    cover, body = doc.sections
    assert cover.different_first_page_header_footer and not body.different_first_page_header_footer
    assert body.start_type == docx.enum.section.WD_SECTION.NEW_PAGE
    # Body pages keep the design's measure: the brand's margins, widened evenly (as the PDF's).
    _top, right, _, left = body_margins_mm(theme)
    assert (
        abs(body.page_width.mm - 210) < 0.1
        and abs(body.left_margin.mm - left) < 0.1
        and abs(body.right_margin.mm - right) < 0.1
        and abs(body.top_margin.mm - 22) < 0.1
        and left > 20
        and abs(cover.left_margin.mm - 20) < 0.1
    )
    first_header = "".join(p.text for p in cover.first_page_header.paragraphs)
    assert first_header == "Official – Sensitive"  # the marking only: no running head on the cover


def test_headers_and_footers_carry_page_fields_and_the_marking_everywhere(report) -> None:
    headers, footers = docx_parts(report, "word/header"), docx_parts(report, "word/footer")
    assert len(headers) == 3 and len(footers) == 3  # cover first + default, body default
    for part in (*headers.values(), *footers.values()):
        assert "Official – Sensitive" in part
    body_footer = next(f for f in footers.values() if "NUMPAGES" in f)
    assert " PAGE " in body_footer and "TESPA · Research" in body_footer
    assert any("Afghanistan and Russia – A New Reality" in h and "TESPA" in h for h in headers.values())


def test_watermark_is_a_vml_textpath_in_every_header(report, theme, chart) -> None:
    for part in docx_parts(report, "word/header").values():
        assert 'string="CONFIDENTIAL"' in part
    plain = build(report_doc(chart, marking=m.Marking("Internal")), theme)
    assert not any("v:textpath" in p for p in docx_parts(plain, "word/header").values())


def test_no_marking_means_no_marking_paragraphs(theme, chart) -> None:
    data = build(report_doc(chart, marking=None, client_name=""), theme)
    furniture = "".join(docx_parts(data, "word/header").values()) + "".join(docx_parts(data, "word/footer").values())
    assert "Marking" not in furniture and "Official" not in furniture


# ---------------------------------------------------------------- body content
def test_figure_has_alt_text_and_a_numbered_caption(report) -> None:
    body = xml(report, "word/document.xml")
    assert 'descr="Bar chart of five years of trade, highest in 2018"' in body
    caption = next(p for p in body_paragraphs(report) if p.style.name == "Caption" and "Trade with" in p.text)
    assert caption.text == "Figure 1: Trade with Afghanistan, 2016–2020"
    assert "SEQ Figure" in caption._p.xml
    # as in the PDF, "Figure 1:" is bold and the title is not
    bold = "".join(r.text for r in caption.runs if r.style is not None and r.style.name == "Strong")
    assert bold == "Figure 1:"
    extent = re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"', body.split("SEQ Figure")[0].rsplit("<w:drawing>", 1)[1])
    assert int(extent.group(1)) <= 170.01 * 36000 and int(extent.group(2)) <= 253 * 36000 // 2


def test_each_ordered_list_restarts_at_its_start(report) -> None:
    doc = docx.Document(io.BytesIO(report))
    num_ids = [p._p.pPr.numPr.numId.val for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(num_ids) == 4 and num_ids[0] == num_ids[1] and num_ids[2] == num_ids[3] and num_ids[0] != num_ids[2]
    numbering = doc.part.numbering_part.element
    starts = {}
    for num in numbering.num_lst:
        override = num.find(f"{W}lvlOverride/{W}startOverride")
        if override is not None:
            starts[num.numId] = int(override.get(f"{W}val"))
    assert starts[num_ids[0]] == 1 and starts[num_ids[2]] == 4
    # both point at the List Number abstract numbering
    abstract = {num.numId: num.abstractNumId.val for num in numbering.num_lst}
    assert abstract[num_ids[0]] == abstract[num_ids[2]]


def test_bookmarks_and_links(report, theme, chart) -> None:
    body = xml(report, "word/document.xml")
    for anchor in ("introduction", "regional-level", "countries-iran", "introduction-three-levels"):
        assert f'w:name="{anchor}"' in body
    # a cross-reference reads quietly (Cross Reference); a link out is a Hyperlink, as in the PDF
    assert '<w:hyperlink w:anchor="regional-level" w:history="1"><w:r><w:rPr><w:rStyle w:val="CrossReference"/>' in body
    assert re.search(r'<w:hyperlink r:id="rId\d+" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>', body)
    rels = xml(report, "word/_rels/document.xml.rels")
    assert 'Target="https://example.org/report?a=1&amp;b=2" TargetMode="External"' in rels
    long_anchor = "a-very-long-heading-anchor-that-goes-past-forty-characters"
    assert len(bookmark_name(long_anchor)) <= 40 and bookmark_name(long_anchor) == bookmark_name(long_anchor)
    # a link to a part this cut left out keeps its words but loses the link
    doc = report_doc(chart)
    intro = doc.sections[0]
    broken = replace(intro, blocks=(para(m.Link("#gone", words("a dropped section"))),))
    data = build(replace(doc, sections=(broken,)), theme)
    assert "a dropped section" in xml(data, "word/document.xml") and 'w:anchor="gone"' not in xml(
        data, "word/document.xml"
    )


def test_tables_fill_the_text_width_and_repeat_their_header(report, theme) -> None:
    doc = docx.Document(io.BytesIO(report))
    data = next(t for t in doc.tables if t.style.name == "Briefgen Table")
    widths = [int(g.get(f"{W}w")) for g in data._tbl.tblGrid.findall(f"{W}gridCol")]
    _, right, _, left = body_margins_mm(theme)
    assert abs(sum(widths) - round((210 - left - right) / 25.4 * 1440)) <= 1
    assert widths[2] > widths[1]  # the long 'Stance' column gets the room
    assert data.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert data.rows[1]._tr.trPr.find(f"{W}tblHeader") is None
    assert data._tbl.tblPr.find(f"{W}tblLayout").get(f"{W}type") == "fixed"
    assert data._tbl.tblPr.find(f"{W}tblCaption").get(f"{W}val") == "Neighbours at a glance"
    facts = next(t for t in doc.tables if t.style.name == "Briefgen Facts")
    title = facts.rows[0].cells[0].paragraphs[0]
    assert (title.text, title.style.name) == ("Iran at a glance", "Box Title")  # the caption heads the box
    assert [c.paragraphs[0].style.name for c in facts.rows[1].cells] == ["Fact Label", "Fact Value"]
    assert all(r._tr.trPr.find(f"{W}tblHeader") is None for r in facts.rows)


def test_callouts_are_boxes_with_their_title(report) -> None:
    doc = docx.Document(io.BytesIO(report))
    boxes = [t for t in doc.tables if t.style.name == "Briefgen Box" and len(t.rows) == 1 and len(t.columns) == 1]
    titles = [t.cell(0, 0).paragraphs[0] for t in boxes]
    assert ("Bottom line", "Bottom Line Title") in [(p.text, p.style.name) for p in titles]
    assert ("The Russian model", "Box Title") in [(p.text, p.style.name) for p in titles]
    bottom = next(t for t, p in zip(boxes, titles, strict=True) if p.text == "Bottom line")
    assert bottom.cell(0, 0).paragraphs[1].style.name == "Bottom Line Text"
    # a cell always ends with a paragraph
    for t in boxes:
        assert t.cell(0, 0)._tc[-1].tag == f"{W}p"


def test_notes_are_word_footnotes_referenced_from_the_text(report) -> None:
    # The section's one note is a real footnote (tests/test_docx_footnotes.py has the
    # rest); the notes list is left for notes Word cannot hold (unit tests of blocks.py).
    assert "Notes" not in {p.style.name for p in body_paragraphs(report)}
    body = xml(report, "word/document.xml")
    assert re.search(r'<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/>', body)
    assert "note-introduction-1" not in body  # no bookmark, no link to a list
    notes = xml(report, "word/footnotes.xml")
    assert re.search(r'<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/>', notes)
    assert "A note with a link to the regional chapter." in notes


def test_core_properties(report) -> None:
    from datetime import datetime

    props = docx.Document(io.BytesIO(report)).core_properties
    assert props.title == "Afghanistan and Russia – A New Reality"
    assert props.author == "TESPA Research, A. Analyst"
    assert props.subject == "How Moscow turns limited leverage into a seat at the table"
    assert props.keywords == "Russia, Afghanistan, Central Asia"
    assert "Ministry of Examples" in props.comments and "TESPA-2021-017" in props.comments
    assert props.category == "Ministry of Examples" and props.identifier == "TESPA-2021-017"
    assert props.created == props.modified == props.last_printed == datetime(2021, 9, 30, tzinfo=UTC)
    assert props.revision == 1
    assert "briefgen" in xml(report, "docProps/app.xml")


# ---------------------------------------------------------------- layouts
def test_annex_has_the_band_cover_no_toc_and_countries_on_new_pages(theme, chart) -> None:
    data = build(report_doc(chart, "annex", cut_title="Country annex", break_before=BreakBefore.PAGE), theme)
    texts = [p.text for p in body_paragraphs(data)]
    assert "TOC \\o" not in xml(data, "word/document.xml")
    doc = docx.Document(io.BytesIO(data))
    cover_text = " ".join(c.text for t in doc.tables[:1] for c in t._cells) + " ".join(texts[:8])
    assert "Country annex" in cover_text and "Prepared for Ministry of Examples" in texts
    assert "30 September 2021" in texts
    assert _profile_breaks(doc) == [True, True]
    # The default rule fills pages: a profile follows on, as in the PDF.
    following = docx.Document(io.BytesIO(build(report_doc(chart, "annex", cut_title="Country annex"), theme)))
    assert _profile_breaks(following) == [False, False]


def _profile_breaks(doc: docx.document.Document) -> list[bool]:
    """Whether each profile (Iran, Pakistan) starts a page, its break on the kicker above its title, if any."""
    paragraphs = doc.paragraphs
    out = []
    for i, p in enumerate(paragraphs):
        if p.style.name in ("Section Title", "Heading 2") and p.text in ("Iran", "Pakistan"):
            before = paragraphs[i - 1]
            starter = before if before.style.name == "Section Kicker" else p
            out.append(bool(starter.paragraph_format.page_break_before))
    return out


def test_summary_is_one_section_with_a_band_and_no_toc(theme) -> None:
    data = build(summary_doc(), theme, scale=0.9)
    doc = docx.Document(io.BytesIO(data))
    assert len(doc.sections) == 1 and not doc.sections[0].different_first_page_header_footer
    assert "TOC \\o" not in xml(data, "word/document.xml")
    band = doc.tables[0]
    assert (
        band.cell(0, 1).paragraphs[0].text == "Afghanistan and Russia – A New Reality"
    )  # no section repeats the title
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        images = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    assert (ROOT / "templates" / "logo-white.png").read_bytes() in images
    assert [p.style.name for p in doc.paragraphs].count("List Number") == 6


def test_unknown_layout_is_an_error(theme) -> None:
    with pytest.raises(BriefgenError, match="unknown layout"):
        doc = summary_doc()
        build(replace(doc, meta=replace(doc.meta, layout="poster")), theme)


# ---------------------------------------------------------------- reproducibility and validity
def test_two_builds_are_byte_identical(theme, chart) -> None:
    first = build(report_doc(chart), theme, toc_pages={"introduction": 3})
    assert first == build(report_doc(chart), theme, toc_pages={"introduction": 3})
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml" and infos[1].filename == "_rels/.rels"
    assert {i.date_time for i in infos} == {(2021, 9, 30, 0, 0, 0)}
    assert not [i.filename for i in infos if "thumbnail" in i.filename or "stylesWithEffects" in i.filename]


def test_source_date_epoch_wins(theme, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")  # 2020-09-13 12:26:40 UTC
    data = build(summary_doc(), theme)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert {i.date_time for i in z.infolist()} == {(2020, 9, 13, 12, 26, 40)}
    assert "2020-09-13T12:26:40Z" in xml(data, "docProps/core.xml")


needs_validator = pytest.mark.skipif(
    not VALIDATOR.exists(), reason="shared/tools/docx-validate is not beside this checkout"
)
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")


@needs_validator
@pytest.mark.parametrize("layout", ["report", "annex", "summary"])
def test_output_passes_the_word_schema_validator(theme, chart, tmp_path, layout) -> None:
    pytest.importorskip("lxml")
    doc = summary_doc() if layout == "summary" else report_doc(chart, layout)
    path = tmp_path / f"{layout}.docx"
    write_docx(doc, theme, path, toc_pages={"introduction": 3})
    result = subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def _libreoffice_pages(docx_paths: list[Path], outdir: Path) -> dict[str, list[str]]:
    """Convert with LibreOffice (private profile, so runs do not collide), all in one run
    since it starts slowly; page texts by file stem."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_paths),
        ],
        capture_output=True,
        timeout=240,
        check=True,
        env={**os.environ, "HOME": str(outdir)},
    )
    pypdf = pytest.importorskip("pypdf")
    return {
        path.stem: [page.extract_text() or "" for page in pypdf.PdfReader(str(outdir / f"{path.stem}.pdf")).pages]
        for path in docx_paths
    }


@pytest.fixture(scope="module")
def libreoffice(theme, chart, tmp_path_factory) -> dict[str, list[str]]:
    """The report and the summary fixtures as LibreOffice prints them."""
    outdir = tmp_path_factory.mktemp("libreoffice")
    write_docx(report_doc(chart), theme, outdir / "report.docx")
    write_docx(summary_doc(), theme, outdir / "summary.docx", scale=1.0)
    return _libreoffice_pages([outdir / "report.docx", outdir / "summary.docx"], outdir)


@needs_soffice
def test_report_opens_in_libreoffice_with_cover_contents_and_body(libreoffice) -> None:
    pages = libreoffice["report"]
    assert len(pages) >= 5
    assert "Afghanistan and Russia" in pages[0] and "Contents" in pages[1]
    assert "Introduction" in pages[2] and "Page 3 of" in pages[2]


@needs_soffice
def test_summary_is_exactly_one_page_in_libreoffice(libreoffice) -> None:
    pages = libreoffice["summary"]
    assert len(pages) == 1
    assert "BOTTOM LINE" in pages[0].upper() and "Key judgements" in pages[0]


if __name__ == "__main__":  # render the fixtures for a look: python tests/test_docx_writer.py OUTDIR
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/briefgen-docx")
    out_dir.mkdir(parents=True, exist_ok=True)
    th = load_brand(ROOT / "templates" / "brand.yaml", ROOT, Reporter())
    img = out_dir / "chart.png"
    Image.new("RGB", (1200, 700), (200, 210, 220)).save(img)
    write_docx(report_doc(img), th, out_dir / "report.docx", toc_pages={"introduction": 3, "regional-level": 5})
    write_docx(report_doc(img, "annex", cut_title="Country annex"), th, out_dir / "annex.docx")
    write_docx(summary_doc(), th, out_dir / "summary.docx", scale=0.95)
    print(out_dir)
