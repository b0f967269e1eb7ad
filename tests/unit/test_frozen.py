"""frozen: the same records as `dataclass(frozen=True)`: equality, hash, repr, immutability,
`fields`/`replace`/`asdict`, pattern matching and pickling, compared on twin classes."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field
from typing import Any

import pytest

from briefgen.frozen import frozen
from briefgen.model import nodes as m


@frozen
class Fast:
    name: str
    items: tuple[int, ...] = ()
    note: Any = field(default=None, compare=False)
    extra: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Slow:
    name: str
    items: tuple[int, ...] = ()
    note: Any = field(default=None, compare=False)
    extra: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)


@frozen
class One:
    value: float


@dataclass(frozen=True)
class OneSlow:
    value: float


@frozen
class Empty:
    pass


@frozen
class Own:
    value: int

    def __repr__(self) -> str:
        return "mine"


def test_repr_equality_and_hash_are_dataclass_s() -> None:
    for args in [("a",), ("b", (1, 2), "n"), ("c", (), None, {"k": 1})]:
        fast, slow = Fast(*args), Slow(*args)
        assert repr(fast).replace("Fast", "Slow") == repr(slow)
        assert hash(fast) == hash(slow)
    assert Fast("a", (1,), note="x") == Fast("a", (1,), note="y")  # `note` is not compared
    assert Fast("a") != Fast("b") and Fast("a") != Slow("a") and Fast("a") != ("a", ())
    assert Fast("a").__eq__(Slow("a")) is NotImplemented
    assert {Fast("a", (1,)), Fast("a", (1,), "other")} == {Fast("a", (1,))}
    nan = float("nan")
    assert One(nan) == One(nan) and OneSlow(nan) == OneSlow(nan)  # a tuple compares the same object equal
    assert hash(One(2.5)) == hash(OneSlow(2.5)) and hash(Empty()) == hash(()) and Empty() == Empty()
    assert repr(Empty()) == "Empty()" and Own(1).__repr__() == "mine"


def test_instances_stay_frozen() -> None:
    fast = Fast("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.new = 1  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del fast.name  # type: ignore[misc]


def test_the_dataclass_tools_work_alike() -> None:
    fast = Fast("a", (1,), extra={"k": 2})
    assert dataclasses.is_dataclass(fast) and [f.name for f in dataclasses.fields(fast)] == [
        "name",
        "items",
        "note",
        "extra",
    ]
    assert dataclasses.replace(fast, name="b") == Fast("b", (1,))
    assert dataclasses.asdict(fast) == {"name": "a", "items": (1,), "note": None, "extra": {"k": 2}}
    assert Fast("a").extra == {} and Fast("a").extra is not Fast("a").extra  # default_factory per instance
    params = Fast.__dataclass_params__  # type: ignore[attr-defined]
    assert params.frozen and params.eq and params.repr
    match fast:
        case Fast(name, items):
            assert (name, items) == ("a", (1,))
    assert pickle.loads(pickle.dumps(fast)) == fast


def test_a_recursive_repr_stops() -> None:
    inner: list[Any] = []
    outer = Fast("a", note=inner)
    inner.append(outer)
    assert repr(outer) == "Fast(name='a', items=(), note=[...])"


def test_the_model_nodes_are_frozen_records() -> None:
    para = m.Paragraph((m.Text("x"),), m.Pos("a.md", 3))
    assert repr(para) == "Paragraph(children=(Text(text='x'),), pos=Pos(file='a.md', line=3), style='body')"
    assert para == m.Paragraph((m.Text("x"),), m.Pos("a.md", 3)) and hash(para) == hash(
        m.Paragraph((m.Text("x"),), m.Pos("a.md", 3))
    )
    table = m.Table((), (), row_pos=(m.Pos("a", 1),))
    assert table == m.Table((), ()) and hash(table) == hash(m.Table((), ()))  # row_pos is not compared


@frozen
class Bare:
    name: str
    items: list[int] = field(default_factory=list)
    size: int = 2


@dataclass(frozen=True)
class BareSlow:
    name: str
    items: list[int] = field(default_factory=list)
    size: int = 2


def test_init_signature_and_generated_docstring_are_dataclass_s() -> None:
    assert str(inspect.signature(Bare)) == str(inspect.signature(BareSlow))
    assert Bare.__doc__ == BareSlow.__doc__.replace("BareSlow", "Bare")  # type: ignore[union-attr]
    assert Bare.__doc__ == "Bare(name: 'str', items: 'list[int]' = <factory>, size: 'int' = 2)"
    assert Bare.__init__.__annotations__ == BareSlow.__init__.__annotations__
    assert Bare.__init__.__qualname__ == "Bare.__init__"
    assert Bare("a", size=3) == Bare(name="a", items=[], size=3) and Bare("a").items is not Bare("a").items
    assert Fast.__doc__ == Slow.__doc__.replace("Slow", "Fast")  # type: ignore[union-attr]
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
        Bare()  # type: ignore[call-arg]


def test_frozen_errors_read_as_dataclass_s() -> None:
    for obj in (Bare("a"), BareSlow("a")):
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'size'"):
            obj.size = 1  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'other'"):
            del obj.other  # type: ignore[attr-defined]


def test_a_default_before_a_required_field_is_refused_as_dataclass_refuses_it() -> None:
    class Wrong:
        first: int = 1
        second: int

    with pytest.raises(TypeError, match="non-default argument 'second' follows default argument"):
        frozen(Wrong)


def test_what_the_short_path_leaves_out_goes_the_long_way() -> None:
    @frozen
    class Base:
        value: int

    @frozen
    class Derived(Base):
        more: int = 0

    @frozen
    class Checked:
        value: int

        def __post_init__(self) -> None:
            if self.value < 0:
                raise ValueError("negative")

    @frozen
    class Keyword:
        value: int = field(default=0, kw_only=True)

    @frozen
    class Derived2:
        value: int
        later: int = field(default=5, init=False)

    assert Derived(1, 2) == Derived(1, 2) and repr(Derived(1)).endswith("Derived(value=1, more=0)")
    with pytest.raises(ValueError, match="negative"):
        Checked(-1)
    assert Keyword(value=3).value == 3 and Derived2(1).later == 5
    for cls in (Derived, Checked, Keyword, Derived2):
        assert cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        with pytest.raises(dataclasses.FrozenInstanceError):
            cls(value=1).value = 2  # type: ignore[call-arg]


def test_the_generated_docstring_is_dataclass_s_for_every_kind_of_annotation() -> None:
    namespace = {"__annotations__": {"count": int, "names": "tuple[str, ...]", "ratio": float}, "ratio": 0.5}
    fast = frozen(type("Typed", (), dict(namespace)))
    slow = dataclass(frozen=True)(type("Typed", (), dict(namespace)))
    assert fast.__doc__ == slow.__doc__ == "Typed(count: int, names: 'tuple[str, ...]', ratio: float = 0.5)"
    for cls in (m.Emph, m.Paragraph, m.Heading, m.Cell, m.ListItem, m.Text):
        twin = dataclass(frozen=True)(
            type(
                cls.__name__,
                (),
                {"__annotations__": dict(cls.__annotations__), **{f.name: f for f in dataclasses.fields(cls)}},
            )
        )
        if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
            continue  # a class with its own docstring keeps it
        assert cls.__doc__ == twin.__doc__
