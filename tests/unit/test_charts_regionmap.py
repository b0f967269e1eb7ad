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


NINE = ("POL", "CZE", "AUT", "CHE", "FRA", "BEL", "NLD", "DNK", "LUX")


def test_every_tier_from_one_to_nine_has_its_own_fill_legend_entry_and_mark() -> None:
    lk = look()
    rows = tuple(Place(iso3, iso3, n) for n, iso3 in enumerate(NINE, start=1))
    body = regionmap.draw(ChartSpec("map", rows, focus="DEU"), lk, 400.0)
    superscripts = "\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
    assert [name for name, _c in body.legend] == ["Germany", *(f"{m} Tier {n}" for n, m in enumerate(superscripts, 1))]
    fills = [c.hexval() for _n, c in body.legend[1:]]
    assert fills == [c.hexval() for c in lk.tiers] and len(set(fills)) == 9
    assert lk.primary.hexval() not in fills and lk.other.hexval() not in fills
    drawn = {s.fillColor.hexval() for s in of(body.group, "Path") if s.fillColor is not None}
    assert set(fills) <= drawn  # the legend's colours are the ones on the map
    strings = of(body.group, "String")
    for name, mark in zip(("Poland", "Austria", "France", "Netherlands", "Luxembourg"), superscripts[::2], strict=True):
        named = [s for s in strings if s.text.startswith(name)]
        assert named and _beside(named[0], mark, strings), name


def test_a_tier_beyond_two_was_refused_and_is_now_drawn() -> None:
    body = regionmap.draw(ChartSpec("map", (Place("SWE", "Sweden", 7),), focus="NOR"), look(), 300.0)
    assert [name for name, _c in body.legend] == ["Norway", "\u2077 Tier 7"]
