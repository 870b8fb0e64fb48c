"""Details of reading RoomPlan JSON: encodings apps differ in."""

from __future__ import annotations

import math

import numpy as np
import pytest

from planroom.floormodel.errors import ScanUnreadable
from planroom.floormodel.roomplan.wire import read_scan, transform_of

IDENTITY = [1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0, 0, 2.0, 1.5, -3.0, 1.0]


def _wall(**fields: object) -> dict[str, object]:
    wall: dict[str, object] = {
        "category": {"wall": {}},
        "dimensions": [4.0, 2.4, 0.0],
        "transform": IDENTITY,
        "confidence": {"high": {}},
    }
    wall.update(fields)
    return wall


def test_transform_is_column_major_with_translation_last() -> None:
    matrix = transform_of(IDENTITY, "x")
    assert matrix @ np.array([0, 0, 0, 1.0]) == pytest.approx([2.0, 1.5, -3.0, 1.0])


def test_transform_as_four_columns() -> None:
    columns = [IDENTITY[0:4], IDENTITY[4:8], IDENTITY[8:12], IDENTITY[12:16]]
    assert (transform_of(columns, "x") == transform_of(IDENTITY, "x")).all()


def test_categories_as_objects_or_strings_and_confidence() -> None:
    scan = read_scan(
        {
            "walls": [_wall(), _wall(category="wall", confidence="low")],
            "doors": [_wall(category={"door": {"isOpen": False}})],
        }
    )
    first, second, door = scan.rooms[0].surfaces
    assert (first.kind, first.confidence) == ("wall", 1.0)
    assert (second.kind, second.confidence) == ("wall", 0.33)
    assert door.is_open is False


def test_curve_angles_as_measurements_in_degrees_or_radians() -> None:
    curve = {
        "startAngle": {"value": 90, "unit": {"symbol": "°"}},
        "endAngle": 3.0,
        "radius": 2.5,
        "center": [0.1, -0.2],
    }
    (surface,) = read_scan({"walls": [_wall(curve=curve)]}).rooms[0].surfaces
    assert surface.curve is not None
    assert surface.curve.start_angle == pytest.approx(math.pi / 2)
    assert surface.curve.end_angle == 3.0
    assert surface.curve.center == (0.1, -0.2)


def test_reference_origin_transform_moves_the_room() -> None:
    reference = [1.0, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 1.0, 0, 10.0, 0, 0, 1.0]
    scan = read_scan([{"walls": [_wall()], "referenceOriginTransform": reference}])
    (surface,) = scan.rooms[0].surfaces
    assert surface.transform is not None
    assert surface.transform[:3, 3] == pytest.approx([12.0, 1.5, -3.0])


def test_a_structure_keeps_its_rooms_and_its_merged_level_apart() -> None:
    room = {"walls": [_wall()], "story": 1}
    scan = read_scan({"rooms": [room, room], "walls": [_wall(), _wall()]})
    assert scan.form == "structure"
    assert [len(item.surfaces) for item in scan.rooms] == [1, 1]
    assert scan.top is not None
    assert len(scan.top.surfaces) == 2


def test_a_structure_without_merged_surfaces_has_no_top_level() -> None:
    scan = read_scan({"rooms": [{"walls": [_wall()]}]})
    assert scan.top is None
    assert len(scan.rooms) == 1


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"walls": "many"}, "structure: walls must be a list, got text"),
        ({"walls": [7]}, "room 1, wall 1: must be an object, got int"),
        ({"walls": [_wall(story=1.5)]}, "room 1, wall 1: story must be a whole number, got 1.5"),
        (
            {"walls": [_wall(dimensions=[1.0, -2.0, 0.0])]},
            "room 1, wall 1: dimensions must not be negative",
        ),
        (
            {"walls": [_wall(curve={"radius": 0, "center": [0, 0]})]},
            "room 1, wall 1: curve radius must be positive",
        ),
        ([{"walls": [_wall()]}, "room"], "room 2: must be a CapturedRoom object, got text"),
        (
            {"walls": [_wall(dimensions=[True, 2.0, 0.0])]},
            "room 1, wall 1: dimensions must be a number, got true/false",
        ),
    ],
)
def test_bad_values_name_the_element(document: object, message: str) -> None:
    if isinstance(document, dict) and document.get("walls") == "many":
        document = {"rooms": [{}], "walls": "many"}
    with pytest.raises(ScanUnreadable) as caught:
        read_scan(document)
    assert caught.value.message == message
