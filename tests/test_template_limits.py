"""Runaway templates end in seconds with `file:line: error: template exceeded …`.

Each run happens in a subprocess whose address space `prlimit` caps, so that a limit
that fails to hold cannot take the machine with it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefgen.templating.sandbox import MAX_CHARS, MAX_DIGITS, MAX_RANGE

ROOT = Path(__file__).resolve().parents[1]
PRLIMIT = shutil.which("prlimit")
CAP = 3 * 2**30  # bytes of address space for the capped process
pytestmark = pytest.mark.skipif(PRLIMIT is None, reason="prlimit (util-linux) caps these tests' memory")
SIZE = f"the size limit of {MAX_CHARS:,} characters or items"


def _capped(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    assert PRLIMIT is not None
    return subprocess.run(
        [PRLIMIT, f"--as={CAP}", sys.executable, "-c", code, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _check(project: Path, seconds: float | None = None) -> str:
    """`briefgen check` in a capped process (with the time budget set to `seconds`); its stderr."""
    budget = f"briefgen.templating.render.MAX_SECONDS = {seconds}; " if seconds else ""
    code = f"import sys, briefgen.templating.render; {budget}from briefgen.cli.main import main; sys.exit(main(sys.argv[1:]))"
    result = _capped(code, "check", "--project", str(project))
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    return result.stderr


CASES = {
    "times": ("{{ 'x' * 10**9 }}", f"{SIZE}: '*' would make 1,000,000,000"),
    "doubled": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        f"{SIZE}: '~' would make 2,097,152",
    ),
    "added": (
        "{% set ns = namespace(s=['x']) %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
        f"{SIZE}: '+' would make 2,097,152",
    ),
    "joined": (
        "{% set ns = namespace(s='xy') %}{% for i in range(64) %}{% set ns.s = [ns.s, ns.s]|join %}{% endfor %}",
        f"{SIZE}: the 'join' filter would make 2,097,152",
    ),
    "lipsum": ("{{ lipsum(n=200000) }}", "the lipsum limit of 100 paragraphs"),
    "power": ("{{ 10**10000000 }}", f"the number limit of {MAX_DIGITS:,} digits: '**' would make about 10,000,000"),
    "range": ("{{ range(10**9)|list }}", f"the range limit of {MAX_RANGE:,} items"),
    "center": ("{{ 'x'|center(1000000000) }}", f"{SIZE}: center(1000000000) would make 1,000,000,000"),
    "percent": ("{{ '%0999999999d' % 1 }}", f"{SIZE}: a format field of width 999999999"),
    "format": ("{{ '{:>999999999}'.format(1) }}", f"{SIZE}: a format field of width 999999999"),
    "memory": ("{{ (['x' * 1000000] * 1000)|join }}", "its memory limit of 512 MB"),
}


def test_every_way_to_grow_a_value_is_stopped_at_its_line(tmp_path: Path, make_project: Callable[..., Path]) -> None:
    sections = {
        f"sections/03-{name}.md": f"---\ntitle: {name}\n---\n\nText.\n\n{src}\n" for name, (src, _) in CASES.items()
    }
    err = _check(make_project(tmp_path, sections))
    for name, (_src, message) in CASES.items():
        assert f"sections/03-{name}.md:7: error: template exceeded {message}" in err, (name, err)


def test_a_loop_that_prints_nothing_runs_out_of_time_at_its_line(
    tmp_path: Path, make_project: Callable[..., Path]
) -> None:
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    inner = f"---\ntitle: Loop\n---\n\nText.\n\n{{% if audience %}}\n{loop}\n{{% endif %}}\n"
    err = _check(make_project(tmp_path, {"sections/03-loop.md": inner}), seconds=1)
    assert "sections/03-loop.md:8: error: template exceeded its time limit of 1 s of CPU time" in err


def test_the_budget_raises_inside_and_puts_the_memory_limit_back() -> None:
    code = """
import resource, time
from briefgen.templating import budget
before = resource.getrlimit(resource.RLIMIT_AS)
try:
    with budget.bounded(10, 64 * 2**20):
        bytearray(512 * 2**20)
    print("no memory error")
except MemoryError:
    print("memory error")
print("restored" if resource.getrlimit(resource.RLIMIT_AS) == before else "not restored")
print(len(bytearray(512 * 2**20)) // 2**20, "MB after")
try:
    with budget.bounded(0.2, 64 * 2**20):
        while True:
            pass
except budget.TimeUp:
    print("time up")
"""
    result = _capped(code)
    assert result.stdout.split("\n")[:4] == ["memory error", "restored", "512 MB after", "time up"], result.stderr
