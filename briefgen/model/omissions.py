"""What a deliverable leaves out, and why: sections dropped by its cut (`select`) and blocks
dropped by conditions (`transform.filters`), listed by `--explain` and the manifest."""

from __future__ import annotations

from briefgen.frozen import frozen


@frozen
class Omission:
    """Something the full report has that this deliverable leaves out, and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"
