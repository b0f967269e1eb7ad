"""Building deliverables: assemble each one's document model, fit the summary to its page
budget, render it through the writers and write the files (`run.py`, `assemble.py`, `summary.py`)."""
