"""The words briefgen itself prints around the author's text, in the project's language.

Covers, running feet, contents, captions, notes, the summary's band and the default
templates' headings are the project's words (`labels:` in briefing.yaml), so a briefing
in German or French reads German or French throughout. Unset, a label is English. Some
hold placeholders in braces, filled in where they are printed: `{page}` and `{pages}`,
`{client}`, `{name}`, `{number}`, `{source}`, `{id}`, `{minutes}`.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, fields

# Every label, its English default and what it is: the one list the loader's table
# (`load/formats.LABEL_FIELDS`), the README and the writers read.
MEANINGS: dict[str, tuple[str, str]] = {
    "contents": ("Contents", "the contents' heading"),
    "page_of": ("Page {page} of {pages}", "the page number in the running foot"),
    "see": ("see|cf.", "the words that open a cross-reference in parentheses, '(see …)', separated by '|'"),
    "page_ref": ("p.", "before a page number in a cross-reference, as in ', p. 12'"),
    "figure": ("Figure {number}", "a figure's number in its caption and in a link to it"),
    "table": ("Table {number}", "a table's number, in its caption (DOCX) or accessible name (HTML)"),
    "source": ("Source: {source}", "under a chart, naming its source"),
    "notes": ("Notes", "the heading over a section's notes"),
    "prepared_for": ("Prepared for {client}", "on the cover of a client's deliverable"),
    "summary": ("Policy brief", "the one-page summary's band label (the PDF prints it in capitals)"),
    "document": ("Document {id}", "the document id on the cover"),
    "annex": ("Country annex", "the cover label of an annex whose cut has no title"),
    "profile": ("Country profile", "the small label above a country profile's title, before its tier"),
    "at_a_glance": ("{name} at a glance", "the title of a country profile's fact box"),
    "tier": ("Tier", "the fact box's and stance matrix's tier label"),
    "interests": ("Main interests", "the fact box's and stance matrix's label of 'interests'"),
    "country": ("Country", "the stance matrices' first column"),
    "border": ("Border", "the stance matrix's border column"),
    "country_tier": ("Country (tier)", "the summary's stance matrix's first column, when it shows tiers"),
    "bottom_line": ("Bottom line", "the title of the bottom-line box"),
    "key_judgements": ("Key judgements", "the heading over the key judgements"),
    "date": ("Date", "the timeline table's date column"),
    "event": ("Event", "the timeline table's event column"),
    "section": ("Section", "the timeline table's section column"),
    "contact": ("Contact", "before the contact line"),
    "analyst": ("Your analyst", "before a client's own contact"),
    "cite": ("How to cite", "before the citation"),
    "reading": ("{minutes} min read", "the web page's reading time"),
    "skip": ("Skip to content", "the web page's skip link"),
    "back": ("Back to reference {number}", "a web note's link back to where it is cited (read aloud)"),
}
PLACES = {"page_of": {"page", "pages"}, "figure": {"number"}, "table": {"number"}, "source": {"source"}}
PLACES |= {"prepared_for": {"client"}, "document": {"id"}, "at_a_glance": {"name"}}
PLACES |= {"reading": {"minutes"}, "back": {"number"}}


@dataclass(frozen=True)
class Labels:
    """The project's labels (`MEANINGS` lists them), English where it sets none."""

    contents: str = MEANINGS["contents"][0]
    page_of: str = MEANINGS["page_of"][0]
    see: str = MEANINGS["see"][0]
    page_ref: str = MEANINGS["page_ref"][0]
    figure: str = MEANINGS["figure"][0]
    table: str = MEANINGS["table"][0]
    source: str = MEANINGS["source"][0]
    notes: str = MEANINGS["notes"][0]
    prepared_for: str = MEANINGS["prepared_for"][0]
    summary: str = MEANINGS["summary"][0]
    document: str = MEANINGS["document"][0]
    annex: str = MEANINGS["annex"][0]
    profile: str = MEANINGS["profile"][0]
    at_a_glance: str = MEANINGS["at_a_glance"][0]
    tier: str = MEANINGS["tier"][0]
    interests: str = MEANINGS["interests"][0]
    country: str = MEANINGS["country"][0]
    border: str = MEANINGS["border"][0]
    country_tier: str = MEANINGS["country_tier"][0]
    bottom_line: str = MEANINGS["bottom_line"][0]
    key_judgements: str = MEANINGS["key_judgements"][0]
    date: str = MEANINGS["date"][0]
    event: str = MEANINGS["event"][0]
    section: str = MEANINGS["section"][0]
    contact: str = MEANINGS["contact"][0]
    analyst: str = MEANINGS["analyst"][0]
    cite: str = MEANINGS["cite"][0]
    reading: str = MEANINGS["reading"][0]
    skip: str = MEANINGS["skip"][0]
    back: str = MEANINGS["back"][0]

    def view(self) -> dict[str, str]:
        """What templates see as `labels`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def fill(label: str, **values: object) -> str:
    """`label` with its placeholders filled in (`{{` and `}}` are braces)."""
    return label.format(**values)


def parts(label: str) -> list[tuple[str, str | None]]:
    """`label` as (literal text, placeholder name or None) pairs, for writers that print a
    placeholder as something other than text (a Word field)."""
    return [(text, name) for text, name, _spec, _conv in string.Formatter().parse(label)]


def placeholder_problem(key: str, label: str) -> str | None:
    """Why `label` cannot be the `key` label (an unknown or malformed placeholder), else None."""
    known = PLACES.get(key, set())
    try:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(label) if name is not None}
    except ValueError as exc:
        return f"has a stray brace ({exc}); write '{{{{' or '}}}}' for a brace"
    unknown = sorted(names - known)
    if unknown:
        allowed = ", ".join(f"{{{n}}}" for n in sorted(known)) or "none"
        return f"uses {{{unknown[0]}}}, which this label does not fill (it fills: {allowed})"
    return None
