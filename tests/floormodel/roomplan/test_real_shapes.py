"""Captures shaped like real iPhone exports: rooms with two walls, hull floors, open sides."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planroom.floormodel.errors import ScanUnreadable
from planroom.floormodel.geometry import polygon_of
from planroom.floormodel.intake import read_scan_upload
from planroom.floormodel.quality import assess
from planroom.floormodel.schema import FloorModel
from tests.floormodel.roomplan.capture_builders import (
    door,
    floor,
    obj,
    rectangle,
    room,
    section,
    wall,
)


def _imported(document: object) -> FloorModel:
    return read_scan_upload(json.dumps(document).encode()).model


def _areas(model: FloorModel) -> list[float]:
    return sorted(round(polygon_of(space.polygon).area / 1e6, 2) for space in model.spaces)


def test_a_room_with_two_walls_and_a_floor_is_closed_along_its_floor() -> None:
    captured = room(
        walls=[wall((0, 0), (4.5, 0)), wall((4.5, 0), (4.5, 1.0))],
        floors=[floor(rectangle(0, 0, 4.5, 1.0))],
        objects=[obj("storage", (3.0, 0.5), (1.5, 0.8, 0.5))],
        sections=[section("unidentified", (2.0, 0.5))],
    )
    model = _imported(captured)
    assert _areas(model) == [4.5]
    assert len(model.walls) == 4
    assert {wall.kind for wall in model.walls} == {"exterior"}
    assessment = assess(model)
    assert assessment.blocking == []
    assert "side_closed" in {finding.code for finding in model.source.findings}


def test_two_walls_and_no_floor_cannot_be_a_room() -> None:
    captured = room(walls=[wall((0, 0), (4, 0)), wall((4, 0), (4, 3))])
    del captured["floors"]
    with pytest.raises(ScanUnreadable) as caught:
        _imported(captured)
    assert caught.value.status_code == 422
    assert "2 walls and no floor" in caught.value.message


def test_an_ios16_room_stopped_early_is_closed_from_its_wall_ends() -> None:
    # three walls; the last one captured stops a metre short of its corner
    captured = {
        "version": 1,
        "walls": [wall((0, 0), (5, 0)), wall((5, 0), (5, 4)), wall((5, 4), (1.0, 4))],
        "doors": [],
        "windows": [],
        "objects": [],
    }
    model = _imported(captured)
    assert _areas(model) == [20.0]
    assert "room_closed" in {finding.code for finding in model.source.findings}
    assert assess(model).blocking == []


def test_a_structure_is_built_from_its_rooms_never_from_its_hull_floor() -> None:
    first = room(
        walls=[wall((0, 0), (4, 0)), wall((0, 0), (0, 3)), wall((4, 0), (4, 3))],
        floors=[floor(rectangle(0, 0, 4, 3))],
        objects=[obj("bed", (2, 1.5), (1.6, 0.5, 2.0))],
        sections=[section("unidentified", (2, 1.5))],
    )
    second = room(
        walls=[wall((0, 3.12), (0, 6)), wall((0, 6), (4, 6)), wall((4, 6), (4, 3.12))],
        floors=[floor(rectangle(0, 3.12, 4, 6))],
        objects=[obj("toilet", (0.5, 5.5), (0.4, 0.8, 0.7))],
        sections=[section("bathroom", (2, 4.5))],
        doors=[door((2, 3.12), (1, 0))],
    )
    structure = {
        "version": 2,
        "rooms": [first, second],
        # the merged level: trimmed walls, one hull floor around everything, repeats
        "walls": [wall((0, 0), (0, 6)), wall((0, 6), (4, 6)), wall((4, 6), (4, 0))],
        "floors": [floor(rectangle(-0.5, -0.5, 4.8, 6.9))],
        "doors": [door((2.01, 3.13), (1, 0))],
        "objects": [obj("bed", (2.02, 1.49), (1.6, 0.5, 2.0))],
        "sections": [section("unidentified", (2.03, 1.5))],
        "windows": [],
        "openings": [],
    }
    model = _imported(structure)
    assert len(model.spaces) == 2
    assert _areas(model) == pytest.approx([11.52, 12.0], abs=0.15)
    assert sorted(space.type for space in model.spaces) == ["bathroom", "bedroom"]
    assert len([o for o in model.openings if o.kind == "door"]) == 1
    assert len([f for f in model.fixtures if f.category == "bed"]) == 1
    assert assess(model).blocking == []


def test_floors_that_overlap_through_a_doorway_are_divided_at_the_wall() -> None:
    # the hall was captured second; its floor runs 1.5 m into the living room it saw
    living = room(
        walls=[wall((0, 0), (5, 0)), wall((5, 0), (5, 4)), wall((0, 4), (0, 0))],
        floors=[floor(rectangle(0, 0, 5, 4))],
        objects=[obj("sofa", (2.5, 1), (2.0, 0.8, 0.9))],
    )
    hall = room(
        walls=[wall((0, 4.12), (0, 6)), wall((0, 6), (5, 6)), wall((5, 6), (5, 4.12))],
        floors=[
            floor([(0, 4.12), (2, 4.12), (2, 2.6), (3, 2.6), (3, 4.12), (5, 4.12), (5, 6), (0, 6)])
        ],
        doors=[door((2.5, 4.06), (1, 0))],
    )
    # the living room's wall to the hall was seen only from the hall
    hall["walls"].append(wall((5, 4.12), (0, 4.12)))  # type: ignore[attr-defined]
    model = _imported([living, hall])
    assert _areas(model) == pytest.approx([9.4, 20.0], abs=0.2)
    assert "overlap_divided" in {finding.code for finding in model.source.findings}
    assert assess(model).blocking == []


REAL_CAPTURES = os.environ.get("PLANROOM_REAL_CAPTURES_DIR")


@pytest.mark.skipif(
    not REAL_CAPTURES,
    reason="real exports are not redistributable: set PLANROOM_REAL_CAPTURES_DIR to a folder "
    "of <name>.json exports with <name>.truth.json beside them to check them",
)
def test_real_captures_keep_the_rooms_the_phone_measured() -> None:
    folder = Path(str(REAL_CAPTURES))
    scans = [path for path in sorted(folder.glob("*.json")) if ".truth." not in path.name]
    assert scans, f"no exports in {folder}"
    for path in scans:
        truth = json.loads(path.with_name(path.name.replace(".json", ".truth.json")).read_text())
        model = read_scan_upload(path.read_bytes()).model
        expected = sorted(room["area_m2"] for room in truth["rooms"])
        found = sorted(polygon_of(space.polygon).area / 1e6 for space in model.spaces)
        assert len(found) == len(expected), path.name
        for mine, true in zip(found, expected, strict=True):
            assert mine == pytest.approx(true, rel=0.06 if true < 4 else 0.03), path.name
        assert assess(model).blocking == [], path.name
