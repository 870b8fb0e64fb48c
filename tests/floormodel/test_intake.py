"""Whatever a client uploads, the answer is a model or a 4xx that says what is wrong."""

from __future__ import annotations

import copy
import json

import pytest

from planroom.core.errors import PlanroomError
from planroom.floormodel.errors import (
    FloorModelInvalid,
    ScanTooLarge,
    ScanUnreadable,
    ScanWrongType,
)
from planroom.floormodel.generator.api import generate
from planroom.floormodel.intake import read_scan_document, read_scan_upload
from planroom.floormodel.roomplan import parse_scan_bytes


def _room() -> dict[str, object]:
    scan = generate("rectangle", seed=1).scan
    assert isinstance(scan, dict)
    return copy.deepcopy(scan)


def _rejected(data: bytes, content_type: str | None = None) -> PlanroomError:
    with pytest.raises(PlanroomError) as caught:
        read_scan_upload(data, content_type=content_type)
    error = caught.value
    assert 400 <= error.status_code < 500
    return error


def test_a_generated_room_reads() -> None:
    intake = read_scan_upload(json.dumps(_room()).encode())
    assert intake.kind == "roomplan"
    assert intake.form == "room"
    assert len(intake.model.spaces) == 1


def test_a_planroom_model_reads_as_itself() -> None:
    truth = generate("apartment").truth
    intake = read_scan_upload(json.dumps(truth.to_json_dict()).encode())
    assert intake.kind == "planroom"
    assert intake.model == truth


def test_parse_scan_bytes_gives_the_model() -> None:
    model = parse_scan_bytes(json.dumps(_room()).encode(), "application/json")
    assert model.source.kind == "roomplan"


def test_empty_file() -> None:
    error = _rejected(b"  \n")
    assert isinstance(error, ScanUnreadable)
    assert "empty" in error.message


def test_png_is_the_wrong_type() -> None:
    error = _rejected(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    assert isinstance(error, ScanWrongType)
    assert error.status_code == 415
    assert "PNG" in error.message


def test_usdz_archive_is_the_wrong_type() -> None:
    error = _rejected(b"PK\x03\x04" + b"\0" * 64)
    assert isinstance(error, ScanWrongType)
    assert "USDZ" in error.message


def test_declared_image_that_is_not_json() -> None:
    error = _rejected(b"GARBAGE", content_type="image/heic")
    assert error.status_code == 415


def test_fifty_megabytes_is_too_large() -> None:
    error = _rejected(b" " * (50 * 1024 * 1024))
    assert isinstance(error, ScanTooLarge)
    assert error.status_code == 413
    assert "50.0 MB" in error.message


def test_broken_json_names_the_place() -> None:
    error = _rejected(b'{"walls": [1, 2,')
    assert "line 1" in error.message


def test_nan_is_refused() -> None:
    error = _rejected(b'{"walls": [{"dimensions": [NaN, 2.5, 0]}]}')
    assert "NaN" in error.message


def test_deep_nesting_is_refused() -> None:
    error = _rejected(b"[" * 100_000 + b"]" * 100_000)
    assert error.status_code == 422


def test_not_utf8() -> None:
    error = _rejected(b"\xff\xfe\x00{")
    assert error.status_code in (415, 422)


@pytest.mark.parametrize("document", [42, "walls", None, True, [], [1, 2], {"version": 2}])
def test_wrong_json_types(document: object) -> None:
    with pytest.raises(ScanUnreadable):
        read_scan_document(document)


def test_missing_transform_names_the_wall() -> None:
    room = _room()
    room["walls"][2]["transform"] = None  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert caught.value.message == "room 1, wall 3: transform is missing"


def test_short_transform_names_the_door() -> None:
    room = _room()
    room["doors"][0]["transform"] = [1.0, 0.0]  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert "room 1, door 1" in caught.value.message
    assert "16 numbers" in caught.value.message


def test_null_dimensions_name_the_window() -> None:
    room = _room()
    room["windows"][1]["dimensions"] = None  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert caught.value.message == "room 1, window 2: dimensions are missing"


def test_text_where_a_number_belongs() -> None:
    room = _room()
    room["walls"][0]["dimensions"] = ["4.2", 2.4, 0]  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert "room 1, wall 1" in caught.value.message
    assert "must be a number, got text" in caught.value.message


def test_infinite_coordinates() -> None:
    room = _room()
    room["walls"][0]["transform"][12] = 1e300  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert "out of range" in caught.value.message


def test_floor_with_two_corners() -> None:
    room = _room()
    room["floors"][0]["polygonCorners"] = [[0, 0, 0], [1, 0, 0]]  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert caught.value.message == "room 1, floor 1: floor needs at least 3 polygonCorners"


def test_degenerate_transform() -> None:
    room = _room()
    room["walls"][0]["transform"] = [0.0] * 16  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert "degenerate" in caught.value.message


def test_unknown_fields_are_ignored() -> None:
    room = _room()
    room["coreModel"] = "opaque"
    room["somethingNew"] = {"nested": [1, 2, 3]}
    room["walls"][0]["futureField"] = True  # type: ignore[index]
    assert len(read_scan_document(room).model.spaces) == 1


def test_snake_case_keys_are_accepted() -> None:
    room = _room()
    for floor in room["floors"]:  # type: ignore[attr-defined]
        floor["polygon_corners"] = floor.pop("polygonCorners")
    for door in room["doors"]:  # type: ignore[attr-defined]
        door["parent_identifier"] = door.pop("parentIdentifier")
    model = read_scan_document(room).model
    assert len(model.spaces) == 1
    assert any(opening.kind == "door" for opening in model.openings)


def test_walls_only_room_builds_its_outline_from_the_wall_loop() -> None:
    room = _room()
    room["floors"] = []
    model = read_scan_document(room).model
    (space,) = model.spaces
    # The rectangle scene's room is 5,000 x 4,000 mm on wall centre lines, walls 152 mm thick,
    # so its floor is 4,848 x 3,848 mm = 18.66 m²; the scan is noisy by a few millimetres.
    from planroom.floormodel.geometry import polygon_of

    assert polygon_of(space.polygon).area / 1e6 == pytest.approx(4.848 * 3.848, rel=0.02)


def test_scan_without_floors_or_a_closed_loop() -> None:
    room = _room()
    room["floors"] = []
    room["walls"] = room["walls"][:2]  # type: ignore[index]
    with pytest.raises(ScanUnreadable) as caught:
        read_scan_document(room)
    assert "no room could be formed" in caught.value.message


def test_planroom_model_errors_name_the_element() -> None:
    document = generate("apartment").truth.to_json_dict()
    document["walls"][3]["thickness"] = -5  # type: ignore[index]
    wall_id = document["walls"][3]["id"]  # type: ignore[index]
    with pytest.raises(FloorModelInvalid) as caught:
        read_scan_document(document)
    assert caught.value.status_code == 422
    assert str(caught.value.problems[0]).startswith(f"wall {wall_id}: thickness:")
