"""GLA rules beyond the published vectors: access, ADUs, obstructions, the JSON Schema."""

from __future__ import annotations

import pytest

from planroom.floormodel.classification import REASON_OBSTRUCTION, REASON_UNREACHABLE
from planroom.floormodel.gla import compute_gla
from planroom.floormodel.schema import FloorModel, Opening, json_schema
from tests.floormodel.builders import level, rect, ring_walls, space, wall

T, PARTITION = 152, 114


def _three_rooms(bonus_door_to: str) -> FloorModel:
    """House | garage | bonus room in a row, 4 m deep, walls on 4 m centres.

    The house has a door to the garage; the bonus room has a door to `bonus_door_to`.
    """
    walls = ring_walls(rect(0, 0, 12000, 4000), T)
    walls += [
        wall("p1", (4000, 0), (4000, 4000), PARTITION, "interior"),
        wall("p2", (8000, 0), (8000, 4000), PARTITION, "interior"),
    ]
    house = space("house", rect(76, 76, 3943, 3924))
    garage = space("garage", rect(4057, 76, 7943, 3924), "garage", finished=False, heated=False)
    bonus = space("bonus", rect(8057, 76, 11924, 3924), "bedroom")
    doors = [Opening(id="d1", wall_id="p1", kind="door", offset=2000, width=800, height=2000)]
    if bonus_door_to == "garage":
        doors.append(
            Opening(id="d2", wall_id="p2", kind="door", offset=2000, width=800, height=2000)
        )
    return FloorModel(levels=[level()], walls=walls, spaces=[house, garage, bonus], openings=doors)


def test_room_reached_only_through_the_garage_does_not_count() -> None:
    report = compute_gla(_three_rooms("garage"))
    reasons = {item.name: item.reasons for item in report.levels[0].measure.excluded}
    assert reasons["Bonus"] == (REASON_UNREACHABLE,)
    assert report.access_checked


def test_without_doors_access_is_not_checked_and_said_so() -> None:
    model = _three_rooms("garage").model_copy(update={"openings": []})
    report = compute_gla(model)
    assert not report.access_checked
    assert any("not checked" in note for note in report.assumptions())
    assert "Bonus" not in {item.name for item in report.levels[0].measure.excluded}


def test_adu_is_measured_apart_from_the_main_living_area() -> None:
    walls = ring_walls(rect(0, 0, 10000, 4000), T)
    walls.append(wall("p", (5000, 0), (5000, 4000), PARTITION, "interior"))
    model = FloorModel(
        levels=[level()],
        walls=walls,
        spaces=[
            space("main", rect(76, 76, 4943, 3924)),
            space("adu", rect(5057, 76, 9924, 3924), adu=True),
        ],
    )
    report = compute_gla(model)
    measure = report.levels[0].measure
    # The partition bounds the main area too, so it stays with it: main runs from the outer
    # face (-76) to the partition's far face (5,057); the ADU from there to the outer face.
    assert measure.included_sq_mm == pytest.approx((5057 + 76) * 4152)
    assert measure.adu_sq_mm == pytest.approx((10076 - 5057) * 4152)


def test_low_beams_exclude_the_room() -> None:
    walls = ring_walls(rect(0, 0, 5000, 4000), T)
    model = FloorModel(
        levels=[level()],
        walls=walls,
        spaces=[space("den", rect(76, 76, 4924, 3924), min_height_under_obstructions=1850)],
    )
    report = compute_gla(model)
    (item,) = report.levels[0].measure.excluded
    assert item.reasons == (REASON_OBSTRUCTION,)
    assert report.gla_sq_mm == 0


def test_json_schema_is_published_with_its_id() -> None:
    schema = json_schema()
    assert schema["$id"] == "planroom.floor-model/1"
    assert "levels" in schema["properties"]  # type: ignore[operator]
