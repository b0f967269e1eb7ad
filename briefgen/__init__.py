"""briefgen: modular Markdown briefings → branded PDF and DOCX, with audience cuts.

The pipeline, one way only (see `build.py`, which reads as this script):

    load      project.py, brand.py, yamlio.py, schema.py   briefing.yaml, sections, clients, brand
    select    select.py                                   cut, audience and client filtering of sections
    template  templating.py (+ templates/*.j2)             sandboxed Jinja2, StrictUndefined
    parse     markdown/                                   Markdown → model.py (frozen dataclasses)
    transform filters.py, links.py, glyphs.py             conditional blocks, links, font coverage
    write     pdf/ (reportlab), docx/ (python-docx)       one dispatch table per writer
"""

__version__ = "0.1.0"
