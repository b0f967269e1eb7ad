"""writers.html.blocks: one handler per block type the model has (Div is resolved before)."""

from __future__ import annotations

from briefgen.model import nodes as m
from briefgen.writers.html.blocks import HANDLERS


def test_the_table_covers_every_block_type_and_nothing_else() -> None:
    assert set(HANDLERS) == set(m.BLOCK_TYPES)
    assert m.Div not in HANDLERS
