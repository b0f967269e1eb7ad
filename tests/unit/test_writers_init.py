"""writers (the package): the `WRITERS` table names each format's entry point by module and
function, imported only on first use and looked up on every call."""

from __future__ import annotations

import types

import pytest

from briefgen.writers import WRITERS, Writer


def test_each_format_names_its_own_package() -> None:
    assert set(WRITERS) >= {"pdf", "docx"}
    for name, writer in WRITERS.items():
        assert writer.format == name and writer.module == f"briefgen.writers.{name}"


def test_load_returns_the_entry_point_as_it_is_now(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefgen.writers.docx as docx_writer

    assert WRITERS["docx"].load() is docx_writer.write_docx
    monkeypatch.setattr(docx_writer, "write_docx", lambda *a, **k: "replaced")
    assert WRITERS["docx"].load()() == "replaced"  # a test can swap it on the module


def test_an_entry_point_that_does_not_exist_fails_when_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("briefgen_unit_fake_writer")
    monkeypatch.setitem(__import__("sys").modules, module.__name__, module)
    with pytest.raises(AttributeError):
        Writer("fake", module.__name__, "write_fake").load()
