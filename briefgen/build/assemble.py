"""Assembling one deliverable's document model: select → template → parse → filter.

`Assembler` holds a loaded project and its `Caches` (`batch/caches.py`, every memo of
templating, parsing, filtering and checking), so a batch of deliverables templates and
parses each distinct source text once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from briefgen.batch.caches import Caches
from briefgen.build.passes import Passes
from briefgen.build.summary import Budget
from briefgen.build.views import brand_view, client_view
from briefgen.errors import BriefgenError, Diagnostic, Pos
from briefgen.frozen import frozen
from briefgen.load.project import Project, Source
from briefgen.markdown import parse_body
from briefgen.markdown.typography import smarten, smarten_title
from briefgen.model import nodes as m
from briefgen.model.layout import Layout
from briefgen.model.omissions import Omission
from briefgen.model.walk import iter_blocks, shift_headings
from briefgen.select.cut import Selection, select
from briefgen.select.grouping import Placed, place
from briefgen.templating.render import MARK, Templater
from briefgen.templating.sourcelines import line_map, positions
from briefgen.transform.filters import Context, FilterResult
from briefgen.transform.summary import NO_EXEC, Plan, exec_source, items_of, plans, summary_view


@frozen
class Assembled:
    """A document ready for the writers, plus what it leaves out and any warnings."""

    document: m.Document
    selection: Selection
    omissions: tuple[Omission, ...]
    warnings: tuple[Diagnostic, ...]
    budget: Budget | None = None  # a summary's plans, for the page budget


def _fits(blocks: tuple[m.Block, ...], delta: int) -> bool:
    """Whether every heading stays within levels 1-6 when shifted by `delta`.

    A level-6 heading may be one the parser capped, so it is never shifted up.
    """
    return all(
        1 <= b.level + delta <= 6 and (b.level < 6 or delta >= 0)
        for b in iter_blocks(blocks)
        if isinstance(b, m.Heading)
    )


class Assembler:
    """Builds `Document`s for any cut × audience × client of one project."""

    def __init__(self, project: Project, caches: Caches | None = None):
        """`caches`: memos kept from an earlier assembler whose entries still hold
        (`cli/rebuild.py` keeps some across a reload of the project); by default, none."""
        self.project = project
        self.caches = c = caches if caches is not None else Caches()
        self.templater = Templater(project.root, project.templates_dir, c.renders, c.compiled)
        for src in project.sources:
            self.templater.add_body(src.rel, src.body, src.body_line)
        self.passes = Passes(c, project.theme)
        self._names = {
            "audiences": frozenset(project.audiences),
            "clients": frozenset(project.clients),
            "cuts": frozenset(project.cuts),
        }
        # Every body, written or generated, is parsed with the profiles' context country and tiers.
        self._parse_body = partial(
            parse_body,
            root=project.root,
            typography=project.theme.typography,
            context=project.profiles.context,
            tiers=project.profiles.legend,
        )

    # ------------------------------------------------------------ context
    def context(self, sel: Selection) -> dict[str, Any]:
        """The template context. Its values are built once and shared (templates cannot
        change them: the sandbox is immutable), so the templater can tell by identity
        that two deliverables give a template the same data."""
        return {
            "briefing": self._once("briefing", lambda: dict(self.project.meta)),
            "sections": self._once(
                ("sections", tuple(s.rel for s in sel.sources)), lambda: [self.view(s) for s in sel.sources]
            ),
            "countries": self._once(
                ("countries", tuple(s.rel for s in sel.sources)),
                lambda: [self.view(s) for s in sel.sources if s.meta.is_country],
            ),
            "audience": sel.audience,
            "cut": sel.cut.id,
            "client": self._once(("client", sel.client.id), lambda: client_view(sel)) if sel.client else None,
            "brand": self._once("brand", lambda: brand_view(self.project.theme)),
            "profiles": self._once("profiles", self.project.profiles.view),
            "labels": self._once("labels", self.project.labels.view),
        }

    def view(self, src: Source) -> dict[str, Any]:
        return self._once(("view", src.rel), src.meta.view)

    def _once(self, key: Any, build: Callable[[], Any]) -> Any:
        return self.caches.views.once(key, build)

    # ------------------------------------------------------------ parsing
    def parse(
        self,
        text: str,
        *,
        file: str,
        line_of: Callable[[int], int],
        level: int,
        prefix: str,
        base: Any,
        marked: Pos | None = None,
    ) -> tuple[m.Block, ...]:
        """`text`'s blocks at `level`, parsed once per distinct text. `marked`: the text
        holds `at()` markers, taken out before parsing and read as its lines (from `marked`)."""
        key = (file, text, level, prefix)
        parsed, levels = self.caches.parsed, self.caches.levels
        if key in parsed:
            return parsed[key]  # type: ignore[no-any-return]
        # The same text at another level (a profile in the report, then in an annex) only
        # moves its headings: shifted, not parsed again, unless one would go past level 6.
        seen = levels.get((file, text, prefix))
        if seen is not None and _fits(seen[1], level - seen[0]):
            blocks = shift_headings(seen[1], level - seen[0])
        else:
            body = text
            if marked is not None:
                body, line_of = positions(text, marked)
            blocks = self._parse_body(body, file=file, line_of=line_of, base=base, shift=level, anchor_prefix=prefix)
            levels.put((file, text, prefix), (level, blocks))
        return parsed.put(key, blocks)  # type: ignore[no-any-return]

    def _generated(
        self, template: str, ctx: dict[str, Any], pos: Pos, level: int, prefix: str, base: Any
    ) -> tuple[m.Block, ...]:
        text = self.templater.render(template, ctx)
        # Marked text is keyed as it is, markers and all: the same words from other lines are other blocks.
        marked = pos if MARK in text else None
        return self.parse(
            text, file=pos.file, line_of=lambda _i: pos.line, level=level, prefix=prefix, base=base, marked=marked
        )

    def section_blocks(self, src: Source, ctx: dict[str, Any], level: int) -> tuple[m.Block, ...]:
        meta = src.meta
        local = dict(ctx, section=self.view(src), country=self.view(src) if meta.is_country else None)
        prefix = f"{src.id}-"
        blocks: tuple[m.Block, ...] = ()
        if meta.is_country:
            blocks += self._generated("factbox.j2", local, Pos(src.rel, 1), level, prefix + "facts-", src.path.parent)
        if meta.has_exec:
            line = meta.line("bottom_line", 0) or meta.line("key_judgements")
            blocks += self._generated("executive.j2", local, Pos(src.rel, line), level, prefix, src.path.parent)
        rendered = self.templater.render(src.rel, local)
        body = self.parse(
            rendered,
            file=src.rel,
            line_of=line_map(src.body, rendered, src.body_line, self.caches.line_maps),
            level=level,
            prefix=prefix,
            base=src.path.parent,
        )
        if not blocks:
            return body
        # The same parts give the same tuple, which later passes remember by identity (the
        # entry holds every part, so no id in its key can pass to another object).
        key = (*map(id, blocks), id(body))
        joined = self.caches.joined.get(key)
        if joined is None:
            joined = self.caches.joined.put(key, blocks + body)
        return joined  # type: ignore[no-any-return]

    # ------------------------------------------------------------ assembly
    def assemble(self, cut: str, audience: str | None = None, client: str | None = None) -> Assembled:
        """One deliverable's document: its sections templated, parsed and filtered, then
        checked as a whole (every problem of every section at once), then its links resolved."""
        sel = select(self.project, cut, audience, client)
        ctx = self.context(sel)
        fctx = self._filter_context(sel)
        if sel.cut.layout == Layout.SUMMARY:
            return self._summary(sel, ctx, fctx)
        result = FilterResult()
        errors: list[Diagnostic] = []
        sections = [
            *self._client_note(sel, ctx, fctx, result, errors),
            *self._body(sel, ctx, fctx, result, errors),
            *self._contact(sel, ctx, fctx, result, errors),
        ]
        doc = m.Document(self.meta(sel), tuple(sections))
        # Every problem at once: those found so far, then the glyphs and figures of the
        # sections that did parse (what the PDF would refuse, found by `check` too).
        errors += [*result.errors, *self.passes.problems(doc)]
        if errors:
            raise BriefgenError(errors)
        doc, link_warnings = self.passes.linked(doc, strict=sel.cut.id == "full" and not sel.client)
        return Assembled(doc, sel, (*sel.omissions, *result.omissions), tuple(link_warnings))

    def _filter_context(self, sel: Selection) -> Context:
        return Context(
            sel.audience,
            sel.client.id if sel.client else None,
            sel.cut.id,
            self._names,
            self.caches.divs,
            self.caches.callouts,
        )

    def _client_note(
        self, sel: Selection, ctx: dict[str, Any], fctx: Context, result: FilterResult, errors: list[Diagnostic]
    ) -> list[m.Section]:
        """An annex's note for its client, first, if the client has one."""
        if sel.cut.layout != Layout.ANNEX or not sel.client or not sel.client.note:
            return []
        note_pos = sel.client.note_pos
        try:
            self.templater.add_body(note_pos.file, sel.client.note, note_pos.line + 1)
            text = self.templater.render(note_pos.file, dict(ctx, section=None, country=None))
            blocks = self.parse(
                text,
                file=note_pos.file,
                line_of=lambda i: note_pos.line + 1 + i,
                level=1,
                prefix="client-note-",
                base=self.project.root / "clients",
            )
        except BriefgenError as exc:
            errors.extend(exc.diagnostics)
            return []
        title = self.title(f"Note for {sel.client.name}")
        return [
            m.Section("client-note", title, 1, self.passes.filtered(blocks, fctx, result), note_pos, new_page=False)
        ]

    def _body(
        self, sel: Selection, ctx: dict[str, Any], fctx: Context, result: FilterResult, errors: list[Diagnostic]
    ) -> list[m.Section]:
        """The selected sections at their levels, with the group headings a report puts over profiles."""
        p = self.project
        placed = (
            [Placed(s, 1, s.meta.new_page) for s in sel.sources]
            if sel.cut.layout == Layout.ANNEX
            else place(sel.sources, p.profiles, {s.id for s in p.sources})
        )
        sections: list[m.Section] = []
        for at in placed:
            src = at.source
            if at.group_id:
                group_pos = p.profiles.group_under_pos
                sections.append(m.Section(at.group_id, self.title(at.group_title), 1, (), group_pos, "group", None))
            try:
                blocks = self.section_blocks(src, ctx, at.level)
            except BriefgenError as exc:
                errors.extend(exc.diagnostics)
                continue
            blocks = self.passes.filtered(blocks, fctx, result)
            kicker = self.smart(p.profiles.kicker(src.meta.tier, p.labels.profile)) if src.meta.is_country else ""
            sections.append(
                m.Section(
                    src.id,
                    self.title(src.meta.title),
                    at.level,
                    blocks,
                    Pos(src.rel, 1),
                    src.meta.kind,
                    at.new_page,
                    self.view(src),
                    kicker,
                )
            )
        return sections

    def _contact(
        self, sel: Selection, ctx: dict[str, Any], fctx: Context, result: FilterResult, errors: list[Diagnostic]
    ) -> list[m.Section]:
        """The brand's contact page, last, in a report or an annex, with the briefing's
        citation, disclaimer and copyright under it (`colophon.j2`)."""
        if sel.cut.layout not in (Layout.REPORT, Layout.ANNEX):
            return []
        p = self.project
        local = dict(ctx, section=None, country=None)
        try:
            contact = self._generated("contact.j2", local, p.theme.contact_at, 1, "contact-", p.root)
            contact += self._generated("colophon.j2", local, p.colophon_at, 1, "colophon-", p.root)
        except BriefgenError as exc:
            errors.extend(exc.diagnostics)
            return []
        blocks = self.passes.filtered(contact, fctx, result)
        return [
            m.Section(
                "contact", self.title(p.theme.contact.title), 1, blocks, Pos("templates/contact.j2"), "contact", None
            )
        ]

    # ------------------------------------------------------------ the summary
    def _summary(self, sel: Selection, ctx: dict[str, Any], fctx: Context) -> Assembled:
        """The one-page summary for its least degraded plan, with the budget that may
        degrade it. The most degraded plan (every short form) is assembled too, so that
        `check` reports the problems of either."""
        src = exec_source(sel.sources) or (sel.sources[0] if sel.sources else None)
        items = items_of(exec_source(sel.sources))
        if not items:  # found by `check` as well as `build`, at the cut that asks for it
            raise BriefgenError([replace(NO_EXEC, pos=sel.cut.pos if sel.cut.pos.line else NO_EXEC.pos)])
        every = plans(items, self.project.theme)
        pos = Pos(src.rel, 1) if src else Pos("briefing.yaml", 1)

        def document(plan: Plan) -> m.Document:
            return self._summary_document(sel, ctx, fctx, plan, pos, src.path.parent if src else self.project.root)

        budget = Budget(items, every, pos, sel.cut.page_budget, document)
        first = budget.document(every[0])
        budget.document(every[-1])
        return Assembled(first, sel, sel.omissions, (), budget)

    def _summary_document(
        self, sel: Selection, ctx: dict[str, Any], fctx: Context, plan: Plan, pos: Pos, base: Path
    ) -> m.Document:
        view = self._once(
            ("summary", plan, tuple(s.rel for s in sel.sources)),
            lambda: summary_view(plan, sel.sources, self.project.profiles),
        )
        local = dict(ctx, section=None, country=None, summary=view)
        result = FilterResult()
        blocks = self._generated("summary.j2", local, pos, 1, "summary-", base)
        blocks = self.passes.filtered(blocks, fctx, result)
        section = m.Section("summary", self.title(self.project.title), 1, blocks, pos, "summary", False, {})
        doc = m.Document(self.meta(sel), (section,))
        errors = [*result.errors, *self.passes.glyphs(doc)]
        if errors:
            raise BriefgenError(errors)
        return self.passes.linked(doc, strict=False)[0]

    def smart(self, text: str) -> str:
        """A plain string from a YAML file, in the brand's quotes and dashes."""
        return self._once(("smart", text), lambda: smarten(text, self.project.theme.typography))

    def title(self, text: str) -> str:
        """A title that prints as a heading: smartened, its last two words bound."""
        return self._once(("title", text), lambda: smarten_title(text, self.project.theme.typography))

    def meta(self, sel: Selection) -> m.Meta:
        p = self.project
        client = sel.client
        marking = None
        if client and (client.marking or client.watermark):
            marking = m.Marking(client.marking, client.watermark)
        title = sel.cut.title if sel.cut.layout == Layout.ANNEX and sel.cut.title else ""
        seed = "|".join([p.title, p.date, sel.cut.id, sel.audience, client.id if client else ""])
        doc_id = f"{p.theme.name}-{sel.name}-{p.date}-{hashlib.sha256(seed.encode()).hexdigest()[:8]}".upper()
        keywords = tuple(
            dict.fromkeys(
                [
                    *(t for s in sel.sources for t in s.meta.tags),
                    *(s.meta.name for s in sel.sources if s.meta.is_country),
                ]
            )
        )
        return m.Meta(
            title=self.smart(p.title),
            subtitle=self.smart(p.subtitle),
            series=p.series,
            date=p.date,
            authors=p.authors,
            cut=sel.cut.id,
            cut_title=self.smart(title or sel.cut.title or p.title),
            layout=sel.cut.layout,
            break_before=sel.cut.break_before,
            audience=sel.audience,
            client_name=client.name if client else "",
            client_logo=client.logo if client else None,
            marking=marking,
            document_id=doc_id,
            keywords=keywords,
            lang=p.meta.get("lang") or "en",
            pdf_standard=p.meta.get("pdf_standard") or "both",
            labels=p.labels,
        )
