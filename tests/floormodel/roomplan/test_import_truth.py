"""Every generated kind of scan imports to the model it was scanned from.

Scans carry a few millimetres to centimetres of noise per wall, up to about two degrees of tilt
and an arbitrary rotation of the whole plan; the import is compared with the truth after undoing
that rotation (found from the outlines alone, see `compare.align`).
"""

from __future__ import annotations

import json

import pytest
from shapely.geometry import Point

from planroom.floormodel.generator.api import GeneratedScan, generate
from planroom.floormodel.generator.scan_frame import Noise
from planroom.floormodel.geometry import polygon_of, wall_length, wall_point
from planroom.floormodel.intake import read_scan_document
from planroom.floormodel.schema import FloorModel
from planroom.floormodel.validation import validate_model
from tests.floormodel.roomplan.compare import (
    Alignment,
    align,
    angle_between,
    matching_space,
    opening_point,
    wall_line,
)

CASES = [
    ("rectangle", "room"),
    ("rectangle", "rooms"),
    ("l_shape", "room"),
    ("curved_wall", "room"),
    ("curved_wall", "structure"),
    ("apartment", "structure"),
    ("apartment", "rooms"),
    ("house_garage_porch", "structure"),
    ("house_garage_porch", "rooms"),
    ("two_storey_basement", "structure"),
    ("two_storey_basement", "rooms"),
]
SEEDS = (0, 7)
OPENING_TOLERANCE_MM = 120.0
WALL_TOLERANCE_MM = 45.0


def _imported(scan: GeneratedScan) -> tuple[FloorModel, Alignment]:
    # Through JSON text, as an upload would arrive.
    model = read_scan_document(json.loads(scan.scan_bytes())).model
    return model, align(model, scan.truth)


@pytest.fixture(
    scope="module",
    params=[(n, f, s) for n, f in CASES for s in SEEDS],
    ids=lambda p: f"{p[0]}-{p[1]}-{p[2]}",
)
def imported(request: pytest.FixtureRequest) -> tuple[GeneratedScan, FloorModel, Alignment]:
    name, form, seed = request.param
    scan = generate(name, seed=seed, form=form)
    model, alignment = _imported(scan)
    return scan, model, alignment


def test_rooms_match_in_area_and_type(
    imported: tuple[GeneratedScan, FloorModel, Alignment],
) -> None:
    scan, model, alignment = imported
    assert len(model.spaces) == len(scan.truth.spaces)
    for truth_space in scan.truth.spaces:
        found = matching_space(truth_space, model, scan.truth, alignment)
        assert found is not None, truth_space.name
        assert found.type == truth_space.type, truth_space.name
        assert found.name
        shape = polygon_of(truth_space.polygon)
        true_area = shape.area
        x0, y0, x1, y1 = shape.bounds
        # 1 % for rooms; in a closet, a half bath or a 1.2 m hall the few centimetres of
        # scan noise on one wall are already more than 1 % of the area.
        small = true_area < 8e6 or min(x1 - x0, y1 - y0) < 2000
        tolerance = 0.03 if small else 0.01
        assert polygon_of(found.polygon).area == pytest.approx(true_area, rel=tolerance), (
            truth_space.name
        )


def test_openings_sit_on_the_right_walls(
    imported: tuple[GeneratedScan, FloorModel, Alignment],
) -> None:
    scan, model, alignment = imported
    truth = scan.truth
    assert len(model.openings) == len(truth.openings)
    walls = {wall.id: wall for wall in model.walls}
    true_walls = {wall.id: wall for wall in truth.walls}
    for opening in truth.openings:
        point = Point(opening_point(truth, opening))
        level_index = truth.level(true_walls[opening.wall_id].level_id).index
        candidates = [
            other
            for other in model.openings
            if model.level(walls[other.wall_id].level_id).index == level_index
            and Point(alignment.apply(opening_point(model, other))).distance(point)
            < OPENING_TOLERANCE_MM
        ]
        assert len(candidates) == 1, opening.id
        (found,) = candidates
        assert (found.kind == "window") == (opening.kind == "window"), opening.id
        assert found.width == pytest.approx(opening.width, abs=40)
        true_wall = next(w for w in truth.walls if w.id == opening.wall_id)
        host = wall_line(walls[found.wall_id], alignment)
        assert angle_between(host, wall_line(true_wall)) < 1.0
        assert host.distance(point) < WALL_TOLERANCE_MM


