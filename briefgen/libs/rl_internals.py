"""Every use of reportlab beyond its documented API, in one place.

Each function names the reportlab version it was checked against and why briefgen needs the
trick; `tests/unit/test_rl_internals.py` checks each against the installed reportlab, so an
upgrade that moves one fails there, by name (the pin stops at the next major version).

Besides the functions below, briefgen overrides three undocumented hooks in its own
subclasses (also checked by the tests): `BaseDocTemplate.handle_flowable` (every list
of flowables passes through it: the PDF writer's bound on layout steps and its layout
errors at the author's line), `Paragraph.wrap` (memoised while `has_line_breaking`
says the lines are still there) and `Canvas.showPage`/`save` (pages held back until
the total is known: `hold_page`, `restore_page`).
"""

from __future__ import annotations

import copy
import re
import sys
import time
from collections.abc import Callable
from typing import Any

CHECKED = "5.1.0"  # the reportlab version every function here was last checked against

# ---------------------------------------------------------------- importing platypus

_URI_PATTERN_START = "(^(?:[a-z0-9\\.\\-\\+]*)://)"


class _OnFirstUse:
    """Stands in for a compiled pattern; compiles it when a method is first looked up."""

    __slots__ = ("_compile", "_compiled", "_source")

    def __init__(self, source: tuple[str, int], compile_: Any) -> None:
        self._source = source
        self._compile = compile_
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = self._compile(*self._source)
        return getattr(self._compiled, name)


