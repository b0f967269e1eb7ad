"""The command line: the parser (`parser.py`), the commands (`commands.py`), what is
printed (`report.py`), exit codes (`main.py`), the caller's environment
(`environment.py`), and the authoring helpers `init`, `new country` and `schema`.
"""
