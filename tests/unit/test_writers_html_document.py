"""writers.html.document: the whole page, sections in order, for every layout."""

from __future__ import annotations

import re

from chartkit import theme
from htmlkit import doc, para, section

from briefgen.model.layout import Layout
from briefgen.writers.html import write_html
from briefgen.writers.html.document import word_count


def test_a_report_page_has_its_landmarks_in_order() -> None:
    out = write_html(doc(section("one", para("First.")), section("two", para("Second.")), lang="fr"), theme()).decode()
    assert out.startswith('<!DOCTYPE html>\n<html lang="fr">') and out.endswith("</html>\n")
    order = [out.index(x) for x in ('class="skip"', "<header", '<nav class="toc"', "<main", "<footer", "<script>")]
    assert order == sorted(order)
    assert re.search(r'<section class="section level-1 kind-section" id="one" aria-labelledby="title:one">', out)
    assert out.index("First.") < out.index("Second.")


def test_a_summary_has_its_band_and_no_contents() -> None:
    out = write_html(doc(section("exec", para("Brief.")), layout=Layout.SUMMARY), theme()).decode()
    assert 'class="cover brief-band"' in out and '<nav class="toc"' not in out and ">Policy brief<" in out


def test_words_are_counted_from_the_text() -> None:
    assert word_count(doc(section("one", para("three more words")))) == 4  # the title too