def load_platypus() -> None:
    """Import `reportlab.platypus` with its one slow regular expression compiled on first use.

    Checked against reportlab 5.1.0. `reportlab.platypus.paragraph` compiles, as it is
    imported, a case-insensitive URL pattern with `\\xa1-\\uffff` ranges (`uri_pat`):
    some 30 ms, a quarter of the PDF writer's import, for a pattern used only when a URL
    must break across lines. While that module loads, `re.compile` is swapped so that
    this one pattern (recognised by its start) compiles on first use; every other
    pattern compiles as usual. If reportlab changes the pattern, nothing matches and the
    import costs what it did.
    """
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    real = re.compile

    def compile_(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(_URI_PATTERN_START):
            return _OnFirstUse((pattern, flags), real)
        return real(pattern, flags)

    re.compile = compile_  # type: ignore[assignment]
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = real


# ---------------------------------------------------------------- fonts


def hook_font_lookup(find: Callable[[str], object | None]) -> None:
    """Let `find(name)` answer first when reportlab meets a font name it does not know.

    Checked against reportlab 5.1.0. `pdfmetrics.getFont` calls the module global
    `findFontAndRegister` for a name missing from its registry; there is no documented
    hook, so the global is replaced, process-wide and once. briefgen names the brand's
    faces up front and parses a face only when reportlab first asks for it (a report
    uses four of the ten faces a brand declares, and parsing one costs some 5 ms).
    `find` returns the registered font, or None to leave the name to reportlab.
    """
    from reportlab.pdfbase import pdfmetrics

    original = getattr(pdfmetrics.findFontAndRegister, "briefgen_original", pdfmetrics.findFontAndRegister)

    def lookup(name: str) -> object:
        font = find(name)
        return original(name) if font is None else font

    lookup.briefgen_original = original  # type: ignore[attr-defined]
    pdfmetrics.findFontAndRegister = lookup


def ttf_path(font: object) -> str:
    """The file a registered `TTFont` was read from.

    Checked against reportlab 5.1.0: `TTFont.face` is the parsed `TTFontFace`, which keeps
    the `filename` it was opened with. The DOCX rasteriser draws chart text with Pillow
    from the same TTF file reportlab measured it with.
    """
    return font.face.filename  # type: ignore[attr-defined]


# ---------------------------------------------------------------- the canvas


def fix_timestamp(canvas: Any, epoch: int) -> None:
    """Date the canvas's document at `epoch` (UTC), whatever the process environment says.

    Checked against reportlab 5.1.0: the document a canvas writes (`canvas._doc`) takes its
    creation and modification dates from `_timeStamp` (a `reportlab.lib.utils.TimeStamp`),
    made when the canvas is. reportlab reads SOURCE_DATE_EPOCH itself, but only from the
    environment and never the briefing's date; setting the stamp's fields keeps builds
    reproducible without touching `os.environ` in a process that forks.
    """
    stamp = canvas._doc._timeStamp
    stamp.t = epoch
    stamp.lt = time.gmtime(epoch)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"


def hold_page(canvas: Any) -> dict[str, Any]:
    """End the current page without writing it: its state, for `restore_page` later.

    Checked against reportlab 5.1.0: everything a page has drawn lives in the canvas's
    instance dictionary (`_code`, `_formsinuse`, `_pageNumber`, ...), and `_startPage`
    starts a fresh page the way `showPage` does after writing one. This is the
    "NumberedCanvas" recipe the reportlab community uses for "Page N of M": the pages
    are written at `save`, when the total and the contents' page numbers are known.
    """
    state = dict(canvas.__dict__)
    canvas._startPage()
    return state


def restore_page(canvas: Any, state: dict[str, Any]) -> None:
    """Make a page `hold_page` kept the current one again, ready to be drawn on and shown."""
    canvas.__dict__.update(state)


def place_image(canvas: Any, template: Any) -> str:
    """Register a copy of the image XObject `template` in the canvas's document, once; its resource name.

    Checked against reportlab 5.1.0, where `Canvas.drawImage` does the same with the same
    private calls (`_doc.getXObjectName`, `_doc.idToObject`, `_setXObjects`,
    `_doc.Reference`, `_doc.addForm`, the XObject's `_smask`). drawImage decodes,
    hashes and deflates an image again for every document; a batch draws the same
    logos dozens of times, so briefgen builds each XObject once per process and gives
    each document its own copy, registered as drawImage would.
    """
    doc = canvas._doc
    reg = doc.getXObjectName(template.name)
    if reg not in doc.idToObject:  # first use in this document
        obj = copy.copy(template)
        smask = obj.__dict__.pop("_smask", None)
        canvas._setXObjects(obj)
        doc.Reference(obj, reg)
        doc.addForm(template.name, obj)
        if smask is not None:
            mask = copy.copy(smask)
            canvas._setXObjects(mask)
            obj.smask = doc.Reference(mask, doc.getXObjectName(smask.name))
    return reg


def show_image(canvas: Any, reg: str, name: str) -> None:
    """Paint the image `place_image` registered as `reg` into the unit square of the current matrix.

    Checked against reportlab 5.1.0: the page's content stream is the list `_code`, and
    `_formsinuse` lists the XObjects the page's resources must name; `drawImage` appends
    to both exactly so.
    """
    canvas._code.append(f"/{reg} Do")
    canvas._formsinuse.append(name)


# ---------------------------------------------------------------- paragraphs


def has_line_breaking(paragraph: Any) -> bool:
    """Whether a wrapped paragraph still holds its line breaking (`blPara`).

    Checked against reportlab 5.1.0: `Paragraph.wrap` stores its lines in `blPara`; a
    `split` that finds no room for the paragraph deletes them, and the second part of a
    split has none until it is wrapped. briefgen's `Paragraph` answers a second `wrap`
    at the same width from memory only while they are there.
    """
    return "blPara" in paragraph.__dict__


def line_count(paragraph: Any) -> int:
    """How many lines the last `wrap` broke the paragraph into (checked against reportlab 5.1.0)."""
    return len(paragraph.blPara.lines)


def last_line_slack(paragraph: Any) -> float:
    """The unused width at the end of a wrapped paragraph's last line.

    Checked against reportlab 5.1.0: `blPara.lines` holds `(extraSpace, words)` tuples for a
    paragraph of one style and objects with `extraSpace` for mixed ones. The contents'
    dot leaders start where the title's last line ends.
    """
    last = paragraph.blPara.lines[-1]
    return last[0] if isinstance(last, tuple) else last.extraSpace


# ---------------------------------------------------------------- page make-up


def frame_of(flowable: Any) -> Any | None:
    """The frame splitting or drawing `flowable`, if any.

    Checked against reportlab 5.1.0: `Frame.split` and `Frame.add` set `_frame` on the
    flowable they handle; the page make-up asks whether that frame is still empty.
    """
    return getattr(flowable, "_frame", None)


def current_frame(flowable: Any) -> Any | None:
    """The document's current frame, asked from inside `wrap` (reportlab 5.1.0:
    `Flowable._doctemplateAttr('frame')`, None outside a document)."""
    return flowable._doctemplateAttr("frame")


def frame_empty(frame: Any) -> bool:
    """Whether nothing has been placed in `frame` yet (reportlab 5.1.0: `Frame._atTop`)."""
    return bool(getattr(frame, "_atTop", 0))


def frame_used(frame: Any, avail_height: float) -> float:
    """How much of `frame` is taken, given the height offered (reportlab 5.1.0: `Frame._height`)."""
    return float(frame._height) - avail_height


def frame_room(frame: Any) -> tuple[float, float]:
    """(height left under what `frame` holds, its usable height) (reportlab 5.1.0: `_y`, `_y1p`, `_height`)."""
    return float(frame._y - frame._y1p), float(frame._height)


def table_rows(table: Any) -> int:
    """The rows a platypus `Table` (or a part after `split`) holds (reportlab 5.1.0: `Table._cellvalues`)."""
    return len(table._cellvalues)


def wrap_all(flowables: list[Any], width: float, canvas: Any) -> tuple[float, float]:
    """`flowables` stacked, as `KeepTogether` measures them (reportlab 5.1.0: `flowables._listWrapOn`)."""
    from reportlab.platypus.flowables import _listWrapOn

    return _listWrapOn(flowables, width, canvas)  # type: ignore[no-any-return]


def container_base() -> type:
    """The mix-in that lets a flowable hand its parts back to the frame one by one
    (reportlab 5.1.0: `platypus.flowables._ContainerSpace`, the base of `KeepTogether`;
    a subclass keeps its parts in `_content`, as `KeepTogether` does).
    Imported on call: platypus must first be loaded through `load_platypus`."""
    from reportlab.platypus.flowables import _ContainerSpace

    return _ContainerSpace  # type: ignore[no-any-return]


# ---------------------------------------------------------------- drawings replayed


def page_operators(canvas: Any) -> list[str]:
    """The content stream of the page (or form) being drawn: the list drawing appends to.

    Checked against reportlab 5.1.0: every canvas call appends its operators, as strings,
    to `_code`, which `showPage` joins into the page's stream. The PDF writer records
    what a locator map appends once and appends the same strings on later pages
    (`writers/pdf/vector.py`).
    """
    return canvas._code  # type: ignore[no-any-return]


def plain_graphics_state(canvas: Any) -> bool:
    """Whether the canvas writes a drawing's colours as a fresh canvas does.

    Checked against reportlab 5.1.0: `setFillColor` also sets the colour's alpha through the
    canvas's `_extgstate`, which writes a `gs` operator only where the value differs from
    the one set before (so the operators depend on transparency set earlier on the page),
    and `_enforceColorSpace` converts colours before they are written.
    """
    return not canvas._extgstate._d and canvas._enforceColorSpace is None


def document_footprint(canvas: Any) -> tuple[int, ...]:
    """How much the canvas's document holds besides page content: its objects, fonts,
    graphics states, and the XObjects and annotations of the current page.

    Checked against reportlab 5.1.0 (`_doc.idToObject`, `_doc.fontMapping`,
    `_extgstate._c`, `_formsinuse`, `_annotationrefs`): a drawing that leaves all of them
    as they were wrote nothing but operators, which another document can take as they are.
    """
    doc = canvas._doc
    return (
        len(doc.idToObject),
        len(doc.fontMapping),
        len(canvas._extgstate._c),
        len(canvas._formsinuse),
        len(canvas._annotationrefs),
    )


def pdf_version(canvas: Any) -> tuple[int, int]:
    """The PDF version the document will be written as (reportlab 5.1.0: `_doc._pdfVersion`, raised by
    `ensureMinPdfVersion` as features need it; colours with an alpha ask for 1.4)."""
    return canvas._doc._pdfVersion  # type: ignore[no-any-return]


def require_pdf_version(canvas: Any, version: tuple[int, int]) -> None:
    """Raise the PDF version to at least `version` (reportlab 5.1.0's `ensureMinPdfVersion` takes names)."""
    doc = canvas._doc
    doc._pdfVersion = max(doc._pdfVersion, version)


# ---------------------------------------------------------------- tagged PDF (writers/pdf/tagging.py)


def allow_keys(obj: Any, *keys: str) -> None:
    """Let a catalog or page object write entries reportlab does not list (`OutputIntents`,
    `StructParents`, `Tabs`).

    Checked against reportlab 5.1.0: `PDFCatalog.format` (and `PDFPage`, its subclass)
    writes only the attributes named in `__NoDefault__`, read through the instance; an
    instance list with the extra keys lets them through.
    """
    obj.__NoDefault__ = [*type(obj).__NoDefault__, *keys]


def document_pages(canvas: Any) -> list[Any]:
    """The `PDFPage` objects written so far, in order (checked against reportlab 5.1.0:
    `_doc.Pages.pages`, appended to by `showPage`)."""
    return canvas._doc.Pages.pages  # type: ignore[no-any-return]


def annotation_refs(canvas: Any, page: Any = None) -> list[Any]:
    """The current page's annotation references (or a written `page`'s), in the order made
    (checked against reportlab 5.1.0: `_annotationrefs`, appended to by `linkRect` and
    `linkURL`, becomes the page's `Annots` when it is shown)."""
    return (canvas._annotationrefs if page is None else page.Annots) or []


def set_annotation_entry(canvas: Any, ref: Any, key: str, value: Any) -> None:
    """Add `key` to the annotation `ref` names (checked against reportlab 5.1.0: `linkURL` makes a
    `PDFDictionary`, `linkRect` a `LinkAnnotation`, whose `otherkw` may hold only `permitted` keys)."""
    annot = canvas._doc.idToObject[ref.name]
    if hasattr(annot, "otherkw"):
        if key == "Contents":
            annot.Contents = value
            return
        annot.permitted = (*type(annot).permitted, "StructParent")
        annot.otherkw[key] = value
    else:
        annot.dict[key] = value


def annotation_entry(canvas: Any, ref: Any, key: str) -> Any:
    """An entry of the annotation `ref` names, or None (see `set_annotation_entry`)."""
    annot = canvas._doc.idToObject[ref.name]
    if hasattr(annot, "otherkw"):
        return getattr(annot, key, None) if key in ("Contents", "Destination") else annot.otherkw.get(key)
    return annot.dict.get(key)


def contained(flowable: Any) -> list[Any]:
    """The flowables (or, for a table, the rows of cells) a container flowable draws.

    Checked against reportlab 5.1.0: `Table._cellvalues` (rows of cells, each a string, a
    flowable or a list of flowables), `KeepTogether._content`, `ListFlowable._flowables`,
    `ListItem._flowables` and a laid-out list's `LIIndenter._flowable`: what a block drew.
    """
    from reportlab.platypus import Table

    if isinstance(flowable, Table):
        return list(flowable._cellvalues)
    for attr in ("_content", "_flowables", "_flowable"):
        found = flowable.__dict__.get(attr)
        if found is not None:
            return found if isinstance(found, list) else [found]
    return []


def reference(canvas: Any, obj: Any) -> Any:
    """An indirect reference to `obj` in the canvas's document, registering it on first use
    (checked against reportlab 5.1.0: `_doc.Reference`, how every object gets its number)."""
    return canvas._doc.Reference(obj)


def catalog(canvas: Any) -> Any:
    """The document's catalog object (checked against reportlab 5.1.0: `_doc.Catalog`, which
    `setCatalogEntry` sets attributes on)."""
    return canvas._doc.Catalog
