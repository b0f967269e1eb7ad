"""The web edition's stylesheet, generated from the one `Design` (design/system.py): the
same colours, type scale, rules and box looks as the PDF and the DOCX, in CSS units.

Sizes: the design's roles are multiples of the body size, so they become `em`s of a body
set at `BODY_REM` (print: the brand's own point size); leading becomes a unitless
line height; spacing before and after becomes `calc(var(--body) * n)`. Colours are the
design's palette as custom properties. Nothing here names a colour of its own, except
the transparent and inherited ones CSS needs.
"""

from __future__ import annotations

from functools import lru_cache

from briefgen.design.spacing import Pad
from briefgen.design.system import Design, TextStyle, design_of
from briefgen.design.theme import Theme

BODY_REM = 1.125  # 18 px: the web's reading size for the body text the PDF sets at ~10 pt
MEASURE = "40rem"  # the text column: some 70 characters a line
SIDEBAR = "16rem"
WIDE = "64rem"  # from here on, the contents sit in a sidebar beside the text
# A chart is drawn at the PDF's text width with 7-8 pt text; narrower than this it would
# shrink its text below some 8 px, so on a phone it keeps this width and scrolls in its frame.
CHART_MIN = "36rem"


def _pad(design: Design, pad: Pad) -> str:
    """A padding of the design (points at the body size) in ems of the body."""
    return " ".join(f"{v / design.base_size:.3g}em" for v in (pad.top, pad.right, pad.bottom, pad.left))


def _font(style: TextStyle) -> str:
    family = {"body": "var(--font-body)", "heading": "var(--font-heading)", "mono": "var(--font-mono)"}[style.face]
    return family


def role(design: Design, name: str, *, margins: bool = True) -> str:
    """The declarations of one type-scale role, relative to the body size."""
    s = design.text(name)
    size = s.size / design.base_size if s.fixed else s.size
    out = [
        f"font-family: {_font(s)}",
        f"font-size: {size:.4g}em" if size != 1 else "",
        f"line-height: {s.leading / s.size:.3g}",
        f"color: {s.color}",
        f"font-weight: {700 if s.bold else 400}",
        "font-style: italic" if s.italic else "",
        "text-transform: uppercase" if s.caps else "",
        f"letter-spacing: {s.tracking / (s.size if s.fixed else s.size * design.base_size):.3g}em"
        if s.tracking
        else "",
    ]
    if margins and not s.fixed:
        out.append(f"margin: calc(var(--body) * {s.before:.3g}) 0 calc(var(--body) * {s.after:.3g})")
    return "; ".join(x for x in out if x)


def _roles(design: Design) -> str:
    rules = {
        "body": "p, li, dd",
        "lead": "p.lead",
        "small": "p.small",
        "note": ".notes li, p.note",
        "notes_title": ".notes-title",
        "caption": "figcaption",
        "h1": ".section-title.big",
        "h2": ".section-title:not(.big), .r-h2",
        "h3": ".r-h3",
        "h4": ".r-h4",
        "kicker": ".kicker",
        "cell": "td",
        "cell_head": "th",
        "fact_label": ".facts dt",
        "fact_value": ".facts dd",
        "figure_value": ".figures .value",
        "box_title": ".box > p.box-title",
        "box_body": ".box p, .box li",
        "bottom_title": ".bottom-line > p.box-title",
        "bottom_body": ".bottom-line p, p.bottom-body",
        "toc1": ".toc > ol > li > a",
        "toc2": ".toc ol ol a",
        "cover_kicker": ".cover .series",
        "cover_title": ".cover h1",
        "cover_subtitle": ".cover .subtitle",
        "cover_info": ".masthead .info",
        "cover_client": ".masthead .client",
        "cover_small": ".site-footer",
        "summary_label": ".brief-band .label",
        "summary_date": ".brief-band .date",
        "code": "pre",
        "quote": "blockquote p",
    }
    return "\n".join(f"{sel} {{ {role(design, name)} }}" for name, sel in rules.items())


@lru_cache(maxsize=8)
def stylesheet(theme: Theme, font_faces: str) -> str:
    """The whole stylesheet of a brand: fonts, custom properties, roles, layout, print."""
    design = design_of(theme)
    c = design.colors
    r = design.rules
    props = "; ".join(
        f"--{name.replace('_', '-')}: {value}" for name, value in vars(c).items() if isinstance(value, str)
    )
    return "\n".join(
        [
            font_faces,
            f":root {{ {props}; --body: {BODY_REM}rem; --measure: {MEASURE}; --sidebar: {SIDEBAR};"
            f" --bar: {r.box_bar / design.base_size:.3g}em; --box-pad: {_pad(design, design.box.pad)};"
            f" --cell-pad: {_pad(design, design.table.data)}; --figure-pad: {_pad(design, design.table.figures)};"
            " --font-body: 'Brand Body', 'Brand Symbols', Georgia, serif;"
            " --font-heading: 'Brand Heading', 'Brand Symbols', system-ui, sans-serif;"
            " --font-mono: 'Brand Mono', 'Brand Symbols', ui-monospace, monospace; }",
            _roles(design),
            LAYOUT.replace("WIDE", WIDE).replace("CHART_MIN", CHART_MIN),
            BOXES,
            PRINT,
        ]
    )


