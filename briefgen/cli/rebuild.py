"""The page `briefgen serve` shows, rebuilt in this process on every save, and what one
rebuild keeps of the last.

Each rebuild loads the project afresh (a few tens of milliseconds), so a change to any
file (a section, a template, the brand, a client, an image) is read and nothing stale
survives in the project itself. What makes the next rebuild fast is kept: the modules,
fonts and writers' per-process caches, and, while only Markdown files were saved, the
assembler's memos that depend on nothing but a text or a block (`batch/caches.py`): the
parses of the sections that did not change, their glyph, link and figure checks. A parse
is keyed by its file and text but carries the text's line numbers, so the parses of a
saved file are forgotten even when only its front matter moved them. A save of any other
file (the brand, a template, `briefing.yaml`, an image, a CSV file) starts from nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from briefgen.batch.units import Request
from briefgen.cli.report import print_diagnostics
from briefgen.errors import BriefgenError, Diagnostic, UsageError, internal_error

if TYPE_CHECKING:
    from briefgen.batch.caches import Caches

# The memos of `batch.caches.MEMOS` kept across a rebuild after saves of Markdown files
# only: keyed by text or by a block's identity, and computed from nothing else that such
# a save can change. `tests/unit/test_cli_rebuild.py` checks that every memo is in one list.
KEPT = frozenset(
    {
        "parsed",  # by (file, text, level, anchor prefix): a saved file's entries are dropped
        "levels",  # by (file, text, anchor prefix): likewise
        "line_maps",  # by (source, rendered): lines relative to the body
        "divs",
        "callouts",
        "glyph_blocks",
        "figures",
        "link_summaries",
        "link_fixes",  # by block identity: a re-parsed block is a new object
        "link_sections",  # by the identity of a section's blocks
        "compiled",  # by template name, file and a checksum of the source: a saved body compiles anew
        "joined",  # by the identity of the blocks joined, which it holds
        "missing_glyphs",
        "rtl_runs",  # by text, and the brand's fonts, which a Markdown save leaves alone
        "omissions",  # by value
    }
)
# Keyed by the identity of the loaded project's values (its section views, the template
# context), which a reload replaces; and the passes over whole sections and documents
# (`build/passes.py`), which read the project's names and brand as well as the blocks.
DROPPED = frozenset({"renders", "views", "filtered", "checked", "linked"})
BY_FILE = ("parsed", "levels")  # keys that start with the file they were parsed from


class Page(NamedTuple):
    """One build's outcome: the page (or None) and its errors."""

    name: str
    data: bytes | None
    errors: tuple[Diagnostic, ...]
    usage: bool = False  # the command line named what the project does not have


class Rebuilder:
    """Builds one deliverable's web page from the project as it is now, again and again."""

    def __init__(self, root: Path, request: Request, *, strict: bool = False, debug: bool = False) -> None:
        self.root, self.request, self.strict, self.debug = root, request, strict, debug
        self._kept: Caches | None = None

    def saved(self, files: Iterable[str]) -> None:
        """Files (relative to the project) saved since the last build."""
        files = set(files)
        if self._kept is None:
            return
        if any(not f.endswith(".md") for f in files):
            self._kept = None
            return
        for attr in BY_FILE:
            getattr(self._kept, attr).drop(lambda key: key[0] in files)

    def _caches(self) -> Caches:
        from briefgen.batch.caches import Caches

        fresh = Caches()
        if self._kept is not None:
            for attr in KEPT:
                setattr(fresh, attr, getattr(self._kept, attr))
        return fresh

    def page(self) -> Page:
        """The page, or the errors that stop it (a bug too, unless debugging)."""
        from briefgen.build.assemble import Assembler
        from briefgen.build.make import render
        from briefgen.build.run import load

        req = self.request
        name = f"{req.cut}-{req.client}.html" if req.client else f"{req.cut}.html"
        try:
            warnings: list[Diagnostic] = []
            project = load(self.root, self.strict, warnings)
            assembler = Assembler(project, self._caches())
            self._kept = assembler.caches  # a failed assembly's memos are as good as any
            assembled = assembler.assemble(req.cut, req.audience, req.client)
            name = f"{assembled.selection.name}.html"
            print_diagnostics([*warnings, *assembled.warnings])
            if self.strict and assembled.warnings:
                raise BriefgenError(assembled.warnings)
            return Page(name, render(assembled, project.theme, ("html",)).data["html"], ())
        except BriefgenError as exc:
            return Page(name, None, tuple(exc.diagnostics), isinstance(exc, UsageError))
        except Exception as exc:  # a bug: shown like any error, and the next save tries again
            if self.debug:
                raise
            return Page(name, None, tuple(internal_error(name, exc).diagnostics))
