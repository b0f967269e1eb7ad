"""briefgen knows no subject: no word of the sample briefing's subject in the package.

The sample (sections/, briefing.yaml) is one project among many; its vocabulary belongs
in its own files (the `profiles:` block of its briefing.yaml), never in briefgen's code,
default templates, messages or docstrings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
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
# The locator's context country is becoming a project setting (`profiles.context`) with the
# world map, which rewrites these two files; until it lands they still name it. Once they
# are clean this test passes outright, and the entries can go.
PENDING = {"briefgen/charts/locator.py", "briefgen/charts/spec.py"}


def _package_files() -> list[Path]:
    # The map geometry is Natural Earth data: it names every country of the world.
    return [
        p
        for p in sorted(PACKAGE.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and not (p.suffix == ".json" and p.parent.name == "charts")
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
    rest = [f for f in found if f.split(":")[0] not in PENDING]
    assert not rest, "the sample's subject in the package:\n" + "\n".join(rest)
    if found:
        pytest.xfail("pending the world map's context setting:\n" + "\n".join(found))


def test_the_sample_words_are_found_where_they_belong() -> None:
    """The pattern really matches: the sample project itself is full of them."""
    briefing = (ROOT / "briefing.yaml").read_text(encoding="utf-8")
    assert PATTERN.search(briefing)
    assert {m.lower() for m in PATTERN.findall((ROOT / "sections" / "00-executive-summary.md").read_text())} >= {
        "afghan",
        "taliban",
    }
