"""charts.segments: a leader line through a label's box, two leaders crossing."""

from __future__ import annotations

from briefgen.charts.segments import crosses, segments_cross


def test_a_segment_crosses_a_box_it_passes_through_and_not_one_beside_it() -> None:
    box = (10.0, 10.0, 20.0, 20.0)
    assert crosses((0.0, 15.0, 30.0, 15.0), box)
    assert crosses((15.0, 15.0, 40.0, 40.0), box)  # starts inside
    assert not crosses((0.0, 0.0, 30.0, 5.0), box)
    assert not crosses((0.0, 25.0, 5.0, 0.0), box)


def test_two_segments_cross_only_when_they_pass_each_other() -> None:
    assert segments_cross((0.0, 0.0, 10.0, 10.0), (0.0, 10.0, 10.0, 0.0))
    assert not segments_cross((0.0, 0.0, 10.0, 0.0), (0.0, 5.0, 10.0, 5.0))  # parallel
    assert not segments_cross((0.0, 0.0, 4.0, 4.0), (6.0, 0.0, 10.0, -4.0))  # apart
