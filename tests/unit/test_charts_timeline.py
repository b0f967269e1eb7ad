"""charts.timeline: a dot, date and label per event on a month (or year) axis."""

from __future__ import annotations

import datetime as dt
import itertools

from chartkit import look, of, texts

from briefgen.charts import timeline
from briefgen.charts.spec import ChartSpec, Event

EVENTS = (
    Event(dt.date(2021, 8, 15), "Second thing"),
    Event(dt.date(2021, 4, 14), "First thing"),
    Event(dt.date(2021, 8, 16), "Third"),
)


def test_each_event_has_a_dot_its_date_and_its_label() -> None:
    body = timeline.draw(ChartSpec("timeline", EVENTS), look(), 400)
    words = texts(body.group)
    assert len(of(body.group, "Circle")) == 3
    for text in ("14 April", "First thing", "15 August", "Second thing", "16 August", "Third"):
        assert words.count(text) == 1, text
    assert body.legend == [] and body.notes == []


def test_a_short_span_has_month_ticks_with_the_year_once() -> None:
    words = texts(timeline.draw(ChartSpec("timeline", EVENTS), look(), 400).group)
    assert words[:6] == ["Apr 2021", "May", "Jun", "Jul", "Aug", "Sep"]


def test_dots_run_left_to_right_in_date_order() -> None:
    body = timeline.draw(ChartSpec("timeline", EVENTS), look(), 400)
    xs = [c.cx for c in of(body.group, "Circle")]
    assert xs[0] < xs[1] < xs[2]  # 14 April, 15 August, 16 August
    assert xs[2] - xs[1] < xs[1] - xs[0]  # a day apart is closer than four months
    assert min(xs) >= 0 and max(xs) <= 400


def test_a_span_of_years_has_year_ticks() -> None:
    rows = (Event(dt.date(2001, 3, 1), "Start"), Event(dt.date(2019, 6, 1), "End"))
    words = texts(timeline.draw(ChartSpec("timeline", rows), look(), 400).group)
    years = [w for w in words if w.isdigit()]
    assert years and all(len(y) == 4 for y in years)
    step = int(years[1]) - int(years[0])
    assert all(int(b) - int(a) == step for a, b in itertools.pairwise(years))
    assert int(years[0]) % step == 0  # round years, evenly spaced
    assert 2001 <= int(years[0]) <= 2005 and int(years[-1]) >= 2018
    assert {"1 March 2001", "Start", "1 June 2019", "End"} <= set(words)
