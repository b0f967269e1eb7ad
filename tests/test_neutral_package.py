"""briefgen knows no subject: no word of the sample briefing's subject in the package.

The sample (sections/, briefing.yaml) is one project among many; its vocabulary belongs
in its own files (the `profiles:` block of its briefing.yaml), never in briefgen's code,
default templates, messages or docstrings.
"""

from __future__ import annotations

import re
from pathlib import Path

from support import ROOT

PACKAGE = ROOT / "briefgen"
# Words and facts of the sample's subject, matched case-insensitively as word parts.
SAMPLE_WORDS = (
    "afghan",
    "taliban",
    "kabul",
    "tespa",
    "pashtun",
    "hazara",
    "haqqani",
    "panjshir",
    "ghani",
    "recognition",
    "recognising",
    r"\bAFG\b",
)
PATTERN = re.compile("|".join(SAMPLE_WORDS), re.IGNORECASE)


def _package_files() -> list[Path]:
    # The world map (geo/world.json, world.bin) is Natural Earth data: it names every country.
    return [
        p
        for p in sorted(PACKAGE.rglob("*"))
        if p.is_file()
        and "__pycache__" not in p.parts
        and not (p.suffix in (".json", ".bin") and p.parent.name == "geo")
    ]


def test_the_package_names_nothing_of_the_sample_subject() -> None:
    files = _package_files()
    assert any(p.suffix == ".j2" for p in files) and any(p.name == "summary.py" for p in files)
    found = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        for n, line in enumerate(text.splitlines(), 1):
            hit = PATTERN.search(line)
            if hit:
                found.append(f"{path.relative_to(ROOT)}:{n}: {hit.group(0)!r}")
    assert not found, "the sample's subject in the package:\n" + "\n".join(found)


def test_the_sample_words_are_found_where_they_belong() -> None:
    """The pattern really matches: the sample project itself is full of them."""
    briefing = (ROOT / "briefing.yaml").read_text(encoding="utf-8")
    assert PATTERN.search(briefing)
    assert {m.lower() for m in PATTERN.findall((ROOT / "sections" / "00-executive-summary.md").read_text())} >= {
        "afghan",
        "taliban",
    }
