"""What every writer shares, and none owns: a data table's column plan (`columns.py`)
and how big a figure prints (`figures.py`).
"""
