"""Running many deliverables: units of work (`units.py`, with their `Kind`), the forked
workers that take them (`workers.py`, `fork.py`), the caches a batch shares (`caches.py`),
and the output folder's safety: atomic commits (`atomic.py`), its lock and manifest
(`outdir.py`), signals (`stopping.py`).

`batch` never imports `build`: the build hands its `make` function to the workers.
"""
