"""`briefgen serve` end to end, on a free loopback port and a copy of a small project: the
page is served with the reload script (and only the served page has it), a save pushes a
new version to the event stream and the new text is served, a broken section shows
`file:line: error:` in the page, and the next good save recovers."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from livekit import ROOT, Running, arctic_copy, edited, fetch, poll, state

from briefgen.writers import WRITERS

# Until the web edition's writer lands, `serve` has nothing to serve.
needs_html = pytest.mark.skipif("html" not in WRITERS, reason="no HTML writer in this briefgen yet")

OPENING = "Three routes matter."
TAG = re.compile(r'<script src="/__briefgen/live\.js" data-version="([^"]+)" defer></script>')


class Events:
    """The server's event stream, read one `data:` line at a time."""

    def __init__(self, url: str) -> None:
        self.answer = urllib.request.urlopen(url + "__briefgen/events", timeout=90)

    def next(self) -> str:
        while True:
            line = self.answer.readline().decode()
            assert line, "the event stream ended"
            if line.startswith("data: "):
                return line[6:].strip()

    def close(self) -> None:
        self.answer.close()


def started(project: Path, *extra: str) -> tuple[Running, str]:
    serve = Running("serve", "-p", str(project), "--port", "0", *extra)
    _, found = serve.wait_for(r"^serving (\S+) at (http://127\.0\.0\.1:\d+/) \(Ctrl\+C to stop\)$")
    return serve, found.group(2)


@needs_html
def test_serve_reloads_on_save_shows_errors_in_the_page_and_recovers(tmp_path: Path) -> None:
    project = arctic_copy(tmp_path)
    section = project / "sections" / "01-routes.md"
    serve, url = started(project)
    with serve:
        page = fetch(url)
        assert OPENING in page and "Ice and Access" in page
        tag = TAG.search(page)
        assert tag and len(TAG.findall(page)) == 1 and tag.start() < page.lower().rindex("</body>")
        events = Events(url)
        try:
            first = events.next()
            assert tag.group(1) == first  # the page knows the version it shows

            edited(section, (OPENING, "Four routes matter, counting the sentinel passage."))
            second = events.next()  # pushed by the rebuild: the script reloads on it
            assert second != first
            page = fetch(url)
            assert "sentinel passage" in page and OPENING not in page
            assert TAG.search(page).group(1) == second

            edited(section, ("title: The routes", "title: [The routes"))
            assert events.next() not in (first, second)
            page = fetch(url)
            assert re.search(r"sections/01-routes\.md:\d+: error: malformed YAML", page), page
            assert state(url)["ok"] is False and TAG.search(page)  # the error page reloads itself too

            edited(section, ("title: [The routes", "title: The routes"), ("sentinel passage", "recovered passage"))
            page = poll(lambda: fetch(url), lambda p: "recovered passage" in p, "the recovered page")
            assert ": error: " not in page and state(url)["ok"] is True
        finally:
            events.close()
        with pytest.raises(urllib.error.HTTPError) as refused:  # DNS rebinding: a foreign name is refused
            fetch(url, {"Host": "attacker.example:80"})
        assert refused.value.code == 403
        code = serve.stop()
    assert code == 0, serve.output
    assert re.search(r"^changed: sections/01-routes\.md$", serve.output, re.M)
    assert re.search(r"^sections/01-routes\.md:\d+: error: malformed YAML", serve.output, re.M)
    assert re.search(r"stopped serving \S+$", serve.lines[-1])  # its own line, unless Ctrl+C cut a rebuild's
    assert not (project / "output").exists()  # the page lives in memory: nothing is written


@needs_html
def test_served_page_is_the_built_file_plus_the_reload_script(tmp_path: Path) -> None:
    project = arctic_copy(tmp_path)
    out = tmp_path / "out"
    command = ["build", "annex", "--client", "northwind", "--format", "html", "-p", str(project), "-o", str(out)]
    built = subprocess.run(
        [sys.executable, "-m", "briefgen", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    written = (out / "annex-northwind.html").read_text(encoding="utf-8")
    assert "__briefgen" not in written
    serve, url = started(project, "annex", "--client", "northwind")
    with serve:
        served = fetch(url + "annex-northwind.html")
        assert serve.stop() == 0
    assert TAG.sub("", served, count=1) == written


def test_serve_refuses_a_busy_port_and_an_unknown_client(tmp_path: Path) -> None:
    project = arctic_copy(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = subprocess.run(
            [sys.executable, "-m", "briefgen", "serve", "-p", str(project), "--port", str(port)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert busy.returncode == 1
    assert f"briefgen serve: error: cannot listen on 127.0.0.1:{port}: Address already in use" in busy.stderr
    unknown = subprocess.run(
        [sys.executable, "-m", "briefgen", "serve", "-p", str(project), "--port", "0", "--client", "southwind"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert unknown.returncode == 2, unknown.stdout + unknown.stderr
    assert "unknown client 'southwind'" in unknown.stderr and "serving" not in unknown.stdout
