"""Markdown notes as real Word footnotes (`w:footnoteReference`), where the layout allows.

A section's notes become footnotes, printed at the foot of the page that refers to
them, when all of them can (`plan`): each note is referenced from the section's text
and holds only what a footnote holds well (paragraphs, headings, lists, quotes, code,
rules). Otherwise the section keeps the notes list at its end, as the PDF prints it
(`writers/docx/blocks.py`), numbered per section; one rule per section, so a reader
never meets two numberings in one section.

Word numbers footnotes itself, 1, 2, 3… through the whole document in the order their
references come; the footnotes are written in that order, so each one's id is the
number Word shows. Where the PDF restarts its notes at each section, the DOCX counts on.

Word has no footnote referenced twice, nor a footnote inside a footnote. A later
reference to a note, in the text or inside another note, is a NOTEREF field to a
bookmark around the note's first reference (what Word's Insert › Cross-reference ›
"Footnote number (formatted)" makes): it shows the same number and follows it when a
client adds footnotes. A reference inside a note to a note not yet written waits until
the section's end (`listed`), when every footnote of the section exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from lxml.etree import _Element

from briefgen.libs import opc_internals as opc
from briefgen.model import nodes as m
from briefgen.model.walk import inlines_of, iter_blocks
from briefgen.writers.docx.context import Ctx, Fmt, NoteState, bookmark_name
from briefgen.writers.docx.fields import field, run
from briefgen.writers.docx.package.footnotes import add_footnote, footnotes_part
from briefgen.writers.docx.package.ooxml import el, local, set_ppr, val

TEXT_STYLE, MARK_STYLE = "FootnoteText", "FootnoteReference"

# What a footnote holds: text blocks. Tables, boxes, pictures and charts stay in the notes list.
_FITS = (m.Paragraph, m.Heading, m.CodeBlock, m.Rule)
_NESTS = (m.BulletList, m.OrderedList, m.BlockQuote)
_HELD = _FITS + _NESTS
_SPANS = (m.Emph, m.Strong, m.Strike, m.Link)


def note_anchor(section_id: str, number: int) -> str:
    """The anchor of note `number` in a section's notes list (notes are numbered per section)."""
    return f"note-{section_id}-{number}"


def plan(doc: m.Document) -> NoteState:
    """The notes that become footnotes: every note of each section where all of them can."""
    state = NoteState()
    for section in doc.sections:
        defined = {n.number: n for b in section.blocks if isinstance(b, m.Notes) for n in b.notes}
        text = tuple(b for b in section.blocks if not isinstance(b, m.Notes))
        if defined and set(defined) <= set(_references(text)) and all(fits(n.blocks) for n in defined.values()):
            state.notes.update(((section.id, number), note) for number, note in defined.items())
    return state


def fits(blocks: tuple[m.Block, ...]) -> bool:
    """Whether a note of these blocks can be a Word footnote."""
    return all(isinstance(b, _HELD) for b in iter_blocks(blocks))


def _references(blocks: tuple[m.Block, ...]) -> Iterator[int]:
    for block in iter_blocks(blocks):
        for inlines in inlines_of(block):
            yield from _numbers(inlines)


def _numbers(inlines: Iterable[m.Inline]) -> Iterator[int]:
    for node in inlines:
        if isinstance(node, m.NoteRef):
            yield node.number
        elif isinstance(node, _SPANS):
            yield from _numbers(node.children)


def note_ref(node: m.NoteRef, parent: _Element, ctx: Ctx, fmt: Fmt) -> None:
    """A note's reference: a footnote (or a NOTEREF to it), else the number linked to the notes list."""
    state, key = ctx.footnotes, (ctx.section_id, node.number)
    if key not in state.notes:
        _listed_ref(node.number, parent, ctx, fmt)
    elif key in state.made:
        _again(state.made[key], parent, ctx)
    elif ctx.in_note:
        placeholder = run()
        parent.append(placeholder)
        state.waiting.append((placeholder, key))
    else:
        ident = len(state.made) + 1
        state.made[key] = ident
        mark = el("w:r", None, el("w:rPr", None, val("w:rStyle", MARK_STYLE)), el("w:footnoteReference", {"id": ident}))
        parent.append(mark)
        state.marks[ident] = mark
        _write_note(state.notes[key], ident, ctx)


