"""What every realistic kind shares: determinism, a valid truth, float32 text, real wire fields."""

from __future__ import annotations

import base64
import json
import re
from itertools import combinations

import numpy as np
import pytest
from shapely.geometry import Point

from planroom.floormodel.generator.realistic import (
    REALISTIC_KINDS,
    generate_realistic,
    truth_rooms,
)
from planroom.floormodel.geometry import polygon_of
from planroom.floormodel.validation import validate_model
from tests.floormodel.generator.conftest import SEEDS, generated
from tests.floormodel.generator.reading import captured_rooms, numbers, rooms_of, surfaces


@pytest.mark.parametrize("kind", REALISTIC_KINDS)
def test_same_kind_and_seed_give_the_same_scan_and_truth(kind: str) -> None:
    for seed in (0, 7):
        first, second = generate_realistic(kind, seed), generate_realistic(kind, seed)
        assert first.scan_bytes() == second.scan_bytes()
        assert first.truth_bytes() == second.truth_bytes()
        assert first.name == f"{kind}-{seed}"
    assert generated(kind, 1).scan_bytes() != generated(kind, 2).scan_bytes()


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(KeyError, match="sequential"):
        generate_realistic("lidar", 0)


@pytest.mark.parametrize("kind", REALISTIC_KINDS)
def test_truth_is_a_valid_model_whose_rooms_do_not_overlap(kind: str) -> None:
    for seed in SEEDS:
        truth = generated(kind, seed).truth
        errors = [p for p in validate_model(truth) if p.severity == "error"]
        assert errors == [], (seed, errors)
        for level in truth.levels:
            shapes = [polygon_of(s.polygon) for s in truth.spaces_on(level.id)]
            for a, b in combinations(shapes, 2):
                assert a.intersection(b).area < 1.0, seed


def test_layouts_vary_with_the_seed() -> None:
    counts, types, areas = set(), set(), []
    for seed in SEEDS:
        truth = generated("sequential", seed).truth
        counts.add(len(truth.spaces))
        types.update(space.type for space in truth.spaces)
        areas += [polygon_of(space.polygon).area / 1e6 for space in truth.spaces]
        assert 2 <= len(truth.spaces) <= 7
    assert len(counts) >= 4
    assert {"living", "kitchen", "bedroom", "bathroom", "hall"} <= types
    assert min(areas) < 4.0 and min(areas) > 1.1
    assert max(areas) <= 30.0
    shapes = [
        len(space.polygon)
        for seed in SEEDS
        for kind in ("sequential", "structure")
        for space in generated(kind, seed).truth.spaces
    ]
    assert any(count > 4 for count in shapes), "no L-shaped room in any layout"


@pytest.mark.parametrize("kind", REALISTIC_KINDS)
def test_numbers_are_float32_text(kind: str) -> None:
    near_one = 0
    for seed in SEEDS[:8]:
        scan = generated(kind, seed)
        text = scan.scan_bytes().decode()
        near_one += text.count("0.99999994")
        for value in numbers(json.loads(text)):
            # The text is the shortest decimal that reads back as the same float32.
            assert float(str(np.float32(value))) == value, value
    assert near_one > 0
    if kind not in ("clean", "ios16"):
        # Floor corners sit on their plane up to float32 rounding.
        assert re.search(
            r"e-0[78]", "".join(generated(kind, s).scan_bytes().decode() for s in SEEDS[:8])
        )


@pytest.mark.parametrize("kind", REALISTIC_KINDS)
def test_wire_fields_look_like_an_iphone_export(kind: str) -> None:
    for seed in SEEDS[:8]:
        scan = generated(kind, seed).scan
        if isinstance(scan, dict):
            assert "identifier" not in scan
            if "rooms" in scan:
                assert "story" not in scan and "coreModel" not in scan
        for room in captured_rooms(scan):
            assert "identifier" not in room
            assert room["version"] == 2
            assert len(base64.b64decode(room["coreModel"])) >= 2048
        for item in surfaces(scan):
            assert len(item["confidence"]) == 1
            edges = item.get("completedEdges", [])
            assert all(len(edge) == 1 and next(iter(edge.values())) == {} for edge in edges)
            category = item["category"]
            if "door" in category:
                assert set(category["door"]) == {"isOpen"}
    if kind != "clean":
        doors = [
            item["category"]["door"]["isOpen"]
            for seed in SEEDS[:8]
            for item in surfaces(generated(kind, seed).scan)
            if "door" in item["category"]
        ]
        assert doors.count(False) > doors.count(True)


def test_about_half_the_sections_are_unidentified() -> None:
    labels = [
        section["label"]
        for seed in SEEDS
        for kind in ("sequential", "structure", "multistory")
        for room in captured_rooms(generated(kind, seed).scan)
        for section in room.get("sections", [])
    ]
    share = labels.count("unidentified") / len(labels)
    assert 0.35 < share < 0.75
    assert {"bedroom", "kitchen", "bathroom"} <= set(labels)


def test_objects_fit_their_rooms() -> None:
    wanted = {
        "bedroom": {"bed"},
        "bathroom": {"toilet", "sink"},
        "kitchen": {"stove", "refrigerator"},
        "laundry": {"washerDryer"},
        "living": {"sofa", "television"},
    }
    found: dict[str, set[str]] = {}
    for seed in SEEDS:
        scan = generated("structure", seed)
        truth = scan.truth
        for fixture in truth.fixtures:
            space = next(
                s for s in truth.spaces if polygon_of(s.polygon).contains(Point(fixture.position))
            )
            found.setdefault(space.type, set()).add(fixture.category)
    names = {"tv": "television", "washer_dryer": "washerDryer"}
    for space_type, categories in wanted.items():
        assert categories <= {names.get(c, c) for c in found.get(space_type, set())}, space_type


@pytest.mark.parametrize("kind", ["sequential", "structure", "multistory", "clean"])
def test_truth_room_points_lie_in_the_floor_captured_for_them(kind: str) -> None:
    for seed in SEEDS[:10]:
        scan = generated(kind, seed)
        floors = [(room.story, shape) for room in rooms_of(scan.scan) for shape in room.floors]
        rooms = truth_rooms(scan)
        assert len(rooms) == len(scan.truth.spaces)
        missed = 0
        for story, area, _, point in rooms:
            assert area > 1.0
            missed += not any(st == story and s.contains(Point(point)) for st, s in floors)
        # A room StructureBuilder left out of `rooms[]` has no floor of its own.
        assert missed == len(rooms) - len(captured_rooms(scan.scan)), seed
