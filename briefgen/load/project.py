"""Loading a briefing project: `briefing.yaml`, its outline of section files (each read by
`section.py`), cuts, clients and the brand.

Everything here is read and validated once. The result, a `Project`, is plain data
that the later stages (select, template, parse, write) only read.
"""

from __future__ import annotations

import glob
import unicodedata
from dataclasses import field
from pathlib import Path
from typing import Any

from briefgen.design.theme import Theme
from briefgen.errors import BriefgenError, Pos, Reporter, did_you_mean, fail
from briefgen.fonts.fontfile import coverage
from briefgen.frozen import frozen
from briefgen.load.brand import load_brand
from briefgen.load.files import OUTSIDE_HINT, confine, read_text, shown
from briefgen.load.formats import BRIEFING_FIELDS, BUILTIN_CUTS, CLIENT_FIELDS, CUT_FIELDS, LABEL_FIELDS, is_ident
from briefgen.load.images import check_image
from briefgen.load.profiles import Profiles, load_profiles
from briefgen.load.schema import validate
from briefgen.load.section import Source, load_source
from briefgen.load.yamlio import YamlList, YamlMap, load_yaml
from briefgen.model.labels import Labels, placeholder_problem
from briefgen.model.layout import BreakBefore, Layout

BUILTIN_POS = Pos("<built-in>")


@frozen
class Cut:
    id: str
    title: str
    layout: Layout
    include: tuple[str, ...] | None
    audience: str | None
    page_budget: int
    pos: Pos
    break_before: BreakBefore = BreakBefore.AUTO


@frozen
class Client:
    id: str
    name: str
    audience: str | None
    countries: tuple[str, ...] | None
    logo: Path | None
    marking: str
    watermark: str
    note: str
    contact: str
    cuts: tuple[str, ...]
    pos: Pos
    note_pos: Pos
    countries_at: tuple[Pos, ...] = ()  # each listed country's own line


@frozen
class Project:
    root: Path
    title: str
    subtitle: str
    series: str
    date: str
    authors: tuple[str, ...]
    audiences: tuple[str, ...]
    sources: tuple[Source, ...]
    cuts: dict[str, Cut]
    clients: dict[str, Client]
    theme: Theme
    templates_dir: Path
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    profiles: Profiles = field(default_factory=Profiles)
    labels: Labels = field(default_factory=Labels)
    # where the last page's copyright, citation or disclaimer is written (the first of them)
    colophon_at: Pos = field(default=Pos("briefing.yaml"), compare=False)

    @property
    def countries(self) -> tuple[Source, ...]:
        return tuple(s for s in self.sources if s.meta.is_country)

    def idle_builtin(self, cut_id: str) -> str | None:
        """Why a built-in cut the project never declared has nothing to show, else None.

        `build --all` and `check` leave such a cut out (and say so) rather than fail on
        it or write an empty annex; asked for by name, it still gives its own error.
        """
        cut = self.cuts[cut_id]
        if cut.pos.file != BUILTIN_POS.file:
            return None
        if cut.layout == Layout.SUMMARY and not any(s.meta.has_exec for s in self.sources):
            return "no section has 'bottom_line' or 'key_judgements'"
        if cut.layout == Layout.ANNEX and not self.countries:
            return "the project has no country profiles"
        return None


def _expand_outline(root: Path, outline: Any, reporter: Reporter) -> list[Path]:
    paths: list[Path] = []
    for i, entry in enumerate(outline or []):
        pos = outline.at(i) if isinstance(outline, YamlList) else Pos("briefing.yaml")
        if any(ch in entry for ch in "*?["):
            matches = sorted(glob.glob(entry, root_dir=root, recursive=True))
            if not matches:
                reporter.error(pos, f"outline pattern '{entry}' matches no file")
            paths.extend(root / m for m in matches)
            continue
        target = root / entry
        if not target.is_file():
            near = [p.relative_to(root).as_posix() for p in root.glob("sections/**/*.md")]
            reporter.error(pos, f"outline entry '{entry}' does not exist", did_you_mean(entry, near))
            continue
        paths.append(target)
    inside = []
    for p in paths:
        if confine(p, root) is not None:
            inside.append(p)
        else:
            reporter.error(Pos("briefing.yaml"), f"outline file '{p}' is outside the project folder", OUTSIDE_HINT)
    return inside


