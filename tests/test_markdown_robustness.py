"""Ordinary Markdown never crashes and never changes silently (issue 14's cases).

Headings at any level and in any container build in both writers, with a PDF outline
that never skips a level; raw HTML prints as typed; valid constructs are no false
alarms; table cells are never dropped; errors name their line, and `check` finds what
`build` would refuse. A bug in one deliverable does not stop a batch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from support import docx_xml, flat, pdf_pages

from briefgen.cli.main import main

HEADINGS = """---
title: Headings
---

### Starts three down

## Two

#### Four, skipping three

###### Six

> # In a quote
>
> Setext in a quote
> -----------------

- # In a list item

  text under it

##

Closing words.
"""

DEEP = """---
title: Deep
level: 2
---

###### Capped at six

Deep text.
"""

RAW = """---
title: Raw
---

<div>*foo* and **bar**</div>

An inline tag <a href="`">` stays whole, and <span>*em*</span> follows CommonMark.
"""

VALID = """---
title: Valid
---

- foo
-
- bar

1. one
2.
3. three

See [the site][
site
] and [the note][q].

[
site
]: https://example.org/site

> [q]: https://example.org/q
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import write_project

    root = write_project(
        tmp_path_factory.mktemp("robust"),
        {
            "sections/01-intro.md": HEADINGS,
            "sections/02-detail.md": DEEP,
            "sections/03-raw.md": RAW,
            "sections/04-valid.md": VALID,
        },
    )
    code = main(["build", "--project", str(root), "--jobs", "1"])
    assert code == 0
    return root / "output"


def outline(path: Path) -> list[tuple[int, str]]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    found: list[tuple[int, str]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))

    walk(reader.outline, 0)
    return found


def test_headings_at_any_level_and_in_containers_build(built: Path) -> None:
    pdf = flat(" ".join(pdf_pages(built / "full.pdf")))
    xml = docx_xml(built / "full.docx").replace("\u00a0", " ")  # headings bind their last two words
    for words in ("Starts three down", "Four, skipping three", "In a quote", "Setext in a quote", "In a list item"):
        assert words in pdf and words in xml
    assert "Capped at six" in pdf and "Closing words." in pdf


def test_the_pdf_outline_never_skips_a_level(built: Path) -> None:
    entries = outline(built / "full.pdf")
    depths = [d for d, _ in entries]
    assert all(b <= a + 1 for a, b in zip([-1, *depths], depths, strict=False)), entries
    titles = [t for _, t in entries]
    assert "Starts three down" in titles and "Four, skipping three" in titles
    # Headings in a quote or list item keep their look but are no outline entries.
    assert "In a quote" not in titles and "In a list item" not in titles
    assert "" not in titles  # nor is an empty heading


def test_nested_headings_are_body_text_in_word_outline(built: Path) -> None:
    xml = docx_xml(built / "full.docx").replace("\u00a0", " ")  # headings bind their last two words
    quoted = re.search(r"<w:p>(?:(?!</w:p>).)*In a quote", xml)
    assert quoted and '<w:outlineLvl w:val="9"/>' in quoted.group(0)
    top = re.search(r"<w:p>(?:(?!</w:p>).)*Four, skipping three", xml)
    assert top and "outlineLvl" not in top.group(0)


def test_raw_html_prints_as_typed(built: Path) -> None:
    pdf = flat(" ".join(pdf_pages(built / "full.pdf")))
    docx = docx_xml(built / "full.docx")
    assert "<div>*foo* and **bar**</div>" in pdf
    assert "&lt;div&gt;*foo* and **bar**&lt;/div&gt;" in docx
    assert '<a href="`">` stays whole' in pdf
    assert '&lt;a href="`"&gt;` stays whole' in docx


def test_valid_markdown_is_no_false_alarm(built: Path) -> None:
    pdf = flat(" ".join(pdf_pages(built / "full.pdf")))
    for words in ("foo", "bar", "one", "three", "See the site and the note."):
        assert words in pdf


ERRORS = """---
title: Errors
---

| a | b |
|---|---|
| 1 | 2 | 3 |
| `x|y` | z |

Text.[^used]

[^used]: Used.

[^spare]: Never referenced.
"""


def test_lost_cells_and_spare_notes_are_errors_at_their_line(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"sections/01-intro.md": ERRORS})
    for command in (["check"], ["build", "--jobs", "1"]):
        capsys.readouterr()
        assert main([*command, "--project", str(root)]) == 1
        err = capsys.readouterr().err
        assert "sections/01-intro.md:7: error: this table row has 3 cells but the header has 2" in err
        assert "sections/01-intro.md:8: error: a | inside the code span `x|y` splits the table cell" in err
        assert "escape it as \\|" in err
        assert "sections/01-intro.md:14: error: footnote [^spare] is defined but never referenced" in err
        assert "internal error" not in err
    assert not (root / "output" / "full.pdf").exists()


