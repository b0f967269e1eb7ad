"""writers.html.tables: data tables in their own scroller, facts as a description list, figure panels."""

from __future__ import annotations

from htmlkit import AT, ctx, text

from briefgen.model import nodes as m


def _row(*values: str, align: str = "") -> tuple[m.Cell, ...]:
    return tuple(m.Cell(text(v), align) for v in values)


def test_a_data_table_scrolls_in_its_region_with_its_caption() -> None:
    table = m.Table((_row("Name", "Km"),), (_row("A", "1,000", align="right"), _row("B")), AT, text("Borders"))
    out = ctx("s").blocks((table,))
    assert out.startswith('<figure class="table"><div class="scroll" role="region" tabindex="0"')
    assert 'aria-labelledby="table:s:1"' in out and '<figcaption id="table:s:1">Borders</figcaption>' in out
    assert '<th scope="col">Name</th>' in out and '<td class="a-right">1,000</td>' in out
    assert "<tr><td>B</td><td></td></tr>" in out  # a short row is padded, never dropped


def test_facts_are_label_and_value_pairs() -> None:
    facts = m.Table((), (_row("Capital", "Oslo", " (seat)"),), AT, kind="facts")
    assert ctx().blocks((facts,)) == '<dl class="facts"><div><dt>Capital</dt><dd>Oslo (seat)</dd></div></dl>'


def test_a_figures_panel_lists_value_and_label() -> None:
    panel = m.Table((), (_row("$64m", "pledged"),), AT, kind="figures")
    out = ctx().blocks((panel,))
    assert '<span class="value">$64m</span><span class="label">pledged</span>' in out
