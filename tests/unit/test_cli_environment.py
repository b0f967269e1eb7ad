"""cli.environment: what the caller provides, checked first, each problem one usage error
saying what to change: standard output, the current folder, SOURCE_DATE_EPOCH and paths."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from briefgen.cli import environment as env
from briefgen.errors import UsageError


def message(exc: pytest.ExceptionInfo[UsageError]) -> str:
    [d] = exc.value.diagnostics
    return str(d)


@pytest.mark.parametrize("value", ["1700000000", " 42 ", "", None])
def test_a_whole_number_of_seconds_or_nothing_is_accepted(value: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if value is None:
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    env.check_source_date_epoch()


@pytest.mark.parametrize("value", ["-1", "1.5", "yesterday", "٣", "253402300800"])
def test_anything_else_is_a_usage_error_naming_the_value(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(UsageError) as caught:
        env.check_source_date_epoch()
    assert f"(it is {value!r})" in message(caught) and "date +%s" in message(caught)


def test_a_closed_standard_output_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(UsageError) as caught:
        env.check_stdout()
    assert "standard output is closed" in message(caught)


def test_a_removed_current_folder_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def gone() -> str:
        raise FileNotFoundError

    monkeypatch.setattr(os, "getcwd", gone)
    with pytest.raises(UsageError) as caught:
        env.check_cwd()
    assert "the current folder no longer exists" in message(caught)


def test_a_loop_of_links_is_the_callers_to_fix(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert env.resolved(tmp_path, "--project") == tmp_path.resolve()
    with pytest.raises(UsageError) as caught:
        env.resolved(tmp_path / "a" / "x", "--output")
    assert "cannot use --output" in message(caught) and "loop of symbolic links" in message(caught)


class Full(io.StringIO):
    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")


def test_watched_stdout_remembers_a_failed_write_and_restores_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    full = Full()
    monkeypatch.setattr(sys, "stdout", full)
    with env.watched_stdout() as failed:
        print("lost")  # not raised: the command goes on, and its errors still reach stderr
        print("lost too")
        sys.stdout.flush()
        assert [e.errno for e in failed] == [28]  # the first failure, once
        assert sys.stdout is not full and sys.stdout.closed is False  # the wrapper passes attributes on
    assert sys.stdout is full


def test_flush_stdout_reports_nothing_when_all_went_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert env.flush_stdout([]) is None


def test_flush_stdout_returns_the_first_failure_and_silences_fd_1(monkeypatch: pytest.MonkeyPatch) -> None:
    moved: list[int] = []
    monkeypatch.setattr(os, "dup2", lambda fd, to: moved.append(to))  # the real one would end pytest's capture
    first = OSError(28, "No space left on device")
    assert env.flush_stdout([first, OSError(32, "Broken pipe")]) is first
    assert moved == [1]
