"""Benchmark inputs: a plain 12,000-word Markdown report, scaled copies, and test projects.

The report is made from the sample's own analysis sections and country profiles with
everything Pandoc would not understand taken out (Jinja, fenced divs, charts, internal
links), so briefgen and Pandoc typeset exactly the same text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT / "sections").glob("0[1-6]-*.md")),
    *sorted((ROOT / "sections" / "countries").glob("*.md")),
]
WORDS = 12_000


def _body(path: Path) -> tuple[str, str]:
    """The title and plain-Markdown body of one sample section."""
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    title = re.search(r"^title:\s*(.+)$", front, re.M)
    lines, fenced = [], False
    for line in body.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced or line.startswith(":::") or "{%" in line or "{#" in line:
            continue
        lines.append(line)
    body = "\n".join(lines)
    body = re.sub(r"\{\{.*?\}\}", "", body)
    body = re.sub(r"\[\]\(#[^)]*\)", "the figure", body)
    body = re.sub(r"\[([^\]]+)\]\(#[^)]*\)", r"\1", body)
    body = re.sub(r"^(#+) ", r"#\1 ", body, flags=re.M)  # one level down: the file is a ## part
    return (title.group(1).strip().strip("\"'") if title else path.stem), body.strip()


def report_markdown(scale: int = 1) -> str:
    """About `WORDS` × `scale` words of Markdown; `##` parts, `###` sub-parts."""
    parts: list[str] = []
    words, round_ = 0, 0
    while words < WORDS * scale:
        round_ += 1
        for path in SOURCES:
            title, body = _body(path)
            suffix = "" if round_ == 1 else f" ({round_})"
            # Repeated parts keep unique footnote labels and heading names.
            body = re.sub(r"\[\^([^\]]+)\]", lambda m, n=round_: f"[^{m.group(1)}r{n}]", body)
            body = re.sub(r"^(###+ .+)$", lambda m, s=suffix: m.group(1) + s, body, flags=re.M)
            parts.append(f"## {title}{suffix}\n\n{body}\n")
            words += len(body.split())
            if words >= WORDS * scale:
                break
    return "\n".join(parts)


def single_section_project(folder: Path, markdown: str) -> Path:
    """A briefgen project whose only section is `markdown`, on the sample's brand."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "templates", folder / "templates", dirs_exist_ok=True)
    (folder / "sections").mkdir(exist_ok=True)
    (folder / "sections" / "report.md").write_text(f"---\ntitle: Report\n---\n\n{markdown}", encoding="utf-8")
    (folder / "briefing.yaml").write_text(
        'title: Benchmark report\ndate: "2021-09-30"\nauthors: [TESPA Research]\n'
        "audiences: [government, business, public]\noutline: [sections/report.md]\n",
        encoding="utf-8",
    )
    return folder


def many_clients_project(folder: Path, clients: int) -> Path:
    """The sample with its clients replaced by `clients` made-up ones, three countries each."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("briefing.yaml", "sections", "templates", "data", "clients"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, folder / name, dirs_exist_ok=True)
        elif src.exists():
            shutil.copyfile(src, folder / name)
    countries = sorted(p.stem for p in (ROOT / "sections" / "countries").glob("*.md"))
    for old in (folder / "clients").glob("*.yaml"):
        old.unlink()
    logo = next((ROOT / "clients" / "logos").glob("*.png"))
    for i in range(clients):
        picks = [countries[(i + k) % len(countries)] for k in range(3)]
        (folder / "clients" / f"client{i:03d}.yaml").write_text(
            f'name: "Client {i:03d} Ltd"\naudience: business\ncountries: [{", ".join(picks)}]\n'
            f"logo: logos/{logo.name}\nmarking: Confidential\n",
            encoding="utf-8",
        )
    return folder
