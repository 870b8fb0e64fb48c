"""Floor finishes: pixels trace back to the right floor point, and patterns have seams."""

from __future__ import annotations

import numpy as np

from planroom.render.three_d.raster import Camera, Viewport
from planroom.render.three_d.texture import TILE, WOOD, floor_points, texture_factor

WIDTH, HEIGHT = 400, 300


def test_a_pixel_traces_back_to_the_floor_point_it_shows() -> None:
    camera = Camera(eye=(-4000.0, -9000.0, 8000.0), target=(3000.0, 2000.0, 0.0), fov_deg=30.0)
    floor = np.array([[0.0, 0.0, 0.0], [5000.0, 1000.0, 0.0], [2500.0, 4200.0, 0.0]])
    screen, _ = camera.project(floor)
    viewport = Viewport.fit(screen, WIDTH, HEIGHT, 0.1)
    pixels = viewport.to_pixels(screen)
    # Pick the pixel under each point and compare with the point (within that pixel's reach).
    columns, rows = np.floor(pixels[:, 0]).astype(int), np.floor(pixels[:, 1]).astype(int)

    x, y, span = floor_points(rows * WIDTH + columns, WIDTH, camera, viewport)

    assert np.all(np.hypot(x - floor[:, 0], y - floor[:, 1]) < 2.0 * span)


def test_planks_have_seams_and_tones_but_stay_close_to_the_floor_colour() -> None:
    along = np.linspace(0.0, 4000.0, 4001, dtype=np.float32)
    across = np.full_like(along, 90.0)
    kind = np.full(along.shape, WOOD, dtype=np.int64)
    seed = np.zeros(along.shape, dtype=np.int64)
    span = np.full_like(along, 2.0)

    factor = texture_factor(kind, along, across, seed, span)

    assert factor.min() < 0.9  # end joints between planks
    assert 0.93 < float(np.median(factor)) < 1.07
    assert len(np.unique(np.round(factor, 3))) > 2  # several plank tones along one row


def test_tiles_repeat_on_a_grid() -> None:
    positions = np.arange(0.0, 1800.0, 1.0, dtype=np.float32)
    kind = np.full(positions.shape, TILE, dtype=np.int64)
    middle = np.full_like(positions, 225.0)

    factor = texture_factor(
        kind, positions, middle, np.zeros(positions.shape, np.int64), np.ones_like(positions)
    )

    joints = positions[factor < 0.95]
    # Grout lines every 450 mm: 0, 450, 900, 1350 (each a couple of millimetres wide).
    assert sorted({int(p // 450) * 450 for p in joints}) == [0, 450, 900, 1350]
