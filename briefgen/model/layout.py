"""The layouts a deliverable can have, named once for the loader, the assembler and every writer.

A `Layout` is a `StrEnum`: `briefing.yaml` writes the lowercase value (`layout: annex`),
and the value is what messages and `briefgen list` print.
"""

from __future__ import annotations

from enum import StrEnum


class Layout(StrEnum):
    REPORT = "report"  # cover, contents, every section, the contact page
    ANNEX = "annex"  # a client's country profiles: cover, note, profiles, the contact page
    SUMMARY = "summary"  # one page within a budget: the bottom line, judgements, figures


class BreakBefore(StrEnum):
    """Which sections of a report or an annex start a new page (a cut's `break_before`).

    A break the rule asks for is skipped where it would leave the page before it with
    under six lines of body text, so no page but the last is left nearly empty; a
    section's own `new_page: true` is always kept.
    """

    PAGE = "page"  # every top-level section and every country profile
    CHAPTER = "chapter"  # every top-level section
    AUTO = "auto"  # none: every section follows on, filling the pages


def starts_page(level: int, kind: str, new_page: bool | None, rule: BreakBefore) -> bool:
    """Whether a section asks for a new page: its own `new_page` if set, else the cut's rule."""
    if new_page is not None:
        return new_page
    if rule == BreakBefore.PAGE:
        return level == 1 or kind == "country"
    return rule == BreakBefore.CHAPTER and level == 1
