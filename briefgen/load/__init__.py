"""Loading a project: every user file read and checked (`files.py`, `yamlio.py`,
`images.py`), the declared formats (`schema.py`, `formats.py`), `briefing.yaml` and the
sections with typed front matter (`project.py`, `section.py`), the profile wording
(`profiles.py`) and the brand (`brand.py`). Nothing here knows about output formats.
"""
