"""templating.compiled: compiled templates kept in a memo pass from one templater to the
next (as `serve` makes one on every save), and a changed source is compiled anew."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefgen.templating.render import Templater


def test_compiled_templates_pass_to_the_next_templater_until_their_source_changes(tmp_path: Path) -> None:
    from briefgen.model.memo import Memo

    root = tmp_path.resolve()
    (root / "templates").mkdir()
    (root / "templates" / "hello.j2").write_text("Hello {{ name }}\n", encoding="utf-8")
    compiled: Memo[Any] = Memo("compiled templates", 100)

    def templater() -> tuple[Templater, list[str]]:
        made = Templater(root, root / "templates", compiled=compiled)
        seen: list[str] = []
        compile_ = made.env.compile
        made.env.compile = lambda source, name=None, filename=None, *a, **k: (  # type: ignore[method-assign]
            seen.append(name),
            compile_(source, name, filename, *a, **k),
        )[1]
        return made, seen

    first, seen = templater()
    first.add_body("sections/a.md", "A {{ name }}.\n", 1)
    assert (first.render("hello.j2", {"name": "x"}), first.render("sections/a.md", {"name": "x"})) == (
        "Hello x\n",
        "A x.\n",
    )
    assert seen == ["hello.j2", "sections/a.md"] and len(compiled) == 2
    second, seen = templater()  # as `serve` makes one on every save
    second.add_body("sections/a.md", "A {{ name }}.\n", 1)
    assert (second.render("hello.j2", {"name": "y"}), second.render("sections/a.md", {"name": "y"})) == (
        "Hello y\n",
        "A y.\n",
    )
    assert seen == []  # nothing compiled again
    third, seen = templater()
    third.add_body("sections/a.md", "Saved {{ name }}.\n", 1)
    (root / "templates" / "hello.j2").write_text("Bye {{ name }}\n", encoding="utf-8")
    assert (third.render("hello.j2", {"name": "z"}), third.render("sections/a.md", {"name": "z"})) == (
        "Bye z\n",
        "Saved z.\n",
    )
    assert seen == ["hello.j2", "sections/a.md"]  # a changed source is compiled anew
