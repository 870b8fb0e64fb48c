"""The shape the GL video passes are bounded to: every pixel a level can cover lies inside."""

from __future__ import annotations

import numpy as np
from shapely.geometry import MultiPoint, Point, Polygon

from planroom.render.three_d.gl_common import box_triangles
from planroom.render.three_d.gl_outline import fan, fewer_corners, grown_hull, hull_points
from planroom.render.three_d.raster import Camera, Viewport
from planroom.render.three_d.scene import build_level_scene, levels_to_draw
from tests.render.builders3d import small_house


def test_hull_points_are_few_and_keep_the_hull_of_a_level() -> None:
    model = small_house()
    scene = build_level_scene(model, levels_to_draw(model, True)[0], furniture=True)
    points = scene.soup.vertices.reshape(-1, 3)

    kept = hull_points(points)

    assert len(kept) < len(np.unique(points, axis=0)) / 4
    # Seen from anywhere, the kept points' outline is all the points' outline.
    viewport = Viewport(width=640, height=360, scale=300.0, centre_x=320.0, centre_y=180.0)
    centre = points.mean(axis=0)
    for azimuth in (0.0, 70.0, 200.0):
        turn = np.radians(azimuth)
        eye = centre + 30000.0 * np.array([np.cos(turn), np.sin(turn), 1.2])
        camera = Camera(eye=tuple(eye), target=tuple(centre))
        every = MultiPoint(viewport.to_pixels(camera.project(points)[0])).convex_hull
        few = MultiPoint(viewport.to_pixels(camera.project(kept)[0])).convex_hull
        assert every.symmetric_difference(few).area < 1e-6 * every.area


def test_the_grown_hull_holds_every_point_within_the_margin() -> None:
    rng = np.random.default_rng(7)
    points = rng.normal(size=(40, 2)) * (300.0, 120.0) + (500.0, 400.0)
    corners = grown_hull(points, 1.5)
    assert corners is not None
    shape = Polygon(corners)
    hull = MultiPoint(points).convex_hull

    # Points 1.4 away from the hull in every direction, and the hull's own corners.
    angles = np.linspace(0.0, 2.0 * np.pi, 64, endpoint=False)
    ring = np.column_stack([np.cos(angles), np.sin(angles)]) * 1.4
    near = (np.asarray(hull.exterior.coords)[:, None, :] + ring[None]).reshape(-1, 2)
    assert all(shape.covers(Point(point)) for point in near)
    # Grown by the margin, not by much more.
    assert shape.area < hull.buffer(1.5).area * 1.01
    assert grown_hull(np.zeros((0, 2)), 1.0) is None


def test_a_fan_covers_its_polygon_once() -> None:
    corners = np.array([(10.0, 5.0), (90.0, 10.0), (100.0, 60.0), (40.0, 95.0), (5.0, 50.0)])
    triangles = fan(corners, (100, 100)).reshape(-1, 3, 2)
    pixels = (triangles + 1.0) * 50.0

    area = sum(Polygon(triangle).area for triangle in pixels)
    assert np.isclose(area, Polygon(corners).area)
    covered = MultiPoint(pixels.reshape(-1, 2)).convex_hull
    assert covered.symmetric_difference(Polygon(corners)).area < 1e-9


def test_box_triangles_cover_their_boxes_in_device_coordinates() -> None:
    triangles = box_triangles([(0, 0, 50, 25), (50, 25, 50, 75)], (100, 100)).reshape(-1, 3, 2)

    assert triangles.shape == (4, 3, 2)
    pixels = (triangles + 1.0) * 50.0
    assert sum(Polygon(triangle).area for triangle in pixels) == 50 * 25 + 50 * 75
    assert pixels.min() == 0.0 and pixels.max() == 100.0


def test_fewer_corners_hold_the_polygon_and_add_little() -> None:
    # A rectangle with rounded corners (the house's shade), both ways round.
    rounded = Polygon([(0, 0), (400, 0), (400, 250), (0, 250)]).buffer(20.0, quad_segs=4)
    ring = np.asarray(rounded.exterior.coords)[:-1]
    for corners in (ring, ring[::-1]):
        fewer = Polygon(fewer_corners(corners, 0.01))

        assert len(fewer.exterior.coords) - 1 == 4
        assert fewer.is_valid and fewer.covers(rounded.buffer(-1e-6))
        assert fewer.area < rounded.area * 1.01

    # Where every corner would cost more than it may, the polygon stays as it is.
    hexagon = np.array([(np.cos(a), np.sin(a)) for a in np.arange(6) * np.pi / 3]) * 100.0
    assert np.allclose(fewer_corners(hexagon, 0.01), hexagon)
    kept = Polygon(fewer_corners(hexagon, 0.2))
    assert len(kept.exterior.coords) - 1 < 6 and kept.covers(Polygon(hexagon).buffer(-1e-6))