def _load_clients(root: Path, audiences: tuple[str, ...], reporter: Reporter) -> dict[str, Client]:
    clients: dict[str, Client] = {}
    for path in sorted((root / "clients").glob("*.yaml")):
        rel = shown(path, root)
        if confine(path, root) is None:
            reporter.error(Pos(rel), f"client file {rel} is outside the project folder", OUTSIDE_HINT)
            continue
        try:
            raw = load_yaml(read_text(path, rel), rel)
        except BriefgenError as exc:
            reporter.extend(exc)
            continue
        data = validate(raw, CLIENT_FIELDS, Pos(rel, 1), "client file", reporter)
        file_pos = Pos(rel, 1)
        at = raw.at if isinstance(raw, YamlMap) else (lambda _k, p=file_pos: p)
        if data["audience"] and data["audience"] not in audiences:
            reporter.error(
                at("audience"), f"unknown audience '{data['audience']}'", did_you_mean(data["audience"], audiences)
            )
        logo = None
        if data["logo"]:
            found = check_image(data["logo"], path.parent, root, at("logo"), "client logo", "the client file")
            if isinstance(found, tuple):
                logo = found[0]
            else:
                reporter.diagnostics.append(found)
        listed = raw.get("countries") if isinstance(raw, dict) else None
        countries_at = tuple(
            listed.at(i) if isinstance(listed, YamlList) else at("countries") for i in range(len(listed or ()))
        )
        watermark = data["watermark"]
        text = (data["marking"] or data["name"]) if watermark is True else (watermark or "")
        clients[path.stem] = Client(
            id=path.stem,
            name=data["name"] or path.stem,
            audience=data["audience"],
            countries=tuple(data["countries"]) if data["countries"] is not None else None,
            logo=logo,
            marking=data["marking"] or "",
            watermark=text,
            note=data["note"] or "",
            contact=data["contact"] or "",
            cuts=tuple(data["cuts"] or ("annex",)),
            pos=Pos(rel, 1),
            note_pos=at("note"),
            countries_at=countries_at,
        )
    return clients


def _load_cuts(raw: Any, audiences: tuple[str, ...], reporter: Reporter) -> dict[str, Cut]:
    cuts = {
        cid: Cut(
            cid,
            d["title"],
            Layout(d["layout"]),
            tuple(d["include"]) if d["include"] else None,
            None,
            1,
            BUILTIN_POS,
            BreakBefore(d["break_before"]),
        )
        for cid, d in BUILTIN_CUTS.items()
    }
    for cid, value in (raw or {}).items():
        pos = raw.at(cid) if isinstance(raw, YamlMap) else Pos("briefing.yaml")
        if is_ident(cid):
            reporter.error(pos, f"cut id '{cid}' {is_ident(cid)}")
            continue
        d = validate(value if value is not None else {}, CUT_FIELDS, pos, f"cut '{cid}'", reporter)
        if d["audience"] and d["audience"] not in audiences:
            reporter.error(
                pos, f"cut '{cid}': unknown audience '{d['audience']}'", did_you_mean(d["audience"], audiences)
            )
        cuts[cid] = Cut(
            cid,
            d["title"] or "",
            Layout(d["layout"]),
            tuple(d["include"]) if d["include"] is not None else None,
            d["audience"],
            d["page_budget"],
            pos,
            BreakBefore(d["break_before"]),
        )
    return cuts


def _read_briefing(root: Path) -> Any:
    """`briefing.yaml` as read from YAML (not yet validated); a `BriefgenError` if it cannot be."""
    file = root / "briefing.yaml"
    if not file.is_file():
        raise fail(Pos(str(file)), "no briefing.yaml here", "run inside a briefing project or pass --project DIR")
    if confine(file, root) is None:
        raise fail(Pos("briefing.yaml"), "briefing.yaml leads outside the project folder", OUTSIDE_HINT)
    return load_yaml(read_text(file, "briefing.yaml"), "briefing.yaml")


def _load_sections(
    root: Path, outline: Any, audiences: tuple[str, ...], reporter: Reporter
) -> tuple[list[Source], set[str]]:
    """The outline's sections in reading order, and the ids of files that did not load
    (their errors are reported already, so nothing that names them is reported again)."""
    sources: list[Source] = []
    seen: dict[str, str] = {}
    failed: set[str] = set()
    for path in _expand_outline(root, outline, reporter):
        src = load_source(path, root, reporter)
        if src is None:
            failed.add(path.stem)
            continue
        if src.id in seen:
            reporter.error(
                Pos(src.rel, 1),
                f"duplicate section id '{src.id}' (also {seen[src.id]})",
                "set a unique 'id:' in the front matter",
            )
            continue
        seen[src.id] = src.rel
        for aud in src.meta.audiences or ():
            if aud not in audiences:
                reporter.error(
                    Pos(src.rel, src.meta.line("audiences")), f"unknown audience '{aud}'", did_you_mean(aud, audiences)
                )
        sources.append(src)
    return sources, failed


def _check_clients(
    clients: dict[str, Client], cuts: dict[str, Cut], sources: list[Source], failed: set[str], reporter: Reporter
) -> None:
    """Every cut and country a client names must exist."""
    country_ids = {s.id for s in sources if s.meta.is_country}
    for client in clients.values():
        for cut_id in client.cuts:
            if cut_id not in cuts:
                reporter.error(client.pos, f"client '{client.id}': unknown cut '{cut_id}'", did_you_mean(cut_id, cuts))
        for i, cid in enumerate(client.countries or ()):
            if cid not in country_ids and cid not in failed:
                at = client.countries_at[i] if i < len(client.countries_at) else client.pos
                reporter.error(at, f"client '{client.id}': unknown country '{cid}'", did_you_mean(cid, country_ids))


