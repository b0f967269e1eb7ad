"""The project's labels in Word: a label's placeholders as fields ("Page {page} of {pages}"
as PAGE and NUMPAGES, "Figure {number}" as a SEQ field), its text as runs."""

from __future__ import annotations

from collections.abc import Mapping

from lxml.etree import _Element

from briefgen.model.labels import parts
from briefgen.writers.docx.fields import field, run


def label_runs(
    parent: _Element,
    label: str,
    fields: Mapping[str, tuple[str, str]],
    *,
    before: str = "",
    style: str | None = None,
) -> None:
    """Append `label` to `parent`, after the text `before`: each placeholder named in
    `fields` as that Word field (instruction, the result shown until Word updates it)."""
    pending = before
    for text, name in parts(label):
        pending += text
        if name is None:
            continue
        if pending:
            parent.append(run(pending, style))
            pending = ""
        field(parent, *fields[name], style=style)
    if pending:
        parent.append(run(pending, style))
