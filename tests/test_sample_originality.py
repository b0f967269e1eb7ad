"""The sample's prose is our own: no 12-word run of the source paper appears in it.

Quotations are the one exception: text inside quotation marks (straight or curly)
and Markdown block quotes attributed to a named speaker may repeat the paper.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT.parent / "shared" / "source-paper" / "000_6b0084d81c0ca3ad.txt"
RUN = 12

_QUOTED = re.compile(r"“[^”]*”|\"[^\"\n]*\"|‘[^’\n]{25,}’")
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    text = text.lower().replace("’", "'").replace("'", "")
    return _WORD.findall(text)


def strip_quotations(text: str) -> str:
    kept = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    return _QUOTED.sub(" ", "\n".join(kept))


def copied_runs(source: str, paper_runs: set[tuple[str, ...]]) -> list[str]:
    ws = words(strip_quotations(source))
    hits = []
    for i in range(len(ws) - RUN + 1):
        run = tuple(ws[i : i + RUN])
        if run in paper_runs:
            hits.append(" ".join(run))
    return hits


def sample_sources() -> list[Path]:
    return sorted((ROOT / "sections").rglob("*.md")) + sorted((ROOT / "templates").glob("*"))


@pytest.mark.skipif(not PAPER.exists(), reason="../shared/source-paper is not beside this checkout")
def test_no_twelve_word_run_of_the_paper_in_the_sources() -> None:
    paper = words(PAPER.read_text(encoding="utf-8"))
    paper_runs = {tuple(paper[i : i + RUN]) for i in range(len(paper) - RUN + 1)}
    offenders = {}
    for path in sample_sources():
        if path.is_file() and path.suffix in {".md", ".j2", ".yaml"}:
            hits = copied_runs(path.read_text(encoding="utf-8"), paper_runs)
            if hits:
                offenders[str(path.relative_to(ROOT))] = hits[:3]
    assert sample_sources(), "the sample has no sources"
    assert offenders == {}


def test_checker_finds_a_copied_run() -> None:
    paper = words("one two three four five six seven eight nine ten eleven twelve thirteen")
    runs = {tuple(paper[i : i + RUN]) for i in range(len(paper) - RUN + 1)}
    assert copied_runs("x one two three four five six seven eight nine ten eleven twelve", runs)
    assert not copied_runs("“one two three four five six seven eight nine ten eleven twelve”", runs)
