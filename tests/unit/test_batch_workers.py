"""batch.workers, the parts that run in this process: results and diagnostics as data
across the pipe, the memory settling between units, and the spawn path's contract. (The
forked pool itself: tests/test_workers.py.)"""

from __future__ import annotations

import gc

import pytest

from briefgen.batch import fork as forked
from briefgen.batch import workers
from briefgen.errors import BriefgenError, Diagnostic, Pos


def test_a_briefgen_error_crosses_as_diagnostics_and_comes_back_as_an_error() -> None:
    d = Diagnostic(Pos("sections/a.md", 2), "bad", "fix")

    def fails(_: object) -> None:
        raise BriefgenError([d])

    sent = workers._guarded(fails, None)
    assert sent == ("error", [d])  # plain data: an exception class may not unpickle
    back = workers._unwrap(sent)
    assert isinstance(back, BriefgenError) and back.diagnostics == [d]
    assert workers._unwrap(workers._guarded(lambda x: x * 2, 21)) == 42


def test_a_crash_is_raised_with_the_workers_traceback() -> None:
    with pytest.raises(RuntimeError, match=r"(?s)a worker process failed:\nTraceback.*ZeroDivisionError"):
        workers._unwrap(("crash", "Traceback (most recent call last):\n  ...\nZeroDivisionError: x"))


def test_other_exceptions_are_not_caught_by_the_guard() -> None:
    with pytest.raises(KeyError):
        workers._guarded(lambda _: {}["missing"], None)


def test_settle_freezes_once_and_unsettle_gives_it_back() -> None:
    assert not workers._FROZEN
    try:
        workers.settle()
        assert workers._FROZEN and gc.get_freeze_count() > 0
        workers.settle()  # later calls only collect
    finally:
        workers.unsettle()
    assert not workers._FROZEN and gc.get_freeze_count() == 0


def test_without_fork_the_caller_must_say_how_to_prepare_and_finish(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "available", lambda: False)
    with pytest.raises(ValueError, match="needs prepare and finish"):
        list(workers.run([1, 2], lambda x: x, 2))


@pytest.mark.skipif(not forked.available(), reason="the fork pool needs Linux and no other thread")
def test_every_item_comes_back_once_and_the_work_is_cleared() -> None:
    results = dict(workers.run(list(range(5)), lambda n: n * n, 2))
    assert results == {n: n * n for n in range(5)}
    assert workers._WORK is None  # nothing of the batch stays referenced for the next