LAYOUT = """
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: 1rem; }
body { margin: 0; background: var(--paper); color: var(--text); font-family: var(--font-body);
  font-size: var(--body); line-height: 1.55; overflow-wrap: break-word; }
img, svg { max-width: 100%; height: auto; }
a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a.xref { color: var(--cross-ref); text-decoration-style: dotted; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: 1rem; top: -4rem; z-index: 10; padding: 0.6rem 1rem; background: var(--band);
  color: var(--on-band); font-family: var(--font-heading); font-weight: 700; }
.skip:focus { top: 1rem; }
.marking { margin: 0; padding: 0.45rem 1rem; background: var(--marking); color: var(--paper); text-align: center;
  font-family: var(--font-heading); font-weight: 700; font-size: 0.85rem; letter-spacing: 0.08em; }
.cover { background: var(--band); color: var(--on-band); border-bottom: 0.5rem solid var(--band-edge); }
.cover-inner, .site-footer, .page { max-width: calc(var(--measure) + var(--sidebar) + 4rem); margin: 0 auto;
  padding: 0 1.25rem; }
.cover-inner { padding-top: 2rem; padding-bottom: 2.25rem; }
.cover .logo { display: block; height: 2.75rem; width: auto; margin-bottom: 2.5rem; }
.cover .series { margin: 0 0 0.75rem; letter-spacing: 0.12em; }
.cover h1 { margin: 0; max-width: 22em; font-size: clamp(2rem, 6vw, 3.1rem); line-height: 1.12; }
.cover .subtitle { margin: 1rem 0 0; max-width: 36em; font-size: clamp(1.05rem, 2.6vw, 1.35rem); }
.details { border-bottom: 1px solid var(--rule); }
.details-inner { max-width: calc(var(--measure) + var(--sidebar) + 4rem); margin: 0 auto; padding: 1rem 1.25rem;
  display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; align-items: center; font-family: var(--font-heading); }
.details p { margin: 0; }
.details .client { flex-basis: 100%; }
.details .client-logo { order: -1; flex-basis: auto; margin: 0 0 0.25rem auto; }
.details .reading { color: var(--muted); }
.brief-band .reading { color: var(--band-label); }
.reading { font-family: var(--font-heading); font-size: 0.85rem; }
.details .client-logo { height: 2.5rem; width: auto; }
.page { display: block; padding-top: 2rem; padding-bottom: 3rem; }
main { min-width: 0; max-width: var(--measure); }
.toc { font-family: var(--font-heading); margin-bottom: 2rem; border-left: 3px solid var(--rule);
  padding-left: 1rem; }
.toc h2 { font-size: 0.9rem; font-variant-caps: all-small-caps; letter-spacing: 0.1em; color: var(--muted); margin: 0 0 0.5rem; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc ol ol { margin: 0.15rem 0 0.35rem; }
.toc a { display: block; text-decoration: none; padding: 0.15rem 0; font-size: 0.9rem; }
.toc > ol > li > a { font-size: 0.95rem; margin: 0.4rem 0 0; }
.toc ol ol a { padding-left: 0.9rem; font-size: 0.85rem; color: var(--text); }
.toc a[aria-current="true"] { color: var(--accent); box-shadow: -1.1rem 0 0 -0.8rem var(--accent); }
@media (min-width: WIDE) {
  .page { display: grid; grid-template-columns: var(--sidebar) minmax(0, var(--measure)); gap: 3rem;
    justify-content: center; }
  .toc { position: sticky; top: 1.5rem; align-self: start; max-height: calc(100vh - 3rem); overflow-y: auto;
    margin: 0; border-left: 0; padding: 0 0.5rem 0 0; }
}
section.section { margin: 0 0 2.5rem; }
.layout-summary .page { max-width: 76rem; }
.layout-summary .cover-inner { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.5rem;
  padding-top: 1.1rem; padding-bottom: 1.1rem; max-width: 76rem; }
.layout-summary .cover .logo { margin: 0 auto 0 0; height: 2.25rem; }
.layout-summary .cover p { margin: 0; }
.layout-summary main { max-width: none; }
.brief-side > :first-child { margin-top: 0; }
@media (min-width: WIDE) {
  .layout-summary .page { display: block; padding-top: 1.5rem; }
  .layout-summary .section-title { grid-column: 1 / -1; }
  .layout-summary section.section { display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr);
    gap: 0 3rem; align-items: start; }
  .layout-summary .section-title.big { font-size: 1.7em; }
  .brief-side { position: sticky; top: 1rem; }
  .brief-side .figures { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
.section-title.big::after { content: ""; display: block; width: 18%;
  height: 0; border-bottom: 2.2pt solid var(--accent); margin-top: 0.6rem; }
.kicker { margin-bottom: 0.25rem; }
h2, h3, h4, h5, h6 { text-wrap: balance; }
ul, ol { padding-left: 1.4em; }
li::marker { color: var(--accent); }
ol > li::marker { font-family: var(--font-heading); font-weight: 700; }
li > p { margin: 0 0 0.3em; }
blockquote { margin: 1.2em 0; padding: 0 1.25em; border-left: 2pt solid var(--accent); }
pre { overflow-x: auto; tab-size: 4; background: var(--panel); padding: 0.75em 1em; white-space: pre; }
code { font-family: var(--font-mono); font-size: 0.9em; }
hr { border: 0; border-top: 0.6pt solid var(--rule); margin: 1.5em 0; }
sup.noteref { line-height: 0; }
sup.noteref a { text-decoration: none; font-family: var(--font-heading); font-weight: 700; padding: 0 0.1em; }
.notes { border-top: 0.6pt solid var(--rule); margin-top: 1.5em; padding-top: 0.25em; }
.notes ol { padding-left: 1.6em; }
.notes li p { margin: 0 0 0.3em; display: inline; }
.notes .back { text-decoration: none; margin-left: 0.25em; }
figure { margin: 1.5em 0; }
figure.chart svg { display: block; margin: 0 auto 0.5rem; }
@media (max-width: 40rem) { figure.chart .chart-frame svg { width: max(100%, CHART_MIN); max-width: none; } }
figcaption .source { display: block; font-style: normal; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-family: var(--font-body); }
th, td { padding: var(--cell-pad); vertical-align: top; text-align: left; border-bottom: 0.4pt solid var(--rule); }
thead th { background: var(--band); border-bottom: 1.2pt solid var(--band-edge); }
tbody tr:nth-child(even) { background: var(--zebra); }
.a-right { text-align: right; } .a-center { text-align: center; }
@media (max-width: 40rem) { table.wide { min-width: 30rem; } }
.figures { list-style: none; margin: 1.25em 0; padding: 0; display: grid;
  grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); background: var(--panel);
  border-top: 2pt solid var(--accent); }
.figures li { padding: var(--figure-pad); border-right: 0.6pt solid var(--rule); }
.figures .value, .figures .label { display: block; margin: 0; }
.figures .label { font-family: var(--font-heading); font-style: italic; color: var(--muted); font-size: 0.82em; }
.site-footer { padding-top: 1.5rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); }
.site-footer p { margin: 0 0 0.25rem; }
"""

