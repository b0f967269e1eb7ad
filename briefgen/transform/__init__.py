"""Passes over the parsed model: conditional and styled divs (`filters.py`), internal
links (`links.py`), every character in the brand's fonts (`glyphs.py`), and the one-page
summary's plans (`summary.py`), each a pure function of its input.
"""