def test_walls_follow_the_true_centre_lines(
    imported: tuple[GeneratedScan, FloorModel, Alignment],
) -> None:
    scan, model, alignment = imported
    for true_wall in scan.truth.walls:
        level_index = scan.truth.level(true_wall.level_id).index
        same_kind = [
            wall_line(wall, alignment)
            for wall in model.walls
            if wall.kind == true_wall.kind and model.level(wall.level_id).index == level_index
        ]
        length = wall_length(true_wall)
        steps = max(2, int(length // 250))
        for step in range(1, steps):
            probe = Point(wall_point(true_wall, length * step / steps))
            nearest = min(line.distance(probe) for line in same_kind)
            assert nearest < WALL_TOLERANCE_MM, (true_wall.id, step)


def test_levels_stairs_and_fixtures_come_through(
    imported: tuple[GeneratedScan, FloorModel, Alignment],
) -> None:
    scan, model, alignment = imported
    truth = scan.truth
    assert [(lv.index, lv.grade) for lv in model.levels_in_order()] == [
        (lv.index, lv.grade) for lv in truth.levels_in_order()
    ]
    assert len(model.stairs) == len(truth.stairs)
    for stair in truth.stairs:
        footprint = polygon_of(stair.footprint)
        found = [
            other
            for other in model.stairs
            if polygon_of([alignment.apply(p) for p in other.footprint])
            .intersection(footprint)
            .area
            > 0.8 * footprint.area
        ]
        assert len(found) == 1
        assert model.level(found[0].from_level_id).index == truth.level(stair.from_level_id).index
        assert model.level(found[0].to_level_id).index == truth.level(stair.to_level_id).index
    assert sorted(f.category for f in model.fixtures) == sorted(f.category for f in truth.fixtures)


def test_imports_are_valid_models(
    imported: tuple[GeneratedScan, FloorModel, Alignment],
) -> None:
    _, model, _ = imported
    assert validate_model(model) == []


def test_doors_swing_into_the_room_with_more_free_floor() -> None:
    scan = generate("house_garage_porch", seed=3)
    model, _ = _imported(scan)
    spaces = {space.id: polygon_of(space.polygon) for space in model.spaces}
    names = {space.id: space.type for space in model.spaces}
    walls = {wall.id: wall for wall in model.walls}
    for opening in model.openings:
        if opening.kind != "door":
            continue
        wall = walls[opening.wall_id]
        side = 1 if opening.swing == "left" else -1
        into = Point(wall_point(wall, opening.offset, side * (wall.thickness / 2 + 300)))
        other = Point(wall_point(wall, opening.offset, -side * (wall.thickness / 2 + 300)))
        into_room = [sid for sid, shape in spaces.items() if shape.contains(into)]
        other_room = [sid for sid, shape in spaces.items() if shape.contains(other)]
        assert into_room, "a door never swings out of the building"
        if other_room:
            assert spaces[into_room[0]].area >= spaces[other_room[0]].area * 0.8, (
                names[into_room[0]],
                names[other_room[0]],
            )


def test_same_scan_imports_to_the_same_model() -> None:
    scan = generate("two_storey_basement", seed=2)
    first, _ = _imported(scan)
    second, _ = _imported(scan)
    assert first.to_json_dict() == second.to_json_dict()


def test_a_clean_scan_reproduces_the_truth_to_the_millimetre() -> None:
    scan = generate("apartment", noise=Noise.none(), turn_deg=0.0)
    model, alignment = _imported(scan)
    for truth_space in scan.truth.spaces:
        found = matching_space(truth_space, model, scan.truth, alignment)
        assert found is not None
        assert polygon_of(found.polygon).area == pytest.approx(
            polygon_of(truth_space.polygon).area, abs=20_000
        )  # 0.02 m²
