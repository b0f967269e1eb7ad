"""What loading the PDF writer costs and changes: no stray modules, reportlab intact."""

from __future__ import annotations

import subprocess
import sys
from xml.sax.saxutils import escape as sax_escape

from support import ROOT

from briefgen.writers.pdf.inline import escape


def test_escape_matches_the_standard_library() -> None:
    for text in ["a < b & c > d", 'say "hi"', "it's", "&amp; already", "<b>x</b>", "plain", ""]:
        assert escape(text) == sax_escape(text, {'"': "&quot;"})


def test_the_pdf_writer_loads_without_the_network_and_mail_modules() -> None:
    code = (
        "import sys, briefgen.writers.pdf;"
        "print(sorted(m for m in ('urllib.request', 'http.client', 'email', 'ssl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_reportlab_url_pattern_still_matches_after_the_deferred_compile() -> None:
    # In a fresh process, so that briefgen.writers.pdf is what first imports reportlab's platypus.
    code = """
import re, briefgen.writers.pdf
from reportlab.platypus import paragraph
assert type(paragraph.uri_pat).__name__ == "_OnFirstUse", type(paragraph.uri_pat)
assert re.compile.__module__ == "re", "the import hook must be gone again"
real = re.compile(*paragraph.uri_pat._source)
for url in ["https://example.org/a/b?c=d", "ftp://10.0.0.1:21/x", "not a url", "http://localhost"]:
    got, want = paragraph.uri_pat.match(url), real.match(url)
    assert (got and got.group(0)) == (want and want.group(0)), url
assert paragraph.uri_pat.pattern == real.pattern and paragraph.uri_pat.flags == real.flags
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
