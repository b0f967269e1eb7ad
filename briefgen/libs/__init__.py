"""Fences around the private internals of the libraries briefgen builds on.

One module per library (`rl_internals` for reportlab, with `rl_hooks` for the process-wide
hooks the tagged PDF installs; `opc_internals` for python-docx; `jinja_internals` for Jinja2):
every use of an attribute, method or behaviour that the library does not document goes
through one of them, with the version it was checked against and why it is needed, and
`tests/unit/test_<module>.py` checks each one, so that an upgrade fails in one named test
rather than deep inside a build. The package sits below every stage (fonts, charts and
both writers use it) and imports nothing of briefgen; nothing here is imported by
`--help`, and `check` imports only `jinja_internals` (with the Jinja2 it templates with).
"""
