"""model.memo: named memos that start over past their bound, and identity memos that never
answer for another object that happens to get the same id."""

from __future__ import annotations

import weakref

from briefgen.model.memo import ONE_CALL, IdentityMemo, Memo


def test_once_makes_a_value_the_first_time_only() -> None:
    memo: Memo[list[int]] = Memo("lists", 10)
    calls: list[str] = []

    def make() -> list[int]:
        calls.append("made")
        return [1]

    first = memo.once("k", make)
    assert memo.once("k", make) is first and calls == ["made"]
    assert memo.once("text") == "text"  # by default the key itself: one shared object per value
    assert "k" in memo and len(memo) == 2


def test_past_its_bound_a_memo_starts_over_but_keeps_updating_a_known_key() -> None:
    memo: Memo[int] = Memo("small", 2)
    memo.put("a", 1)
    memo.put("b", 2)
    memo.put("b", 3)  # a known key: no reset
    assert len(memo) == 2 and memo["b"] == 3
    memo.put("c", 4)  # a third key: the memo starts over with it
    assert len(memo) == 1 and memo.get("a") is None and memo["c"] == 4


def test_drop_forgets_only_the_unwanted_keys() -> None:
    memo: Memo[int] = Memo("files", 10)
    for key in ("a.md", "b.md", "c.md"):
        memo.put(key, len(key))
    memo.drop(lambda k: k == "b.md")
    assert sorted(memo._data) == ["a.md", "c.md"]
    memo.clear()
    assert len(memo) == 0 and repr(memo) == "Memo('files', 0 of 10)"


def test_an_identity_memo_answers_for_the_same_object_and_key_only() -> None:
    memo: IdentityMemo[object, str] = IdentityMemo("nodes", ONE_CALL)
    a, b = ["same"], ["same"]  # equal, but two objects
    memo.put(a, "for a")
    memo.put(a, "for a, key 2", key=2)
    assert memo.get(a) == "for a" and memo.get(a, 2) == "for a, key 2"
    assert memo.get(b) is None and memo.get(a, 3) is None


def test_an_identity_memo_keeps_its_objects_alive_so_their_ids_stay_theirs() -> None:
    class Node:
        pass

    memo: IdentityMemo[object, int] = IdentityMemo("nodes", 100)
    node = Node()
    ref = weakref.ref(node)
    memo.put(node, 1)
    del node  # without a cycle, CPython frees an object as its last reference goes: no collection needed
    assert ref() is not None and memo.get(ref()) == 1  # only the memo holds it, and it still does
    memo.clear()
    assert ref() is None


def test_an_identity_memos_bound_can_be_changed_in_place() -> None:
    memo: IdentityMemo[object, int] = IdentityMemo("nodes", 1)
    keep = [object(), object()]
    memo.bound = 5
    for o in keep:
        memo.put(o, 1)
    assert len(memo) == 2 and memo.bound == 5 and memo.name == "nodes"
    memo.clear()
    assert len(memo) == 0
