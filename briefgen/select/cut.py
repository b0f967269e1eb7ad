"""Selecting what one deliverable holds: cut, audience and client filtering of sources.

Works on whole section files; block-level conditions are `filters.py`'s job. Every
source left out is recorded with its reason, for `--explain`.
"""

from __future__ import annotations

import fnmatch

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


def _matches(entry: str, src: Source) -> bool:
    if entry == "countries":
        return src.meta.is_country
    return entry in (src.id, src.rel) or fnmatch.fnmatch(src.rel, entry)


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
    errors = []
    for entry in cut.include or ():
        # 'countries' is a category: a project may have none, and that is not a typo.
        if entry != "countries" and not any(_matches(entry, s) for s in project.sources):
            errors.append(
                Diagnostic(
                    cut.pos,
                    f"cut '{cut.id}' includes '{entry}', which matches no section",
                    did_you_mean(entry, [s.id for s in project.sources]),
                )
            )
    if errors:
        raise BriefgenError(errors)
    kept: list[Source] = []
    omissions: list[Omission] = []
    parent: Source | None = None
    for src in project.sources:
        if src.meta.level == 1:
            parent = src
        reason = None
        if cut.include is not None and not any(_matches(e, src) for e in cut.include):
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
