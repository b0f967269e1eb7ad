"""Selecting: one cut x audience x client -> the sources in order and what was left out
(`cut.py`), and each selected section's level in a report (`grouping.py`).
"""
