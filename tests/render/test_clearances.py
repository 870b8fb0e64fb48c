"""Door swings and room labels keep clear of stairs, fixtures and furniture: checked by
intersecting the drawn geometry, on the samples and on realistic generated captures."""

from __future__ import annotations

import functools
import io

import pytest
from ezdxf.filemanagement import read
from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union

from planroom.floormodel.classification import OUTDOOR_TYPES
from planroom.floormodel.generator.realistic import generate_realistic
from planroom.floormodel.geometry import polygon_of, wall_point
from planroom.floormodel.roomplan import parse_scan_bytes
from planroom.floormodel.roomplan.swings import (
    CLEAR_SQ_MM,
    fixture_box,
    swept_obstacle_area,
    swing_obstacles,
)
from planroom.floormodel.samples import SAMPLE_NAMES, load_sample_model
from planroom.floormodel.schema import FloorModel
from planroom.render.cad.drawing import label_obstacles as drawing_obstacles
from planroom.render.cad.drawing import level_drawing, room_label_blocks, units_for
from planroom.render.draw.scene import Text
from planroom.render.fonts import text_width
from planroom.render.plan.builder import label_obstacles
from planroom.render.plan.labels import LINE_SPACING, RoomLabel, fit_label
from planroom.render.plan.openings import door_leaves
from planroom.render.plan.style import sizes_for_image
from planroom.render.plan.svg import level_scene, plan_options
from tests.render.builders import context

NAMES = (*SAMPLE_NAMES, "structure:5", "sequential:17", "multistory:2", "multistory:8")
TOUCH_SQ_MM = 100.0


@functools.cache
def _model(name: str) -> FloorModel:
    if ":" not in name:
        return load_sample_model(name)
    kind, seed = name.split(":")
    return parse_scan_bytes(generate_realistic(kind, int(seed)).scan_bytes(), "application/json")


def _room_sides(model: FloorModel, wall_id: str, offset: int) -> list[str]:
    """The sides of a wall with an indoor room behind them (a door opens into the building)."""
    wall = next(w for w in model.walls if w.id == wall_id)
    shapes = [
        polygon_of(space.polygon)
        for space in model.spaces_on(wall.level_id)
        if space.type not in OUTDOOR_TYPES
    ]
    sides = []
    for side, sign in (("left", 1), ("right", -1)):
        probe = Point(wall_point(wall, offset, sign * (wall.thickness / 2 + 300)))
        if any(shape.contains(probe) for shape in shapes):
            sides.append(side)
    return sides


@pytest.mark.parametrize("name", NAMES)
def test_doors_swing_clear_of_stairs_and_furniture_when_any_way_is(name: str) -> None:
    model = _model(name)
    walls = {wall.id: wall for wall in model.walls}
    doors = [o for o in model.openings if o.kind in ("door", "double_door")]
    assert doors
    for door in doors:
        wall = walls[door.wall_id]
        obstacles = swing_obstacles(wall.level_id, model.stairs, model.fixtures)
        # The leaf as the plan draws it, fully open.
        drawn = unary_union(
            [Polygon([leaf.hinge, *leaf.arc()]) for leaf in door_leaves(model, door, 90.0)]
        )
        swept = float(drawn.intersection(obstacles).area)
        sides = _room_sides(model, door.wall_id, door.offset)
        if door.swing not in sides:
            sides = ["left", "right"]  # opened outward, away from a stairwell
        ways = [
            swept_obstacle_area(door, wall, side, hinge, obstacles)
            for side in sides
            for hinge in ("start", "end")
        ]
        if min(ways) < CLEAR_SQ_MM:
            assert swept < CLEAR_SQ_MM + TOUCH_SQ_MM, (door.id, swept, ways)
        else:
            # Nowhere clear: the way that sweeps the least (the drawn arc is a finer polygon).
            assert swept <= min(ways) * 1.02 + TOUCH_SQ_MM, (door.id, swept, ways)


