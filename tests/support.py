"""Helpers shared by the end-to-end tests: building, reading PDFs and DOCX files back."""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = [
    "Pakistan",
    "Uzbekistan",
    "Turkmenistan",
    "Tajikistan",
    "Iran",
    "China",
    "India",
    "Turkey",
    "Qatar",
    "Russia",
]
SHARED = ROOT.parent / "shared"
VALIDATOR = SHARED / "tools" / "docx-validate"
FONTS = ROOT / "templates" / "fonts"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run briefgen in a fresh interpreter, exactly as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *args], cwd=cwd or ROOT, capture_output=True, text=True, timeout=300
    )


def pdf_pages(path: Path) -> list[str]:
    """The text of each page; a copy, so callers may change it."""
    return list(_pages_of(Path(path).read_bytes()))


@functools.lru_cache(maxsize=32)
def _pages_of(data: bytes) -> tuple[str, ...]:
    # Keyed by the file's bytes, not its path: many tests read the same session-built
    # PDFs, and pypdf's extraction is the slow part; a rebuilt file is read afresh.
    from pypdf import PdfReader

    return tuple(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def flat(text: str) -> str:
    """Whitespace-normalised text, for searching across line breaks."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def docx_xml(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def docx_text(path: Path) -> str:
    """The text of the body, then of the footnotes (Word keeps a document's notes in their own part)."""
    xml = docx_xml(path)
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" in z.namelist():
            xml += z.read("word/footnotes.xml").decode("utf-8")
    from xml.sax.saxutils import unescape

    return flat(" ".join(unescape(t) for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, outdir: Path, *, reject_fonts: str | None = None) -> Path:
    """LibreOffice → PDF in a private profile and font setup.

    By default the brand fonts are made visible through fontconfig, as on a machine with
    them installed. With `reject_fonts` (a glob such as "*Noto*") those fonts are hidden
    instead, to see what a machine without them shows.
    """
    return convert_all_to_pdf([docx], outdir, reject_fonts=reject_fonts)[0]


def convert_all_to_pdf(docxs: list[Path], outdir: Path, *, reject_fonts: str | None = None) -> list[Path]:
    """`convert_to_pdf` for several files in one LibreOffice run (it starts slowly); same order."""
    outdir.mkdir(parents=True, exist_ok=True)
    fonts = (
        f"<selectfont><rejectfont><glob>{reject_fonts}</glob></rejectfont></selectfont>"
        if reject_fonts
        else f"<dir>{FONTS}</dir>"
    )
    conf = outdir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f'<include ignore_missing="yes">/etc/fonts/fonts.conf</include>{fonts}'
        f"<cachedir>{outdir / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), HOME=str(outdir))
    env.pop("XDG_CONFIG_HOME", None)  # no user font configuration from outside the test
    env.pop("XDG_DATA_HOME", None)
    cmd = [
        soffice() or "soffice",
        "--headless",
        "--norestore",
        f"-env:UserInstallation=file://{outdir / 'lo-profile'}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, docxs),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=240, env=env)
    return [outdir / (docx.stem + ".pdf") for docx in docxs]


def validate_docx(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=120)


def write_both(doc: Any, theme: Any) -> tuple[bytes, bytes]:
    """A model written by both writers in this process: (PDF bytes, DOCX bytes)."""
    from briefgen.writers.docx import write_docx
    from briefgen.writers.pdf.document import write_pdf

    out = io.BytesIO()
    write_docx(doc, theme, out)
    return write_pdf(doc, theme).data, out.getvalue()


def one_section(title: str, section_id: str, heading: str, blocks: list[Any], pos: Any) -> Any:
    """A summary-layout document of one section (no cover, no contents: each text once)."""
    from briefgen.model import nodes as m
    from briefgen.model.layout import Layout

    meta = m.Meta(
        title=title,
        subtitle="",
        series="",
        date="2021-09-30",
        authors=(),
        cut="summary",
        cut_title="Summary",
        layout=Layout.SUMMARY,
        audience="public",
    )
    return m.Document(meta, (m.Section(section_id, heading, 1, tuple(blocks), pos),))
