"""Selecting what one deliverable holds: cut, audience and client filtering of sources.

Works on whole section files; block-level conditions are `filters.py`'s job. Every
source left out is recorded with its reason, for `--explain`.
"""

from __future__ import annotations

import fnmatch
from functools import lru_cache

from briefgen.errors import BriefgenError, Diagnostic, Pos, UsageError, did_you_mean
from briefgen.frozen import frozen
from briefgen.load.project import Client, Cut, Project, Source
from briefgen.model.layout import Layout
from briefgen.model.omissions import Omission

COMMAND_LINE = Pos("<command line>")


@frozen
class Selection:
    """The sources of one deliverable, in reading order, and why others are missing."""

    cut: Cut
    audience: str
    client: Client | None
    sources: tuple[Source, ...]
    omissions: tuple[Omission, ...]

    @property
    def name(self) -> str:
        """Output file stem: `full`, `annex-meridian`, `summary-public`…"""
        return f"{self.cut.id}-{self.client.id}" if self.client else self.cut.id


def where(src: Source, parent: Source | None, project: Project | None = None) -> str:
    """How `--explain` names a section: under its parent, or its profiles' group."""
    grouped = project is not None and src.meta.is_country and src.meta.level_set is None
    if grouped and project is not None and (parent is None or parent.id != project.profiles.group_under):
        title = project.profiles.group_title
        return f"§ {title} › {src.meta.title}" if title else f"§ {src.meta.title}"
    if src.meta.level == 2 and parent is not None:
        return f"§ {parent.meta.title} › {src.meta.title}"
    return f"§ {src.meta.title}"


# A section as a cut's `include` sees it: its id, its path and whether it is a country.
_Named = tuple[str, str, bool]


@lru_cache(maxsize=256)
def _included(include: tuple[str, ...], named: tuple[_Named, ...]) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The entries of `include` that match no section, and whether each section is in.

    Remembered by those names alone (every deliverable of a cut asks the same), so a
    project that changes gets a new answer, never a stale one (`serve` keeps the process).
    """
    matches = [[entry in (i, rel) or fnmatch.fnmatch(rel, entry) for i, rel, _ in named] for entry in include]
    for k, entry in enumerate(include):
        if entry == "countries":  # a category: a project may have none, and that is not a typo
            matches[k] = [country for _, _, country in named]
    unmatched = tuple(e for e, found in zip(include, matches, strict=True) if e != "countries" and not any(found))
    return unmatched, tuple(any(found[n] for found in matches) for n in range(len(named)))


def select(project: Project, cut_id: str, audience: str | None = None, client_id: str | None = None) -> Selection:
    """Resolve one (cut, audience, client) combination; unknown names are errors."""
    if cut_id not in project.cuts:
        raise UsageError([Diagnostic(COMMAND_LINE, f"unknown cut '{cut_id}'", did_you_mean(cut_id, project.cuts))])
    cut = project.cuts[cut_id]
    client = None
    if client_id is not None:
        if client_id not in project.clients:
            hint = did_you_mean(client_id, project.clients) or "add clients/<id>.yaml"
            raise UsageError([Diagnostic(COMMAND_LINE, f"unknown client '{client_id}'", hint)])
        client = project.clients[client_id]
    chosen = audience or (client.audience if client else None) or cut.audience or project.audiences[0]
    if chosen not in project.audiences:
        error = UsageError if audience == chosen else BriefgenError  # typed on the command line, or in a file
        raise error([Diagnostic(COMMAND_LINE, f"unknown audience '{chosen}'", did_you_mean(chosen, project.audiences))])
    named = tuple((s.id, s.rel, s.meta.is_country) for s in project.sources)
    unmatched, included = _included(cut.include, named) if cut.include is not None else ((), ())
    if unmatched:
        raise BriefgenError(
            [
                Diagnostic(
                    cut.pos,
                    f"cut '{cut.id}' includes '{entry}', which matches no section",
                    did_you_mean(entry, [s.id for s in project.sources]),
                )
                for entry in unmatched
            ]
        )
    kept: list[Source] = []
    omissions: list[Omission] = []
    parent: Source | None = None
    for n, src in enumerate(project.sources):
        if src.meta.level == 1:
            parent = src
        reason = None
        if cut.include is not None and not included[n]:
            reason = f"not in cut '{cut.id}'"
        elif src.meta.audiences and chosen not in src.meta.audiences:
            reason = f"audience {chosen} excluded"
        elif client and client.countries is not None and src.meta.is_country and src.id not in client.countries:
            reason = "not in client countries"
        if reason:
            omissions.append(Omission(where(src, parent, project), reason))
        else:
            kept.append(src)
    if client and client.countries is not None and cut.layout == Layout.ANNEX:
        order = {cid: i for i, cid in enumerate(client.countries)}
        kept.sort(key=lambda s: order.get(s.id, -1))
    return Selection(cut, chosen, client, tuple(kept), tuple(omissions))
