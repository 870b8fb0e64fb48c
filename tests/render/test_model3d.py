"""The GLB model: extents, one mesh per wall, real holes, stacked levels, fixtures."""

from __future__ import annotations

import io

import numpy as np
import pytest
import trimesh

from planroom.render.three_d.glb import FLOOR_SLAB_MM, render_glb
from tests.render.builders3d import (
    EXTERIOR_MM,
    basement_house,
    context,
    one_room_model,
    small_house,
)

WALL_HEIGHT_M = 2.438


def _load(data: bytes) -> trimesh.Scene:
    scene = trimesh.load(io.BytesIO(data), file_type="glb")
    assert isinstance(scene, trimesh.Scene)
    return scene


def test_bounding_box_is_the_model_in_metres_with_y_up() -> None:
    scene = _load(render_glb(context(one_room_model())))

    half = EXTERIOR_MM / 2 / 1000
    # Plan x stays x, height is y, and plan y (north, 0..3 m) runs along -z.
    expected = np.array(
        [
            [-half, -FLOOR_SLAB_MM / 1000, -(3.0 + half)],
            [4.0 + half, WALL_HEIGHT_M, half],
        ]
    )
    np.testing.assert_allclose(scene.bounds, expected, atol=0.01)


def test_each_wall_is_one_mesh_named_by_its_id() -> None:
    model = small_house()
    scene = _load(render_glb(context(model)))

    wall_meshes = [name for name in scene.geometry if name in {w.id for w in model.walls}]

    assert sorted(wall_meshes) == sorted(wall.id for wall in model.walls)


def test_a_door_cuts_a_real_hole_through_its_wall() -> None:
    with_door = _load(render_glb(context(one_room_model(with_door=True)))).geometry["w0"]
    solid = _load(render_glb(context(one_room_model(with_door=False)))).geometry["w0"]

    # The south wall runs 4 m between centre lines plus half a thickness into each corner.
    length, thickness, height = 4.0 + 2 * 0.1, 0.2, WALL_HEIGHT_M
    door_w, door_h = 0.9, 2.032
    assert with_door.is_watertight
    assert solid.volume == pytest.approx(length * height * thickness, rel=1e-4)
    assert with_door.volume == pytest.approx(
        (length * height - door_w * door_h) * thickness, rel=1e-4
    )
    # The surface loses the door on both faces and the floor strip, and gains the reveals.
    removed = 2 * door_w * door_h + door_w * thickness
    reveals = (2 * door_h + door_w) * thickness
    assert with_door.area == pytest.approx(solid.area - removed + reveals, rel=1e-4)


def test_levels_stack_at_their_elevation() -> None:
    scene = _load(render_glb(context(small_house())))

    upper = scene.geometry["floor-s5"]
    ground = scene.geometry["floor-s1"]
    # Geometry is stored in world position: a floor's top is its level's elevation.
    assert upper.bounds[1][1] == pytest.approx(2.74, abs=1e-6)
    assert ground.bounds[1][1] == pytest.approx(0.0, abs=1e-6)
    assert scene.bounds[1][1] == pytest.approx(2.74 + WALL_HEIGHT_M, abs=0.01)


def test_fixtures_are_boxes_only_when_furniture_is_on() -> None:
    model = small_house()
    furnished = _load(render_glb(context(model, furniture_set="fixed")))
    bare = _load(render_glb(context(model, furniture_set="none")))

    fixture_names = {f"fixture-{fixture.id}" for fixture in model.fixtures}
    assert fixture_names <= set(furnished.geometry)
    assert not fixture_names & set(bare.geometry)


def test_basement_is_left_out_when_the_order_excludes_it() -> None:
    model = basement_house()

    with_basement = _load(render_glb(context(model, include_basement=True)))
    without = _load(render_glb(context(model, include_basement=False)))

    assert "b0" in with_basement.geometry
    assert "b0" not in without.geometry
    assert with_basement.bounds[0][1] < -2.5
    assert without.bounds[0][1] > -0.05


def test_same_model_gives_the_same_bytes() -> None:
    ctx = context(small_house())

    assert render_glb(ctx) == render_glb(ctx)


def _covers(triangles: np.ndarray, x: float, y: float) -> bool:
    """Whether any triangle's plan (glTF x, -z) covers the plan point (x, y) in metres."""
    plan = np.stack([triangles[:, :, 0], -triangles[:, :, 2]], axis=2)
    a, b, c = plan[:, 0], plan[:, 1], plan[:, 2]

    def side(u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return (v[:, 0] - u[:, 0]) * (y - u[:, 1]) - (v[:, 1] - u[:, 1]) * (x - u[:, 0])

    s1, s2, s3 = side(a, b), side(b, c), side(c, a)
    inside = ((s1 >= 0) & (s2 >= 0) & (s3 >= 0)) | ((s1 <= 0) & (s2 <= 0) & (s3 <= 0))
    return bool(inside.any())


def test_the_upper_floor_is_open_over_the_stair_coming_up() -> None:
    model = small_house()
    scene = _load(render_glb(context(model)))
    upper = [
        scene.geometry[name].copy().apply_transform(scene.graph.get(name)[0])
        for name in scene.graph.nodes_geometry
        if name.removeprefix("floor-") in {"s5", "s6", "s7"}
    ]
    assert upper
    # The upper floors' top faces, at the upper level's elevation (2.74 m).
    tops = np.concatenate([mesh.triangles for mesh in upper])
    tops = tops[np.all(np.abs(tops[:, :, 1] - 2.74) < 0.01, axis=1)]

    # Open over the stair's foot (the flight below shows through), closed beside it.
    assert not _covers(tops, 5.4, 5.6)
    assert _covers(tops, 4.0, 6.0)
