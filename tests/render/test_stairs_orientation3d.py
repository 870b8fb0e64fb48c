"""3D views: stairs on every level they touch, and the plan the way the 2D plans draw it."""

from __future__ import annotations

import io

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from planroom.floormodel.schema import FloorModel, Level
from planroom.render.three_d.floors import FLOOR_COLORS
from planroom.render.three_d.raster import Viewport
from planroom.render.three_d.scene import WELL_DEPTH_MM, build_level_scene
from planroom.render.three_d.solids import hex_rgb
from planroom.render.three_d.views import (
    ELEVATION_DEG,
    camera_for,
    frame_scenes,
    render_level_images,
)
from tests.render.builders3d import box_walls, room, small_house

STAIR_BOTTOM = (5400.0, 5600.0)
"""A point over the lowest treads of `small_house`'s stair (it climbs +y from y = 5100)."""
STAIR_TOP = (5400.0, 7700.0)
"""A point over its top tread, level with the upper floor."""


def _horizontal_heights_over(vertices: NDArray[np.float64], point: tuple[float, float]) -> set[int]:
    """Heights (whole mm) of the horizontal triangles whose plan covers `point`."""
    flat = np.ptp(vertices[:, :, 2], axis=1) < 0.5
    a, b, c = (vertices[flat][:, index, :2] for index in range(3))
    p = np.asarray(point)

    def side(u: NDArray[np.float64], v: NDArray[np.float64]) -> NDArray[np.float64]:
        return (v[:, 0] - u[:, 0]) * (p[1] - u[:, 1]) - (v[:, 1] - u[:, 1]) * (p[0] - u[:, 0])

    s1, s2, s3 = side(a, b), side(b, c), side(c, a)
    inside = ((s1 >= 0) & (s2 >= 0) & (s3 >= 0)) | ((s1 <= 0) & (s2 <= 0) & (s3 <= 0))
    return {round(float(z)) for z in vertices[flat][inside][:, 0, 2]}


def test_the_upper_level_shows_the_stair_coming_up_through_an_opening() -> None:
    model = small_house()
    upper = build_level_scene(model, model.level("L1"), furniture=False)
    vertices = upper.soup.vertices

    # Over the foot of the flight the floor is cut away: only the well's bottom lies there.
    assert _horizontal_heights_over(vertices, STAIR_BOTTOM) == {-round(WELL_DEPTH_MM)}
    # The top tread meets the upper floor, the next ones step down into the well.
    x = STAIR_TOP[0]
    steps = sorted(
        z
        for y in np.linspace(7000.0, 7840.0, 12)
        for z in _horizontal_heights_over(vertices, (x, float(y)))
    )
    assert steps[-1] == 0
    assert len({z for z in steps if -WELL_DEPTH_MM < z < 0}) >= 2
    # Next to the stair the upper floor is still there, at floor level.
    assert 0 in _horizontal_heights_over(vertices, (4000.0, 6000.0))


def test_the_lower_level_still_shows_the_whole_flight() -> None:
    model = small_house()
    lower = build_level_scene(model, model.level("L0"), furniture=False)
    bottom = _horizontal_heights_over(lower.soup.vertices, STAIR_BOTTOM)
    top = _horizontal_heights_over(lower.soup.vertices, STAIR_TOP)

    assert max(bottom) < 800 < max(top)


def _tall_model() -> FloorModel:
    """A plan taller than wide: a 4 m x 9 m house with a bathroom across its north end."""
    return FloorModel(
        levels=[Level(id="L0", name="Ground floor", index=0)],
        walls=box_walls("w", 0, 0, 4000, 9000),
        spaces=[
            room("s1", "Living room", "living", 100, 100, 3900, 6900),
            room("s2", "Bathroom", "bathroom", 100, 7000, 3900, 8900),
        ],
    )


def _wide_model() -> FloorModel:
    return FloorModel(
        levels=[Level(id="L0", name="Ground floor", index=0)],
        walls=box_walls("w", 0, 0, 9000, 4000),
        spaces=[room("s1", "Living room", "living", 100, 100, 8900, 3900)],
    )


def test_the_plan_is_seen_as_the_2d_plan_draws_it_whatever_its_shape() -> None:
    # The 2D plans draw plan +y up the page and +x to the right; so must the dollhouse.
    for model in (_tall_model(), _wide_model()):
        scene = build_level_scene(model, model.levels[0], furniture=False)
        framing = frame_scenes([scene])
        camera = camera_for(framing, framing.base_azimuth_deg, ELEVATION_DEG)
        cx, cy, _ = framing.centre
        points = np.array([(cx, cy, 0.0), (cx, cy + 1000.0, 0.0), (cx + 1000.0, cy, 0.0)])
        screen, _ = camera.project(points)
        pixels = Viewport.fit(screen, 800, 600, 0.05).to_pixels(screen)
        centre, north, east = pixels
        # +y goes straight up the image, +x straight to the right.
        assert north[1] < centre[1] and abs(north[0] - centre[0]) < 1.0
        assert east[0] > centre[0] and abs(east[1] - centre[1]) < 1.0


def test_the_north_room_is_at_the_top_of_the_dollhouse_image() -> None:
    model = _tall_model()
    data = render_level_images(model, model.levels, width=400, furniture=False)[0]
    pixels = np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.int16)
    red, _, blue = hex_rgb(FLOOR_COLORS["bathroom"])
    assert blue > red
    # Bathroom-floor pixels are the only cool ones (blue above red): where are they?
    close = pixels[..., 2] - pixels[..., 0] >= 4
    rows = np.nonzero(close.any(axis=1))[0]
    house_rows = np.nonzero((pixels.min(axis=2) < 235).any(axis=1))[0]

    assert rows.size > 0
    # In the top third of the house as drawn, as on the 2D plan.
    assert rows.mean() < house_rows.min() + (house_rows.max() - house_rows.min()) / 3
