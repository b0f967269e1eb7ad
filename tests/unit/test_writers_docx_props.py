"""writers.docx.package.props: File › Properties from the deliverable's `Meta`, and the one
build time (SOURCE_DATE_EPOCH, else the briefing's date, never before 1980)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import docxkit
import pytest
from lxml import etree
from unitkit import meta

from briefgen.model import nodes as m
from briefgen.writers.docx.package.props import EPOCH_FLOOR, build_time, set_properties


@pytest.mark.parametrize(
    ("date", "stamp"),
    [
        ("2021-09-30", datetime(2021, 9, 30)),
        ("2021-09", datetime(2021, 9, 1)),
        ("2021", datetime(2021, 1, 1)),
        ("soon", EPOCH_FLOOR),
        ("1970-01-01", EPOCH_FLOOR),
    ],
)
def test_the_build_time_is_the_briefing_date(date: str, stamp: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_time(meta(date=date)) == stamp


def test_source_date_epoch_wins_when_it_is_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_time(meta()) == datetime(2023, 11, 14, 22, 13, 20)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    assert build_time(meta(date="2022-02-02")) == datetime(2022, 2, 2)


def test_properties_say_what_the_deliverable_is(theme: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    c = docxkit.ctx(theme)
    info = meta(
        cut_title="Industry edition",
        authors=("A. Author",),
        keywords=("ports", "ice"),
        client_name="Client Co",
        document_id="DOC-9",
        marking=m.Marking("RESTRICTED"),
    )
    set_properties(c.docx, info, theme)
    p = c.docx.core_properties
    assert (p.title, p.subject, p.author, p.keywords) == (
        "Unit briefing",
        "Industry edition",
        "A. Author",
        "ports, ice",
    )
    assert (p.category, p.identifier, p.content_status) == ("Client Co", "DOC-9", "RESTRICTED")
    assert p.comments == "Prepared for Client Co · Document ID: DOC-9"
    assert p.created == p.modified == datetime(2024, 5, 1, tzinfo=UTC) and p.revision == 1
    assert p.last_modified_by == theme.name


def test_without_authors_the_brand_is_the_author_and_app_xml_names_briefgen(theme: Any) -> None:
    c = docxkit.ctx(theme)
    set_properties(c.docx, meta(), theme)
    assert c.docx.core_properties.author == theme.name
    app = next(p for p in c.docx.part.package.parts if str(p.partname) == "/docProps/app.xml")
    root = etree.parse(io.BytesIO(app.blob)).getroot()
    found = {etree.QName(e).localname: e.text for e in root}
    assert found["Application"] == "briefgen" and found["Company"] == theme.name
    assert "Pages" not in found  # the template's claim of one page is gone