def test_check_finds_an_image_too_small_to_print(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    root = make_project(tmp_path, {"sections/01-intro.md": "---\ntitle: A\n---\n\n![Thin](thin.png)\n"})
    Image.new("RGB", (4000, 10)).save(root / "sections" / "thin.png")
    assert main(["check", "--project", str(root)]) == 1
    out = capsys.readouterr()
    assert "sections/01-intro.md:5: error: image 'thin.png' would print smaller than 1 cm" in out.err
    assert "checked at build time" in out.out


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_in_one_deliverable_does_not_stop_the_batch(
    jobs: str,
    tmp_path: Path,
    make_project: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import briefgen.writers.pdf

    real = briefgen.writers.pdf.write_pdf

    def flaky(doc, theme, **kw):  # type: ignore[no-untyped-def]
        if doc.meta.client_name == "Broken":
            raise ValueError("simulated bug")
        return real(doc, theme, **kw)

    monkeypatch.setattr(briefgen.writers.pdf, "write_pdf", flaky)
    root = make_project(
        tmp_path,
        {
            "clients/broken.yaml": "name: Broken\n",
            "clients/fine.yaml": "name: Fine\n",
            "sections/03-norway.md": "---\ntitle: Norway\nkind: country\nlocator: false\n---\n\nA profile.\n",
        },
    )
    assert main(["build", "--all", "--project", str(root), "--jobs", jobs]) == 1
    out = capsys.readouterr()
    assert "<annex-broken>: error: internal error: ValueError: simulated bug" in out.err
    names = {p.name for p in (root / "output").iterdir()}
    assert {"full.pdf", "full.docx", "annex-fine.pdf", "annex-fine.docx"} <= names
    assert not any(n.startswith("annex-broken") for n in names)


def test_a_bug_in_one_combination_does_not_stop_check(
    tmp_path: Path,
    make_project: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefgen.build.assemble import Assembler

    real = Assembler.assemble

    def flaky(self, cut, audience=None, client=None):  # type: ignore[no-untyped-def]
        if client == "broken":
            raise KeyError("simulated bug")
        return real(self, cut, audience, client)

    monkeypatch.setattr(Assembler, "assemble", flaky)
    root = make_project(
        tmp_path,
        {
            "clients/broken.yaml": "name: Broken\n",
            "clients/fine.yaml": "name: Fine\n",
            "sections/03-norway.md": "---\ntitle: Norway\nkind: country\nlocator: false\n---\n\nA profile.\n",
        },
    )
    assert main(["check", "--project", str(root)]) == 1
    out = capsys.readouterr()
    assert "<annex-public-broken>: error: internal error: KeyError: 'simulated bug'" in out.err
    # full and annex (the built-in summary has no bottom line to show) × 3 audiences × 3 clients
    assert "checked 18 cut × audience × client combination(s)" in out.out


def test_boxes_that_once_split_into_themselves_for_ever_now_move_whole(
    tmp_path: Path, make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by the property test: with these nestings reportlab split a quoted box into
    # itself on one page, endlessly. A box shorter than a page now never splits (the
    # make-up rules), so the nesting builds, every word of it in the PDF.
    project = make_project(tmp_path, {"sections/03-boxes.md": "---\ntitle: Boxes\n---\n\n" + ENDLESS})
    code = main(
        ["build", "--project", str(project), "--output", str(tmp_path / "out"), "--format", "pdf", "--jobs", "1"]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    text = flat(" ".join(pdf_pages(tmp_path / "out" / "full.pdf")))
    words = sorted(set(re.findall(r"mka[a-z]{2}", ENDLESS)))
    assert [w for w in words if w not in text] == []


ENDLESS = "1. - ```\n     mkaaa = 1\n     ```\n   - | mkaab |\n     |---|\n     | mkaac |\n\n     ##\n\n     ```\n     mkaad = 1\n     mkaae = 1\n     ```\n\n     | mkaaf | mkaag | mkaah |\n     |---|---|---|\n   -\n\n   ### mkaai title\n2. ::: {.callout}\n   | mkaaj |\n   |---|\n   | mkaak |\n\n   ##\n\n   ```\n   mkaal = 1\n   mkaam = 1\n   ```\n\n   | mkaan | mkaao | mkaap |\n   |---|---|---|\n   :::\n\n   mkaaq text mkaar text mkaas text\n\n   ::: {.callout}\n   mkaat text mkaau text mkaav text\n\n   | mkaaw | mkaax |\n   |---|---|\n\n   | mkaay | mkaaz |\n   |---|---|\n   | mkaba | mkabb |\n\n   | mkabc | mkabd | mkabe |\n   |---|---|---|\n   | mkabf | mkabg | mkabh |\n   :::\n\n   ```\n   mkabi = 1\n   ```\n\n> | mkabj | mkabk | mkabl |\n> |---|---|---|\n> | mkabm | mkabn | mkabo |\n>\n> ```\n> mkabp = 1\n> ```\n>\n> ```\n> mkabq = 1\n> mkabr = 1\n> ```\n>\n> - ```\n>   mkabs = 1\n>   ```\n> - | mkabt |\n>   |---|\n>   | mkabu |\n>\n>   ##\n>\n>   ```\n>   mkabv = 1\n>   mkabw = 1\n>   ```\n>\n>   | mkabx | mkaby | mkabz |\n>   |---|---|---|\n> -"
