"""The brand theme: `brand.yaml` resolved once into typed, validated values.

Both writers adapt this one `Theme` to their own world (reportlab styles, Word styles),
so there is never a second template to keep in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.design.contrast import check_brand
from briefgen.errors import BriefgenError, Pos, Reporter
from briefgen.load.files import OUTSIDE_HINT, confine, read_text
from briefgen.load.files import shown as show
from briefgen.load.images import check_image
from briefgen.load.schema import Field, described, is_map, is_number, is_str, list_of, nest, one_of, validate
from briefgen.load.yamlio import YamlMap, load_yaml

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
nest(BRAND_FIELDS, "colors", COLOR_FIELDS)
nest(BRAND_FIELDS, "fonts", FONT_FIELDS)
nest(BRAND_FIELDS, "heading_fonts", FONT_FIELDS)
nest(BRAND_FIELDS, "page", PAGE_FIELDS)
nest(PAGE_FIELDS, "margins_mm", MARGIN_FIELDS)
nest(BRAND_FIELDS, "type", TYPE_FIELDS)
nest(BRAND_FIELDS, "contact", CONTACT_FIELDS)


@dataclass(frozen=True)
class FontSet:
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class Colors:
    primary: str
    accent: str
    text: str
    muted: str
    panel: str


@dataclass(frozen=True)
class Contact:
    title: str
    text: str
    items: tuple[str, ...]
    email: str
    reply: str


@dataclass(frozen=True)
class Theme:
    """Everything both writers need to look like the brand. Lengths are in mm or points."""

    name: str
    tagline: str
    logo: Path
    logo_on_dark: Path | None
    colors: Colors
    fonts: FontSet
    heading_fonts: FontSet
    symbols: Path | None
    mono: Path | None
    page_size: str
    page_mm: tuple[float, float]
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    base_size: float
    min_size: float
    summary_size: float
    footer: str
    contact: Contact
    file: Path


def load_brand(path: Path, root: Path, reporter: Reporter, named_at: Pos | None = None) -> Theme | None:
    """Read and check the brand file; problems go to `reporter`, and None is returned.

    `root` is the resolved project folder: the brand and every file it names must lie
    inside it. `named_at` is where the brand file was named (briefing.yaml's `brand:`).
    """
    shown = show(path, root)
    if not path.is_file():
        reporter.error(Pos(shown), "brand file not found", "set 'brand:' in briefing.yaml to an existing file")
        return None
    if confine(path, root) is None:
        reporter.error(named_at or Pos(shown), f"brand file {shown} is outside the project folder", OUTSIDE_HINT)
        return None
    try:
        raw = load_yaml(read_text(path, shown), shown)
    except BriefgenError as exc:
        reporter.extend(exc)
        return None
    before = len(reporter.errors)
    data = validate(raw, BRAND_FIELDS, Pos(shown, 1), "the brand file", reporter)

    def sub(key: str) -> dict[str, Any]:
        value = raw.get(key) if isinstance(raw, dict) else None
        pos = raw.at(key) if isinstance(raw, YamlMap) else Pos(shown)
        table = BRAND_FIELDS[key].fields or {}
        return validate(value if value is not None else {}, table, pos, f"brand {key}", reporter)

    colors = sub("colors")
    fonts = sub("fonts") if data["fonts"] is not None else _default_fonts()
    heading = sub("heading_fonts") if data["heading_fonts"] else fonts
    page = sub("page")
    pos_page = raw.at("page") if isinstance(raw, YamlMap) and "page" in raw else Pos(shown)
    margins = validate(page["margins_mm"] or {}, MARGIN_FIELDS, pos_page, "page margins_mm", reporter)
    type_ = sub("type")
    contact = sub("contact")

    def file(key_path: str, value: str | Path | None, pos: Pos) -> Path:
        if value is None:
            return path.parent
        target = confine(path.parent / value, root, DEFAULT_FONTS.resolve())  # or the shipped fonts
        if target is None:
            reporter.error(pos, f"{key_path} file '{value}' is outside the project folder", OUTSIDE_HINT)
            return path.parent / value
        if not target.is_file():
            reporter.error(pos, f"{key_path} file not found: {value}", "paths are relative to the brand file")
        return target

    def image(key: str, value: str, pos: Pos) -> Path:
        found = check_image(value, path.parent, root, pos, f"brand {key}", "the brand file")
        if isinstance(found, tuple):
            return found[0]
        reporter.diagnostics.append(found)
        return path.parent / value

    at = raw.at if isinstance(raw, YamlMap) else (lambda _k: Pos(shown))

    def fontset(values: dict[str, Any], key: str) -> FontSet:
        return FontSet(*(file(f"{key}.{s}", values[s], at(key)) for s in ("regular", "bold", "italic", "bold_italic")))

    body_fonts = fontset(fonts, "fonts")
    head_fonts = fontset(heading, "heading_fonts") if data["heading_fonts"] else body_fonts
    symbols = file("fonts.symbols", fonts["symbols"], at("fonts")) if fonts.get("symbols") else None
    mono = file("fonts.mono", fonts["mono"], at("fonts")) if fonts.get("mono") else None
    if fonts.get("licence"):
        file("fonts.licence", fonts["licence"], at("fonts"))
    logo = image("logo", data["logo"], at("logo")) if data["logo"] else path.parent
    dark = image("logo_on_dark", data["logo_on_dark"], at("logo_on_dark")) if data["logo_on_dark"] else None
    if type_["min_size"] > min(type_["base_size"], type_["summary_size"] or type_["base_size"]):
        reporter.error(at("type"), "type.min_size is larger than base_size or summary_size")
    if len(reporter.errors) > before:
        return None
    has_logo = bool(data["logo"]) and logo.is_file()
    check_brand(
        colors, dark is not None, lambda key: _key_pos(raw, key, Pos(shown, 1)), reporter, logo if has_logo else None
    )
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
    )


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
