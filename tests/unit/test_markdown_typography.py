"""markdown/typography.py: dashes, quotes, ellipses and bound headings, string by string."""

from __future__ import annotations

from markdown_it import MarkdownIt

from briefgen.design.theme import Typography
from briefgen.markdown.typography import NBSP, bind_last_words, dashes, smarten, smarten_title, use_typography

EM = Typography("em", "\u00ab\u00bb\u2039\u203a")


def test_dashes_between_words_follow_the_style_and_ranges_stay() -> None:
    assert dashes("a - b, a -- b, a --- b, a \u2014 b, a\u2014b") == ", ".join(["a \u2013 b"] * 5)
    assert dashes("a - b and a\u2014b", EM) == "a\u2014b and a\u2014b"
    assert dashes("1996\u20132001, 10--14, well-known, -5, x-") == "1996\u20132001, 10\u201314, well-known, -5, x-"
    assert dashes("wait... or....") == "wait\u2026 or...."
    assert dashes("plain") == "plain"


def test_plain_strings_get_the_brand_quotes() -> None:
    assert smarten("\"It's\" 'here'") == "\u201cIt\u2019s\u201d \u2018here\u2019"
    assert smarten("\u201cas typed\u201d and \u2018inner\u2019, the States\u2019 view", EM) == (
        "\u00abas typed\u00bb and \u2039inner\u203a, the States\u2019 view"
    )
    assert smarten("") == ""


def test_headings_bind_only_short_last_pairs_of_three_words_or_more() -> None:
    assert bind_last_words("One two three") == f"One two{NBSP}three"
    assert bind_last_words("One two") == "One two"
    assert bind_last_words("A heading with internationalisation counterproductiveness").count(NBSP) == 0
    assert smarten_title("Moscow's 'new' bid") == f"Moscow\u2019s \u2018new\u2019{NBSP}bid"


def test_the_rule_leaves_code_and_raw_html_as_typed() -> None:
    md = use_typography(MarkdownIt("commonmark", {"html": True}), Typography())
    html = md.render('# A "b" -- `c "d" -- e` and <span title="x--y">z</span>\n\n    "code" -- block\n')
    assert 'A \u201cb\u201d \u2013 <code>c &quot;d&quot; -- e</code> and <span title="x--y">z</span>' in html
    assert "&quot;code&quot; -- block" in html
