"""The document model: frozen dataclasses for inlines, blocks, sections and the
document (`nodes.py`), each carrying its source position; `Layout`; generic traversal
(`walk.py`); what the contents list (`contents.py`); the typesetting rules both writers
keep (`typeset.py`); omissions; bounded memos (`memo.py`). Imports nothing of briefgen
but `errors`.
"""
