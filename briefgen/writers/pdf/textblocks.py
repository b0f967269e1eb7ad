"""PDF handlers for text blocks: paragraphs, headings (with bookmarks), code, rules and notes."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, HRFlowable

from briefgen.model import nodes as m
from briefgen.model.labels import Labels
from briefgen.model.typeset import TAB_COLUMNS
from briefgen.model.walk import plain
from briefgen.writers.pdf.para import Paragraph
from briefgen.writers.pdf.renderer import Renderer


class Anchored(Paragraph):
    """A heading paragraph that registers a bookmark and an outline entry."""

    def __init__(self, text: str, style: ParagraphStyle, *, key: str, title: str, level: int):
        super().__init__(text, style)
        self.bookmark = (key, title, level)


def paragraph(b: m.Paragraph, r: Renderer) -> list[Flowable]:
    return [r.para(b.children, b.style if b.style in r.styles else "body")]


def heading(b: m.Heading, r: Renderer) -> list[Flowable]:
    style = r.styles[f"h{min(max(b.level, 2), 4)}"]
    text = f'<a name="{b.anchor}"/>{r.inline.heading(b.children)}'
    return [Anchored(text, style, key=b.anchor, title=plain(b.children), level=b.level - 1)]


def code_block(b: m.CodeBlock, r: Renderer) -> list[Flowable]:
    # reportlab collapses runs of spaces and treats a tab as one: spaces become
    # non-breaking, and tabs are expanded to the stops every TAB_COLUMNS columns that the
    # DOCX's code style sets, so indentation (meaning, in Python) survives in both.
    # The no-break spaces go in before escaping: a symbol-font tag has a space of its own.
    lines = [r.inline.plain(line.expandtabs(TAB_COLUMNS).replace(" ", "\u00a0")) for line in b.text.split("\n")]
    return [Paragraph("<br/>".join(lines), r.styles["code"])]


def rule(b: m.Rule, r: Renderer) -> list[Flowable]:
    thickness, space = r.design.rules.thematic, r.design.block
    return [
        HRFlowable(
            width="100%",
            thickness=thickness,
            color=r.pal.rule,
            spaceBefore=space.rule_before,
            spaceAfter=space.rule_after,
        )
    ]


def notes(b: m.Notes, r: Renderer) -> list[Flowable]:
    space = r.design.block
    out: list[Flowable] = [
        HRFlowable(
            width=f"{space.notes_rule_length:.0%}",
            thickness=r.design.rules.thematic,
            color=r.pal.rule,
            hAlign="LEFT",
            spaceBefore=space.notes_rule_before,
            spaceAfter=space.notes_rule_after,
        ),
        Paragraph(r.inline.plain(_notes_title(r), heading=True), r.styles["notes_title"]),
    ]
    for note in b.notes:
        inner = r.inner(r.width)
        inner.paragraph_style = "note"
        flows = inner.blocks(note.blocks)
        if flows and isinstance(flows[0], Paragraph):
            flows[0] = Paragraph(f"<b>{note.number}.</b> " + flows[0].text, r.styles["note"])
        else:
            flows.insert(0, Paragraph(f"<b>{note.number}.</b>", r.styles["note"]))
        out.extend(flows)
    return out


def _notes_title(r: Renderer) -> str:
    labels = r.extras.get("labels")
    return labels.notes if isinstance(labels, Labels) else Labels().notes