def _profiles(raw: Any, ids: set[str], failed: set[str], reporter: Reporter) -> Profiles:
    """The `profiles:` wording; its `group_under` must name a section of the outline."""
    profiles = load_profiles(
        raw.get("profiles") if isinstance(raw, dict) else None,
        raw.at("profiles") if isinstance(raw, YamlMap) and "profiles" in raw else Pos("briefing.yaml", 1),
        reporter,
    )
    if profiles.group_under and profiles.group_under not in ids and profiles.group_under not in failed:
        reporter.error(
            profiles.group_under_pos,
            f"profiles: 'group_under' names '{profiles.group_under}', which is no section of the outline",
            did_you_mean(profiles.group_under, ids),
        )
    return profiles


def load_project(root: Path, reporter: Reporter) -> Project | None:
    """Load everything under `root`; all problems are collected in `reporter`.

    A project is returned even when some files had errors (they are left out), so that
    `check` can go on and report the problems of the other files too. Callers that
    build must stop when `reporter.errors` is not empty.
    """
    root = root.resolve()
    try:
        raw = _read_briefing(root)
    except BriefgenError as exc:
        reporter.extend(exc)
        return None
    written = raw if isinstance(raw, dict) else {}
    data = validate(raw, BRIEFING_FIELDS, Pos("briefing.yaml", 1), "briefing.yaml", reporter)
    audiences = tuple(data["audiences"] or ["general"])
    brand_at = raw.at("brand") if isinstance(raw, YamlMap) else Pos("briefing.yaml")
    theme = load_brand(root / (data["brand"] or "templates/brand.yaml"), root, reporter, brand_at)
    sources, failed = _load_sections(root, written.get("outline"), audiences, reporter)
    cuts = _load_cuts(written.get("cuts"), audiences, reporter)
    clients = _load_clients(root, audiences, reporter)
    _check_clients(clients, cuts, sources, failed, reporter)
    profiles = _profiles(raw, {s.id for s in sources}, failed, reporter)
    labels = _labels(raw, theme, reporter)
    if theme is None or not data.get("title"):
        return None  # nothing sensible can be assembled; callers see the reporter's errors
    return Project(
        root=root,
        title=data["title"],
        subtitle=data["subtitle"] or "",
        series=data["series"] or "",
        date=data["date"] or "",
        authors=tuple(data["authors"] or ()),
        audiences=audiences,
        sources=tuple(sources),
        cuts=cuts,
        clients=clients,
        theme=theme,
        templates_dir=root / "templates",
        meta={k: v for k, v in data.items() if k not in ("outline", "cuts", "profiles", "labels")},
        profiles=profiles,
        labels=labels,
        colophon_at=_colophon_at(raw),
    )


def _labels(raw: Any, theme: Theme | None, reporter: Reporter) -> Labels:
    """The `labels:` mapping: each label a string whose placeholders the writers fill, in
    characters the brand's text and heading fonts (or its symbol font) can show."""
    written = raw.get("labels") if isinstance(raw, dict) else None
    if not isinstance(written, dict):
        return Labels()  # absent, or not a mapping (reported with briefing.yaml's keys)
    at = raw.at("labels") if isinstance(raw, YamlMap) else Pos("briefing.yaml", 1)
    data = validate(written, LABEL_FIELDS, at, "labels", reporter)
    for key, value in list(data.items()):
        problem = placeholder_problem(key, value) if isinstance(value, str) else "must be text"
        if problem:
            where = written.at(key) if isinstance(written, YamlMap) else at
            if isinstance(value, str):
                reporter.error(where, f"label '{key}' {problem}", LABEL_FIELDS[key].doc)
            data[key] = LABEL_FIELDS[key].default
        elif theme is not None and key in written:
            _label_glyphs(key, value, theme, written.at(key) if isinstance(written, YamlMap) else at, reporter)
    return Labels(**data)


def _label_glyphs(key: str, text: str, theme: Theme, where: Pos, reporter: Reporter) -> None:
    """A character of a label that no brand font shows is an error, not a blank in print."""
    faces = (theme.fonts.regular, theme.fonts.bold, theme.heading_fonts.regular, theme.heading_fonts.bold)
    sets = [coverage(f) for f in faces]
    extra = coverage(theme.symbols) if theme.symbols else frozenset()
    for ch in sorted(set(text)):
        if ch.isprintable() and ord(ch) not in extra and any(ord(ch) not in s for s in sets):
            name = unicodedata.name(ch, "unnamed")
            reporter.error(
                where,
                f"character U+{ord(ch):04X} ({name}) in label '{key}' is not in the brand fonts",
                "replace it, or use brand fonts that have it",
            )


def _colophon_at(raw: Any) -> Pos:
    """The line of the first of `copyright`, `citation` and `disclaimer` written."""
    if isinstance(raw, YamlMap):
        lines = [raw.at(k) for k in ("copyright", "citation", "disclaimer") if k in raw]
        if lines:
            return min(lines, key=lambda p: p.line)
    return Pos("briefing.yaml")
