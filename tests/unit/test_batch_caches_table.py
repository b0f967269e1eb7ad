"""batch.caches: one memo per row of MEMOS, with its name and bound, fresh for each Caches."""

from __future__ import annotations

from briefgen.batch.caches import MEMOS, Caches
from briefgen.model.memo import IdentityMemo, Memo


def test_each_row_is_an_attribute_of_the_right_kind_name_and_bound() -> None:
    caches = Caches()
    for attr, (name, bound, identity) in MEMOS.items():
        memo = getattr(caches, attr)
        assert isinstance(memo, IdentityMemo if identity else Memo), attr
        assert (memo.name, memo.bound) == (name, bound)


def test_the_table_lists_every_memo_in_order_empty_at_first() -> None:
    table = Caches().table()
    assert table == [(name, bound, 0) for name, bound, _ in MEMOS.values()]
    assert table[0] == ("rendered templates", 4_096, 0)
    assert len({name for name, _, _ in table}) == len(MEMOS)


def test_the_table_counts_entries_and_two_caches_share_nothing() -> None:
    first, second = Caches(), Caches()
    first.renders.put("a", 1)
    first.renders.put("b", 2)
    block = object()
    first.divs.put(block, True)
    counts = {name: n for name, _, n in first.table()}
    assert counts["rendered templates"] == 2 and counts["blocks holding divs"] == 1
    assert sum(n for _, _, n in first.table()) == 3
    assert sum(n for _, _, n in second.table()) == 0
    assert second.divs.get(block) is None and first.divs.get(block) is True


def test_a_full_memo_starts_over() -> None:
    caches = Caches()
    memo = caches.line_maps
    for i in range(memo.bound):
        memo.put(i, i)
    assert len(memo) == memo.bound == 512
    memo.put("one more", 0)
    assert len(memo) == 1 and "one more" in memo and 0 not in memo


def test_an_identity_memo_keys_by_the_object_not_its_value() -> None:
    caches = Caches()
    a, b = [1], [1]
    caches.callouts.put(a, "made")
    assert caches.callouts.get(a) == "made"
    assert caches.callouts.get(b) is None
