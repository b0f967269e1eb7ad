"""The project's file formats, declared: every key of briefing.yaml, section front matter,
cuts and clients, with its check, default and meaning (`schema.Field`)."""

from __future__ import annotations

import re
from typing import Any

from briefgen.load.schema import (
    Field,
    described,
    either,
    is_bool,
    is_int,
    is_map,
    is_number,
    is_str,
    list_of,
    nest,
    one_of,
)
from briefgen.model.labels import MEANINGS
from briefgen.model.layout import BreakBefore, Layout
from briefgen.model.nodes import PDF_STANDARDS

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# The output formats `build` knows (`writers.WRITERS`, which the loader may not import;
# tests/unit keep the two equal).
OUTPUT_FORMATS = ("pdf", "docx", "html")
LAYOUTS = tuple(layout.value for layout in Layout)
BREAKS = tuple(rule.value for rule in BreakBefore)


@described({"type": "string", "pattern": _DATE.pattern}, 'date "YYYY-MM-DD"')
def is_date(value: Any) -> str | None:
    ok = isinstance(value, str) and _DATE.match(value)
    return None if ok else 'must be a date written as "YYYY-MM-DD" (in quotes)'


@described({"type": "string", "pattern": _ID.pattern}, "name (letters, digits, - and _)")
def is_ident(value: Any) -> str | None:
    ok = isinstance(value, str) and _ID.match(value)
    return None if ok else "must be a simple name of letters, digits, '-' and '_'"


