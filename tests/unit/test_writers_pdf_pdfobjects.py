"""writers/pdf/pdfobjects.py: Dict and Array write the bytes reportlab's PDFDictionary and PDFArray write."""

from __future__ import annotations

import io
from typing import Any

import pytest
from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from briefgen.libs import rl_internals as rl
from briefgen.writers.pdf.pdfobjects import Array, Dict


def _tree(fast: bool, ref: Any) -> Any:
    """The same values, in the fast classes or in reportlab's: names, whole and other
    numbers, a reference, text, a nested dictionary, a long array, many keys."""
    d, a = (Dict, Array) if fast else (PDFDictionary, PDFArray)
    mcr = d({"Type": PDFName("MCR"), "Pg": ref, "MCID": 3})
    many = a([*range(23), ref, mcr, 2.5, PDFName("Name")])
    entries: dict[str, Any] = {f"K{i}": i for i in range(9)}
    entries.update({"S": PDFName("Sect"), "P": ref, "K": many, "Alt": PDFString("A (picture) — é"), "Neg": -4})
    return d(entries)


@pytest.mark.parametrize("multiline", [0, 1])
def test_dict_and_array_write_what_reportlab_writes(monkeypatch: pytest.MonkeyPatch, multiline: int) -> None:
    monkeypatch.setattr(rl_config, "pdfMultiLine", multiline)
    canvas = Canvas(io.BytesIO())
    ref = rl.reference(canvas, PDFDictionary({"Type": PDFName("Page")}))
    document = canvas._doc
    fast = _tree(True, ref).format(document)
    assert fast == _tree(False, ref).format(document)
    assert b"\n " in fast and b" 0 R" in fast  # the long array and the many keys broken into lines; the reference
    assert Array([]).format(document) == PDFArray([]).format(document)
    assert Dict({}).format(document) == PDFDictionary({}).format(document)
