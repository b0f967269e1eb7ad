"""transform.filters: conditional divs kept or dropped for one deliverable, boxes and roles applied."""

from __future__ import annotations

from briefgen.errors import Pos
from briefgen.model import nodes as m
from briefgen.transform.filters import Context, FilterResult, filter_blocks

NAMES = {
    "audiences": frozenset({"government", "industry"}),
    "clients": frozenset({"acme", "bolt"}),
    "cuts": frozenset({"full", "annex"}),
}
AT = Pos("s.md", 4)


def ctx(audience: str = "government", client: str | None = None, cut: str = "full") -> Context:
    return Context(audience, client, cut, NAMES)


def para(text: str, style: str = "body") -> m.Paragraph:
    return m.Paragraph((m.Text(text),), Pos("s.md", 5), style)


def div(*attrs: tuple[str, str], classes: tuple[str, ...] = (), blocks: tuple[m.Block, ...] = ()) -> m.Div:
    return m.Div(tuple(attrs), classes, blocks or (para("inside"),), AT)


def run(blocks: tuple[m.Block, ...], context: Context) -> tuple[tuple[m.Block, ...], FilterResult]:
    out = FilterResult()
    return filter_blocks(blocks, context, out), out


def test_a_condition_keeps_its_content_for_the_named_deliverable_only() -> None:
    blocks = (div(("audience", "industry")),)
    kept, out = run(blocks, ctx("industry"))
    assert kept == (para("inside"),) and out.omissions == [] and out.errors == []
    dropped, out = run(blocks, ctx("government"))
    assert dropped == ()
    assert [str(o) for o in out.omissions] == ["block at s.md:4: only for audience industry"]


def test_negated_and_combined_conditions() -> None:
    blocks = (div(("not-client", "acme bolt"), ("cut", "full")),)
    assert run(blocks, ctx(client="acme"))[0] == ()
    assert [str(o) for o in run(blocks, ctx(client="acme"))[1].omissions] == ["block at s.md:4: client acme excluded"]
    assert run(blocks, ctx(client=None))[0] == (para("inside"),)
    assert run(blocks, ctx(client=None, cut="annex"))[0] == ()


def test_an_undeclared_name_or_attribute_is_an_error_at_the_div() -> None:
    _, out = run((div(("audience", "industy"), ("clinet", "acme")),), ctx())
    assert [str(e) for e in out.errors] == [
        "s.md:4: error: unknown audience 'industy' in condition (did you mean 'industry'?)",
        "s.md:4: error: unknown div attribute 'clinet' (did you mean 'client'?)",
    ]


def test_box_classes_become_callouts_with_their_title() -> None:
    kept, out = run((div(("title", "Key point"), classes=("factbox",)),), ctx())
    assert out.errors == []
    assert kept == (m.Callout("Key point", (para("inside"),), "factbox", AT),)


def test_role_classes_restyle_paragraphs_and_tables() -> None:
    table = m.Table(((m.Cell((m.Text("H"),)),),), ())
    kept, _ = run(
        (div(classes=("lead",), blocks=(para("a"), table)), div(classes=("figures",), blocks=(table,))), ctx()
    )
    assert kept == (para("a", "lead"), table, m.Table(table.header, (), kind="figures"))


def test_an_unknown_class_is_an_error_with_the_closest_one() -> None:
    _, out = run((div(classes=("calout",)),), ctx())
    assert [str(e) for e in out.errors] == ["s.md:4: error: unknown div class '.calout' (did you mean 'callout'?)"]


def test_divs_inside_containers_are_resolved_and_untouched_blocks_stay_the_same_objects() -> None:
    plain = para("plain")
    quote = m.BlockQuote((div(("audience", "industry")), plain))
    listed = m.BulletList((m.ListItem((plain,)),))
    blocks = (plain, quote, listed)
    kept, _ = run(blocks, ctx("government"))
    assert kept[1] == m.BlockQuote((plain,))
    assert kept[0] is plain and kept[2] is listed
    without_divs = (plain, listed)
    assert run(without_divs, ctx())[0] is without_divs
