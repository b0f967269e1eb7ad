"""templating.sandbox: every operation that multiplies a value's size is measured before it runs.

Each case here would allocate gigabytes if its check failed; the checks run first, so the
refusals are instant (the subprocess-capped end-to-end cases are tests/test_template_limits.py).
"""

from __future__ import annotations

import pytest
from jinja2.exceptions import SecurityError

from briefgen.templating.budget import Exceeded
from briefgen.templating.sandbox import MAX_CHARS, MAX_DIGITS, MAX_LIPSUM, MAX_RANGE, BoundedSandbox

SIZE = f"the size limit of {MAX_CHARS:,} characters or items"


def run(source: str, **context: object) -> str:
    return BoundedSandbox().from_string(source).render(**context)


def refused(source: str, **context: object) -> str:
    with pytest.raises(Exceeded) as caught:
        run(source, **context)
    return str(caught.value)


def test_ordinary_expressions_run_as_jinja_runs_them() -> None:
    assert run("{{ 'ab' * 3 }}|{{ 2 ** 10 }}|{{ [1] + [2] }}|{{ 'a' ~ 1 ~ none }}") == "ababab|1024|[1, 2]|a1None"
    assert run("{{ '%5s' % 'x' }}|{{ '{:>4}'.format(7) }}|{{ 'x'|center(5) }}|{{ range(3)|list }}") == (
        "    x|   7|  x  |[0, 1, 2]"
    )


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("{{ 'x' * 10**9 }}", f"{SIZE}: '*' would make 1,000,000,000"),
        ("{{ 10**9 * [1] }}", f"{SIZE}: '*' would make 1,000,000,000"),
        ("{{ 'x'|center(10**9) }}", f"{SIZE}: center(1000000000) would make 1,000,000,000"),
        ("{{ '%999999999s' % 'x' }}", f"{SIZE}: a format field of width 999999999 would make 999,999,999"),
        ("{{ '{:>999999999}'.format(1) }}", f"{SIZE}: a format field of width 999999999 would make 999,999,999"),
        ("{{ 'x'.ljust(10**9) }}", f"{SIZE}: '…'.ljust(1000000000) would make 1,000,000,000"),
    ],
)
def test_growing_a_value_past_the_size_limit_is_refused_first(source: str, says: str) -> None:
    assert refused(source) == says


def test_concatenation_and_addition_are_measured() -> None:
    half = "x" * (MAX_CHARS // 2 + 1)
    assert refused("{{ a ~ a }}", a=half) == f"{SIZE}: '~' would make {2 * len(half):,}"
    assert refused("{{ a + a }}", a=half) == f"{SIZE}: '+' would make {2 * len(half):,}"


def test_huge_numbers_ranges_and_lipsum_are_refused() -> None:
    assert refused("{{ 7 ** 100000 }}").startswith(f"the number limit of {MAX_DIGITS:,} digits: '**' would make about")
    assert refused(f"{{{{ range({MAX_RANGE + 1}) }}}}") == (
        f"the range limit of {MAX_RANGE:,} items: range({MAX_RANGE + 1}) would make {MAX_RANGE + 1:,}"
    )
    assert refused("{{ lipsum(n=1000) }}") == (
        f"the lipsum limit of {MAX_LIPSUM} paragraphs of at most {10 * MAX_LIPSUM} words: "
        "lipsum(n=1000, max=100) asks for more"
    )


def test_templates_cannot_change_the_data_they_read() -> None:
    with pytest.raises(SecurityError):
        run("{{ items.append(3) }}", items=[1])
    with pytest.raises(SecurityError):
        run("{{ d.update({'a': 1}) }}", d={})
