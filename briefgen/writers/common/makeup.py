"""The page make-up rules both writers keep, as numbers (the PDF's `writers/pdf/makeup.py`
applies them while laying out; the DOCX states them as Word's paragraph and row properties)."""

from __future__ import annotations

MIN_PAGE_LINES = 6  # lines of body text a page holds before a section may end it early
HEAD_LINES = 2  # lines of a paragraph kept with the heading above it
LEAD_IN_LINES = 3  # a paragraph this short between a heading and a table or box keeps with both
# Points the PDF keeps spare under a heading's lines at a page foot. None: the DOCX sets
# the PDF's exact leading and spacing, so Word and LibreOffice fit what the PDF fits.
HEAD_SLACK = 0.0
SECTION_GAP = 1.6  # a section title that follows on mid-page: this many times h2's space above it
LIST_LONE_LINES = 1  # a list's first or last item this short keeps with the item next to it
TABLE_START_ROWS = 3  # body rows a data table needs to start on a page
TABLE_END_ROWS = 2  # body rows a split table carries over: never one row under a repeated header
