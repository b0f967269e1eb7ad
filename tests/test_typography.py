"""Typography: the brand's quotes and dashes everywhere text enters, balanced headings.

Read back from both written files, for the default style (“…”, spaced en dash) and for
a brand that asks for «…» and closed em dashes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import docx_text, docx_xml, flat, pdf_pages

from briefgen.cli.main import main
from briefgen.design.theme import Typography
from briefgen.markdown import parse_body
from briefgen.markdown.typography import DEFAULT, NBSP, bind_last_words, dashes, smarten
from briefgen.model import nodes as m
from briefgen.model.walk import iter_blocks, plain

BODY = """---
title: "Moscow's bid - a 'new' reality"
---

He said "it's over" -- and 'it was' --- in 2001--2004, 10–14 million... Code `"x" - 'y'` stays.

## The region's "rules" and Russia's last word

```
print("a" - 'b')
```

::: {.callout title="Why it's \\"news\\""}
Inside.
:::
"""


def _blocks(text: str, style: Typography = DEFAULT) -> tuple[m.Block, ...]:
    return parse_body(text, file="s.md", line_of=lambda i: i + 1, base=Path("."), root=Path("."), typography=style)


def test_body_quotes_dashes_and_ellipses_in_the_default_style() -> None:
    para, heading, code, div = _blocks(BODY.split("---\n", 2)[2])
    text = plain(para.children)
    assert text.startswith("He said \u201cit\u2019s over\u201d \u2013 and \u2018it was\u2019 \u2013 in 2001\u20132004")
    assert "10\u201314 million\u2026" in text
    assert any(isinstance(c, m.Code) and c.text == "\"x\" - 'y'" for c in para.children)
    assert plain(heading.children) == "The region\u2019s \u201crules\u201d and Russia\u2019s last" + NBSP + "word"
    assert isinstance(code, m.CodeBlock) and code.text == "print(\"a\" - 'b')"
    assert dict(div.attrs)["title"] == "Why it\u2019s \u201cnews\u201d"


def test_a_brand_style_with_guillemets_and_closed_em_dashes() -> None:
    style = Typography("em", "\u00ab\u00bb\u2039\u203a")
    (para,) = _blocks(
        'He said "yes" - and \u201cno\u201d \u2013 then \u2018maybe\u2019; the States\u2019 view.\n', style
    )
    assert (
        plain(para.children)
        == "He said \u00abyes\u00bb\u2014and \u00abno\u00bb\u2014then \u2039maybe\u203a; the States\u2019 view."
    )
    assert smarten("Moscow's bid - 'new'", style) == "Moscow\u2019s bid\u2014\u2039new\u203a"


def test_plain_strings_and_binding() -> None:
    assert smarten('A "quoted" title -- and more...') == "A \u201cquoted\u201d title \u2013 and more\u2026"
    assert smarten("the '90s, Qatar's") == "the \u201990s, Qatar\u2019s"  # unpaired: an apostrophe
    assert dashes("well-known, 1--2, a---b") == "well-known, 1\u20132, a \u2013 b"
    assert bind_last_words("The regional level") == "The regional" + NBSP + "level"
    assert bind_last_words("Two words") == "Two words"  # binding both would leave nothing to break
    long_pair = "On internationalisation counterproductiveness"
    assert bind_last_words("A heading " + long_pair) == "A heading " + long_pair


def test_headings_ending_in_code_keep_their_spaces() -> None:
    (heading,) = _blocks("## The call to `run it`\n")
    assert all(NBSP not in getattr(c, "text", "") for c in heading.children)
    assert not [b for b in iter_blocks((heading,)) if not isinstance(b, m.Heading)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from conftest import write_project

    tmp = tmp_path_factory.mktemp("typography")
    project = write_project(tmp, {"sections/01-intro.md": BODY}, title="The 'quoted' title -- with a dash")
    brand = project / "templates" / "brand.yaml"
    brand.write_text(
        brand.read_text(encoding="utf-8") + 'typography: {dash: em, quotes: "\u00ab\u00bb\u2039\u203a"}\n',
        encoding="utf-8",
    )
    assert main(["build", "-p", str(project), "-o", str(tmp / "out"), "-q"]) == 0
    return tmp / "out" / "full.pdf", tmp / "out" / "full.docx"


def test_both_files_carry_the_brand_style(built: tuple[Path, Path]) -> None:
    pdf, docx = built
    pages = flat(" ".join(pdf_pages(pdf))).replace(NBSP, " ")
    words = docx_text(docx).replace(NBSP, " ")
    for text in (pages, words):
        assert "The \u2039quoted\u203a title\u2014with a dash" in text  # the cover and the running head
        assert "Moscow\u2019s bid\u2014a \u2039new\u203a reality" in text  # a section title, and the contents
        assert "He said \u00abit\u2019s over\u00bb\u2014and \u2039it was\u203a\u2014in 2001\u20132004" in text
        assert "Code \"x\" - 'y' stays" in text
    assert "Russia\u2019s last\u00a0word" in docx_xml(docx)


def test_a_bad_typography_key_is_refused_at_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import write_project

    project = write_project(tmp_path)
    brand = project / "templates" / "brand.yaml"
    lines = brand.read_text(encoding="utf-8").count("\n")
    brand.write_text(brand.read_text(encoding="utf-8") + "typography: {dash: long, quotes: ab}\n", encoding="utf-8")
    assert main(["check", "-p", str(project)]) != 0
    err = capsys.readouterr().err
    assert f"templates/brand.yaml:{lines + 1}: error:" in err
    assert "must be one of en, em" in err
    assert "must be four quote characters" in err


def test_chart_captions_are_set_like_the_text() -> None:
    chart = '```chart\ntype: bar\ntitle: "Aid \'pledged\' -- by donor"\nsource: "Agency -- 2021"\ndata:\n  - {label: A-1, value: 3}\n```\n'
    (block,) = _blocks(chart)
    assert isinstance(block, m.Chart)
    assert block.spec.title == "Aid \u2018pledged\u2019 \u2013 by donor"
    assert block.spec.source == "Agency \u2013 2021"
    assert block.spec.rows[0].label == "A-1"  # the rows are data, kept as written
