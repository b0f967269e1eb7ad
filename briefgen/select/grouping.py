"""Where country profiles sit in a report: the level of every selected section.

A section's level is what its front matter says (default 1). A profile that does not set
`level` belongs to a group: a run of consecutive profiles nests under the section named
by the briefing's `profiles.group_under` when that section comes right before the run
(the last top-level section before it); otherwise the run gets a generated top-level
heading, `profiles.group_title` ("Country profiles" by default). With an empty
`group_title` such profiles stand at the top level. So profiles never nest by accident
under whatever precedes them (an executive summary, say).
"""

from __future__ import annotations

from briefgen.frozen import frozen
from briefgen.load.profiles import Profiles
from briefgen.load.project import Source


@frozen
class Placed:
    """A selected section in a report: its level and page break, and the group heading
    (`group_id`, `group_title`) to insert before it when it opens a generated group."""

    source: Source
    level: int
    new_page: bool | None
    group_id: str = ""
    group_title: str = ""


def place(sources: tuple[Source, ...], profiles: Profiles, taken: set[str]) -> list[Placed]:
    """Levels for a report's sections in order; `taken` holds ids a group heading must avoid."""
    out: list[Placed] = []
    last_top = ""  # id of the last top-level section placed
    run_level = 0  # level of the current run of grouped profiles; 0 outside a run
    groups = 0
    for src in sources:
        meta = src.meta
        if not meta.is_country or meta.level_set is not None:
            run_level = 0
            level = meta.level
            if level == 1:
                last_top = src.id
            out.append(Placed(src, level, meta.new_page))
            continue
        if run_level:
            out.append(Placed(src, run_level, meta.new_page))
            continue
        if profiles.group_under and last_top == profiles.group_under:
            run_level = 2
            out.append(Placed(src, 2, meta.new_page))
        elif profiles.group_title:
            groups += 1
            gid = "country-profiles" if groups == 1 else f"country-profiles-{groups}"
            while gid in taken:
                gid += "-group"
            run_level = 2
            # The heading opens the page; the first profile follows it on the same page.
            out.append(Placed(src, 2, False, gid, profiles.group_title))
        else:
            run_level = 1
            out.append(Placed(src, 1, meta.new_page))
    return out
