"""Templating: sandboxed Jinja2 with StrictUndefined (`render.py`, `sandbox.py`), a CPU and
memory budget per render (`budget.py`), and output lines mapped back to the author's
lines (`sourcelines.py`).
"""
