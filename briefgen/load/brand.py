"""Reading `brand.yaml`: its `Field` tables, checked, with every file it names confined
to the project, into the typed `Theme` (`design/theme.py`).

The writers never read this module: they read the `Design` derived from the `Theme`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefgen.design.contrast import check_brand
from briefgen.design.theme import Colors, Contact, FontSet, Theme, Typography
from briefgen.errors import BriefgenError, Pos, Reporter
from briefgen.load.files import OUTSIDE_HINT, confine, read_text
from briefgen.load.files import shown as show
from briefgen.load.images import check_image
from briefgen.load.schema import Field, described, is_map, is_number, is_str, list_of, nest, one_of, validate
from briefgen.load.yamlio import YamlMap, load_yaml

__all__ = ["BRAND_FIELDS", "DEFAULT_FONTS", "load_brand"]

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
# Shipped with briefgen (see fonts/LICENSE): full Latin, Greek and Cyrillic, for brands
# that name no fonts. DejaVu Sans Mono also has the arrows and math signs Noto Sans lacks.
DEFAULT_FONTS = Path(__file__).parent.parent / "fonts"
_DEFAULT_FACES = {
    "regular": "NotoSans-Regular.ttf",
    "bold": "NotoSans-Bold.ttf",
    "italic": "NotoSans-Italic.ttf",
    "bold_italic": "NotoSans-BoldItalic.ttf",
    "symbols": "DejaVuSansMono.ttf",
    "mono": "DejaVuSansMono.ttf",
    "licence": "LICENSE",
}


@described({"type": "string", "pattern": _HEX.pattern}, 'colour "#RRGGBB"')
def _hex(value: Any) -> str | None:
    ok = isinstance(value, str) and _HEX.match(value)
    return None if ok else 'must be a colour like "#0F2C4C"'


COLOR_FIELDS = {
    "primary": Field(_hex, "main brand colour: cover, headings, bands", required=True),
    "accent": Field(_hex, "highlights: rules, call-out borders, numbers", required=True),
    "text": Field(_hex, "body text colour", required=True),
    "muted": Field(_hex, "secondary text: captions, header, footer", required=True),
    "panel": Field(_hex, "light background of boxes and table headers", default="#EEF2F6"),
}
FONT_FIELDS = {
    "regular": Field(is_str, "TTF file for upright text", required=True),
    "bold": Field(is_str, "TTF file for bold text", required=True),
    "italic": Field(is_str, "TTF file for italic text", required=True),
    "bold_italic": Field(is_str, "TTF file for bold italic text", required=True),
    "licence": Field(is_str, "the fonts' licence file, shipped beside them"),
    "symbols": Field(is_str, "fallback TTF for arrows and symbols the text fonts lack"),
    "mono": Field(is_str, "TTF for code; default: the regular font"),
}
BRAND_FIELDS = {
    "name": Field(is_str, "the organisation's name", required=True),
    "tagline": Field(is_str, "one line under the name", default=""),
    "logo": Field(is_str, "logo image (PNG or JPEG), relative to the brand file", required=True),
    "logo_on_dark": Field(is_str, "logo variant for dark bands", default=None),
    "colors": Field(is_map, "the brand colours", required=True),
    "fonts": Field(is_map, "body fonts (TTF) and their licence; default: Noto Sans, shipped with briefgen"),
    "heading_fonts": Field(is_map, "optional heading fonts (TTF); default: the body fonts"),
    "page": Field(is_map, "page size and margins", default={}),
    "type": Field(is_map, "type sizes in points", default={}),
    "footer": Field(is_str, "text in every page footer", default=""),
    "contact": Field(is_map, "the closing contact block", required=True),
    "typography": Field(is_map, "how quotes and dashes are set", default={}),
}
PAGE_FIELDS = {
    "size": Field(one_of(*PAGE_SIZES_MM), "A4 or Letter", default="A4"),
    "margins_mm": Field(is_map, "top, right, bottom, left margins in mm", default={}),
}
MARGIN_FIELDS = {k: Field(is_number, f"{k} margin in mm", default=20) for k in ("top", "right", "bottom", "left")}
TYPE_FIELDS = {
    "base_size": Field(is_number, "body text size in points", default=10.5),
    "min_size": Field(is_number, "smallest size the one-page summary may shrink to", default=8),
    "summary_size": Field(is_number, "body size the one-page summary starts from (default: base_size)", default=None),
}
CONTACT_FIELDS = {
    "title": Field(is_str, "heading of the contact block", required=True),
    "text": Field(is_str, "a short paragraph", default=""),
    "items": Field(list_of(is_str), "what the organisation offers", default=[]),
    "email": Field(is_str, "contact address", default=""),
    "reply": Field(is_str, "response promise", default=""),
}


@described({"type": "string", "minLength": 4, "maxLength": 4}, "four quote characters")
def _quotes(value: Any) -> str | None:
    ok = isinstance(value, str) and len(value) == 4 and not any(c.isalnum() or c.isspace() for c in value)
    return None if ok else 'must be four quote characters: open, close, nested open, nested close, like "“”‘’"'


TYPOGRAPHY_FIELDS = {
    "dash": Field(one_of("en", "em"), "dash between words: en (spaced, a – b) or em (closed, a—b)", default="en"),
    "quotes": Field(_quotes, "quotation marks: open, close, nested open, nested close", default="“”‘’"),
}
nest(BRAND_FIELDS, "colors", COLOR_FIELDS)
nest(BRAND_FIELDS, "fonts", FONT_FIELDS)
nest(BRAND_FIELDS, "heading_fonts", FONT_FIELDS)
nest(BRAND_FIELDS, "page", PAGE_FIELDS)
nest(PAGE_FIELDS, "margins_mm", MARGIN_FIELDS)
nest(BRAND_FIELDS, "type", TYPE_FIELDS)
nest(BRAND_FIELDS, "contact", CONTACT_FIELDS)
nest(BRAND_FIELDS, "typography", TYPOGRAPHY_FIELDS)


def load_brand(path: Path, root: Path, reporter: Reporter, named_at: Pos | None = None) -> Theme | None:
    """Read and check the brand file; problems go to `reporter`, and None is returned.

    `root` is the resolved project folder: the brand and every file it names must lie
    inside it. `named_at` is where the brand file was named (briefing.yaml's `brand:`).
    """
    raw = _read(path, root, reporter, named_at)
    if raw is None:
        return None
    before = len(reporter.errors)
    reader = _Reader(path, root, raw, reporter)
    data = validate(raw, BRAND_FIELDS, Pos(reader.shown, 1), "the brand file", reporter)
    colors, type_, contact = reader.sub("colors"), reader.sub("type"), reader.sub("contact")
    page, typography = reader.sub("page"), reader.sub("typography")
    margins = validate(page["margins_mm"] or {}, MARGIN_FIELDS, reader.at("page"), "page margins_mm", reporter)
    body_fonts, head_fonts, symbols, mono = reader.fonts(data)
    logo = reader.image("logo", data["logo"]) if data["logo"] else path.parent
    dark = reader.image("logo_on_dark", data["logo_on_dark"]) if data["logo_on_dark"] else None
    if type_["min_size"] > min(type_["base_size"], type_["summary_size"] or type_["base_size"]):
        reporter.error(reader.at("type"), "type.min_size is larger than base_size or summary_size")
    if len(reporter.errors) > before:
        return None
    has_logo = bool(data["logo"]) and logo.is_file()
    check_brand(colors, dark is not None, reader.key_pos, reporter, logo if has_logo else None)
    size = page["size"] or "A4"
    return Theme(
        name=data["name"],
        tagline=data["tagline"] or "",
        logo=logo,
        logo_on_dark=dark,
        colors=Colors(**colors),
        fonts=body_fonts,
        heading_fonts=head_fonts,
        symbols=symbols,
        mono=mono,
        page_size=size,
        page_mm=PAGE_SIZES_MM[size],
        margins_mm=(margins["top"], margins["right"], margins["bottom"], margins["left"]),
        base_size=float(type_["base_size"]),
        min_size=float(type_["min_size"]),
        summary_size=float(type_["summary_size"] or type_["base_size"]),
        footer=data["footer"] or "",
        contact=Contact(
            title=contact["title"],
            text=contact["text"] or "",
            items=tuple(contact["items"] or ()),
            email=contact["email"] or "",
            reply=contact["reply"] or "",
        ),
        file=path,
        contact_at=reader.at("contact"),
        typography=Typography(typography["dash"], typography["quotes"]),
    )


def _read(path: Path, root: Path, reporter: Reporter, named_at: Pos | None) -> Any:
    """The brand file's YAML, or None (reported) when it is missing, outside or malformed."""
    shown = show(path, root)
    if not path.is_file():
        reporter.error(Pos(shown), "brand file not found", "set 'brand:' in briefing.yaml to an existing file")
        return None
    if confine(path, root) is None:
        reporter.error(named_at or Pos(shown), f"brand file {shown} is outside the project folder", OUTSIDE_HINT)
        return None
    try:
        return load_yaml(read_text(path, shown), shown)
    except BriefgenError as exc:
        reporter.extend(exc)
        return None


class _Reader:
    """One brand file's nested tables, files and images, each checked at its key's line."""

    def __init__(self, path: Path, root: Path, raw: Any, reporter: Reporter):
        self.path, self.root, self.raw, self.reporter = path, root, raw, reporter
        self.shown = show(path, root)

    def at(self, key: str) -> Pos:
        return self.raw.at(key) if isinstance(self.raw, YamlMap) else Pos(self.shown)

    def key_pos(self, dotted: str) -> Pos:
        return _key_pos(self.raw, dotted, Pos(self.shown, 1))

    def sub(self, key: str) -> dict[str, Any]:
        value = self.raw.get(key) if isinstance(self.raw, dict) else None
        table = BRAND_FIELDS[key].fields or {}
        return validate(value if value is not None else {}, table, self.at(key), f"brand {key}", self.reporter)

    def file(self, key_path: str, value: str | Path | None, pos: Pos) -> Path:
        if value is None:
            return self.path.parent
        target = confine(self.path.parent / value, self.root, DEFAULT_FONTS.resolve())  # or the shipped fonts
        if target is None:
            self.reporter.error(pos, f"{key_path} file '{value}' is outside the project folder", OUTSIDE_HINT)
            return self.path.parent / value
        if not target.is_file():
            self.reporter.error(pos, f"{key_path} file not found: {value}", "paths are relative to the brand file")
        return target

    def image(self, key: str, value: str) -> Path:
        found = check_image(value, self.path.parent, self.root, self.at(key), f"brand {key}", "the brand file")
        if isinstance(found, tuple):
            return found[0]
        self.reporter.diagnostics.append(found)
        return self.path.parent / value

    def fontset(self, values: dict[str, Any], key: str) -> FontSet:
        faces = ("regular", "bold", "italic", "bold_italic")
        return FontSet(*(self.file(f"{key}.{s}", values[s], self.at(key)) for s in faces))

    def fonts(self, data: dict[str, Any]) -> tuple[FontSet, FontSet, Path | None, Path | None]:
        """Body and heading faces, the symbol fallback and the code font (None: not named)."""
        fonts = self.sub("fonts") if data["fonts"] is not None else _default_fonts()
        body = self.fontset(fonts, "fonts")
        head = self.fontset(self.sub("heading_fonts"), "heading_fonts") if data["heading_fonts"] else body
        at = self.at("fonts")
        symbols = self.file("fonts.symbols", fonts["symbols"], at) if fonts.get("symbols") else None
        mono = self.file("fonts.mono", fonts["mono"], at) if fonts.get("mono") else None
        if fonts.get("licence"):
            self.file("fonts.licence", fonts["licence"], at)
        return body, head, symbols, mono


def _default_fonts() -> dict[str, Any]:
    return {key: DEFAULT_FONTS / name for key, name in _DEFAULT_FACES.items()}


def _key_pos(raw: Any, dotted: str, fallback: Pos) -> Pos:
    """The line of a dotted brand key ("colors.accent"), or of its nearest parent."""
    pos, node = fallback, raw
    for part in dotted.split("."):
        if not isinstance(node, YamlMap) or part not in node:
            break
        pos, node = node.at(part), node[part]
    return pos
