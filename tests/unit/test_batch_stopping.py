"""batch.stopping: a stop signal is a Stopped (a KeyboardInterrupt) carrying its number; exit 128 + n."""

from __future__ import annotations

import signal

import pytest

from briefgen.batch import stopping
from briefgen.batch.stopping import SIGNALS, Stopped, deferred, handled, signum_of


def test_stopped_is_a_keyboard_interrupt_with_its_signal() -> None:
    exc = Stopped(signal.SIGTERM)
    assert isinstance(exc, KeyboardInterrupt)
    assert exc.signum == signal.SIGTERM and exc.args == (signal.SIGTERM,)


def test_signum_of_maps_ctrl_c_to_sigint_and_a_stop_to_its_signal() -> None:
    assert signum_of(KeyboardInterrupt()) == signal.SIGINT
    assert signum_of(Stopped(signal.SIGHUP)) == signal.SIGHUP
    assert {s: 128 + signum_of(Stopped(s)) for s in (signal.SIGTERM, signal.SIGHUP)} == {
        signal.SIGTERM: 143,
        signal.SIGHUP: 129,
    }
    assert 128 + signum_of(KeyboardInterrupt()) == 130


def test_the_stop_signals_are_int_term_and_hup() -> None:
    assert SIGNALS == (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def test_inside_handled_sigterm_raises_stopped_and_handlers_come_back() -> None:
    before = {s: signal.getsignal(s) for s in SIGNALS}
    with pytest.raises(Stopped) as info, handled():
        assert signal.getsignal(signal.SIGTERM) is stopping._on_signal
        signal.raise_signal(signal.SIGTERM)
    assert info.value.signum == signal.SIGTERM
    assert {s: signal.getsignal(s) for s in SIGNALS} == before


def test_only_the_first_signal_raises() -> None:
    with pytest.raises(Stopped) as info, handled():
        try:
            signal.raise_signal(signal.SIGHUP)
        except Stopped:
            signal.raise_signal(signal.SIGTERM)  # during cleanup: ignored
            raise
    assert info.value.signum == signal.SIGHUP


def test_an_ignored_signal_stays_ignored() -> None:
    before = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        with handled():
            assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
            signal.raise_signal(signal.SIGHUP)  # nohup: nothing happens
    finally:
        signal.signal(signal.SIGHUP, before)


def test_deferred_holds_a_signal_until_it_ends() -> None:
    events: list[str] = []
    with pytest.raises(Stopped), handled():
        with deferred():
            signal.raise_signal(signal.SIGTERM)
            events.append("renamed")
        events.append("after")
    assert events == ["renamed"]
