"""The reportlab hooks the tagged PDF installs, beyond reportlab's documented API.

Each function names the reportlab version it was checked against and why briefgen needs
it, as in `rl_internals` (which holds the other tricks): drawing hooks that bracket a
tagged flowable's or a list label's operators in marked content, subset tags made from
the subset, font subsets made (and deflated) once per process for a batch's documents,
and a paragraph's markup parsed once per process for each text and style.
`tests/unit/test_rl_hooks.py` checks each against the installed reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def hook_flowable_drawing(hook: Callable[[Any, Any, Callable[[], None]], None]) -> None:
    """Let `hook(flowable, canvas, draw)` wrap the drawing of every flowable that carries a
    `pdf_tag` in its instance dictionary (`draw()` draws it as usual).

    Checked against reportlab 5.1.0: `Flowable.drawOn` ("do not override") is the one method
    every flowable is drawn through, in frames, tables, lists and boxes; no subclass the PDF
    writer uses overrides it. It is replaced, process-wide and once; an untagged flowable
    costs one look-up. The tagged PDF brackets a tagged flowable's operators in marked content.
    """
    from reportlab.platypus.flowables import Flowable

    original = getattr(Flowable.drawOn, "briefgen_original", Flowable.drawOn)

    def draw_on(self: Any, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803 - reportlab API
        if self.__dict__.get("pdf_tag") is None:
            original(self, canvas, x, y, _sW)
        else:
            hook(self, canvas, lambda: original(self, canvas, x, y, _sW))

    draw_on.briefgen_original = original  # type: ignore[attr-defined]
    Flowable.drawOn = draw_on


def hook_bullet_drawing(hook: Callable[[Any, Any, Callable[[], None]], None]) -> None:
    """Let `hook(bullet, canvas, draw)` wrap the drawing of every list bullet (or number)
    that carries a `pdf_tag` in its instance dictionary, as `hook_flowable_drawing` does
    for flowables.

    Checked against reportlab 5.1.0: a list item's label is drawn by a `BulletDrawer`
    (not a flowable) through `BulletDrawer.drawOn(indenter, canvas, x, y, _sW)`, called
    by `LIIndenter.drawOn` before the item's first flowable. Replaced process-wide and once.
    The tagged PDF tags the label `Lbl` instead of leaving it an artifact.
    """
    from reportlab.platypus.flowables import BulletDrawer

    original = getattr(BulletDrawer.drawOn, "briefgen_original", BulletDrawer.drawOn)

    def draw_on(self: Any, indenter: Any, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N803
        if self.__dict__.get("pdf_tag") is None:
            original(self, indenter, canvas, x, y, _sW)
        else:
            hook(self, canvas, lambda: original(self, indenter, canvas, x, y, _sW))

    draw_on.briefgen_original = original  # type: ignore[attr-defined]
    BulletDrawer.drawOn = draw_on


def label_bullets(flowable: Any, labels: list[Any]) -> None:
    """Give the n-th item's bullet of the list `flowable` the `pdf_tag` `labels[n]`.

    Checked against reportlab 5.1.0: `ListFlowable._makeBullet(value, params)` makes one
    `BulletDrawer` per item, in item order, when the list first makes its content (at
    wrap or split, not before: the list's later settings still count). The instance's
    method is wrapped; bullets past `labels` stay untagged (drawn as artifacts).
    """
    make = flowable._makeBullet
    made = iter(labels)

    def make_bullet(value: Any, params: Any = None) -> Any:
        bullet = make(value, params=params)
        label = next(made, None)
        if label is not None:
            bullet.pdf_tag = label
        return bullet

    flowable._makeBullet = make_bullet


def hash_subset_tags(tag: Callable[[bytes, list[int]], bytes]) -> None:
    """Name each TrueType subset `tag(face name, code points) + "+" + face name`.

    Checked against reportlab 5.1.0: `TTFont.addObjects` names subset n of every font
    `SUBSETN(n)+name`, a module global: every face's first subset is `AAAAAA+` in every
    document. While `addObjects` runs, the global is swapped for one that knows the font's
    subsets (`state.subsets`, the code points of each). Process-wide and once.
    """
    from reportlab.pdfbase import ttfonts

    original = getattr(ttfonts.TTFont.addObjects, "briefgen_original", ttfonts.TTFont.addObjects)

    def add_objects(self: Any, doc: Any) -> None:
        state = self.state.get(doc)
        if state is None:
            original(self, doc)
            return
        subsets, name, plain = state.subsets, self.face.name, ttfonts.SUBSETN
        ttfonts.SUBSETN = lambda n, *_: tag(name, subsets[n])
        try:
            original(self, doc)
        finally:
            ttfonts.SUBSETN = plain

    add_objects.briefgen_original = original  # type: ignore[attr-defined]
    ttfonts.TTFont.addObjects = add_objects


class Deflatable(bytes):
    """Bytes that keep their deflated form once made (`remember_deflated`)."""

    deflated: bytes | None = None


class DeflatableText(str):
    """Text that keeps its deflated UTF-8 form once made (`remember_deflated`)."""

    deflated: bytes | None = None


def remember_deflated() -> None:
    """Deflate a `Deflatable` (or `DeflatableText`) stream content once per process.

    Checked against reportlab 5.1.0: every compressed stream is deflated by `encode` of the
    one `pdfdoc.PDFZCompress` filter, called by `PDFStream.format` as each document is
    written. zlib gives the same bytes for the same content, so content that documents
    share (a font subset, its character map) need not be deflated again. The filter's
    `encode` is replaced on the instance, process-wide and once.
    """
    from reportlab.pdfbase import pdfdoc

    zcompress = pdfdoc.PDFZCompress
    original = getattr(zcompress.encode, "briefgen_original", zcompress.encode)

    def encode(text: Any) -> bytes:
        if type(text) is Deflatable or type(text) is DeflatableText:
            if text.deflated is None:
                text.deflated = original(text)
            return text.deflated
        return original(text)  # type: ignore[no-any-return]

    encode.briefgen_original = original  # type: ignore[attr-defined]
    zcompress.encode = encode


def remember_font_subsets(limit: int) -> None:
    """Make a TrueType subset (and its character map) once per process for each face and
    set of characters, as `Deflatable` content: up to `limit` of each.

    Checked against reportlab 5.1.0: `TTFontFile.makeSubset(subset)` builds the subset's
    font program from the face's file alone, and `ttfonts.makeToUnicodeCMap(name, subset)`
    (a module function `TTFont.addObjects` calls) its character map from the subset's name
    and characters; both are called for every subset of every document. A batch of annexes
    sets the same covers, headings and furniture in the same few subsets. The character
    maps (of all faces) are bounded at eight times `limit`. Process-wide and once.
    """
    from reportlab.pdfbase import ttfonts

    make = getattr(ttfonts.TTFontFile.makeSubset, "briefgen_original", ttfonts.TTFontFile.makeSubset)
    cmap = getattr(ttfonts.makeToUnicodeCMap, "briefgen_original", ttfonts.makeToUnicodeCMap)
    maps: dict[tuple[Any, ...], DeflatableText] = {}

    def make_subset(self: Any, subset: list[int]) -> bytes:
        made: dict[tuple[int, ...], Deflatable] = self.__dict__.setdefault("briefgen_subsets", {})
        key = tuple(subset)
        found = made.get(key)
        if found is None:
            if len(made) >= limit:
                made.clear()
            found = made[key] = Deflatable(make(self, subset))
        return found

    def to_unicode(name: str, subset: list[int]) -> str:
        key = (name, *subset)
        found = maps.get(key)
        if found is None:
            if len(maps) >= 8 * limit:
                maps.clear()
            found = maps[key] = DeflatableText(cmap(name, subset))
        return found

    make_subset.briefgen_original = make  # type: ignore[attr-defined]
    to_unicode.briefgen_original = cmap  # type: ignore[attr-defined]
    ttfonts.TTFontFile.makeSubset = make_subset
    ttfonts.makeToUnicodeCMap = to_unicode


def style_key(style: Any) -> tuple[Any, ...]:
    """A `ParagraphStyle`'s values (its parent's already copied in), each with its type (a
    CMYK and an RGB colour may compare equal). Hashable unless a value is not."""
    values = dict(style.__dict__)
    values["parent"] = None  # another document's parent: its values are copied in already
    return (*values.items(), *map(type, values.values()))


def remember_parsed(cls: type, limit: int) -> None:
    """Parse a `cls` paragraph's markup once per process for each text and style (`style_key`):
    up to `limit` texts.

    Checked against reportlab 5.1.0: `Paragraph._setup(text, style, bulletText, frags,
    cleaner)` parses the markup with a fresh HTML parser into `self.frags` (and may set its
    own style or bullet from the markup: those are never remembered). Line breaking only
    reads the fragments (it sets a fragment's kind, which the fragment itself decides), so
    each paragraph gets its own list of shared fragments. Installed on `cls` only, once.
    """
    parsed: dict[tuple[Any, ...], tuple[str, list[Any]]] = {}
    original = cls._setup  # type: ignore[attr-defined]

    def setup(self: Any, text: Any, style: Any, bullet: Any, frags: Any, cleaner: Callable[[str], str]) -> None:
        if frags is not None or type(text) is not str or bullet is not None:
            original(self, text, style, bullet, frags, cleaner)
            return
        key = (text, style_key(style), cleaner, self.caseSensitive)
        try:
            found = parsed.get(key)
        except TypeError:  # a style value that cannot be a key
            original(self, text, style, bullet, frags, cleaner)
            return
        if found is not None:
            self.text, self.frags, self.style, self.bulletText, self.debug = found[0], list(found[1]), style, None, 0
            return
        original(self, text, style, None, None, cleaner)
        if self.style is style and self.bulletText is None:  # else markup that set its own style or bullet
            if len(parsed) >= limit:
                parsed.clear()
            parsed[key] = (self.text, self.frags)
            self.frags = list(self.frags)

    cls._setup = setup  # type: ignore[attr-defined]
