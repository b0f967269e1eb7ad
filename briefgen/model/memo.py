"""Named, bounded memos: what a pass remembers between the deliverables of a batch.

A batch assembles many documents from the same sources, and the model's nodes are
immutable, so a pass can remember what it found for a value, or for a node by its
identity, and skip the work the next time. Every memo has a name (for the table of them
all, `batch/caches.py`) and a bound: past it the memo starts over, which costs one
refill of what is still in use and keeps one-off entries (each client's note) from
growing with the batch. Results never depend on a memo, only the time they take.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

# The bound of a memo that lives for one call only (a pass run outside a batch).
ONE_CALL = 1 << 62

V = TypeVar("V")
O = TypeVar("O")  # noqa: E741 - the object an identity memo is keyed by


class Memo(Generic[V]):
    """Values by key; at most `bound` of them."""

    __slots__ = ("_data", "bound", "name")

    def __init__(self, name: str, bound: int) -> None:
        self.name, self.bound = name, bound
        self._data: dict[Hashable, V] = {}

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._data

    def __getitem__(self, key: Hashable) -> V:
        return self._data[key]

    def get(self, key: Hashable) -> V | None:
        return self._data.get(key)

    def put(self, key: Hashable, value: V) -> V:
        if len(self._data) >= self.bound and key not in self._data:
            self._data.clear()
        self._data[key] = value
        return value

    def once(self, key: Hashable, make: Callable[[], V] | None = None) -> V:
        """The value for `key`, made by `make()` the first time (by default: the key itself,
        which gives one shared object per distinct value)."""
        if key in self._data:
            return self._data[key]
        return self.put(key, make() if make else key)  # type: ignore[arg-type]

    def drop(self, unwanted: Callable[[Hashable], bool]) -> None:
        """Forget the entries whose key is `unwanted` (their source changed)."""
        self._data = {k: v for k, v in self._data.items() if not unwanted(k)}

    def clear(self) -> None:
        self._data.clear()

    def __repr__(self) -> str:
        return f"Memo({self.name!r}, {len(self._data)} of {self.bound})"


class IdentityMemo(Generic[O, V]):
    """Values by an object's identity, plus an optional key; at most `bound` of them.

    Each entry keeps its object alive, so the object's id cannot pass to another one
    while the entry exists.
    """

    __slots__ = ("_memo",)

    def __init__(self, name: str, bound: int) -> None:
        self._memo: Memo[tuple[O, V]] = Memo(name, bound)

    @property
    def name(self) -> str:
        return self._memo.name

    @property
    def bound(self) -> int:
        return self._memo.bound

    @bound.setter
    def bound(self, bound: int) -> None:
        self._memo.bound = bound

    def __len__(self) -> int:
        return len(self._memo)

    def get(self, obj: O, key: Hashable = None) -> V | None:
        # The inner memo's dict read directly: passes ask this for every block of every document.
        found = self._memo._data.get((id(obj), key))
        return found[1] if found is not None and found[0] is obj else None

    def put(self, obj: O, value: V, key: Hashable = None) -> V:
        self._memo.put((id(obj), key), (obj, value))
        return value

    def clear(self) -> None:
        self._memo.clear()

    def __repr__(self) -> str:
        return f"IdentityMemo({self.name!r}, {len(self)} of {self.bound})"
