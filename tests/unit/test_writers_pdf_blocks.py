"""writers.pdf.blocks: the one dispatch table names a handler for every block type a
writer must render, and nothing else."""

from __future__ import annotations

from briefgen.model import nodes as m
from briefgen.writers.pdf.blocks import HANDLERS


def test_every_block_type_has_a_handler_and_divs_none() -> None:
    assert set(HANDLERS) == set(m.BLOCK_TYPES)
    assert m.Div not in HANDLERS  # resolved before writing: reaching a writer is an error
    assert all(callable(h) for h in HANDLERS.values())
