"""writers.common.makeup: the make-up rules' numbers, the same for both writers."""

from __future__ import annotations

from briefgen.writers.common import makeup


def test_the_rules_are_the_issue_s() -> None:
    assert (makeup.MIN_PAGE_LINES, makeup.HEAD_LINES, makeup.TABLE_START_ROWS) == (6, 2, 3)
    assert makeup.SECTION_GAP > 1 and 0 <= makeup.HEAD_SLACK < 12
