"""briefgen: modular Markdown briefings → branded PDF and DOCX, with audience cuts.

One package per stage; data flows one way (`build/run.py` reads as this script):

    load      load/        briefing.yaml, sections (typed front matter), clients, brand
    select    select/      cut, audience and client filtering of sections
    template  templating/  sandboxed Jinja2, StrictUndefined (+ templates/*.j2)
    parse     markdown/    Markdown → model/ (frozen dataclasses with source positions)
    transform transform/   conditional blocks, links, font coverage, the summary's plans
    write     writers/     pdf/ (reportlab), docx/ (python-docx): one dispatch table each,
                           both reading design/ (the brand as one design system)

`build/` runs the stages for each deliverable, `batch/` runs many of them safely, and
`cli/` is the command line. ARCHITECTURE.md is the map; pyproject.toml's import-linter
contracts keep the layers.
"""

__version__ = "0.1.0"
