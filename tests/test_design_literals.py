"""No writer or chart hard-codes a size: paddings, indents, spacing, stroke widths and
page offsets come from the `Design` (`design/spacing.py`, `design/system.py`).

The test reads the source of `writers/` and `charts/` for the idioms a stray size is
written in (a number times `mm`, `Mm(3)`, a padding command with a number, a
`strokeWidth=0.5`, a Word indent in twips…). The few that are not design values are
listed below, each with its reason; a new one fails until it moves into the design or
earns a line here.
"""

from __future__ import annotations

import re
from pathlib import Path

BRIEFGEN = Path(__file__).resolve().parents[1] / "briefgen"

NONZERO = r"(?:[1-9][0-9]*(?:\.[0-9]+)?|0\.[0-9]*[1-9][0-9]*)"
PATTERNS = {
    "number times a unit": rf"\b{NONZERO}\s*\*\s*(?:mm|cm|inch)\b",
    "a python-docx length": rf"\b(?:Pt|Mm|Cm|Emu|Inches|Twips)\(\s*{NONZERO}",
    "a reportlab padding": rf'"(?:TOP|BOTTOM|LEFT|RIGHT)PADDING",\s*\([^)]*\),\s*\([^)]*\),\s*-?{NONZERO}',
    "a spacer": rf"\bSpacer\(\s*1,\s*{NONZERO}\s*\)",
    "a stroke or spacing keyword": (
        rf"\b(?:strokeWidth|thickness|spaceBefore|spaceAfter|leftIndent|rightIndent|bulletIndent)\s*=\s*{NONZERO}\b"
    ),
    "a line width": rf"\bsetLineWidth\(\s*{NONZERO}\s*\)",
    "Word cell margins": rf"\bcell_margins\(\s*{NONZERO}",
    "a Word indent in twips": rf'"(?:left|right|hanging|firstLine)":\s*{NONZERO}\b',
    "a Word border gap": rf"\bspace={NONZERO}\b",
}

# (file, text on the line): why it is not a design value.
ALLOWED = {
    ("writers/pdf/lists.py", "Spacer(1, 1)"): "an empty list item's placeholder, not a space anyone sees",
}


def _hits() -> list[str]:
    found = []
    for path in sorted((*BRIEFGEN.glob("writers/**/*.py"), *BRIEFGEN.glob("charts/**/*.py"))):
        rel = path.relative_to(BRIEFGEN).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            for what, pattern in PATTERNS.items():
                if re.search(pattern, code) and not any(f == rel and text in code for f, text in ALLOWED):
                    found.append(f"{rel}:{number}: {what}: {line.strip()}")
    return found


def test_no_writer_or_chart_hard_codes_a_size() -> None:
    assert _hits() == []


def test_the_patterns_catch_what_they_are_for() -> None:
    samples = [
        "y = top - 7 * mm",
        "section.gutter = Mm(3)",
        '("LEFTPADDING", (0, 0), (-1, -1), 5),',
        "return [table, Spacer(1, 6)]",
        "Line(0, 0, 1, 1, strokeWidth=0.5)",
        'el("w:ind", {"left": 280, "hanging": 280})',
        'border("left", c, 2, space=10)',
    ]
    for sample in samples:
        assert any(re.search(p, sample) for p in PATTERNS.values()), sample
    for fine in ("spaceBefore=0,", "y = share * mm", "Spacer(1, size * after)"):
        assert not any(re.search(p, fine) for p in PATTERNS.values()), fine


def test_every_allowance_is_still_needed() -> None:
    for (rel, text), reason in ALLOWED.items():
        assert reason
        assert text in (BRIEFGEN / rel).read_text(encoding="utf-8"), f"{rel}: {text!r} is gone; drop its allowance"
