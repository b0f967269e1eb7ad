"""A briefing in another language: every word briefgen prints around the text comes from
`labels:` in briefing.yaml, in the PDF, the DOCX and the web page alike, and none of the
English defaults is left."""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from support import docx_text, flat, pdf_pages

from briefgen.cli.main import main
from briefgen.model.labels import MEANINGS

GERMAN = {
    "contents": "Inhalt",
    "page_of": "Seite {page} von {pages}",
    "see": "siehe|vgl.",
    "page_ref": "S.",
    "figure": "Abbildung {number}",
    "table": "Tabelle {number}",
    "source": "Quelle: {source}",
    "notes": "Anmerkungen",
    "prepared_for": "Erstellt für {client}",
    "summary": "Kurzanalyse",
    "document": "Dokument {id}",
    "annex": "Länderanhang",
    "profile": "Länderprofil",
    "at_a_glance": "{name} auf einen Blick",
    "tier": "Stufe",
    "interests": "Hauptinteressen",
    "country": "Land",
    "border": "Grenze",
    "country_tier": "Land (Stufe)",
    "bottom_line": "Fazit",
    "key_judgements": "Kernaussagen",
    "date": "Datum",
    "event": "Ereignis",
    "section": "Abschnitt",
    "contact": "Kontakt",
    "analyst": "Ihr Analyst",
    "cite": "Zitiervorschlag",
    "reading": "{minutes} Min. Lesezeit",
    "skip": "Zum Inhalt",
    "back": "Zurück zur Stelle {number}",
}
EXEC = (
    "---\ntitle: Zusammenfassung\nbottom_line: Der Hafen bleibt offen.\n"
    "key_judgements:\n  - Das Eis kommt später.\n---\n\nDer Überblick.\n"
)
INTRO = """---
title: Einleitung
---

Die Lage ist ruhig (siehe die [Zusammenfassung](#00-exec)).[^1]

```chart
type: bar
title: Häfen
source: Hafenamt
data:
  - {label: Nord, value: 3}
  - {label: Süd, value: 5}
```

[^1]: Eine Anmerkung.
"""
PROFILE = (
    "---\ntitle: Aland\nkind: country\nlocator: false\ntier: 1\nborder_km: 120\n"
    "interests: [Fischerei]\n---\n\nAland liegt am Meer.\n"
)
# Each English default as it would show, its placeholders cut off ("see|cf." is a pattern).
ENGLISH = sorted({re.split(r"\s*\{", default)[0] for default, _m in MEANINGS.values()} - {"", "see|cf."})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    root = write_project(
        tmp_path_factory.mktemp("labels"),
        {
            "sections/00-exec.md": EXEC,
            "sections/01-intro.md": INTRO,
            "sections/02-detail.md": None,
            "sections/countries/aland.md": PROFILE,
            "clients/partner.yaml": "name: Reederei Nord\ncuts: [full, summary]\ncontact: Anna Berg\n",
        },
        lang="de",
        labels=GERMAN,
        citation="Institut, Testbericht, 2021.",
        outline=["sections/*.md", "sections/countries/*.md"],
        profiles={  # the profiles' own wording (`profiles:`), in German too
            "tiers": [{"label": "Erste Stufe"}],
            "border_label": "Grenze",
            "stance_label": "Haltung",
            "group_title": "Länderprofile",
        },
    )
    args = ["build", "full", "summary", "--client", "partner", "-p", str(root), "-o", str(root / "out")]
    assert main([*args, "--format", "pdf,docx,html", "--jobs", "1", "-q"]) == 0
    return root / "out"


def _docx_words(path: Path) -> str:
    """The body, footnotes, headers and footers (the page number is in the footer)."""
    with zipfile.ZipFile(path) as z:
        parts = "".join(z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"word/(header|footer)\d*\.xml", n))
    return docx_text(path) + " " + flat(" ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", parts)))


def _html_words(path: Path) -> str:
    page = path.read_text(encoding="utf-8")
    # Not the charts' own descriptions (<svg>'s title and desc): their alt text is still English.
    page = re.sub(r"<(style|script|svg)\b.*?</\1>", "", page, flags=re.S)
    labels = " ".join(re.findall(r'aria-label="([^"]*)"', page))
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + labels))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_every_label_is_the_projects_and_no_english_default_is_left(built: Path, fmt: str) -> None:
    read: dict[str, Callable[[Path], str]] = {
        "pdf": lambda p: flat(" ".join(pdf_pages(p))),
        "docx": _docx_words,
        "html": _html_words,
    }
    full, summary = (read[fmt](built / f"{name}-partner.{fmt}") for name in ("full", "summary"))
    expected = [
        "Inhalt",
        "Abbildung 1",
        "Quelle: Hafenamt",
        "Erstellt für Reederei Nord",
        "Aland auf einen Blick",
        "Stufe",
        "Hauptinteressen",
        "Kernaussagen",
        "Länderprofil",
        "Zitiervorschlag",
        "Kontakt",
        "Ihr Analyst",
    ]
    if fmt != "html":  # a web page has no pages
        pages = re.search(r"Seite \d+ von \d+", full)
        xref = re.search(r"\(siehe die Zusammenfassung ?, S\.\s?\d", full.replace("\u00a0", " "))
        assert pages and xref, (pages, xref)
    if fmt == "pdf":
        expected.append("Anmerkungen")  # Word keeps notes as footnotes, under no heading
    if fmt == "html":
        expected += ["Anmerkungen", "Min. Lesezeit", "Zum Inhalt", "Zurück zur Stelle 1"]
    missing = [word for word in expected if word not in full.replace("\u00a0", " ")]
    assert ("FAZIT" if fmt != "docx" else "Fazit") in full  # capitals by markup, or by Word's style
    assert not missing, missing
    assert ("KURZANALYSE" if fmt == "pdf" else "Kurzanalyse") in summary
    left = [word for word in ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", full + " " + summary)]
    assert not left, left


def test_a_label_with_a_placeholder_it_does_not_fill_is_an_error_at_its_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, labels={"contents": "Inhalt", "page_of": "Seite {seite}"})
    capsys.readouterr()
    assert main(["check", "-p", str(root)]) == 1
    err = capsys.readouterr().err
    assert "briefing.yaml:5: error: label 'page_of' uses {seite}, which this label does not fill" in err
    assert "(it fills: {page}, {pages})" in err


def test_a_label_character_no_brand_font_has_is_an_error_at_its_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, labels={"contents": "Inhalt \u2603", "notes": "Anmerkungen"})
    capsys.readouterr()
    assert main(["check", "-p", str(root)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "briefing.yaml:5: error: character U+2603 (SNOWMAN) in label 'contents' is not in the brand fonts "
        "(replace it, or use brand fonts that have it)"
    ]
