"""model.walk: generic traversal; a pass that changes nothing returns the very same objects."""

from __future__ import annotations

from dataclasses import replace

from briefgen.model import nodes as m
from briefgen.model.walk import children, iter_blocks, map_inlines, plain, same_or, shift_headings


def para(text: str) -> m.Paragraph:
    return m.Paragraph((m.Text(text),))


BODY = (
    m.Heading(2, (m.Text("Head"),), "head"),
    m.BulletList(
        (m.ListItem((para("one"), m.Heading(3, (m.Text("In list"),), "in-list"))), m.ListItem((para("two"),)))
    ),
    m.BlockQuote((m.Callout("Box", (para("boxed"),)),)),
    m.Table(((m.Cell((m.Text("H"),)),),), ((m.Cell((m.Emph((m.Text("cell"),)),)),),), caption=(m.Text("cap"),)),
    m.Notes((m.Note(1, (para("note"),)),)),
    m.CodeBlock("code"),
)


def test_iter_blocks_walks_depth_first_through_every_container() -> None:
    kinds = [type(b).__name__ for b in iter_blocks(BODY)]
    assert kinds == [
        "Heading",
        "BulletList",
        "Paragraph",
        "Heading",
        "Paragraph",
        "BlockQuote",
        "Callout",
        "Paragraph",
        "Table",
        "Notes",
        "Paragraph",
        "CodeBlock",
    ]
    assert children(BODY[1]) == (para("one"), BODY[1].items[0].blocks[1], para("two"))
    assert children(BODY[5]) == ()


def test_plain_text_reads_through_inline_markup_but_not_breaks_or_notes() -> None:
    run = (m.Text("a "), m.Strong((m.Emph((m.Text("b"),)),)), m.Code(" c"), m.LineBreak(), m.NoteRef(1))
    assert plain(run) == "a b c"
    assert plain((m.Link("#x", (m.Text("link"),)),)) == "link"


def test_a_pass_that_changes_nothing_returns_the_same_objects() -> None:
    assert map_inlines(BODY, lambda run, _owner: run) is BODY
    no_headings = BODY[1:]
    assert shift_headings(no_headings, 1)[1:] == no_headings[1:]
    assert all(a is b for a, b in zip(shift_headings(no_headings, 1)[1:], no_headings[1:], strict=True))


def test_map_inlines_reaches_every_run_and_rebuilds_only_what_changed() -> None:
    seen: list[str] = []

    def upper(run: tuple[m.Inline, ...], owner: m.Block) -> tuple[m.Inline, ...]:
        seen.append(type(owner).__name__)
        if plain(run) == "two":
            return (m.Text("TWO"),)
        return run

    out = map_inlines(BODY, upper)
    assert out is not BODY
    assert out[1].items[1].blocks[0] == para("TWO")
    assert out[1].items[0] is BODY[1].items[0]  # the untouched item is the same object
    assert out[0] is BODY[0] and out[2] is BODY[2] and out[3] is BODY[3]
    assert seen.count("Table") == 2  # one call per cell, each with the table as its owner
    assert "Notes" not in seen and seen.count("Paragraph") == 4


def test_shift_headings_moves_every_heading_in_every_container() -> None:
    out = shift_headings(BODY, 1)
    levels = [b.level for b in iter_blocks(out) if isinstance(b, m.Heading)]
    assert levels == [3, 4]
    assert out[2] is BODY[2] and out[3] is BODY[3]  # nothing to shift: kept


def test_same_or_keeps_the_old_tuple_when_the_items_are_identical() -> None:
    a, b = para("a"), para("b")
    old = (a, b)
    assert same_or(old, (a, b)) is old
    new = (a, replace(b))
    assert same_or(old, new) is new
