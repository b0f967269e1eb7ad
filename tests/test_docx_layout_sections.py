"""The DOCX's two Word sections: the cover's running heads and feet are its own, and the
body's are its own, never copied from the cover (nor the cover's from the body).

Read from the sample's built files (`sample_all`): a report with a client's marking
(full-dispatch), an annex with a marking and a watermark (annex-meridian), and a report
without either (full).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def _sections(docx: Path) -> list[dict[str, object]]:
    """Each section's title-page flag and its (kind, type) -> (part name, paragraph styles, text)."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        out = []
        for sect in body.iter(f"{{{W}}}sectPr"):
            parts: dict[tuple[str, str], tuple[str, list[str], str]] = {}
            for ref in sect:
                kind = etree.QName(ref).localname.removesuffix("Reference")
                if kind in ("header", "footer"):
                    name = targets[ref.get(f"{{{R}}}id")]
                    story = etree.fromstring(z.read(f"word/{name}"))
                    styles = story.xpath("//w:pStyle/@w:val", namespaces=NS)
                    text = "".join(story.xpath("//w:t/text() | //w:instrText/text()", namespaces=NS))
                    parts[(kind, ref.get(f"{{{W}}}type"))] = (name, styles, text)
            out.append({"title_page": sect.find(f"{{{W}}}titlePg") is not None, "parts": parts})
        return out


@pytest.mark.parametrize("name", ["full", "full-dispatch", "annex-meridian"])
def test_the_cover_and_the_body_have_their_own_heads_and_feet(name: str, sample_all: Path) -> None:
    cover, body = _sections(sample_all / f"{name}.docx")
    cover_parts, body_parts = cover["parts"], body["parts"]
    assert cover["title_page"] and not body["title_page"]
    assert set(cover_parts) == {("header", "first"), ("header", "default"), ("footer", "first"), ("footer", "default")}
    assert set(body_parts) == {("header", "default"), ("footer", "default")}
    # No part is shared: the body's are not the cover's, copied or referenced.
    assert not {p[0] for p in cover_parts.values()} & {p[0] for p in body_parts.values()}  # type: ignore[attr-defined]
    for (kind, _), (_, styles, text) in cover_parts.items():  # type: ignore[attr-defined]
        assert "Header" not in styles and "Footer" not in styles, f"a running {kind} on the cover"
        assert "PAGE" not in text
    _, head_styles, head_text = body_parts[("header", "default")]  # type: ignore[index]
    _, foot_styles, foot_text = body_parts[("footer", "default")]  # type: ignore[index]
    assert "Header" in head_styles and "Footer" in foot_styles
    assert head_text.endswith("TESPA")  # the running title, then the brand's name
    assert re.search(r"\bPAGE\b", foot_text) and "NUMPAGES" in foot_text
    assert "Strategic analysis" not in foot_text  # the cover's tagline stays on the cover
