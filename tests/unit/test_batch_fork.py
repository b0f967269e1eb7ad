"""batch.fork: a function run in a forked child; its value, its diagnostics or its crash come back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from briefgen.batch.fork import Forked, available
from briefgen.errors import BriefgenError, Diagnostic, Pos

pytestmark = pytest.mark.skipif(not available(), reason="fork needs Linux and a single thread")


def add(_receive: Callable[[], Any], a: int, b: int) -> tuple[int, int]:
    import os

    return a + b, os.getpid()


def echo(receive: Callable[[], Any], prefix: str) -> str:
    return f"{prefix}{receive()!r}"


def refuse(_receive: Callable[[], Any]) -> None:
    raise BriefgenError([Diagnostic(Pos("sections/a.md", 3), "bad table", "fix it")])


def crash(_receive: Callable[[], Any]) -> None:
    raise ZeroDivisionError("boom")


def test_the_childs_value_comes_back_from_another_process() -> None:
    import os

    child = Forked(add, 2, 3)
    value, pid = child.result()
    assert value == 5 and pid == child.pid != os.getpid()


def test_the_child_receives_what_the_parent_sends_once() -> None:
    child = Forked(echo, "pages=")
    child.send({"pdf": 4})
    child.send("ignored")
    assert child.result() == "pages={'pdf': 4}"


def test_a_child_never_sent_anything_receives_none() -> None:
    assert Forked(echo, "got ").result() == "got None"


def test_the_childs_diagnostics_are_raised_in_the_parent() -> None:
    with pytest.raises(BriefgenError) as info:
        Forked(refuse).result()
    assert [str(d) for d in info.value.diagnostics] == ["sections/a.md:3: error: bad table (fix it)"]


def test_a_crash_in_the_child_is_a_runtime_error_with_its_traceback() -> None:
    with pytest.raises(RuntimeError, match="the worker process for the second format failed") as info:
        Forked(crash).result()
    assert "ZeroDivisionError: boom" in str(info.value)
