"""One dollhouse level as triangles: walls with real openings, dark wall tops, lit floors."""

from __future__ import annotations

import numpy as np

from planroom.render.three_d.scene import FACADE, WALL, WALL_TOP, build_level_scene, levels_to_draw
from tests.render.builders3d import basement_house, one_room_model

WALL_HEIGHT = 2438.0


def _triangles_crossing(vertices: np.ndarray, x: float, y: tuple[float, float], z: float) -> int:
    """Triangles of vertical faces that lie in the plane x = `x` and cover (y, z)."""
    on_plane = np.all(np.abs(vertices[:, :, 0] - x) < 1.0, axis=1)
    covers = (
        (vertices[:, :, 1].min(axis=1) <= y[1])
        & (vertices[:, :, 1].max(axis=1) >= y[0])
        & (vertices[:, :, 2].min(axis=1) <= z)
        & (vertices[:, :, 2].max(axis=1) >= z)
    )
    return int((on_plane & covers).sum())


def test_a_door_leaves_a_gap_in_the_wall_faces() -> None:
    model = one_room_model(with_door=True)
    scene = build_level_scene(model, model.levels[0], furniture=False)
    vertices = scene.soup.vertices
    # The south wall (y = 0, 200 mm thick) has a 900 mm door centred at x = 2000.
    south_face = np.all(np.abs(vertices[:, :, 1] + 100.0) < 1.0, axis=1)
    in_doorway = np.all((vertices[:, :, 0] > 1551.0) & (vertices[:, :, 0] < 2449.0), axis=1)
    below_head = np.all(vertices[:, :, 2] < 2000.0, axis=1)

    assert not np.any(south_face & in_doorway & below_head)
    assert _triangles_crossing(vertices, 1550.0, (-100.0, 100.0), 1000.0) > 0  # the jamb


def test_wall_tops_are_dark_and_at_wall_height() -> None:
    model = one_room_model()
    scene = build_level_scene(model, model.levels[0], furniture=False)
    dark = np.all(np.isclose(scene.soup.colors, WALL_TOP), axis=1)

    assert dark.any()
    assert np.allclose(scene.soup.vertices[dark][:, :, 2], WALL_HEIGHT)


def test_outside_faces_take_the_facade_colour() -> None:
    model = one_room_model(with_door=False)
    scene = build_level_scene(model, model.levels[0], furniture=False)
    vertices, colors = scene.soup.vertices, scene.soup.colors
    standing = np.all((vertices[:, :, 2] >= 0) & (vertices[:, :, 2] <= WALL_HEIGHT), axis=1)
    outer = standing & np.all(np.abs(vertices[:, :, 1] + 100.0) < 1.0, axis=1)
    inner = standing & np.all(np.abs(vertices[:, :, 1] - 100.0) < 1.0, axis=1)

    # Lighting scales a face's colour, so compare hues: each channel's share of the sum.
    def hue(rgb: np.ndarray | tuple[float, float, float]) -> np.ndarray:
        values = np.asarray(rgb, dtype=float)
        shares: np.ndarray = values / values.sum(axis=-1, keepdims=True)
        return shares

    assert outer.any() and inner.any()
    np.testing.assert_allclose(hue(colors[outer]), np.broadcast_to(hue(FACADE), (outer.sum(), 3)))
    np.testing.assert_allclose(hue(colors[inner]), np.broadcast_to(hue(WALL), (inner.sum(), 3)))


def test_basement_is_drawn_only_when_included() -> None:
    model = basement_house()

    assert [level.id for level in levels_to_draw(model, True)] == ["B1", "L0", "L1"]
    assert [level.id for level in levels_to_draw(model, False)] == ["L0", "L1"]
