"""The DOCX package: schema-ordered XML builders (`ooxml.py`), core properties
(`props.py`), the embedded, subset fonts (`embedfonts.py`), the reproducible package
(`package.py`) and its deterministic ZIP writer (`zipout.py`).
"""
