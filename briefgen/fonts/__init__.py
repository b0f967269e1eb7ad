"""Fonts: the faces shipped for brands that name none (the `.ttf` files and their
licence), what briefgen reads straight from TrueType files (`fontfile.py`), font
registration shared by the charts and both writers (`register.py`), and subsetting
for the DOCX's embedded fonts (`ttfsubset.py`).
"""
