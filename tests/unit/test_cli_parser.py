"""cli.parser: the grammar: each command's options and defaults, `--jobs` checked with a
message, and each command's own parser kept for its usage line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.cli.parser import parser


def parse(*argv: str) -> object:
    top, _ = parser()
    return top.parse_args(list(argv))


def test_build_defaults_to_the_full_report_here_in_the_projects_formats() -> None:
    args = parse("build")
    # no --format: the command takes briefing.yaml's 'formats' (or its own default)
    assert (args.command, args.cuts, args.format, args.project, args.output) == ("build", [], None, Path("."), None)
    assert args.jobs >= 1 and not (args.all or args.explain or args.wait or args.strict)


def test_build_options_are_read_as_typed() -> None:
    args = parse(
        "build", "exec", "annex", "--format", "PDF", "-o", "out", "--client", "acme", "--jobs", "3", "-vv", "-q"
    )
    assert (args.cuts, args.format, args.output, args.client, args.jobs) == (
        ["exec", "annex"],
        "pdf",
        Path("out"),
        "acme",
        3,
    )
    assert (args.verbose, args.quiet) == (2, 1)


@pytest.mark.parametrize(
    ("value", "message"), [("0", "must be 1 or more, not 0"), ("two", "'two' is not a whole number")]
)
def test_jobs_must_be_a_whole_number_of_one_or_more(
    value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse("build", "--jobs", value)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_every_command_has_its_own_parser_for_its_usage_line() -> None:
    _, commands = parser()
    assert set(commands) >= {"build", "check", "list", "init", "schema", "new"}
    assert commands["build"].prog.endswith("build")


def test_schema_knows_its_kinds_and_new_country_takes_a_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert parse("schema", "brand", "--markdown").kind == "brand"
    args = parse("new", "country", "Norway", "-p", "proj")
    assert (args.kind, args.name, args.project) == ("country", "Norway", Path("proj"))
    with pytest.raises(SystemExit):
        parse("schema", "nonsense")
    assert "invalid choice: 'nonsense'" in capsys.readouterr().err


def test_a_command_is_required_and_version_prints(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse()
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        parse("--version")
    from briefgen import __version__

    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"briefgen {__version__}"


def test_init_defaults_to_the_current_folder() -> None:
    assert parse("init").dir == Path(".")
