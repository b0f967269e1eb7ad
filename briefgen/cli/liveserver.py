"""The live preview's web server: the page as last built (or the build's errors), and the
reload signal, for `briefgen serve`.

`Live` holds what is served; the rebuild loop publishes into it and every request reads
it. The page is kept in memory and nothing is written to disk. A small script is added
to the page as it is served, and only then: it listens to Server-Sent Events at
`/__briefgen/events` and reloads the page when a new version is published. A failed
build publishes its diagnostics instead, shown as a page of `file:line: error: …` lines
that reloads itself once the next save builds. The standard library's threaded HTTP
server runs in a thread of its own while the main thread watches and rebuilds.

Bound to loopback (the default), the server answers only requests addressed to a
loopback name, so a web page elsewhere cannot read the briefing through DNS rebinding.
"""

from __future__ import annotations

import html
import ipaddress
import json
import secrets
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple
from urllib.parse import urlsplit

PREFIX = "/__briefgen/"
KEEPALIVE_S = 15.0  # a comment line this often, so a client notices a dead server
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

SCRIPT = b"""// Added by `briefgen serve` (never written into a built file): reload on rebuild.
(() => {
  const version = document.currentScript.dataset.version;
  const events = new EventSource("/__briefgen/events");
  events.onmessage = (event) => {
    if (event.data !== version) {
      events.close();
      location.reload();
    }
  };
})();
"""


class Shown(NamedTuple):
    """What `/` serves now: the page, or the errors that stopped its build."""

    version: str
    name: str
    page: bytes | None
    errors: tuple[str, ...]


class Live:
    """The current page or errors, and a condition that wakes the event streams."""

    def __init__(self, name: str) -> None:
        self._base = secrets.token_hex(4)  # a restarted server's versions differ too
        self._count = 0
        self._cond = threading.Condition()
        self._shown = Shown(self._base, name, None, ("the first build has not finished",))
        self.closing = False

    @property
    def shown(self) -> Shown:
        return self._shown

    def publish(self, name: str, page: bytes | None, errors: tuple[str, ...] = ()) -> str:
        """A new version: a built page, or (`page` None) the errors of a failed build."""
        with self._cond:
            self._count += 1
            self._shown = Shown(f"{self._base}-{self._count}", name, page, errors)
            self._cond.notify_all()
            return self._shown.version

    def wait(self, seen: str, timeout: float) -> str:
        """The version once it differs from `seen` (or the same after `timeout`)."""
        with self._cond:
            self._cond.wait_for(lambda: self._shown.version != seen or self.closing, timeout)
            return self._shown.version

    def close(self) -> None:
        with self._cond:
            self.closing = True
            self._cond.notify_all()


def with_script(page: bytes, version: str) -> bytes:
    """The page with the reload script before its closing body tag (or at its end)."""
    tag = f'<script src="{PREFIX}live.js" data-version="{version}" defer></script>'.encode()
    at = page.lower().rfind(b"</body>")
    return page + tag if at < 0 else page[:at] + tag + page[at:]


def error_page(shown: Shown) -> bytes:
    """The page shown while the build fails: every diagnostic, as the terminal shows it."""
    lines = "\n".join(html.escape(line, quote=False) for line in shown.errors)
    title = f"Build failed: {html.escape(shown.name)}"
    text = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} (briefgen serve)</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}}
h1{{color:#a40000;font-size:1.5rem}}pre{{background:#fff3f3;border-left:4px solid #a40000;padding:1rem;
white-space:pre-wrap;overflow-wrap:anywhere;font-size:0.9rem}}</style></head>
<body><main><h1>{title}</h1>
<p>Fix the file and save it: this page reloads by itself when the briefing builds again.</p>
<pre role="alert">{lines}</pre></main></body></html>
"""
    return with_script(text.encode(), shown.version)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "briefgen-serve"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        if not self.server.host_allowed(self.headers.get("Host", "")):
            return self._send(403, "text/plain", b"briefgen serve answers only on localhost\n", body)
        path = urlsplit(self.path).path
        live = self.server.live
        shown = live.shown
        if path == PREFIX + "events" and body:
            return self._events(live)
        if path == PREFIX + "live.js":
            return self._send(200, "text/javascript", SCRIPT, body)
        if path == PREFIX + "state":
            state = {"version": shown.version, "ok": shown.page is not None, "errors": list(shown.errors)}
            return self._send(200, "application/json", json.dumps(state).encode(), body)
        if path in ("/", "/index.html", f"/{shown.name}"):
            page = with_script(shown.page, shown.version) if shown.page is not None else error_page(shown)
            return self._send(200, "text/html; charset=utf-8", page, body)
        if path == "/favicon.ico":
            return self._send(204, "text/plain", b"", body)
        self._send(404, "text/plain", f"not found: the briefing is at /{shown.name}\n".encode(), body)

    def _send(self, status: int, kind: str, data: bytes, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _events(self, live: Live) -> None:
        """One Server-Sent Events stream: the version now, then each new one."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = live.shown.version
        try:
            self.wfile.write(f"retry: 1000\ndata: {seen}\n\n".encode())
            self.wfile.flush()
            while not live.closing:
                now = live.wait(seen, KEEPALIVE_S)
                self.wfile.write(f"data: {now}\n\n".encode() if now != seen else b": still here\n\n")
                self.wfile.flush()
                seen = now
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def log_message(self, format: str, *args: object) -> None:
        pass  # a line per request would drown the rebuild reports


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # event streams never hold up Ctrl+C

    def __init__(self, host: str, port: int, live: Live) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.live = live
        self.loopback = _is_loopback(host)
        super().__init__((host, port), _Handler)

    def host_allowed(self, header: str) -> bool:
        if not self.loopback:
            return True
        name = urlsplit(f"//{header}").hostname or ""
        return name in LOOPBACK_NAMES or _is_loopback(name)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Server:
    """The bound server; `start` serves in a thread, `stop` ends it and every stream."""

    def __init__(self, host: str, port: int, live: Live) -> None:
        self._server = _Server(host, port, live)  # binds now: a busy port fails at once
        self.live = live
        self._thread = threading.Thread(target=self._server.serve_forever, name="briefgen-serve", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/"

    @property
    def loopback(self) -> bool:
        return self._server.loopback

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.live.close()
        if self._thread.is_alive():
            self._server.shutdown()
        self._server.server_close()
