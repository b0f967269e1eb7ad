"""writers.html.render: the context dispatches each block to its handler, or names the block."""

from __future__ import annotations

import pytest
from htmlkit import AT, ctx, para

from briefgen.errors import BriefgenError
from briefgen.model import nodes as m


def test_blocks_are_rendered_in_order_and_an_unknown_one_is_an_error() -> None:
    c = ctx()
    assert c.blocks((para("a"), m.Rule(AT), para("b"))) == "<p>a</p><hr><p>b</p>"
    with pytest.raises(BriefgenError) as caught:
        c.blocks((m.Div((), (), (), AT),))
    assert "sections/s.md:3: error: Div cannot be rendered in HTML" in str(caught.value)
