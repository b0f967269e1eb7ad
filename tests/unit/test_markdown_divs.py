"""markdown.divs: Pandoc fenced divs, their attributes, and nesting as Pandoc nests them."""

from __future__ import annotations

from markdown_it import MarkdownIt

from briefgen.markdown.divs import divs_plugin, parse_attributes


def tokens(text: str) -> list[tuple[str, int, str]]:
    md = MarkdownIt("commonmark").use(divs_plugin)
    return [(t.type, t.level, t.info) for t in md.parse(text) if t.type.startswith(("div", "fence", "code"))]


def test_attributes_classes_ids_and_quoted_values() -> None:
    assert parse_attributes('{.callout .lead #box title="A \\"big\\" one" audience=\'x y\' cut=full}') == (
        ("callout", "lead"),
        (("id", "box"), ("title", 'A "big" one'), ("audience", "x y"), ("cut", "full")),
        "",
    )


def test_a_bare_word_is_a_class_and_what_does_not_parse_is_returned() -> None:
    assert parse_attributes("warning") == (("warning",), (), "")
    assert parse_attributes('{.a key="v" ??? more}') == (("a",), (("key", "v"),), "??? more")


def test_divs_nest_and_a_bare_fence_closes_the_innermost() -> None:
    text = "::: {.outer}\nA\n::: {.inner}\nB\n:::\nC\n:::\n"
    assert [t for t in tokens(text) if t[0].startswith("div")] == [
        ("div_open", 0, "{.outer}"),
        ("div_open", 1, "{.inner}"),
        ("div_close", 1, ""),
        ("div_close", 0, ""),
    ]


def test_a_fence_inside_fenced_code_belongs_to_the_code() -> None:
    text = "::: {.box}\n```\n:::\n```\n:::\n"
    found = tokens(text)
    assert found[0] == ("div_open", 0, "{.box}") and found[-1] == ("div_close", 0, "")
    assert [t[0] for t in found] == ["div_open", "fence", "div_close"]


def test_an_unclosed_div_runs_to_the_end_and_says_so() -> None:
    md = MarkdownIt("commonmark").use(divs_plugin)
    opened = next(t for t in md.parse("::: {.box}\nA\n\nB\n") if t.type == "div_open")
    assert opened.meta == {"closed": False} and opened.map == [0, 4]
    closed = next(t for t in md.parse("::: {.box}\nA\n:::\nafter\n") if t.type == "div_open")
    assert closed.meta == {"closed": True} and closed.map == [0, 3]


def test_an_opening_fence_needs_attributes_and_indented_fences_are_code() -> None:
    assert tokens("::: \nA\n") == []
    assert [t[0] for t in tokens("    ::: {.box}\n")] == ["code_block"]