def _listed_ref(number: int, parent: _Element, ctx: Ctx, fmt: Fmt) -> None:
    """The number in the reference style, linked to its note in the section's notes list."""
    anchor = note_anchor(ctx.section_id, number)
    target = parent
    if not fmt.link and anchor in ctx.anchors:
        target = el("w:hyperlink", {"anchor": bookmark_name(anchor), "history": 1})
        parent.append(target)
    target.append(run(str(number), MARK_STYLE))


def _again(ident: int, parent: _Element, ctx: Ctx) -> None:
    """A NOTEREF field showing footnote `ident`'s number, linked to it."""
    field(parent, f"NOTEREF {_mark_bookmark(ident, ctx)} \\f \\h", str(ident), MARK_STYLE)


def _mark_bookmark(ident: int, ctx: Ctx) -> str:
    """The hidden bookmark (a leading underscore, as Word's own) around footnote `ident`'s
    reference, made when a second reference needs it."""
    name = f"_RefNote{ident}"
    if name not in ctx.bookmarks:
        ctx.bookmarks.add(name)
        number = ctx.bookmark_id()
        mark = ctx.footnotes.marks[ident]
        mark.addprevious(el("w:bookmarkStart", {"id": number, "name": name}))
        mark.addnext(el("w:bookmarkEnd", {"id": number}))
    return name


def _write_note(note: m.Note, ident: int, ctx: Ctx) -> None:
    """Footnote `ident`: the note's blocks in Footnote Text, its first paragraph opened by the mark."""
    state = ctx.footnotes
    if state.part is None:
        state.part = footnotes_part(ctx.docx)
    container = opc.story_container(state.part)
    story = opc.element(container)
    first = note.blocks[0] if note.blocks and isinstance(note.blocks[0], m.Paragraph) else None
    p = el("w:p")
    set_ppr(p, val("w:pStyle", TEXT_STYLE))
    p.append(el("w:r", None, el("w:rPr", None, val("w:rStyle", MARK_STYLE)), el("w:footnoteRef")))
    p.append(run(" "))
    story.append(p)
    saved = {k: getattr(ctx, k) for k in _NOTE_SCOPE}
    ctx.in_note, ctx.story, ctx.para_style = True, state.part, "Footnote Text"
    ctx.box, ctx.list_depth, ctx.list_indent, ctx.bold_paragraph = "", 0, 0, False
    try:
        if first is not None:
            ctx.render_inlines(first.children, p, ctx, Fmt())
        ctx.render_blocks(note.blocks[1:] if first else note.blocks, container, ctx)
    finally:
        for k, v in saved.items():
            setattr(ctx, k, v)
    add_footnote(state.part, ident).extend(list(story))


_NOTE_SCOPE = ("in_note", "story", "para_style", "box", "list_depth", "list_indent", "bold_paragraph")


def listed(node: m.Notes, ctx: Ctx) -> tuple[m.Note, ...]:
    """At a section's notes: the notes still to list (those not made footnotes), once the
    references waiting inside this section's footnotes are written."""
    state = ctx.footnotes
    for placeholder, key in [w for w in state.waiting if w[1][0] == ctx.section_id]:
        _resolve(placeholder, key, ctx)
    state.waiting = [w for w in state.waiting if w[1][0] != ctx.section_id]
    return tuple(n for n in node.notes if (ctx.section_id, n.number) not in state.made)


def finish(ctx: Ctx) -> None:
    """References still waiting when the body is written (a section without its notes
    list): the number alone, so nothing is left empty."""
    for placeholder, key in ctx.footnotes.waiting:
        _resolve(placeholder, key, ctx)
    ctx.footnotes.waiting = []


def _resolve(placeholder: _Element, key: tuple[str, int], ctx: Ctx) -> None:
    made = ctx.footnotes.made.get(key)
    holder = el("w:r")  # a stand-in parent: the runs then take the placeholder's place
    if made is not None:
        _again(made, holder, ctx)
    else:
        section, ctx.section_id = ctx.section_id, key[0]
        _listed_ref(key[1], holder, ctx, Fmt(link=local(placeholder.getparent()) == "hyperlink"))
        ctx.section_id = section
    for child in list(holder):
        placeholder.addprevious(child)
    placeholder.getparent().remove(placeholder)
