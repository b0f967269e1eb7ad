"""Named, bounded memos: one table of the assembler's, each starting over past its bound."""

from __future__ import annotations

import ast
from pathlib import Path

from support import ROOT

from briefgen.batch.caches import MEMOS, Caches
from briefgen.build.assemble import Assembler
from briefgen.build.run import load
from briefgen.model.memo import IdentityMemo, Memo


def test_a_memo_starts_over_past_its_bound() -> None:
    memo: Memo[int] = Memo("squares", 3)
    for n in range(3):
        memo.put(n, n * n)
    assert len(memo) == 3 and memo.get(2) == 4
    memo.put(3, 9)
    assert len(memo) == 1 and memo.get(0) is None and memo.get(3) == 9
    assert memo.once(3, lambda: -1) == 9, "a remembered value is not made again"


def test_an_identity_memo_tells_equal_objects_apart() -> None:
    memo: IdentityMemo[list[int], str] = IdentityMemo("lists", 10)
    a, b = [1], [1]
    memo.put(a, "a")
    assert memo.get(a) == "a" and memo.get(b) is None
    memo.put(a, "a with key", key="k")
    assert memo.get(a, "k") == "a with key" and memo.get(a) == "a"


def test_every_memo_has_one_name_and_a_bound_in_the_table() -> None:
    caches = Caches()
    names = [name for name, _bound, _n in caches.table()]
    assert len(names) == len(set(names)) == len(MEMOS)
    assert all(bound >= 256 for _name, bound, _n in caches.table())


def test_tiny_bounds_change_no_document() -> None:
    """A memo that keeps starting over costs time, never a different result."""
    project = load(ROOT)
    roomy = Assembler(project)
    tight = Assembler(project)
    for name in MEMOS:
        getattr(tight.caches, name).bound = 2
    for cut in ("full", "annex", "public", "full"):
        assert tight.assemble(cut).document == roomy.assemble(cut).document
    assert any(n for _name, _bound, n in roomy.caches.table()), "the assembler fills its memos"


def test_the_passes_keep_no_memo_in_a_module_global() -> None:
    """Their memos are passed in (`batch/caches.py`): no dict or lru_cache at module level."""
    found = []
    for folder in ("transform", "templating"):
        for path in sorted((ROOT / "briefgen" / folder).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, ast.FunctionDef) and any("cache" in ast.unparse(d) for d in node.decorator_list):
                    found.append(f"{Path(path).name}:{node.lineno} {node.name}")
                if (
                    isinstance(node, ast.AnnAssign | ast.Assign)
                    and isinstance(node.value, ast.Dict)
                    and not node.value.keys
                ):
                    found.append(f"{Path(path).name}:{node.lineno} (an empty dict)")
    assert found == []
