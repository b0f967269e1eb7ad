"""charts.regionmap: the regional map: focus and tiers in the legend, every listed country named."""

from __future__ import annotations

from chartkit import look, of, texts

from briefgen.charts import regionmap
from briefgen.charts.spec import ChartSpec, Place

ROWS = (Place("SWE", "Sweden", 1, "long border"), Place("FIN", "Finland", 1), Place("DNK", "Denmark", 2))


def test_the_legend_names_the_focus_then_the_tiers_in_the_projects_words() -> None:
    lk = look()
    body = regionmap.draw(ChartSpec("map", ROWS, focus="NOR", tiers=("Neighbours", "Others")), lk, 400.0)
    assert [name for name, _c in body.legend] == ["Norway", "\u00b9 Neighbours", "\u00b2 Others"]
    assert body.legend[0][1].hexval() == lk.primary.hexval()
    assert len({c.hexval() for _n, c in body.legend}) == 3
    assert body.notes == ["Borders: Natural Earth 1:110m; no position is implied on disputed boundaries."]


def test_every_listed_country_and_its_label_is_written_on_the_map() -> None:
    body = regionmap.draw(ChartSpec("map", ROWS, focus="NOR"), look(), 400.0)
    words = texts(body.group)
    for text in ("Norway", "Sweden", "Finland", "Denmark", "long border"):
        assert words.count(text) == 1, text


def test_without_a_focus_the_legend_has_tiers_only_and_neutral_wording() -> None:
    body = regionmap.draw(ChartSpec("map", (Place("SWE", "Sweden", 1),)), look(), 400.0)
    assert [name for name, _c in body.legend] == ["\u00b9 Tier 1"]
    assert "Sweden" in texts(body.group)


def test_the_map_is_as_wide_as_asked() -> None:
    body = regionmap.draw(ChartSpec("map", ROWS, focus="NOR"), look(), 300.0)
    frame = body.group.getBounds()
    assert frame[0] >= -1e-6 and frame[2] <= 300.0 + 1e-6
    assert body.height > 0


def test_each_tier_has_a_mark_beside_its_countries_names_and_in_the_legend() -> None:
    # No information by colour alone: the mark keys a country to its tier in any print.
    body = regionmap.draw(ChartSpec("map", ROWS, focus="NOR", tiers=("Neighbours", "Others")), look(), 400.0)
    strings = [s for s in of(body.group, "String")]
    marks = {s.text: [] for s in strings if s.text in regionmap.MARKS.values()}
    for mark in marks:
        marks[mark] = [
            n.text
            for n in strings
            if n.text in ("Sweden", "Finland", "Denmark", "Norway") and _beside(n, mark, strings)
        ]
    assert sorted(marks["\u00b9"]) == ["Finland", "Sweden"]
    assert marks["\u00b2"] == ["Denmark"]
    legend = [name for name, _c in body.legend]
    assert legend[1].startswith("\u00b9 ") and legend[2].startswith("\u00b2 ")


def _beside(name, mark: str, strings: list) -> bool:  # type: ignore[no-untyped-def]
    """Whether a `mark` string sits on the same baseline as the name, just after it."""
    return any(s.text == mark and abs(s.y - name.y) < 0.01 and 0 < s.x - name.x < 120 for s in strings)
