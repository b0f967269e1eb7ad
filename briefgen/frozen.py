"""`@frozen`: `@dataclass(frozen=True)` made cheaper to define, for briefgen's records.

A dataclass compiles each method it adds from source text when its class is defined:
six for a frozen one, about a million instructions each class. briefgen defines some
seventy on the way to `check` (the document model alone thirty), so that was a tenth of
its start-up. `frozen` lets `dataclass` write only what must be compiled per class, the
`__init__` and the frozen `__setattr__`/`__delattr__`, and gives `__eq__`, `__hash__`
and `__repr__` as closures over the field names instead, computing exactly what the
generated ones do: equality and hash over the same tuple of `compare` (and `hash`)
fields, only between instances of the same class, and the same `repr` text, guarded
against recursion as `dataclass` guards it. `fields`, `replace`, `asdict`, pattern
matching and pickling see an ordinary frozen dataclass. A class that writes one of those
methods itself is left to `dataclass` whole. `tests/unit/test_frozen.py` compares both
decorators on the same classes.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T", bound=type)

_OWN = ("__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__")


def frozen(cls: T) -> T:
    """`@dataclass(frozen=True)` on `cls`, with equality, hash and repr not compiled per class."""
    if any(name in cls.__dict__ for name in _OWN):
        return dataclasses.dataclass(frozen=True)(cls)  # type: ignore[return-value]
    cls = dataclasses.dataclass(frozen=True, eq=False, repr=False)(cls)
    fields = dataclasses.fields(cls)
    compared = _values([f.name for f in fields if f.compare])
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    shown = tuple(f.name for f in fields if f.repr)

    def equal(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def hashed_(self: Any) -> int:
        return hash(hashed(self))

    @reprlib.recursive_repr()
    def shown_(self: Any) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    for name, method in (("__eq__", equal), ("__hash__", hashed_), ("__repr__", shown_)):
        method.__name__, method.__qualname__ = name, f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.eq = params.repr = True  # as `dataclass(frozen=True)` records them
    return cls


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an instance's values of `names` (a tuple even of one value or none,
    as the generated methods compare and hash)."""
    if len(names) > 1:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()
