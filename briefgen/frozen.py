"""`@frozen`: `@dataclass(frozen=True)` made cheaper to define, for briefgen's records.

A frozen dataclass compiles three methods from source text when its class is defined
(`__init__` and the frozen `__setattr__`/`__delattr__`) and three more for equality, hash
and repr: about two million instructions a class. briefgen defines some seventy on the
way to `check` (the document model alone thirty), so that was a tenth of its start-up.
`frozen` lets `dataclass` only collect the fields (no method written), compiles just the
`__init__`, shorter than the generated one (the annotations are set, not compiled), and
gives the rest as closures over the field names, computing exactly what the generated
ones do: equality and hash over the same tuple of `compare` (and `hash`) fields, only
between instances of the same class; the same `repr` text, guarded against recursion
as `dataclass` guards it; assigning or deleting an attribute raises
`FrozenInstanceError` as the generated methods do. `fields`, `replace`, `asdict`,
`inspect.signature`, pattern matching and pickling see an ordinary frozen dataclass.
A class that writes one of those methods itself, inherits from a dataclass, or uses
what the short path does not (`__post_init__`, `InitVar`, keyword-only or `init=False`
fields) is left to `dataclass` whole. `tests/unit/test_frozen.py` compares both
decorators on the same classes.
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar

T = TypeVar("T", bound=type)

_OWN = ("__init__", "__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__")
_LONG_WAY = ("InitVar", "KW_ONLY")  # annotations only `dataclass` itself handles


class _Factory:
    """The default an `__init__` shows for a field with a `default_factory`, as `dataclass`'s."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def frozen(cls: T) -> T:
    """`@dataclass(frozen=True)` on `cls`, with only its `__init__` compiled."""
    if not _short_way(cls):
        return _long_way(cls)
    undocumented = cls.__dict__.get("__doc__") is None
    if undocumented:
        cls.__doc__ = "-"  # so that `dataclass` does not work out a text we replace below
    cls = dataclasses.dataclass(init=False, eq=False, repr=False)(cls)
    fields = dataclasses.fields(cls)
    cls.__init__ = _init(cls, fields)  # type: ignore[misc]
    names = frozenset(f.name for f in fields)
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

    def set_(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def delete(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    methods = (("__eq__", equal), ("__hash__", hashed_), ("__repr__", shown_))
    for name, method in (*methods, ("__setattr__", set_), ("__delattr__", delete)):
        method.__name__, method.__qualname__ = name, f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.eq = params.repr = params.frozen = True  # as `dataclass(frozen=True)` records them
    if undocumented:
        cls.__doc__ = _signature_doc(cls, fields)
    return cls


def _signature_doc(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> str:
    """The docstring `dataclass` gives a class without one: its name and `__init__`'s
    signature. Written out here when every annotation is text (as `from __future__ import
    annotations` leaves them): `inspect.signature` formats those so, at some cost."""
    if not all(isinstance(f.type, str) for f in fields):
        return cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
    params = []
    for f in fields:
        default = _FACTORY if f.default_factory is not dataclasses.MISSING else f.default
        params.append(f"{f.name}: {f.type!r}" + ("" if default is dataclasses.MISSING else f" = {default!r}"))
    return f"{cls.__name__}({', '.join(params)})"


def _short_way(cls: type) -> bool:
    """Whether `cls` needs nothing the short path leaves out (see the module's docstring)."""
    if any(name in cls.__dict__ for name in _OWN) or hasattr(cls, "__post_init__"):
        return False
    if any(hasattr(base, "__dataclass_fields__") for base in cls.__mro__[1:]):
        return False
    notes = inspect.get_annotations(cls)
    if any(word in str(note) for note in notes.values() for word in _LONG_WAY):
        return False
    own = (cls.__dict__.get(name) for name in notes)
    return not any(isinstance(f, dataclasses.Field) and (not f.init or f.kw_only is True) for f in own)


def _long_way(cls: T) -> T:
    """`dataclass(frozen=True)` as it is, with equality, hash and repr still its own when
    the class writes none of them (they are then compiled too: the rare case)."""
    return dataclasses.dataclass(frozen=True)(cls)  # type: ignore[return-value]


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """The `__init__` `dataclass(frozen=True)` would write: the same parameters, defaults
    and annotations, each field set through `object.__setattr__` (a default factory
    called when its argument is left out)."""
    params: list[str] = []
    lines: list[str] = []
    scope: dict[str, Any] = {"__frozen_set__": object.__setattr__, "__factory__": _FACTORY}
    for i, f in enumerate(fields):
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            scope[f"__make{i}__"] = f.default_factory
            params.append(f"{f.name}=__factory__")
            value = f"__make{i}__() if {f.name} is __factory__ else {f.name}"
        elif f.default is not dataclasses.MISSING:
            scope[f"__default{i}__"] = f.default
            params.append(f"{f.name}=__default{i}__")
        elif params and "=" in params[-1]:  # as `dataclass` says it, rather than a SyntaxError
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        else:
            params.append(f.name)
        lines.append(f"  __frozen_set__(self, {f.name!r}, {value})")
    inner = f" def __init__(self{''.join(', ' + p for p in params)}):\n" + "\n".join(lines or ["  pass"])
    source = f"def __make_init__({', '.join(scope)}):\n{inner}\n return __init__\n"
    space: dict[str, Any] = {}
    exec(source, {}, space)  # a string made here from the field names, which are identifiers
    init: Callable[..., None] = space["__make_init__"](**scope)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of an instance's values of `names` (a tuple even of one value or none,
    as the generated methods compare and hash)."""
    if len(names) > 1:
        return attrgetter(*names)
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()
