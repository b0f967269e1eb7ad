"""cli.main: every outcome is an exit code: 0 done, 1 a problem in the content (its
diagnostics printed), 2 a usage error, 128 + n when stopped by signal n, and an internal
error one line unless --debug."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pytest
from unitkit import project_dir

from briefgen.cli import commands, main
from briefgen.errors import BriefgenError, Diagnostic, Pos, UsageError


def replace(monkeypatch: pytest.MonkeyPatch, command: str, run: object) -> None:
    monkeypatch.setitem(commands.COMMANDS, command, run)
    monkeypatch.setattr(main, "COMMANDS", commands.COMMANDS)


def test_a_clean_check_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["check", "-q", "-p", str(project_dir(tmp_path))]) == 0
    assert capsys.readouterr().err == ""


def test_a_content_error_prints_its_diagnostics_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(args: argparse.Namespace) -> int:
        raise BriefgenError([Diagnostic(Pos("sections/a.md", 4), "bad table", "fix it")])

    replace(monkeypatch, "list", failing)
    assert main.main(["list"]) == 1
    assert capsys.readouterr().err.strip() == "sections/a.md:4: error: bad table (fix it)"


def test_a_usage_error_exits_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def usage(args: argparse.Namespace) -> int:
        raise UsageError([Diagnostic(Pos("briefgen"), "no such option value")])

    replace(monkeypatch, "list", usage)
    assert main.main(["list"]) == 2


def test_unknown_arguments_are_reported_with_the_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main.main(["check", "--frobnicate"])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "unrecognized arguments: --frobnicate" in err and "usage: briefgen check" in err


def test_the_level_is_verbose_minus_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    replace(monkeypatch, "list", lambda args: seen.append(args.level) or 0)
    main.main(["list", "-vv", "-q"])
    assert seen == [1]


def test_an_internal_error_is_one_line_and_debug_shows_the_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def buggy(args: argparse.Namespace) -> int:
        raise ZeroDivisionError("oops")

    replace(monkeypatch, "list", buggy)
    assert main.main(["list"]) == 1
    assert capsys.readouterr().err.strip() == (
        "briefgen: internal error: ZeroDivisionError: oops (run with --debug for details)"
    )
    with pytest.raises(ZeroDivisionError):
        main.main(["list", "--debug"])


def test_ctrl_c_exits_130_and_says_nothing_partial_was_left(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    replace(monkeypatch, "list", interrupted)
    assert main.main(["list"]) == 130
    assert "interrupted by SIGINT" in capsys.readouterr().err


def test_lost_output_keeps_the_commands_errors_and_exit_code(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def piped(args: argparse.Namespace) -> int:
        print("a line nobody reads")
        raise BriefgenError([Diagnostic(Pos("a.md", 3), "it broke", "fix it")])

    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    replace(monkeypatch, "list", piped)
    monkeypatch.setattr(main.environment.os, "dup2", lambda fd, to: None)  # would end pytest's capture
    monkeypatch.setattr("sys.stdout", Closed())
    assert main.main(["list"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == ["a.md:3: error: it broke (fix it)", "briefgen: error: cannot write to standard output: Broken pipe"]
    assert not sys.stderr.closed
