"""`briefgen serve` in a real browser: the open page reloads by itself on a save, shows a
broken section's `file:line: error:` and comes back on the next good save, with no
console error on the way. Debian's Chromium through playwright; skipped cleanly without
either (`.ci/run` installs both)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from livekit import Running, arctic_copy, edited

CHROMIUM = Path(os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium"))
OPENING = "Three routes matter."
WAIT_MS = 90_000  # a rebuild takes well under a second; this is for a machine under load

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


def shows(text: str) -> str:
    return f"document.body && document.body.innerText.includes({text!r})"


def test_the_open_page_reloads_on_save_shows_the_error_and_recovers(tmp_path: Path) -> None:
    project = arctic_copy(tmp_path)
    section = project / "sections" / "01-routes.md"
    with Running("serve", "-p", str(project), "--port", "0") as serve:
        _, found = serve.wait_for(r"^serving \S+ at (http://127\.0\.0\.1:\d+/) ")
        url = found.group(1)
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            try:
                page = browser.new_page()
                problems: list[str] = []
                page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: problems.append(str(e)))
                loads: list[str] = []
                page.on("load", lambda p: loads.append(p.url))
                page.goto(url)
                page.wait_for_function(shows(OPENING), timeout=WAIT_MS)
                page.evaluate("window.briefgenMark = 'the same document'")

                edited(section, (OPENING, "Four routes matter, counting the sentinel passage."))
                page.wait_for_function(shows("sentinel passage"), timeout=WAIT_MS)
                assert page.evaluate("window.briefgenMark") is None  # a new document: the page reloaded

                edited(section, ("title: The routes", "title: [The routes"))
                page.wait_for_function(shows("sections/01-routes.md:"), timeout=WAIT_MS)
                assert ": error: malformed YAML" in page.inner_text("pre")

                edited(section, ("title: [The routes", "title: The routes"), ("sentinel passage", "recovered passage"))
                page.wait_for_function(shows("recovered passage"), timeout=WAIT_MS)
                assert "error" not in page.title().lower() and len(loads) >= 4
                assert problems == []
            finally:
                browser.close()
        assert serve.stop() == 0
