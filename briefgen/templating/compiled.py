"""Compiled templates kept in memory: a Jinja bytecode cache that holds code objects, not files.

Keyed as Jinja keys its buckets, by the template's name and file and a checksum of its
source, so a changed template is compiled anew. Every templater compiles alike (the same
sandbox, options and filters), so one memo serves them all: `serve` hands it from one
rebuild's templater to the next (`cli/rebuild.py`), and nothing is written to disk.
"""

from __future__ import annotations

from typing import Any

import jinja2

from briefgen.model.memo import Memo


class InMemory(jinja2.BytecodeCache):
    """Compiled code by (name and file key, source checksum), in a `Memo`."""

    def __init__(self, memo: Memo[Any]) -> None:
        self.memo = memo

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.memo.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.memo.put((bucket.key, bucket.checksum), bucket.code)
