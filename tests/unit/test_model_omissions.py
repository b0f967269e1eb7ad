"""model.omissions: what a deliverable leaves out reads as `where: reason`, and is a value."""

from __future__ import annotations

from briefgen.model.omissions import Omission


def test_an_omission_reads_where_then_why() -> None:
    o = Omission("sections/03-risks.md", "not for audience 'public'")
    assert str(o) == "sections/03-risks.md: not for audience 'public'"


def test_omissions_compare_and_hash_by_value_so_a_set_removes_repeats() -> None:
    a, b = Omission("x.md:4", "dropped"), Omission("x.md:4", "dropped")
    assert a == b and len({a, b, Omission("x.md:5", "dropped")}) == 2
