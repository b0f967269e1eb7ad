"""HTML handlers for text blocks: paragraphs, headings, code, rules, lists, quotes and notes."""

from __future__ import annotations

from briefgen.model import nodes as m
from briefgen.model.labels import Labels, fill
from briefgen.writers.html.markup import attrs, esc, own_id
from briefgen.writers.html.render import Ctx


def paragraph(b: m.Paragraph, c: Ctx) -> str:
    role = c.paragraph_class or (b.style if b.style != "body" else "")
    return f"<p{attrs(class_=role or None)}>{c.run(b.children)}</p>"


def heading(b: m.Heading, c: Ctx) -> str:
    # Body headings keep their absolute level, shifted one down where the page's h1 is
    # the document's title on the cover (h6 at most).
    level = min(max(b.level, 1) + c.shift, 6)
    role = f"r-h{min(max(b.level, 2), 4)}"  # the PDF's style: h2 to h4 (deeper looks like h4)
    return f"<h{level}{attrs(class_=role, id=b.anchor or None)}>{c.run(b.children)}</h{level}>"


def code_block(b: m.CodeBlock, c: Ctx) -> str:
    from briefgen.model.typeset import TAB_COLUMNS

    lang = f"language-{b.language}" if b.language else None
    # Tabs stop every TAB_COLUMNS columns, as in the PDF and the DOCX (CSS tab-size too).
    return f'<pre tabindex="0"><code{attrs(class_=lang)}>{esc(b.text.expandtabs(TAB_COLUMNS))}</code></pre>'


def rule(b: m.Rule, c: Ctx) -> str:
    return "<hr>"


def _items(items: tuple[m.ListItem, ...], c: Ctx) -> str:
    return "".join(f"<li>{c.blocks(item.blocks)}</li>" for item in items)


def bullet_list(b: m.BulletList, c: Ctx) -> str:
    return f"<ul>{_items(b.items, c)}</ul>"


def ordered_list(b: m.OrderedList, c: Ctx) -> str:
    start = f' start="{b.start}"' if b.start != 1 else ""
    return f"<ol{start}>{_items(b.items, c)}</ol>"


def block_quote(b: m.BlockQuote, c: Ctx) -> str:
    return f"<blockquote>{c.blocks(b.blocks)}</blockquote>"


def notes(b: m.Notes, c: Ctx) -> str:
    section = c.inline.section
    # Named "Notes" and its section's title: every section's notes are a landmark of their own.
    title = own_id("notes", section)
    out = [f'<aside class="notes" aria-labelledby="{esc(title)} {esc(own_id("title", section))}">']
    tag = f"h{min(c.title_level + 1, 6)}"
    labels = c.extras.get("labels")
    labels = labels if isinstance(labels, Labels) else Labels()
    out.append(f'<{tag} class="notes-title" id="{esc(title)}">{esc(labels.notes)}</{tag}><ol>')
    for note in b.notes:
        refs = c.inline.refs.get(note.number, 0)
        backs = "".join(
            f' <a class="back" data-web-only=""{attrs(href="#" + c.inline.ref_id(note.number, i))}'
            f' aria-label="{esc(fill(labels.back, number=_ref_name(note.number, i, refs)))}">↩</a>'
            for i in range(1, refs + 1)
        )
        saved, c.paragraph_class = c.paragraph_class, "note"
        body = c.blocks(note.blocks)
        c.paragraph_class = saved
        out.append(f"<li{attrs(id=c.inline.note_id(note.number), value=str(note.number))}>{body}{backs}</li>")
    out.append("</ol></aside>")
    return "".join(out)


def _ref_name(number: int, i: int, refs: int) -> str:
    """A note's `i`th reference, as its link back says it: "3", or "3a", "3b" when it has several."""
    return f"{number}{'' if refs < 2 else chr(96 + i)}"
