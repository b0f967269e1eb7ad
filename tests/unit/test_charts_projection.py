"""charts.projection: the Lambert azimuthal equal-area projection, its window, clipping and cut lines."""

from __future__ import annotations

import math

import pytest

from briefgen.charts.projection import ANTIMERIDIAN, PAGE, Projection, borders, centre, clip, fit


def unit(lon0: float, lat0: float) -> Projection:
    """The bare unit-sphere plane: box (-2, -2, 2, 2) on a 4-point page, so page = plane + 2."""
    return Projection(lon0, lat0, (-2.0, -2.0, 2.0, 2.0), 4.0)


@pytest.mark.parametrize(("lon0", "lat0"), [(0, 0), (10, 60), (179, -17), (-100, 89), (45, -45)])
def test_the_centre_maps_to_the_origin(lon0: float, lat0: float) -> None:
    assert unit(lon0, lat0).plane(lon0, lat0) == pytest.approx((0.0, 0.0), abs=1e-12)


def test_east_is_right_and_north_is_up() -> None:
    p = unit(10, 50)
    east, north = p.plane(11, 50), p.plane(10, 51)
    assert east[0] > 0 and abs(east[1]) < abs(east[0])
    assert north[1] > 0 and north[0] == pytest.approx(0.0, abs=1e-12)


def test_distances_from_the_centre_follow_the_equal_area_formula() -> None:
    # ρ = 2 sin(c/2), c the great-circle angle from the centre: 90° away lies at √2, the antipode at 2.
    p = unit(0, 0)
    assert math.hypot(*p.plane(90, 0)) == pytest.approx(math.sqrt(2))
    assert math.hypot(*p.plane(0, 90)) == pytest.approx(math.sqrt(2))
    assert math.hypot(*p.plane(0, 60)) == pytest.approx(2 * math.sin(math.radians(30)))
    assert math.hypot(*p.plane(179.999, 0)) == pytest.approx(2.0, abs=1e-4)


def test_the_page_scales_and_shifts_the_plane() -> None:
    p = Projection(0, 0, (-0.5, -0.25, 0.5, 0.25), 200.0)
    assert (p.scale, p.height) == (200.0, 100.0)
    assert p((0, 0)) == pytest.approx((100.0, 50.0))


@pytest.mark.parametrize(("lon", "lat"), [(12, 61), (-5, 40), (40, 75), (179.5, 55)])
def test_inverse_undoes_the_projection(lon: float, lat: float) -> None:
    p = Projection(15, 60, (-1.0, -1.0, 1.0, 1.0), 300.0)
    assert p.inverse(*p((lon, lat))) == pytest.approx((lon, lat), abs=1e-9)
    assert p.inverse(*p((15, 60))) == pytest.approx((15, 60))


def test_across_the_antimeridian_the_page_is_continuous() -> None:
    # Centred on Fiji (178° E), 179° E and 179° W sit side by side, not a world apart.
    p = Projection(178, -17, (-0.1, -0.1, 0.1, 0.1), 100.0)
    west, east = p((179.0, -17)), p((-179.0, -17))
    assert 0 < east[0] - west[0] < 20  # 2° of longitude at 17° S: about 16.7 points at 500 pt per unit
    assert p.shows((-180.0, -20.0, -178.0, -15.0)) and p.shows((177.0, -20.0, 180.0, -15.0))
    assert not p.shows((10.0, 40.0, 20.0, 50.0))


def test_a_ring_cut_by_the_antimeridian_is_one_piece_whose_seam_is_no_border() -> None:
    p = Projection(180, 0, (-0.2, -0.2, 0.2, 0.2), 100.0)
    east_half = [(175.0, -5.0), (180.0, -5.0), (180.0, 5.0), (175.0, 5.0)]
    west_half = [(-180.0, -5.0), (-175.0, -5.0), (-175.0, 5.0), (-180.0, 5.0)]
    for half in (east_half, west_half):
        pieces = p.rings(half)
        assert len(pieces) == 1
        seam = [v for v in pieces[0] if v[2] & ANTIMERIDIAN]
        assert seam and all(v[0] == pytest.approx(50.0) for v in seam)  # the seam is the page's middle
        lines = borders(pieces[0])
        assert len(lines) == 1  # one open run: the three real sides, not the seam
        assert all(
            not (a[0] == pytest.approx(50.0) and b[0] == pytest.approx(50.0))
            for a, b in zip(lines[0], lines[0][1:], strict=False)
        )


def test_a_ring_off_the_page_gives_nothing() -> None:
    p = Projection(10, 60, (-0.1, -0.1, 0.1, 0.1), 100.0)
    assert p.rings([(120.0, -40.0), (125.0, -40.0), (125.0, -35.0)]) == []


def test_a_ring_larger_than_the_page_is_clipped_to_it_with_page_flags() -> None:
    p = Projection(0, 0, (-0.05, -0.05, 0.05, 0.05), 100.0)
    (piece,) = p.rings([(-20.0, -20.0), (20.0, -20.0), (20.0, 20.0), (-20.0, 20.0)])
    xs, ys = [v[0] for v in piece], [v[1] for v in piece]
    assert (min(xs), max(xs), min(ys), max(ys)) == pytest.approx((0.0, 100.0, 0.0, 100.0))
    assert all(v[2] for v in piece)  # every vertex lies on a page edge
    assert borders(piece) == []


def test_clip_keeps_the_inside_and_flags_new_vertices() -> None:
    square = [(-1.0, -1.0, 0), (1.0, -1.0, 0), (1.0, 1.0, 0), (-1.0, 1.0, 0)]
    got = clip(square, (0.0, -5.0, 5.0, 5.0), PAGE)
    assert sorted(got) == sorted([(0.0, -1.0, PAGE[0]), (1.0, -1.0, 0), (1.0, 1.0, 0), (0.0, 1.0, PAGE[0])])
    assert clip(square, (2.0, 2.0, 3.0, 3.0), PAGE) == []


def test_borders_of_an_uncut_ring_close_it() -> None:
    ring = [(0.0, 0.0, 0), (1.0, 0.0, 0), (1.0, 1.0, 0)]
    assert borders(ring) == [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]]


def test_centre_is_the_mean_direction_across_the_antimeridian_and_at_the_pole() -> None:
    lon, lat = centre([(179.0, 0.0), (-179.0, 0.0)])
    assert abs(lon) == pytest.approx(180.0) and lat == pytest.approx(0.0, abs=1e-9)
    assert centre([(0.0, 80.0), (90.0, 80.0), (180.0, 80.0), (-90.0, 80.0)]) == (0.0, 90.0)
    assert centre([(10.0, 20.0)]) == pytest.approx((10.0, 20.0))


def test_fit_holds_every_point_within_the_aspect() -> None:
    points = [(5.0, 58.0), (31.0, 71.0), (10.0, 64.0)]
    p = fit((15.0, 65.0), points, 300.0, aspect=(0.8, 1.25))
    assert p.width == 300.0 and 0.8 - 1e-9 <= p.width / p.height <= 1.25 + 1e-9
    for point in points:
        x, y = p(point)
        assert 0 < x < p.width and 0 < y < p.height
    wide = fit((0.0, 0.0), [(-40.0, 0.0), (40.0, 0.0)], 300.0, aspect=(1.0, 2.0))
    assert wide.width / wide.height == pytest.approx(2.0)
