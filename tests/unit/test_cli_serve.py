"""cli/serve.py: what a rebuild publishes and prints, and a port that is taken."""

from __future__ import annotations

import argparse
import socket

import pytest

from briefgen.cli.liveserver import Live
from briefgen.cli.rebuild import Page
from briefgen.cli.serve import _publish, serve
from briefgen.errors import Diagnostic, Pos


def test_a_built_page_is_published_and_a_failure_publishes_its_errors_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    live = Live("full.html")
    _publish(live, Page("full.html", b"<p>page</p>", ()), 0.0, 0)
    assert live.shown.page == b"<p>page</p>" and "built full.html (11 bytes, " in capsys.readouterr().out
    error = Diagnostic(Pos("sections/a.md", 4), "malformed YAML")
    _publish(live, Page("full.html", None, (error, error)), 0.0, 0)
    assert live.shown.page is None and live.shown.errors == ("sections/a.md:4: error: malformed YAML",)
    seen = capsys.readouterr()
    assert seen.err == "sections/a.md:4: error: malformed YAML\n"
    assert "build failed (" in seen.out and "the page shows the errors until a save builds again" in seen.out


def test_a_port_in_use_is_refused_before_any_build(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = argparse.Namespace(project=tmp_path, cut=None, audience=None, client=None, host="127.0.0.1", port=port)
        assert serve(args) == 1
    err = capsys.readouterr().err
    assert f"briefgen serve: error: cannot listen on 127.0.0.1:{port}: Address already in use" in err
    assert "--port 0 for any free one" in err
