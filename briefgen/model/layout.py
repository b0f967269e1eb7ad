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