BOXES = """
.box { margin: 1.5em 0; padding: var(--box-pad);
  background: var(--panel); border-left: var(--bar) solid var(--accent); }
.box > :last-child, .box .beside > :last-child { margin-bottom: 0; }
.box.factbox, .box.contact { border-left-color: var(--primary); }
.box.bottom-line { background: var(--band); border-left-color: var(--accent); }
.box.bottom-line a { color: var(--on-band); }
.beside { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; align-items: flex-start; }
.beside > .facts { flex: 1 1 16rem; }
.beside > .locator { flex: 0 0 auto; }
.locator svg { display: block; }
.facts { margin: 0; }
.facts > div { display: grid; grid-template-columns: minmax(7rem, 32%) 1fr; gap: 0 0.75rem; padding: 0.3em 0;
  border-bottom: 0.3pt solid var(--rule); }
.facts > div:last-child { border-bottom: 0; }
.facts dd { margin: 0; }
@media (max-width: 30rem) { .facts > div { grid-template-columns: 1fr; } }
"""

PRINT = """
@media print {
  :root { --body: 10.5pt; }
  body { font-size: var(--body); }
  .skip, .toc, .details .reading { display: none; }
  .page { display: block; max-width: none; padding: 0; }
  main { max-width: none; }
  .cover { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .box, thead th, tbody tr, .figures, .marking { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  section.level-1 { break-before: page; }
  figure, .box, tr, .facts > div { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  @page { size: A4; margin: 20mm 18mm; }
}
"""
