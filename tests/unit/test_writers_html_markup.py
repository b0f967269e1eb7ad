"""writers.html.markup: the one door for text into HTML."""

from __future__ import annotations

from briefgen.writers.html.markup import attr, attrs, esc


def test_text_is_escaped_and_control_characters_go() -> None:
    assert esc('<b>x</b> & "y"') == '&lt;b&gt;x&lt;/b&gt; &amp; "y"'
    assert esc("a\x00b\x1fc\td\ne") == "abc\td\ne"


def test_attribute_values_escape_quotes_too() -> None:
    assert attr('say "hi" <now>') == "say &quot;hi&quot; &lt;now&gt;"


def test_attrs_drops_none_and_spells_names() -> None:
    assert attrs(class_="a b", id=None, aria_label='x"y') == ' class="a b" aria-label="x&quot;y"'


def test_the_writers_own_ids_hold_a_colon_which_model_anchors_never_do() -> None:
    from briefgen.writers.html.markup import own_id

    assert own_id("fn", "intro", 2) == "fn:intro:2" and own_id("chart", 3) == "chart:3"