@described({"type": "integer", "minimum": 1, "maximum": 9}, "whole number 1–9")
def is_tier(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9
    return None if ok else "must be a whole number from 1 to 9"


@described({"type": "string", "pattern": _LANG.pattern}, 'language tag, e.g. "en" or "en-GB"')
def is_lang(value: Any) -> str | None:
    ok = isinstance(value, str) and _LANG.match(value)
    return None if ok else 'must be a language tag such as "en", "fr" or "en-GB"'


BRIEFING_FIELDS = {
    "title": Field(is_str, "the briefing's title", required=True),
    "subtitle": Field(is_str, "a line under the title", default=""),
    "series": Field(is_str, 'series label, e.g. "Research"', default=""),
    "date": Field(is_date, 'publication date, "YYYY-MM-DD"', default=""),
    "authors": Field(list_of(is_str), "author names", default=[]),
    "brand": Field(is_str, "brand file, relative to the project", default="templates/brand.yaml"),
    "audiences": Field(list_of(is_ident), "declared audiences; the first is the default", default=["general"]),
    "outline": Field(list_of(is_str), "section files or globs, in reading order", required=True),
    "cuts": Field(is_map, "deliverables: cut id -> definition", default={}),
    "profiles": Field(is_map, "the wording of country profiles: see the profiles keys", default={}),
    "lang": Field(
        is_lang,
        "the language of the text (the web page's lang, the PDF's /Lang, the DOCX's language; read by screen readers)",
        default="en",
    ),
    "labels": Field(
        is_map, "the words briefgen prints around the text, in the text's language: see the labels keys", default={}
    ),
    "formats": Field(
        list_of(one_of(*OUTPUT_FORMATS)),
        "what `build` writes when no --format is given: pdf, docx, html",
        default=["pdf", "docx"],
    ),
    "copyright": Field(is_str, 'copyright line on the last page, e.g. "© 2021 The Institute"', default=""),
    "citation": Field(is_str, "how to cite the briefing, on the last page", default=""),
    "disclaimer": Field(is_str, "a disclaimer on the last page", default=""),
    "pdf_standard": Field(
        one_of(*PDF_STANDARDS),
        'what the PDFs conform to: "both" (PDF/UA-1, tagged, and PDF/A-2b), "ua1", "a2b" or "none"',
        default="both",
    ),
}
# Every label with its English default (`model/labels.py`); placeholders are checked by the loader.
LABEL_FIELDS = {key: Field(is_str, meaning, default=default) for key, (default, meaning) in MEANINGS.items()}
TIER_FIELDS = {
    "label": Field(is_str, 'what the tier is called, e.g. "First tier"', required=True),
    "description": Field(is_str, 'what it means, shown after the label in the fact box, e.g. "borders X"', default=""),
}
# The subject's vocabulary lives in the project, never in briefgen: these are the words
# that country profiles, the stance matrix and the summary print around the facts
# (`profiles.py` loads them).
PROFILE_FIELDS = {
    "tiers": Field(
        list_of(is_map),
        "tier 1, 2, … in order, each {label, description}; a tier without an entry reads 'Tier N'",
        default=[],
    ),
    "border_label": Field(is_str, "the fact-box label of 'border_km' (what the border is with)", default="Border"),
    "border_figure": Field(
        is_str,
        "the summary's key-figure label for each profile's 'border_km', '{name}' standing for the country; "
        "empty: borders are no key figures",
        default="",
    ),
    "stance_label": Field(is_str, "the fact-box label of 'stance'", default="Stance"),
    "stance_column": Field(
        is_str, "the stance column's heading in the stance matrices; default: 'stance_label'", default=""
    ),
    "group_under": Field(
        is_ident,
        "the id of the section that consecutive profiles nest under in the contents (it must come before them)",
        default="",
    ),
    "group_title": Field(
        is_str,
        "the heading generated above consecutive profiles that do not follow 'group_under'; "
        "empty: such profiles stand at the top level",
        default="Country profiles",
    ),
    "context": Field(
        is_str,
        "the country (name or ISO3) each profile's locator map outlines, and the focus of a "
        "regional map that names none; none by default",
        default=None,
    ),
}
SECTION_FIELDS = {
    "title": Field(is_str, "the section's heading", required=True),
    "id": Field(is_ident, "unique id; default: the file name", default=None),
    "audiences": Field(list_of(is_ident), "keep only for these audiences; default: all", default=None),
    "tags": Field(list_of(is_str), "free labels", default=[]),
    "kind": Field(one_of("section", "country"), '"section" or "country"', default="section"),
    "level": Field(
        one_of(1, 2),
        "1 for a top-level section, 2 to nest under the previous one; "
        "default 1, and for profiles their group (see 'group_under')",
        default=None,
    ),
    "new_page": Field(
        is_bool, "start on a new page (true) or follow on (false); default: the cut's 'break_before'", default=None
    ),
    "events": Field(list_of(is_map), "dated events: {date, text}", default=[]),
    "bottom_line": Field(is_str, "one paragraph, boxed at the start", default=""),
    "key_judgements": Field(list_of(either(is_str, is_map)), "numbered judgements", default=[]),
    "name": Field(is_str, "country name", default=""),
    "tier": Field(is_tier, "the profile's tier, 1, 2, …; named by the briefing's 'profiles.tiers'", default=None),
    "border_km": Field(is_number, "border length in km; labelled by 'profiles.border_label'", default=None),
    "stance": Field(is_str, "the country's stance in a few words; labelled by 'profiles.stance_label'", default=""),
    "interests": Field(list_of(is_str), "main interests", default=[]),
    "key_facts": Field(list_of(is_map), "{label, value} pairs", default=[]),
    "summary": Field(is_str, "one or two sentences", default=""),
    "locator": Field(is_bool, "country profiles: show the locator map in the fact box", default=True),
    "key_figures": Field(list_of(is_map), "headline figures for the summary: {value, label}", default=[]),
}


@described({"type": "string", "pattern": _EVENT_DATE.pattern}, 'date "YYYY[-MM[-DD]]"')
def is_event_date(value: Any) -> str | None:
    ok = isinstance(value, str) and _EVENT_DATE.match(value)
    return None if ok else 'must be "YYYY-MM-DD", "YYYY-MM" or "YYYY" in quotes'


EVENT_FIELDS = {
    "date": Field(is_event_date, "when", required=True),
    "text": Field(is_str, "what happened", required=True),
}
FACT_FIELDS = {
    "label": Field(is_str, "what the figure is", required=True),
    "value": Field(either(is_str, is_number), "the figure, as written", required=True),
}
FIGURE_FIELDS = {
    "value": Field(is_str, 'the figure as written, e.g. "$64 million"', required=True),
    "label": Field(is_str, "what it measures", required=True),
    "priority": Field(one_of("essential", "optional"), "essential or optional", default="optional"),
}
JUDGEMENT_FIELDS = {
    "text": Field(is_str, "the judgement", required=True),
    "short": Field(is_str, "a shorter variant for tight pages", default=""),
    "priority": Field(one_of("essential", "optional"), "essential or optional", default="essential"),
}
CUT_FIELDS = {
    "title": Field(is_str, "the deliverable's title", default=""),
    "layout": Field(one_of(*LAYOUTS), "report, annex or summary", default="report", suggest=LAYOUTS),
    "include": Field(list_of(is_str), "section ids, paths, globs or 'countries'", default=None),
    "audience": Field(is_ident, "audience for this cut", default=None),
    "page_budget": Field(is_int, "pages allowed (summary layout)", default=1),
    "break_before": Field(
        one_of(*BREAKS),
        "which sections start a new page: 'page' (top-level sections and profiles), 'chapter' "
        "(top-level sections) or 'auto' (none: sections follow on, filling the pages)",
        default="auto",
        suggest=BREAKS,
    ),
}
CLIENT_FIELDS = {
    "name": Field(is_str, "the client's name", required=True),
    "audience": Field(is_ident, "the client's audience", default=None),
    "countries": Field(list_of(is_str), "country ids in the client's order", default=None),
    "logo": Field(is_str, "client logo, relative to the client file", default=None),
    "marking": Field(is_str, "printed on every page", default=""),
    "watermark": Field(either(is_bool, is_str), "true, or a diagonal watermark text", default=False),
    "note": Field(is_str, "Markdown placed at the start of an annex", default=""),
    "contact": Field(is_str, "the analyst responsible", default=""),
    "cuts": Field(list_of(is_str), "cuts this client receives in batch builds", default=["annex"]),
}
BUILTIN_CUTS = {
    "full": {
        "title": "",
        "layout": Layout.REPORT,
        "include": None,
        "audience": None,
        "page_budget": 1,
        "break_before": "auto",
    },
    "annex": {
        "title": "Country annex",
        "layout": Layout.ANNEX,
        "include": ["countries"],
        "audience": None,
        "page_budget": 1,
        "break_before": "auto",
    },
    "summary": {
        "title": "Summary",
        "layout": Layout.SUMMARY,
        "include": None,
        "audience": None,
        "page_budget": 1,
        "break_before": "auto",
    },
}

nest(BRIEFING_FIELDS, "cuts", CUT_FIELDS, keyed=True)
nest(BRIEFING_FIELDS, "profiles", PROFILE_FIELDS)
nest(BRIEFING_FIELDS, "labels", LABEL_FIELDS)
nest(PROFILE_FIELDS, "tiers", TIER_FIELDS)
nest(SECTION_FIELDS, "events", EVENT_FIELDS)
nest(SECTION_FIELDS, "key_facts", FACT_FIELDS)
nest(SECTION_FIELDS, "key_judgements", JUDGEMENT_FIELDS)
nest(SECTION_FIELDS, "key_figures", FIGURE_FIELDS)
