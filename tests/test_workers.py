"""The batch worker pool: units taken in order by idle workers, and failures that surface."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.batch import fork as forked
from briefgen.batch import workers
from briefgen.errors import BriefgenError, Diagnostic, Pos

needs_fork = pytest.mark.skipif(not forked.available(), reason="the fork pool needs Linux and no other thread")


def _pid(n: int) -> tuple[int, int]:
    return n, os.getpid()


@needs_fork
def test_the_first_units_go_one_to_each_worker_and_every_unit_once() -> None:
    # The build's baseline is its first unit: a worker takes it first, the other the next.
    done = [outcome for _item, outcome in workers.run(list(range(6)), _pid, 2)]
    pids = dict(done)
    assert sorted(pids) == list(range(6)), "every unit is made exactly once"
    assert pids[0] != pids[1] and os.getpid() not in pids.values()
    assert len(set(pids.values())) == 2


def _children() -> set[int]:
    """This process's children (multiprocessing may keep a helper of its own running)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():
            found.add(int(stat.parent.name))
    return found


def _fails_on_two(n: int) -> int:
    if n == 2:
        raise ZeroDivisionError("two is right out")
    if n == 3:
        raise BriefgenError([Diagnostic(Pos("sections/x.md", 3), "bad three", "fix it")])
    return n * 10


@needs_fork
def test_a_bug_in_a_worker_stops_the_batch_with_its_traceback() -> None:
    before = _children()
    with pytest.raises(RuntimeError, match=r"(?s)worker process failed.*ZeroDivisionError: two is right out"):
        list(workers.run([1, 2, 3, 4], _fails_on_two, 2))
    assert _children() == before, "every worker was waited for: none is left, not even a zombie"


@needs_fork
def test_a_briefgen_error_is_one_item_s_outcome_not_the_batch_s() -> None:
    outcomes = dict(workers.run([1, 3, 4], _fails_on_two, 2))
    assert outcomes[1] == 10 and outcomes[4] == 40
    assert isinstance(outcomes[3], BriefgenError)
    assert "sections/x.md:3" in str(outcomes[3]) and "bad three" in str(outcomes[3])
