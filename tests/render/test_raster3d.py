"""The software rasteriser: coverage, depth order, culling and outlines."""

from __future__ import annotations

import numpy as np

from planroom.render.three_d.raster import TriangleSoup, rasterize, shade


def _triangles(*corners: list[tuple[float, float]]) -> np.ndarray:
    return np.asarray(corners, dtype=np.float64)


def test_a_triangle_covers_the_pixels_whose_centres_lie_inside_it() -> None:
    # Counter-clockwise on screen with y pointing down is a front face.
    pixels = _triangles([(0.0, 0.0), (0.0, 8.0), (8.0, 0.0)])
    distance = np.full((1, 3), 10.0)

    visible = rasterize(pixels, distance, 10, 10)

    covered = {(int(y), int(x)) for y, x in zip(*np.nonzero(visible == 0), strict=True)}
    expected = {(y, x) for y in range(10) for x in range(10) if (x + 0.5) + (y + 0.5) <= 8.0}
    assert covered == expected
    assert (visible[visible != 0] == -1).all()


def test_the_nearer_triangle_wins_whatever_the_drawing_order() -> None:
    square = [(1.0, 1.0), (1.0, 9.0), (9.0, 1.0)]
    pixels = _triangles(square, square)
    for near in (0, 1):
        distance = np.full((2, 3), 20.0)
        distance[near] = 5.0

        visible = rasterize(pixels, distance, 10, 10)

        assert set(np.unique(visible)) == {-1, near}


def test_back_faces_are_not_drawn() -> None:
    clockwise_on_screen = _triangles([(0.0, 0.0), (8.0, 0.0), (0.0, 8.0)])

    visible = rasterize(clockwise_on_screen, np.full((1, 3), 10.0), 10, 10)

    assert (visible == -1).all()


def test_outline_darkens_only_where_the_surface_changes() -> None:
    soup = TriangleSoup(
        vertices=np.zeros((2, 3, 3)),
        colors=np.array([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]),
        groups=np.array([7, 7]),
    )
    visible = np.array([[0, 1, -1]])

    image = shade(visible, soup, (1.0, 1.0, 1.0), 0.5)

    # Two triangles of one surface meet without a line; the surface's edge against the
    # background gets one, and the background itself is never darkened.
    assert image[0, 0, 0] == 255
    assert image[0, 1, 0] == 128
    assert image[0, 2, 0] == 255
