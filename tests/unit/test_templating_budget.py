"""templating.budget: a CPU-time and memory budget around a render, restored on exit."""

from __future__ import annotations

import resource
import signal

import pytest

from briefgen.templating import budget


def test_spending_the_cpu_budget_raises_time_up_inside_the_body() -> None:
    spins = 0
    with pytest.raises(budget.TimeUp), budget.bounded(0.05, 2**30):
        while True:  # busy: the timer counts this process's CPU time
            spins += 1
    assert spins > 0
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)  # disarmed
    assert signal.getsignal(signal.SIGPROF) in (signal.SIG_DFL, None)


def test_allocating_past_the_memory_budget_fails_at_once_and_the_limit_comes_back() -> None:
    before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(MemoryError), budget.bounded(60, 64 * 2**20):
        bytearray(1024 * 2**20)
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_a_nested_budget_runs_under_the_outer_one() -> None:
    with budget.bounded(60, 2**30):
        limits = resource.getrlimit(resource.RLIMIT_AS)
        with budget.bounded(0.001, 1):  # would fail at once if it were armed
            assert resource.getrlimit(resource.RLIMIT_AS) == limits
            bytearray(16 * 2**20)


def test_exceeded_reads_after_template_exceeded() -> None:
    assert str(budget.TimeUp("its time limit")) == "its time limit"
    assert issubclass(budget.TimeUp, budget.Exceeded)
