"""Property: any text the brand fonts can show goes through a whole build unchanged.

Words are drawn from the characters the brand's body fonts (and, for the Basic
Multilingual Plane, its symbols fallback) cover, minus Markdown and Jinja syntax. Each
paragraph is built to PDF (and DOCX when that writer exists) and must come back out of
the file as the model holds it (the typographer sets its quotes and dashes): compared
with whitespace removed, since lines wrap and pypdf joins them.
"""

from __future__ import annotations

import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.cli.main import main
from briefgen.load.yamlio import load_yaml
from briefgen.markdown import parse_body
from briefgen.model import nodes as m
from briefgen.model.walk import plain
from briefgen.transform.glyphs import coverage

REPO = Path(__file__).resolve().parents[1]
BRAND = REPO / "templates" / "brand.yaml"
# Markdown, Jinja and entity syntax; words never start a line, so '-', '+', ':', digits are safe.
SYNTAX = set("\\*_[]<>#|~!{}%`&")
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _fonts() -> tuple[list[Path], Path | None]:
    brand = load_yaml(BRAND.read_text(encoding="utf-8"), "brand.yaml")
    fonts = brand["fonts"]
    body = [BRAND.parent / fonts[k] for k in ("regular", "bold", "italic", "bold_italic")]
    return body, (BRAND.parent / fonts["symbols"]) if fonts.get("symbols") else None


def _printable(code: int) -> bool:
    ch = chr(code)
    return unicodedata.category(ch)[0] not in "CZM" and ch not in SYNTAX


def alphabet() -> list[str]:
    body, symbols = _fonts()
    covered = frozenset.intersection(*(coverage(f) for f in body))
    if symbols is not None:  # the glyph check accepts the fallback's characters too
        covered |= {c for c in coverage(symbols) if c < 0x10000}
    return [chr(c) for c in sorted(covered) if _printable(c)]


ALPHABET = alphabet()


FORMATS = ("pdf", "docx")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    return "".join(node.text or "" for node in root.iter(f"{W_NS}t"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, make_project: Callable[..., Path]) -> Path:
    return make_project(tmp_path_factory.mktemp("property"))


def build_paragraph(root: Path, paragraph: str) -> dict[str, bytes]:
    (root / "sections" / "01-intro.md").write_text(f"---\ntitle: Intro\n---\n\n{paragraph}\n", encoding="utf-8")
    for old in (root / "output").glob("full.*"):
        old.unlink()
    code = main(["build", "--project", str(root), "--format", ",".join(FORMATS), "--jobs", "1"])
    assert code == 0, f"build failed for {paragraph!r}"
    return {fmt: (root / "output" / f"full.{fmt}").read_bytes() for fmt in FORMATS}


def typeset(paragraph: str) -> str:
    """The paragraph as the model holds it: quotes, dashes and ellipses set the brand's
    way (markdown/typography.py), every other character as typed."""
    (block,) = parse_body(paragraph, file="p.md", line_of=lambda i: i + 1, base=REPO, root=REPO)
    assert isinstance(block, m.Paragraph)
    return plain(block.children)


def assert_round_trip(words: list[str], extracted: str, where: str) -> None:
    text = flat(extracted)
    expected = typeset("Start " + " ".join(words) + " End")
    for word in expected.split():
        assert flat(word) in text, f"{word!r} ({[f'U+{ord(c):04X}' for c in word]}) missing from the {where}"
    assert flat(expected) in text, f"the paragraph is not contiguous in the {where}"


def test_alphabet_is_wide() -> None:
    assert len(ALPHABET) > 2000
    assert {"é", "ß", "Ж", "λ", "€", "→"} <= set(ALPHABET)
    assert not SYNTAX & set(ALPHABET)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.text(st.sampled_from(ALPHABET), min_size=1, max_size=14), min_size=1, max_size=25))
def test_any_covered_text_survives_a_build(project: Path, words: list[str]) -> None:
    files = build_paragraph(project, "Start " + " ".join(words) + " End")
    assert_round_trip(words, pdf_text(files["pdf"]), "PDF text")
    if "docx" in files:
        assert_round_trip(words, docx_text(files["docx"]), "DOCX document.xml")


def test_symbols_beyond_the_bmp_are_refused_with_their_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """reportlab cannot map characters beyond U+FFFF for text extraction, so briefgen refuses them."""
    from briefgen.cli.main import main

    section = project / "sections" / "zz-symbols.md"
    section.write_text("---\ntitle: Symbols\n---\n\nStart \U0001d400\U0001d401 End\n", encoding="utf-8")
    assert main(["build", "--project", str(project), "--output", str(project / "out-bmp"), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "sections/zz-symbols.md:5: error: character U+1D400" in err and "beyond U+FFFF" in err
    assert not (project / "out-bmp" / "full.pdf").exists()