def test_no_door_of_the_samples_swings_across_a_stair() -> None:
    for name in SAMPLE_NAMES:
        model = _model(name)
        walls = {wall.id: wall for wall in model.walls}
        for door in model.openings:
            if door.kind not in ("door", "double_door"):
                continue
            stairs = swing_obstacles(walls[door.wall_id].level_id, model.stairs, [])
            leaves = [Polygon([leaf.hinge, *leaf.arc()]) for leaf in door_leaves(model, door, 90)]
            swept = sum(float(leaf.intersection(stairs).area) for leaf in leaves)
            assert swept < TOUCH_SQ_MM, (name, door.id, swept)


@pytest.mark.parametrize("name", NAMES)
def test_plan_labels_sit_clear_of_swings_stairs_and_fixtures(name: str) -> None:
    model = _model(name)
    ctx = context(model)
    for level in model.levels:
        obstacles = label_obstacles(model, level.id, plan_options(ctx, dimensions=False))
        labels = level_scene(ctx, level.id, dimensions=False).group("labels")
        for text in labels.items:
            if not isinstance(text, Text):
                continue
            width = text_width(text.text, text.size, bold=text.bold)
            x, y = text.pos
            block = box(x - width / 2, y - text.size / 2, x + width / 2, y + text.size / 2)
            assert block.intersection(obstacles).area < TOUCH_SQ_MM, (level.id, text.text)


@pytest.mark.parametrize("name", NAMES)
def test_drawing_room_labels_sit_clear_of_beds_swings_and_stairs(name: str) -> None:
    model = _model(name)
    ctx = context(model)
    for level in model.levels:
        obstacles = drawing_obstacles(ctx, level)
        furniture = unary_union([fixture_box(f) for f in model.fixtures_on(level.id)])
        blocks = room_label_blocks(ctx, level, units_for(ctx))
        for block in blocks:
            x, y = block.centre
            extent = box(
                x - block.width / 2,
                y - block.height / 2,
                x + block.width / 2,
                y + block.height / 2,
            )
            assert extent.intersection(obstacles).area < TOUCH_SQ_MM, (level.id, block.lines)
            assert extent.intersection(furniture).area < TOUCH_SQ_MM, (level.id, block.lines)
        # and the drawing writes them there (drawing units: inches)
        drawing = read(io.StringIO(level_drawing(ctx, level).decode("utf-8")))
        written = sorted(
            (round(m.dxf.insert[0] * 25.4), round(m.dxf.insert[1] * 25.4))
            for m in drawing.modelspace().query("MTEXT")
            if m.dxf.layer == "A-AREA-IDEN"
        )
        expected = sorted((round(b.centre[0]), round(b.centre[1])) for b in blocks)
        assert len(written) == len(expected)
        for got, want in zip(written, expected, strict=True):
            assert abs(got[0] - want[0]) <= 2 and abs(got[1] - want[1]) <= 2


def test_a_label_that_fits_nowhere_clear_covers_as_little_of_the_stair_as_it_can() -> None:
    # A hall mostly taken by a stair: the strip beside it is too thin for any layout, so the
    # label must sit partly over the treads, but over as little of them as a layout allows.
    sizes = sizes_for_image(12_000.0, 1.0)
    hall = box(0.0, 0.0, 2_400.0, 1_600.0)
    stair = box(0.0, 150.0, 2_400.0, 1_600.0)
    label = RoomLabel("HALL", "HL", ("7'10\" x 5'3\"",), "41 sq ft")
    fitted = fit_label(hall, label, sizes, stair)
    assert fitted is not None
    (x, y), lines = fitted
    width = max(text_width(line.text, line.size, bold=line.bold) for line in lines)
    height = sum(line.size * LINE_SPACING for line in lines)
    block = box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)
    covered = block.intersection(stair).area / block.area
    assert hall.covers(block)
    assert lines[0].text in {"HALL", "HL"}
    # the fullest label centred in the hall (what an unchecked placement gives) covers more
    full = [*fit_label(hall, label, sizes)[1]]  # type: ignore[index]
    full_height = sum(line.size * LINE_SPACING for line in full)
    centred = box(
        1_200.0 - width / 2, 800.0 - full_height / 2, 1_200.0 + width / 2, 800.0 + full_height / 2
    )
    assert covered < centred.intersection(stair).area / centred.area
    assert covered < 0.75
