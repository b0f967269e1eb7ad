"""The web edition in a real browser: Debian's Chromium driven by playwright.

For the full report, the summary and a client's annex, at 1280 and 375 px wide: no
console error, every font loads, no horizontal scroll on a phone, every internal link
lands on its target, every picture and chart has a text alternative, axe-core finds no
violation, and the page says what the PDF says.

What it needs, and skips cleanly without: playwright's Python package, Chromium at
/usr/bin/chromium (or $BRIEFGEN_CHROMIUM; never downloaded), and axe-core's `axe.min.js`
from npm, at $BRIEFGEN_AXE or .cache/axe/node_modules/axe-core/ (`.ci/run` installs it
there). One browser serves the whole module, and each page is visited once per width.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from htmltext import html_text, pdf_text, without_floats
from support import ROOT

CHROMIUM = Path(os.environ.get("BRIEFGEN_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(os.environ.get("BRIEFGEN_AXE", ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = ("full", "summary", "annex-meridian")
WIDTHS = (1280, 375)
SHOTS = os.environ.get("BRIEFGEN_SCREENSHOTS")  # a folder to keep the screenshots in

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if not CHROMIUM.is_file():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
if not shutil.which("pdftotext"):
    pytest.skip("pdftotext is missing (apt-get install poppler-utils)", allow_module_level=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three deliverables as HTML and PDF, built once."""
    out = tmp_path_factory.mktemp("web")
    for args in (["full", "summary"], ["annex", "--client", "meridian"]):
        cmd = [sys.executable, "-m", "briefgen", "build", *args, "--format", "pdf,html", "-o", str(out), "-q"]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


# What each visit measures, in the page (one evaluate per question).
FONTS = """async () => {
  await Promise.all([...document.fonts].map(f => f.load().catch(() => null)));
  return [...document.fonts].map(f => `${f.family} ${f.weight} ${f.style}: ${f.status}`);
}"""
LINKS = """() => {
  const bad = [];
  const links = [...document.querySelectorAll('a[href^="#"]')];
  const pad = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
  for (const a of links) {
    const id = decodeURIComponent(a.hash.slice(1));
    const target = document.getElementById(id);
    if (!target) { bad.push(`${a.hash}: no such id`); continue; }
    a.click();
    const top = target.getBoundingClientRect().top;
    const atEnd = Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight;
    if (location.hash !== a.hash || (Math.abs(top - pad) > 2 && !(atEnd && top > pad))) bad.push(`${a.hash}: top at ${top}`);
  }
  scrollTo(0, 0);
  return [links.length, bad];
}"""
ALT = """() => {
  const bad = [];
  for (const img of document.images) if (!img.hasAttribute('alt')) bad.push(img.outerHTML.slice(0, 80));
  for (const svg of document.querySelectorAll('svg')) {
    const title = svg.querySelector(':scope > title');
    if (svg.getAttribute('aria-hidden') !== 'true' && !(title && title.textContent.trim()))
      bad.push(svg.outerHTML.slice(0, 80));
  }
  return [document.images.length + document.querySelectorAll('svg').length, bad];
}"""
AXE_RUN = """async () => (await axe.run(document)).violations.map(
  v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)"""


@cache
def _visit(url: str, width: int, browser_id: int) -> dict[str, Any]:
    page = _BROWSERS[browser_id].new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    found: dict[str, Any] = {"errors": errors, "fonts": page.evaluate(FONTS)}
    found["scroll"] = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    found["alt"] = page.evaluate(ALT)
    if SHOTS:
        name = Path(url).stem
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}.png"))
        page.screenshot(path=str(Path(SHOTS) / f"{name}-{width}-full.png"), full_page=True)
    found["links"] = page.evaluate(LINKS)
    if AXE.is_file():
        page.add_script_tag(path=str(AXE))
        found["axe"] = page.evaluate(AXE_RUN)
    found["text"] = html_text(page)
    page.close()
    return found


_BROWSERS: dict[int, Any] = {}


def visit(browser: Any, built: Path, name: str, width: int) -> dict[str, Any]:
    _BROWSERS[id(browser)] = browser
    return _visit((built / f"{name}.html").as_uri(), width, id(browser))


CASES = [pytest.param(name, width, id=f"{name}-{width}") for name in PAGES for width in WIDTHS]


@pytest.mark.parametrize(("name", "width"), CASES)
def test_the_page_loads_cleanly_with_its_fonts(browser: Any, built: Path, name: str, width: int) -> None:
    found = visit(browser, built, name, width)
    assert found["errors"] == []
    fonts = found["fonts"]
    assert len(fonts) >= 8 and all(f.endswith(": loaded") for f in fonts), fonts


@pytest.mark.parametrize(("name", "width"), CASES)
def test_nothing_scrolls_sideways(browser: Any, built: Path, name: str, width: int) -> None:
    scroll_width, inner = visit(browser, built, name, width)["scroll"]
    assert scroll_width <= inner


@pytest.mark.parametrize(("name", "width"), CASES)
def test_every_internal_link_lands_on_its_target(browser: Any, built: Path, name: str, width: int) -> None:
    count, bad = visit(browser, built, name, width)["links"]
    assert count >= (0 if name == "summary" else 5) and bad == []


@pytest.mark.parametrize(("name", "width"), CASES)
def test_every_picture_and_chart_has_a_text_alternative(browser: Any, built: Path, name: str, width: int) -> None:
    count, bad = visit(browser, built, name, width)["alt"]
    assert count >= 1 and bad == []


@pytest.mark.parametrize(("name", "width"), CASES)
def test_axe_finds_no_violation(browser: Any, built: Path, name: str, width: int) -> None:
    if not AXE.is_file():
        pytest.skip(f"axe-core is missing at {AXE} (npm install --no-save --prefix .cache/axe axe-core@4)")
    assert visit(browser, built, name, width)["axe"] == []


@pytest.mark.parametrize(("name", "width"), CASES)
def test_the_page_says_what_the_pdf_says(browser: Any, built: Path, name: str, width: int) -> None:
    page = visit(browser, built, name, width)["text"]
    pdf = pdf_text(built / f"{name}.pdf", page["heads"])
    for part in ("cover", "contents"):
        assert page[part] == pdf[part], _first_difference(page[part], pdf[part])
    body, printed = without_floats(page["body"], pdf["body"], page["floats"])
    assert body == printed, _first_difference(body, printed)


def _first_difference(a: str, b: str) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at {at}:\npage: …{a[max(0, at - 120) : at + 120]}…\npdf:  …{b[max(0, at - 120) : at + 120]}…"


def test_the_keyboard_reaches_the_skip_link_first_and_focus_shows(browser: Any, built: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((built / "full.html").as_uri())
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "(() => { const a = document.activeElement, r = a.getBoundingClientRect(), s = getComputedStyle(a);"
        " return [a.textContent, r.top >= 0 && r.bottom <= innerHeight, s.outlineStyle, s.outlineWidth]; })()"
    )
    assert skip[0] == "Skip to content" and skip[1] is True and skip[2] == "solid" and skip[3] == "3px"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the text: a link or a scrolling table
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.close()
