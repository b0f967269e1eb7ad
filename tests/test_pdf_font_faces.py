"""Each face reaches the PDF when, and only when, the text uses it (faces are parsed on first use)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from briefgen.build.run import Request, build, load


def _faces(pdf: Path) -> set[str]:
    found = set()
    for page in PdfReader(str(pdf)).pages:
        for ref in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            found.add(str(ref.get_object()["/BaseFont"]).split("+", 1)[-1])
    return found


def _build(make_project, tmp_path: Path, body: str) -> set[str]:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path, {"sections/01-intro.md": f"---\ntitle: Introduction\n---\n\n{body}\n"})
    done, failed = build(load(root), [Request("full")], formats=("pdf",), output=tmp_path / "out", jobs=1)
    assert not failed
    return _faces(done[0].files["pdf"])


def test_every_face_the_text_asks_for_is_embedded(make_project, tmp_path: Path) -> None:
    faces = _build(make_project, tmp_path, "Plain, **bold**, *italic*, ***both***, `code` and A → B.")
    assert {"NotoSerif-Regular", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic"} <= faces
    assert {"DejaVuSansMono", "NotoSansMath-Regular"} <= faces


def test_faces_the_text_does_not_use_stay_out(make_project, tmp_path: Path) -> None:
    faces = _build(make_project, tmp_path, "Plain text and **bold** only.")
    assert "NotoSerif-Bold" in faces
    assert not {"NotoSerif-Italic", "NotoSerif-BoldItalic", "DejaVuSansMono", "NotoSansMath-Regular"} & faces
