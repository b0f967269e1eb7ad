"""The web edition as a build format: `--format html`, `--all`, briefing.yaml's `formats`,
and what the page holds (no browser here: tests/test_html_browser.py drives one)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefgen.cli.main import main

SECTIONS = {
    "sections/01-intro.md": (
        "---\ntitle: Introduction\n---\n\nThe first section has a <b>short</b> paragraph & more.[^1]\n\n"
        "## A heading\n\nSee [the detail](#02-detail).\n\n[^1]: A note.\n"
    ),
}


def _build(root: Path, *args: str) -> int:
    return main(["build", "--project", str(root), "--output", str(root / "output"), "--jobs", "1", "-q", *args])


def test_format_html_writes_one_self_contained_page(tmp_path: Path, make_project: Any) -> None:
    root = make_project(tmp_path, SECTIONS)
    assert _build(root, "--format", "html") == 0
    out = root / "output"
    assert sorted(p.name for p in out.iterdir() if p.suffix != ".json") == ["full.html"]
    page = (out / "full.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    # Raw HTML prints as typed, escaped; the text is all there.
    assert "The first section has a &lt;b&gt;short&lt;/b&gt; paragraph &amp; more." in page
    assert "The second section adds one more paragraph." in page
    # Nothing is fetched from elsewhere: no external stylesheet, script or picture.
    assert not re.search(r'<(link|script)[^>]+(href|src)=|<img[^>]+src="(?!data:)', page)
    # Internal links and footnotes point at ids the page has.
    ids = set(re.findall(r' id="([^"]+)"', page))
    targets = set(re.findall(r' href="#([^"]+)"', page))
    assert targets and targets <= ids, targets - ids


def test_html_in_all_and_beside_other_formats(tmp_path: Path, make_project: Any) -> None:
    root = make_project(tmp_path, SECTIONS)
    assert _build(root, "--all", "--format", "pdf,html") == 0
    names = sorted(p.name for p in (root / "output").iterdir() if p.suffix != ".json")
    assert names == ["full.html", "full.pdf"]
    manifest = (root / "output" / "manifest.json").read_text(encoding="utf-8")
    assert '"complete": true' in manifest and '"format": "html"' in manifest


def test_briefing_formats_is_the_default_and_format_overrides_it(tmp_path: Path, make_project: Any) -> None:
    root = make_project(tmp_path, SECTIONS, formats=["html"], lang="fr")
    assert _build(root) == 0
    assert sorted(p.name for p in (root / "output").iterdir() if p.suffix != ".json") == ["full.html"]
    assert '<html lang="fr">' in (root / "output" / "full.html").read_text(encoding="utf-8")
    assert _build(root, "--format", "pdf") == 0
    assert (root / "output" / "full.pdf").is_file()


def test_an_unknown_format_is_a_usage_error(tmp_path: Path, make_project: Any, capsys: Any) -> None:
    root = make_project(tmp_path, SECTIONS)
    assert _build(root, "--format", "html,epub") == 2
    assert "unknown format 'epub' (use pdf, docx, html, or several with commas)" in capsys.readouterr().err
    bad = make_project(tmp_path / "bad", SECTIONS, formats=["web"])
    assert _build(bad) == 1
    assert "briefing.yaml:5: error: 'formats' item 1 must be one of pdf, docx, html" in capsys.readouterr().err


def test_audiences_and_clients_filter_the_page_as_they_filter_the_pdf(tmp_path: Path, make_project: Any) -> None:
    sections = {
        "sections/01-intro.md": (
            '---\ntitle: Introduction\n---\n\nFor all.\n\n::: {audience="business"}\nFor business only.\n:::\n\n'
            '::: {not-client="acme"}\nNot for Acme.\n:::\n'
        ),
        "clients/acme.yaml": "name: Acme\naudience: business\nmarking: ACME ONLY\n",
    }
    root = make_project(tmp_path, sections)
    assert _build(root, "--format", "html,pdf", "--audience", "public") == 0
    assert _build(root, "--format", "html", "--client", "acme") == 0
    public = (root / "output" / "full.html").read_text(encoding="utf-8")
    acme = next((root / "output").glob("full-acme*.html")).read_text(encoding="utf-8")
    assert "For all." in public and "For business only." not in public and "Not for Acme." in public
    assert "For business only." in acme and "Not for Acme." not in acme
    assert '<p class="marking" role="note" data-furniture="">ACME ONLY</p>' in acme and "ACME ONLY" not in public
