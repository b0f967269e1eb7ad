"""cli/liveserver.py: how the reload script is added, the error page, the versions the
event streams wait on, and the names a loopback server answers to."""

from __future__ import annotations

import threading

from briefgen.cli.liveserver import Live, Server, Shown, error_page, with_script


def test_the_reload_script_goes_before_the_closing_body_tag_once() -> None:
    tag = b'<script src="/__briefgen/live.js" data-version="v1" defer></script>'
    page = b"<html><body><p>&lt;/body&gt; in text</p></BODY></html>"
    assert with_script(page, "v1") == b"<html><body><p>&lt;/body&gt; in text</p>" + tag + b"</BODY></html>"
    assert with_script(b"<p>fragment</p>", "v1") == b"<p>fragment</p>" + tag


def test_the_error_page_shows_every_diagnostic_escaped_and_reloads_itself() -> None:
    errors = ("sections/a.md:3: error: malformed YAML: <tag> & more", "sections/b.md:9: error: unknown key 'x'")
    page = error_page(Shown("v7", "full.html", None, errors)).decode()
    assert "sections/a.md:3: error: malformed YAML: &lt;tag&gt; &amp; more" in page
    assert "sections/b.md:9: error: unknown key 'x'" in page
    assert "<tag>" not in page and 'data-version="v7"' in page and page.startswith("<!DOCTYPE html>")


def test_a_waiting_stream_wakes_on_publish_and_on_close() -> None:
    live = Live("full.html")
    seen = live.shown.version
    woke: list[str] = []
    waiter = threading.Thread(target=lambda: woke.append(live.wait(seen, 60)))
    waiter.start()
    version = live.publish("full.html", b"<p>new</p>")
    waiter.join(30)
    assert woke == [version] and version != seen and live.shown.page == b"<p>new</p>"
    assert live.publish("full.html", None, ("x.md:1: error: y",)) != version
    closer = threading.Thread(target=lambda: woke.append(live.wait(live.shown.version, 60)))
    closer.start()
    live.close()
    closer.join(30)
    assert not closer.is_alive() and live.closing


def test_a_loopback_server_answers_only_loopback_names() -> None:
    server = Server("127.0.0.1", 0, Live("full.html"))
    try:
        assert server.loopback and server.url.startswith("http://127.0.0.1:")
        allowed = server._server.host_allowed
        assert all(allowed(h) for h in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "127.0.0.2", "LOCALHOST"))
        assert not any(allowed(h) for h in ("attacker.example:8000", "192.0.2.7:8000", ""))
    finally:
        server.stop()
